import { describe, expect, it } from 'vitest';
import {
	CorpusError,
	decodeText,
	isIsoDate,
	isIsoDateTime,
	noteMarkdown,
	parseCase,
	witnessTextProblem,
	type CaseFolder
} from './parse';

// The corpus loader's own tests (src/lib/server/corpus.test.ts) check the messages against folders
// on disk; these check the parser alone, on a case held in memory as a zip would hold it.

const caseTxt = [
	'# A comment',
	'title: T',
	'date: 2000-01-31',
	'person: A',
	'person: B',
	'language: en',
	'summary: A long',
	'\tsummary.',
	'kind: Redaction',
	'rights: Free.',
	'compare: a -> b',
	'',
	'[source s]',
	'citation: C.',
	'url: https://example.org',
	'',
	'[witness a]',
	'label: A',
	'description: D.',
	'source: s',
	'file: ./texts/a.txt',
	'',
	'[witness b]',
	'label: B',
	'description: D.',
	'source: s',
	'file: b.txt',
	'translator: T.',
	''
].join('\n');

const good: Record<string, string | Uint8Array> = {
	'case.txt': caseTxt,
	'texts/a.txt': 'The cat sat on the\r\nmat. The cat slept.\n',
	'b.txt': 'The cat sat.\n\n{gap}\n',
	'notes/02-mat.md': '---\ntitle: Mat\nwitness: a\nquote: the mat.\n---\n\nOn the mat.\n',
	'notes/01-about.md': '---\r\ntitle: About\r\n---\r\n\r\n\r\nThe case.  \r\n',
	'notes/README.txt': 'Not a note.'
};

type Changes = Record<string, string | Uint8Array | undefined>;

/** A case folder `c/` holding `good`, with `changes` made to it (undefined removes a file). */
function folder(changes: Changes = {}): CaseFolder {
	const files = { ...good, ...changes };
	const read = (file: string) => {
		const value = files[file];
		return typeof value === 'string' ? new TextEncoder().encode(value) : value;
	};
	const notes = Object.keys(files).filter((f) => f.startsWith('notes/') && files[f] !== undefined);
	return { dir: 'c/', read, notes: notes.map((f) => f.slice('notes/'.length)) };
}

/** The message parseCase throws for the case with `changes`. */
function problem(changes: Changes): string {
	try {
		parseCase(folder(changes));
	} catch (error) {
		expect(error).toBeInstanceOf(CorpusError);
		return (error as CorpusError).message;
	}
	throw new Error('parseCase accepted the case');
}

const edit = (from: string, to: string) => ({ 'case.txt': caseTxt.replace(from, to) });
const note = (text: string) => ({ 'notes/03-x.md': text });

