import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	truncateSync,
	writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { placeAttributions } from '../pipeline/attribute';
import { compare } from '../pipeline/compare';
import type { Case, NoteAnchor } from '../types';
import { caseView } from '../view';
import { LaidText } from '../pipeline/laid';
import { CorpusError, getCase, getCases, loadCorpus } from './corpus';

const fixtures = 'src/lib/server/fixtures';
const load = (name: string) => loadCorpus(path.join(process.cwd(), fixtures, name));

/** How often prefix + quote + suffix occurs in the witness, overlapping matches included. */
function occurrences(c: Case, anchor: NoteAnchor): number {
	const text = c.witnesses.find((w) => w.id === anchor.witness)!.text;
	const needle = (anchor.prefix ?? '') + anchor.quote + (anchor.suffix ?? '');
	let count = 0;
	for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
	return count;
}

const paragraphs = (text: string) => text.trim().split(/\n\s*\n/);

describe('the real corpus', () => {
	const cases = loadCorpus(path.join(process.cwd(), 'corpus'));
	const bukharin = cases.find((c) => c.slug === 'bukharin-1938')!;
	const gettysburg = cases.find((c) => c.slug === 'gettysburg')!;

	it('loads both cases, sorted by date', () => {
		expect(cases.map((c) => [c.slug, c.date])).toEqual([
			['gettysburg', '1863-11-19'],
			['bukharin-1938', '1938-03-12']
		]);
	});

	it('finds every anchored quote exactly once in its witness', () => {
		for (const c of cases) {
			for (const note of c.notes) {
				if (note.anchor) expect(occurrences(c, note.anchor), note.file).toBe(1);
			}
		}
	});

	it('renders every note to sanitized HTML', () => {
		for (const note of cases.flatMap((c) => c.notes)) {
			expect(note.html, note.file).toMatch(/^<p>/);
			expect(note.html).not.toMatch(/<script|javascript:|on\w+=/i);
		}
	});

	it('loads Bukharin’s statement as an excerpt, spoken against a reconstructed published', () => {
		expect(bukharin.kind).toBe('Redaction');
		expect(bukharin.witnesses.map((w) => w.id)).toEqual(['spoken', 'published']);
		expect(bukharin.comparison).toEqual({ base: 'spoken', target: 'published' });
		expect(bukharin.sources.map((s) => s.id)).toEqual(['gregory']);
		expect(bukharin.sources[0].url).toBe('https://hoover.org/research/martyred-communism');
		expect(bukharin.translator).toBe('Paul R. Gregory');
		expect(bukharin.notes.map((n) => n.id)).toEqual([
			'00-the-case',
			'02-responsibility',
			'03-no-such-group',
			'04-non-existent-bloc',
			'05-final-words'
		]);
		expect(bukharin.notes.filter((n) => n.anchor === null).map((n) => n.id)).toEqual([
			'00-the-case'
		]);
		expect(bukharin.witnesses[1].description).toMatch(/^Reconstructed from Gregory’s account/);
	});

	it('keeps Gregory’s five passages verbatim, with gaps between them, and strikes 2 and 3', () => {
		const [spoken, published] = bukharin.witnesses.map((w) => paragraphs(w.text));
		const passages = spoken.filter((p) => p !== '{gap}');
		expect(spoken.map((p) => (p === '{gap}' ? 'gap' : 'text'))).toEqual([
			'gap',
			'text',
			'gap',
			'text',
			'gap',
			'text',
			'gap',
			'text',
			'gap',
			'text'
		]);
		expect(passages[0]).toBe(
			'declaring myself politically responsible for the totality of crimes committed by the ' +
				'rightist-Trotskyite bloc.'
		);
		expect(passages[2]).toContain('the prosecutor’s charge');
		expect(passages[3]).toContain('I was with Trotsky in a [non-existent] bloc. This I admit.');
		expect(passages[4]).toContain('sank us into a black swamp . . . but now');
		// The published witness is the spoken one without passages 2 and 3: the gaps stay in place.
		expect(published).toEqual(spoken.filter((p) => p !== passages[1] && p !== passages[2]));
	});

	it('attributes the two struck passages to Stalin’s pencil, as sure as Gregory’s article allows', () => {
		const [spoken, published] = bukharin.witnesses;
		const sides = { a: spoken, b: published };
		const comparison = compare(spoken.text, published.text, { precise: true });
		const placed = placeAttributions(comparison, bukharin.attributions, sides);
		const struck = (id?: string) => comparison.segments.find((s) => s.id === id)?.a.trim();
		expect(bukharin.causes).toEqual([{ id: 'political', label: 'Political' }]);
		expect(
			placed.map(({ attribution: { hand, cause, cert, source }, change }) => ({
				struck: struck(change),
				hand,
				cause,
				cert,
				source
			}))
		).toEqual([
			{
				struck:
					'I accept responsibility even for those crimes about which I did not know or about ' +
					'which I did not have the slightest idea.',
				hand: 'Stalin, pencil',
				cause: undefined,
				cert: 'certain',
				source: 'gregory'
			},
			{
				struck:
					'I deny most of all the prosecutor’s charge that I belonged to the group sitting on ' +
					'the court bench with me, because such a group never existed!',
				hand: 'Stalin, pencil',
				cause: 'political',
				cert: 'probable',
				source: 'gregory'
			}
		]);
		expect(gettysburg.causes).toEqual([]);
		expect(gettysburg.attributions).toEqual([]);
	});

	it('loads the five Gettysburg copies, without their Markdown headings', () => {
		expect(gettysburg.kind).toBe('Draft-to-final revision history');
		expect(gettysburg.witnesses.map((w) => w.id)).toEqual([
			'nicolay',
			'hay',
			'everett',
			'bancroft',
			'bliss'
		]);
		expect(gettysburg.comparison).toEqual({ base: 'nicolay', target: 'bliss' });
		expect(gettysburg.notes).toHaveLength(7);
		expect(gettysburg.notes.filter((n) => n.anchor === null)).toHaveLength(1);
		for (const w of gettysburg.witnesses) {
			expect(w.text.startsWith('Four score and seven years ago'), w.id).toBe(true);
			expect(w.text).not.toContain('#');
		}
		expect(gettysburg.witnesses[4].text.endsWith('Abraham Lincoln \\\nNovember 19, 1863.\n')).toBe(
			true
		);
	});

	it('reads Gregory’s brackets as editorial, and only them', () => {
		expect(bukharin.brackets).toBe('editorial');
		expect(gettysburg.brackets).toBeUndefined();
		const view = caseView(bukharin);
		const laid = LaidText.of(view.text, view.texts);
		const editorial = laid.blocks().flatMap((b) => (b.kind === 'paragraph' ? b.spans : []));
		expect(editorial.filter((s) => s.editorial).map((s) => s.text)).toEqual([
			'[non-existent]',
			'. . .'
		]);
	});

	it('shows the Bliss copy’s signature and date on two lines, without the backslash', () => {
		const bliss = gettysburg.witnesses.find((w) => w.id === 'bliss')!;
		expect(bliss.lines).toBe('marked');
		const view = caseView(gettysburg, { base: 'nicolay', target: 'bliss' });
		const laid = LaidText.of(view.text, view.texts);
		const last = laid.block(laid.blockCount - 1);
		// Every other line end of the copy is the transcriber's wrapping: only this one is kept.
		const lines = laid.blocks().flatMap((b) => (b.kind === 'paragraph' ? b.spans : []));
		expect(lines.filter((s) => s.line).map((s) => [s.kind, s.text])).toEqual([['insert', '\\\n']]);
		expect(last.kind === 'paragraph' && last.spans.map((s) => [s.kind, s.text, s.line])).toEqual([
			['insert', 'Abraham Lincoln ', undefined],
			['insert', '\\\n', true],
			['insert', 'November 19, 1863.', undefined],
			['equal', '\n', undefined]
		]);
	});

	it('stores a quote that crosses a line break with the witness’s own line break', () => {
		const note = gettysburg.notes.find((n) => n.id === '02-fitting-and-proper')!;
		expect(note.anchor).toEqual({
			witness: 'nicolay',
			quote: 'This we\nmay, in all propriety do.'
		});
	});
});