describe('parseCase', () => {
	it('reads case.txt, the texts it names and the notes, in file-name order', () => {
		expect(parseCase(folder())).toStrictEqual({
			title: 'T',
			date: '2000-01-31',
			people: ['A', 'B'],
			language: 'en',
			summary: 'A long summary.',
			kind: 'Redaction',
			rights: 'Free.',
			sources: [{ id: 's', citation: 'C.', url: 'https://example.org' }],
			witnesses: [
				{
					id: 'a',
					label: 'A',
					description: 'D.',
					source: 's',
					text: 'The cat sat on the\r\nmat. The cat slept.\n',
					file: 'c/texts/a.txt'
				},
				{
					id: 'b',
					label: 'B',
					description: 'D.',
					source: 's',
					text: 'The cat sat.\n\n{gap}\n',
					file: 'c/b.txt',
					translator: 'T.'
				}
			],
			comparison: { base: 'a', target: 'b' },
			notes: [
				{
					id: '01-about',
					title: 'About',
					anchor: null,
					markdown: 'The case.',
					file: 'c/notes/01-about.md'
				},
				{
					id: '02-mat',
					title: 'Mat',
					anchor: { witness: 'a', quote: 'the\r\nmat.' },
					markdown: 'On the mat.',
					file: 'c/notes/02-mat.md'
				}
			],
			causes: [],
			attributions: []
		});
	});

	it('reads a witness’s siglum, one short word for an apparatus', () => {
		const parsed = parseCase(folder(edit('label: B', 'label: B\nsiglum: Bliss')));
		expect(parsed.witnesses.map((w) => w.siglum)).toStrictEqual([undefined, 'Bliss']);
	});

	it('reads a witness’s own language, for a text not in the case’s (a translation)', () => {
		const parsed = parseCase(folder(edit('translator: T.', 'translator: T.\nlanguage: ru')));
		expect(parsed.witnesses.map((w) => w.language)).toStrictEqual([undefined, 'ru']);
		expect(parsed.language).toBe('en');
	});

	it('keeps the prefix and suffix of an anchor in the witness’s own characters', () => {
		const anchored = '---\ntitle: X\nwitness: a\nquote: cat\nprefix: The\nsuffix: slept.\n---\nX';
		expect(parseCase(folder(note(anchored))).notes[2].anchor).toStrictEqual({
			witness: 'a',
			prefix: 'The ',
			quote: 'cat',
			suffix: ' slept.'
		});
	});

	it('reads when the original of a witness was written and who holds it, with the sources', () => {
		const history = 'file: ./texts/a.txt\nwritten: 1863, in ink.\nheld-by: A library.\naccording-to: s, t';
		const withSource = edit('file: ./texts/a.txt', history)['case.txt'].replace(
			'[witness a]',
			'[source t]\ncitation: D.\n\n[witness a]'
		);
		const [a, b] = parseCase(folder({ 'case.txt': withSource })).witnesses;
		expect([a.written, a.heldBy, a.accordingTo]).toEqual(['1863, in ink.', 'A library.', ['s', 't']]);
		expect(Object.keys(b)).not.toContain('accordingTo');
	});

	it('throws a CorpusError that names the file, the line and the problem', () => {
		try {
			parseCase(folder(edit('kind: Redaction', 'kind:')));
		} catch (error) {
			expect(error).toMatchObject({
				file: 'c/case.txt',
				line: 9,
				problem: 'field "kind" is empty'
			});
		}
		expect.assertions(1);
	});

	it.each([
		[
			'c/case.txt:1: case.txt not found: every folder under corpus/ is a case and needs one',
			{ 'case.txt': undefined }
		],
		[
			'c/case.txt:1: an indented line continues a value, but no "key: value" is above',
			{ 'case.txt': '\tcontinued\n' + caseTxt }
		],
		[
			'c/case.txt:23: section [witness] needs an id: [witness <id>]',
			edit('[witness b]', '[witness]')
		],
		[
			'c/case.txt:23: bad witness id "B": use lowercase letters, digits and hyphens',
			edit('[witness b]', '[witness B]')
		],
		['c/case.txt:23: duplicate witness "a" (first on line 17)', edit('[witness b]', '[witness a]')],
		[
			'c/case.txt:2: expected "key: value", a [section] or a # comment',
			edit('title: T', 'title T')
		],
		[
			'c/case.txt:6: bad language "English": use a tag such as en or ru',
			edit('language: en', 'language: English')
		],
		[
			'c/case.txt:29: bad language "Russian": use a tag such as en or ru',
			edit('translator: T.', 'translator: T.\nlanguage: Russian')
		],
		[
			'c/case.txt:19: bad siglum "A copy": one short word, such as Bliss or A1',
			edit('label: A', 'label: A\nsiglum: A copy')
		],
		[
			'c/case.txt:23: a witness may not be called "apparatus": the apparatus page has that address',
			edit('[witness b]', '[witness apparatus]')
		],
		[
			'c/case.txt:23: witness "b" has the siglum "A" of witness "a": give each its own (siglum:)',
			edit('label: B', 'label: B\nsiglum: A')
		],
		[
			'c/case.txt:15: bad url "example.org": start it with https://',
			edit('url: https://', 'url: ')
		],
		[
			'c/case.txt:27: witness file "texts/../../b.txt" must be inside the case folder',
			edit('file: b.txt', 'file: texts/../../b.txt')
		],
		[
			'c/case.txt:27: witness file "/b.txt" must be inside the case folder',
			edit('file: b.txt', 'file: /b.txt')
		],
		[
			'c/case.txt:22: "written" needs "according-to": the source ids that say so',
			edit('file: ./texts/a.txt', 'file: ./texts/a.txt\nwritten: 1863.')
		],
		[
			'c/case.txt:22: "according-to" names the sources of "written" and "held-by": give one',
			edit('file: ./texts/a.txt', 'file: ./texts/a.txt\naccording-to: s')
		],
		[
			'c/case.txt:23: unknown source "x" in "according-to" (sources: s)',
			edit('file: ./texts/a.txt', 'file: ./texts/a.txt\nheld-by: A library.\naccording-to: s, x')
		],
		[
			'c/case.txt:11: compare needs two different witnesses',
			edit('compare: a -> b', 'compare: a -> a')
		],
		[
			'c/b.txt:1: the file starts with a UTF-16 byte order mark (BOM): save it as UTF-8',
			{ 'b.txt': new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }
		],
		['c/b.txt:2: the file contains a NUL byte: is it a binary file?', { 'b.txt': 'The cat.\n\0' }],
		[
			'c/notes/03-x.md:3: expected "key: value" or a # comment',
			note('---\ntitle: X\n[witness a]\n---\nX')
		],
		['c/notes/03-x.md:3: the note has no text after its header', note('---\ntitle: X\n---\n\n')],
		[
			'c/notes/03-x.md:3: a note with a "witness" needs a "quote" from it',
			note('---\ntitle: X\nwitness: a\n---\nX')
		],
		[
			'c/notes/03-x.md:3: a note with a "quote" needs the "witness" it is from',
			note('---\ntitle: X\nquote: cat\n---\nX')
		],
		[
			'c/notes/03-x.md:3: "prefix" needs a "witness" and a "quote"',
			note('---\ntitle: X\nprefix: The\n---\nX')
		],
		[
			'c/notes/03-x.md:4: quote found in witness "a", but not with this prefix and suffix',
			note('---\ntitle: X\nwitness: a\nquote: slept\nprefix: dog\n---\nX')
		],
		[
			'c/notes/-x.md:1: bad note file name "-x.md": use letters, digits and hyphens',
			{ 'notes/-x.md': '---\ntitle: X\n---\nX' }
		]
	] as [string, Changes][])('refuses: %s', (message, changes) => {
		expect(problem(changes)).toBe(message);
	});
});

describe('parseCase: changes.txt', () => {
	// Two changes: "the" became "a", and " well" was added.
	const texts = {
		'texts/a.txt': 'The cat sat on the mat. The dog slept.\n',
		'b.txt': 'The cat sat on a mat. The dog slept well.\n'
	};
	const changesTxt = [
		'# Who changed what.',
		'',
		'[cause style]',
		'label: Style',
		'',
		'[cause sense]',
		'label: Sense',
		'',
		'[change]',
		'witness: a',
		'quote: the',
		'suffix: mat',
		'hand: Editor,',
		'\tred ink',
		'cause: style',
		'cert: probable',
		'source: s',
		'date: 2000-02-01',
		'',
		'[change]',
		'witness: b',
		'quote: well',
		'cause: sense',
		''
	].join('\n');
	const withChanges = (changes: string) => ({ ...texts, 'changes.txt': changes });
	const change = (from: string, to: string) => withChanges(changesTxt.replace(from, to));

	it('reads the causes and the attributions, each anchored in its witness’s own characters', () => {
		const parsed = parseCase(folder(withChanges(changesTxt)));
		expect(parsed.causes).toStrictEqual([
			{ id: 'style', label: 'Style' },
			{ id: 'sense', label: 'Sense' }
		]);
		expect(parsed.attributions).toStrictEqual([
			{
				anchor: { witness: 'a', quote: 'the', suffix: ' mat' },
				hand: 'Editor, red ink',
				cause: 'style',
				cert: 'probable',
				source: 's',
				date: '2000-02-01',
				file: 'c/changes.txt',
				line: 9
			},
			{ anchor: { witness: 'b', quote: 'well' }, cause: 'sense', file: 'c/changes.txt', line: 20 }
		]);
	});

	it('takes a date with a time, as Word writes one, and a case without changes.txt', () => {
		const dated = parseCase(folder(change('2000-02-01', '2000-02-01T09:30:00Z')));
		expect(dated.attributions[0].date).toBe('2000-02-01T09:30:00Z');
		expect(parseCase(folder(texts))).toMatchObject({ causes: [], attributions: [] });
	});

	it.each([
		[
			'c/changes.txt:15: unknown cause "legal" (causes: style, sense)',
			change('cause: style', 'cause: legal')
		],
		[
			'c/changes.txt:5: unknown cause "style": add a [cause style] section with its label',
			withChanges('[change]\nwitness: a\nquote: the\nsuffix: mat\ncause: style\n')
		],
		[
			'c/changes.txt:16: unknown cert "likely": use certain, probable or conjectural',
			change('cert: probable', 'cert: likely')
		],
		[
			'c/changes.txt:10: unknown witness "z" (witnesses: a, b)',
			change('witness: a', 'witness: z')
		],
		[
			'c/changes.txt:17: unknown source "t" (sources in case.txt: s)',
			change('source: s', 'source: t')
		],
		[
			'c/changes.txt:18: bad date "1 Feb 2000": write it as YYYY-MM-DD, or with the time as Word ' +
				'writes it, e.g. 2024-05-02T09:30:00Z',
			change('2000-02-01', '1 Feb 2000')
		],
		[
			'c/changes.txt:11: quote not found in witness "a"',
			change('quote: the', 'quote: the big')
		],
		[
			'c/changes.txt:22: quote found 2 times in witness "b": add a prefix or suffix (the words ' +
				'just before or after it) so that it is found once',
			change('quote: well', 'quote: The')
		],
		[
			'c/changes.txt:22: quote is on no change',
			change('quote: well', 'quote: dog')
		],
		[
			'c/changes.txt:22: quote is on 2 changes: c-121s00e (“the” → “a”), ' +
				'c-122j6o3 (“well” added)',
			change('quote: well', 'quote: a mat. The dog slept well')
		],
		[
			'c/changes.txt:22: duplicate: change c-121s00e (“the” → “a”) already has an attribution ' +
				'(first on line 9)',
			change('quote: well', 'quote: a mat')
		],
		[
			'c/changes.txt:6: duplicate cause "style" (first on line 3)',
			change('[cause sense]', '[cause style]')
		],
		[
			'c/changes.txt:20: section [change] takes no id: write [change]',
			change('[change]\nwitness: b', '[change 2]\nwitness: b')
		],
		[
			'c/changes.txt:1: unknown section "[note]": use [cause <id>] or [change]',
			withChanges('[note]\n')
		],
		[
			'c/changes.txt:1: a field before any section: start with [cause <id>] or [change]',
			withChanges('witness: a\n')
		],
		[
			'c/changes.txt:20: missing required field "quote" in [change]',
			change('quote: well\n', '')
		],
		[
			'c/changes.txt:20: [change] needs a "hand" (who made the change) or a "cause" (why), or both',
			change('cause: sense\n', 'cert: certain\n')
		],
		['c/changes.txt:6: missing required field "label" in [cause sense]', change('label: Sense', '')],
		[
			'c/changes.txt:1: the file starts with a byte order mark (BOM): save it as UTF-8 without BOM',
			withChanges('\uFEFF[change]\n')
		]
	] as [string, Changes][])('refuses: %s', (message, changes) => {
		expect(problem(changes)).toBe(message);
	});

	it('refuses a quote in a witness that the case does not compare', () => {
		const third = caseTxt + '\n[witness c]\nlabel: C\ndescription: D.\nsource: s\nfile: b.txt\n';
		const changesTxt = '[cause x]\nlabel: X\n\n[change]\nwitness: c\nquote: well\ncause: x\n';
		const changes = { 'case.txt': third, ...withChanges(changesTxt) };
		expect(problem(changes)).toBe(
			'c/changes.txt:5: witness "c" is not compared in this case (compare: a -> b): quote the base ' +
				'or the target'
		);
	});
});