describe('getCases and getCase', () => {
	it('load corpus/ once and look a case up by its slug', () => {
		expect(getCases()).toBe(getCases());
		expect(getCases().map((c) => c.slug)).toEqual(['gettysburg', 'bukharin-1938']);
		expect(getCase('bukharin-1938')?.title).toBe('Bukharin’s final statement, 12 March 1938');
		expect(getCase('no-such-case')).toBeUndefined();
	});
});

describe('loadCorpus on a valid fixture', () => {
	const [beta, alpha] = load('good');

	it('sorts by date, not by folder name', () => {
		expect([beta.slug, alpha.slug]).toEqual(['beta', 'alpha']);
	});

	it('reads every field of case.txt, joining indented continuation lines', () => {
		expect(alpha).toMatchObject({
			title: 'Fixture',
			date: '2000-01-31',
			people: ['A. Speaker (speaker)', 'B. Editor (editor)'],
			language: 'en',
			summary: 'A small case for tests.',
			kind: 'Redaction',
			rights: 'Test text, no rights reserved.',
			comparison: { base: 'a', target: 'b' },
			sources: [
				{
					id: 's',
					citation: 'Author, A. “A Title.” Publisher, https://example.org/source.',
					url: 'https://example.org/source'
				}
			]
		});
		expect(alpha.translator).toBeUndefined();
		expect(alpha.witnesses[0]).toEqual({
			id: 'a',
			label: 'First',
			description: 'The first text.',
			source: 's',
			text:
				'{gap}\n\nThe cat sat on the\nmat. The cat’s tail\ntwitched. The cat slept.\n\n' +
				'{gap: the rest is lost}\n',
			file: `${fixtures}/good/alpha/a.txt`
		});
		expect(alpha.witnesses[1].translator).toBe('T. Ranslator');
		expect(beta.witnesses[1]).not.toHaveProperty('translator');
	});

	it('reads notes in file order, anchored with the witness’s exact characters', () => {
		expect(alpha.notes.map((n) => [n.id, n.anchor])).toEqual([
			['01-about', null],
			['02-mat', { witness: 'a', quote: 'sat on the\nmat.' }],
			['03-slept', { witness: 'a', prefix: 'The ', quote: 'cat', suffix: ' slept.' }]
		]);
		expect(alpha.notes[1]).toMatchObject({
			title: 'Across a line break',
			markdown: 'The quote is on one line; the witness wraps it.',
			html: '<p>The quote is on one line; the witness wraps it.</p>',
			file: `${fixtures}/good/alpha/notes/02-mat.md`
		});
		expect(alpha.notes[0].html).toBe(
			'<p>The case as a whole, with a <a href="https://example.org" rel="noopener noreferrer">' +
				'link</a>.</p>'
		);
	});
});