describe('decodeText', () => {
	const bytes = (...parts: (string | number[])[]) =>
		new Uint8Array(
			parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p))
		);

	it('decodes UTF-8, keeping CRs', () => {
		expect(decodeText(bytes('Ok\r\nДа'), 'f')).toBe('Ok\r\nДа');
	});

	it('names the first byte of a bad sequence, even when decoding fails after it', () => {
		// `caf\xE9\n` fails on the newline, but the culprit is 0xE9; a cut sequence names its lead.
		expect(() => decodeText(bytes('Ok\ncaf', [0xe9], '\n'), 'f')).toThrow(
			'f:2: not valid UTF-8 (byte 0xE9)'
		);
		expect(() => decodeText(bytes('Ok\n\n', [0xe2, 0x82], '!'), 'f')).toThrow(
			'f:3: not valid UTF-8 (byte 0xE2)'
		);
	});
});

describe('witnessTextProblem', () => {
	it('accepts words with gap paragraphs, and says where a misplaced gap marker is', () => {
		expect(witnessTextProblem('{gap}\n\nWords.\n\n{gap: the rest}\n')).toBeNull();
		expect(witnessTextProblem(' \n\t\n')).toStrictEqual({ line: 1, kind: 'empty' });
		expect(witnessTextProblem('{gap}\r\n\r\n{gap: lost}')).toStrictEqual({
			line: 1,
			kind: 'only-gaps'
		});
		expect(witnessTextProblem('Words.\n\nMore\nwords {gap}.')).toStrictEqual({
			line: 4,
			kind: 'gap-marker'
		});
	});
});

describe('isIsoDate, isIsoDateTime and noteMarkdown', () => {
	it('accept only real dates', () => {
		const dates = ['2000-02-29', '1900-02-29', '2000-13-01', '2000-1-01'];
		expect(dates.map((d) => isIsoDate(d))).toEqual([true, false, false, false]);
	});

	it('accept a date with a time of day, as Word writes it, only if both are real', () => {
		const times = [
			'2024-05-02T09:30:00Z',
			'2024-05-02T09:30',
			'2024-05-02T23:59:59.5+03:00',
			'2024-02-30T09:30:00Z',
			'2024-05-02T24:00:00Z',
			'2024-05-02 09:30:00Z'
		];
		expect(times.map((t) => isIsoDateTime(t))).toEqual([true, true, true, false, false, false]);
	});

	it('drop CRs, leading blank lines and trailing whitespace from a note', () => {
		expect(noteMarkdown('\r\n \n  Indented\r\nline  \r\n\n')).toBe('  Indented\nline');
	});
});

describe('brackets and lines', () => {
	it('reads what a case’s brackets are, and whether a witness’s lines matter', () => {
		const parsed = parseCase(
			folder({
				'case.txt': caseTxt
					.replace('compare: a -> b', 'compare: a -> b\nbrackets: editorial')
					.replace('file: b.txt', 'file: b.txt\nlines: marked')
			})
		);
		expect([parsed.brackets, parsed.witnesses.map((w) => w.lines)]).toEqual([
			'editorial',
			[undefined, 'marked']
		]);
		const plain = parseCase(folder());
		expect([plain.brackets, plain.witnesses.map((w) => w.lines)]).toEqual([
			undefined,
			[undefined, undefined]
		]);
	});

	it('refuses a value it does not know, saying which it knows and what each means', () => {
		expect(problem(edit('compare: a -> b', 'compare: a -> b\nbrackets: square'))).toBe(
			'c/case.txt:12: bad brackets "square": write editorial (the sources bracket an ' +
				'editor’s insertions) or text (the brackets are the text’s own)'
		);
		expect(problem(edit('file: b.txt', 'file: b.txt\nlines: yes'))).toBe(
			'c/case.txt:28: bad lines "yes": write wrapped (a line break is wrapping), kept (every ' +
				'line break is kept) or marked (only Markdown’s hard breaks are kept)'
		);
	});
});

describe('placeholders', () => {
	const withPlaceholders = (value: string) =>
		edit('compare: a -> b', `compare: a -> b\nplaceholders: ${value}`);

	it('reads a case’s own redaction markers, separated by "|", a long list over several lines', () => {
		const changes = withPlaceholders('[SECRET] | XXXX |\n\t<< removed >>');
		expect(parseCase(folder(changes)).placeholders).toStrictEqual([
			'[SECRET]',
			'XXXX',
			'<< removed >>'
		]);
		expect(parseCase(folder()).placeholders).toBeUndefined();
	});

	it.each([
		['XXXX | | YYYY', 'c/case.txt:12: an empty placeholder: list markers separated by "|"'],
		['XXXX | XXXX', 'c/case.txt:12: placeholder "XXXX" is listed twice'],
		[
			'[REDACTED]',
			'c/case.txt:12: placeholder "[REDACTED]" is built in already ' +
				'(a notice in square brackets that words were taken out)'
		],
		[
			'{gap: withheld}',
			'c/case.txt:12: placeholder "{gap: withheld}" holds a gap marker, which is structure, not text'
		]
	])('refuses %s', (value, message) => {
		expect(problem(withPlaceholders(value))).toBe(message);
	});
});