describe('loadCorpus refuses a bad corpus, naming the file and line', () => {
	const bad: [fixture: string, message: string][] = [
		['missing-field', 'case/case.txt:1: missing required field "title"'],
		['missing-witness-field', 'case/case.txt:23: missing required field "file" in [witness b]'],
		['unknown-field', 'case/case.txt:2: unknown field "titel"'],
		['duplicate-field', 'case/case.txt:6: duplicate field "date" (first on line 3)'],
		['bad-date', 'case/case.txt:3: bad date "2000-02-30": write it as YYYY-MM-DD, e.g. 1938-03-12'],
		[
			'bad-section',
			'case/case.txt:23: unknown section "[witnes b]": use [witness <id>] or [source <id>]'
		],
		[
			'bad-compare',
			'case/case.txt:10: compare must be "<base witness> -> <target witness>", e.g. a -> b'
		],
		['unknown-witness-compare', 'case/case.txt:10: unknown witness "c" (witnesses: a, b)'],
		['unknown-witness-note', 'case/notes/01-note.md:3: unknown witness "c" (witnesses: a, b)'],
		['unknown-source', 'case/case.txt:26: unknown source "t" (sources: s)'],
		[
			'missing-file',
			'case/case.txt:28: witness file "c.txt" not found ' +
				`(looked for ${fixtures}/missing-file/case/c.txt)`
		],
		[
			'not-utf8',
			'case/a.txt:4: not valid UTF-8 (byte 0xE9): convert the file to UTF-8 ' +
				'(it may be Windows-1251, KOI8-R or Latin-1)'
		],
		[
			'not-utf8-cyrillic',
			'case/b.txt:5: not valid UTF-8 (byte 0xCF): convert the file to UTF-8 ' +
				'(it may be Windows-1251, KOI8-R or Latin-1)'
		],
		[
			'bom',
			'case/a.txt:1: the file starts with a byte order mark (BOM): save it as UTF-8 without BOM'
		],
		['empty-witness', 'case/b.txt:1: witness "b" is empty'],
		['only-gaps', 'case/b.txt:1: witness "b" has only gaps, no text'],
		[
			'bad-gap',
			'case/b.txt:4: a gap marker must be a paragraph of its own (blank lines around it), ' +
				'written {gap} or {gap: what is missing}'
		],
		['one-witness', 'case/case.txt:17: a case needs at least two witnesses to compare, found 1'],
		['quote-not-found', 'case/notes/01-note.md:4: quote not found in witness "a"'],
		[
			'quote-straight',
			'case/notes/01-note.md:4: quote not found in witness "a": it differs in straight and ' +
				'curly quotation marks; copy it from the witness file'
		],
		[
			'quote-ambiguous',
			'case/notes/01-note.md:4: quote found 3 times in witness "a": add a prefix or suffix ' +
				'(the words just before or after it) so that it is found once'
		],
		[
			'note-header-open',
			'case/notes/01-note.md:1: note header not closed: add a line "---" after its fields'
		],
		[
			'note-no-header',
			'case/notes/01-note.md:1: a note starts with a header: a line "---", the "key: value" ' +
				'lines, then "---"'
		],
		['note-unknown-field', 'case/notes/01-note.md:3: unknown field "witnes"'],
		['change-on-no-change', 'case/changes.txt:6: quote is on no change']
	];

	it.each(bad)('%s', (fixture, message) => {
		let error: unknown;
		try {
			load(fixture);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(CorpusError);
		expect((error as CorpusError).message).toBe(`${fixtures}/${fixture}/${message}`);
	});

	it('says which corpus folder is missing', () => {
		expect(() => load('no-such-folder')).toThrow(
			new CorpusError(`${fixtures}/no-such-folder`, 1, 'corpus folder not found')
		);
	});

	it('has a fixture for every case in this list, and no other', async () => {
		const { readdirSync } = await import('node:fs');
		const folders = readdirSync(path.join(process.cwd(), fixtures)).filter((f) => f !== 'good');
		expect(folders.sort()).toEqual(bad.map(([name]) => name).sort());
	});
});

// Issue 9: the build followed symbolic links, publishing files from outside the repository, and
// took witnesses of any size (two of 50 MB: 105 s, 5.4 GB, pages of 134 MB).
describe('loadCorpus refuses links and witnesses too large, naming the file and line', () => {
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));
	let n = 0;

	/** A copy of the good `alpha` case in a corpus of its own, changed by `change`. */
	function corpusWith(change: (caseDir: string, outside: string) => void) {
		const root = path.join(scratch, `corpus-${++n}`);
		const outside = path.join(scratch, `outside-${n}`);
		mkdirSync(outside);
		writeFileSync(path.join(outside, 'secret.txt'), 'A file from outside the repository.\n');
		cpSync(path.join(process.cwd(), fixtures, 'good', 'alpha'), path.join(root, 'alpha'), {
			recursive: true
		});
		change(path.join(root, 'alpha'), outside);
		return { root, dir: `${path.relative(process.cwd(), root)}/alpha`, outside };
	}
	const problem = (root: string) => {
		try {
			loadCorpus(root, () => {});
		} catch (e) {
			return (e as Error).message;
		}
		return 'no error';
	};
	const link = (outside: string) =>
		`is a symbolic link (to ${outside}/secret.txt): the build publishes only files that are in ` +
		'the repository; copy the file into the case folder';

	it('refuses a witness file that is a symbolic link, at its line in case.txt', () => {
		const { root, dir, outside } = corpusWith((caseDir, outside) => {
			rmSync(path.join(caseDir, 'a.txt'));
			symlinkSync(path.join(outside, 'secret.txt'), path.join(caseDir, 'a.txt'));
		});
		expect(problem(root)).toBe(`${dir}/case.txt:21: witness file "a.txt" ${link(outside)}`);
	});

	it('refuses a note, case.txt, changes.txt or a whole case folder that is a symbolic link', () => {
		const note = corpusWith((caseDir, outside) => {
			rmSync(path.join(caseDir, 'notes', '02-mat.md'));
			symlinkSync(path.join(outside, 'secret.txt'), path.join(caseDir, 'notes', '02-mat.md'));
		});
		expect(problem(note.root)).toBe(
			`${note.dir}/notes/02-mat.md:1: the note file ${link(note.outside)}`
		);
		const caseTxt = corpusWith((caseDir, outside) => {
			rmSync(path.join(caseDir, 'case.txt'));
			symlinkSync(path.join(outside, 'secret.txt'), path.join(caseDir, 'case.txt'));
		});
		expect(problem(caseTxt.root)).toBe(
			`${caseTxt.dir}/case.txt:1: case.txt ${link(caseTxt.outside)}`
		);
		const changes = corpusWith((caseDir, outside) => {
			symlinkSync(path.join(outside, 'secret.txt'), path.join(caseDir, 'changes.txt'));
		});
		expect(problem(changes.root)).toBe(
			`${changes.dir}/changes.txt:1: changes.txt ${link(changes.outside)}`
		);
		const folder = corpusWith((caseDir, outside) => {
			symlinkSync(outside, path.join(path.dirname(caseDir), 'linked'));
		});
		expect(problem(folder.root)).toBe(
			`${path.dirname(folder.dir)}/linked/case.txt:1: the case folder is a symbolic link (to ` +
				`${folder.outside}): the build publishes only files that are in the repository; move ` +
				'the folder into corpus/'
		);
	});

	it('refuses a witness reached through a linked folder', () => {
		const { root, dir } = corpusWith((caseDir, outside) => {
			symlinkSync(outside, path.join(caseDir, 'texts'));
			const caseTxt = path.join(caseDir, 'case.txt');
			const text = readFileSync(caseTxt, 'utf8');
			writeFileSync(caseTxt, text.replace('file: a.txt', 'file: texts/secret.txt'));
		});
		expect(problem(root)).toBe(
			`${dir}/case.txt:21: witness file "texts/secret.txt" is reached through a symbolic link ` +
				'to a folder: the build publishes only files that are in the repository; copy the ' +
				'files into the case folder'
		);
	});

	it('refuses a witness over 25 MB before reading it', () => {
		const { root, dir } = corpusWith((caseDir) => {
			// A sparse file: its size is on disk at once, its bytes are never written.
			truncateSync(path.join(caseDir, 'b.txt'), 50 * 1024 * 1024);
		});
		expect(problem(root)).toBe(
			`${dir}/case.txt:28: witness file "b.txt" is 50.0 MB; the limit is 25 MB per witness`
		);
	});

	it('says why it skips a folder whose name starts with a dot', () => {
		const { root } = corpusWith((caseDir) => {
			mkdirSync(path.join(path.dirname(caseDir), '.drafts'));
		});
		const skipped: string[] = [];
		const cases = loadCorpus(root, (message) => skipped.push(message));
		expect(cases.map((c) => c.slug)).toEqual(['alpha']);
		expect(skipped).toEqual([
			`${path.relative(process.cwd(), root)}/.drafts/: skipped: a folder whose name starts ` +
				'with "." is not a case'
		]);
	});
});
