import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Token } from '../types';
import { isParagraphBreak, tokenize, type ScanOptions } from './tokenize';
import { tokenize as referenceTokenize } from './tokenize.reference';

/** Tokens as `[kind, text]` pairs, the easiest form to read in a failing test. */
const pairs = (text: string, options?: ScanOptions) =>
	tokenize(text, options).map((t) => [t.kind, t.text]);

describe('tokenize', () => {
	it('splits Cyrillic words and quotes, and marks the ellipsis as editorial', () => {
		expect(pairs('«Я опровергаю…»')).toEqual([
			['punct', '«'],
			['word', 'Я'],
			['space', ' '],
			['word', 'опровергаю'],
			['editorial', '…'],
			['punct', '»']
		]);
	});

	it('keeps apostrophes and hyphens inside words, not at their edges', () => {
		expect(pairs("prosecutor’s don't well-known 'tis students' -x-")).toEqual([
			['word', 'prosecutor’s'],
			['space', ' '],
			['word', "don't"],
			['space', ' '],
			['word', 'well-known'],
			['space', ' '],
			['punct', "'"],
			['word', 'tis'],
			['space', ' '],
			['word', 'students'],
			['punct', "'"],
			['space', ' '],
			['punct', '-'],
			['word', 'x'],
			['punct', '-']
		]);
	});

	it('keeps combining marks with their letter, and with punctuation they follow', () => {
		expect(pairs('e\u0301te\u0301 ёж!\u0301')).toEqual([
			['word', 'e\u0301te\u0301'],
			['space', ' '],
			['word', 'ёж'],
			['punct', '!\u0301']
		]);
	});

	it('keeps an emoji sequence (ZWJ, variation selector, flag) as one token', () => {
		expect(pairs('a 👩\u200d👩\u200d👧❤\ufe0f🇷🇺!')).toEqual([
			['word', 'a'],
			['space', ' '],
			['punct', '👩\u200d👩\u200d👧'],
			['punct', '❤\ufe0f'],
			['punct', '🇷🇺'],
			['punct', '!']
		]);
	});

	it('keeps emoji sequences whole in a run longer than the segmenter’s window', () => {
		const family = '👩\u200d👩\u200d👧';
		const tokens = tokenize('x' + family.repeat(100));
		expect(tokens.length).toBe(101);
		expect(tokens.slice(1).every((t) => t.kind === 'punct' && t.text === family)).toBe(true);
	});

	it('tells a line end (space) from a blank line (break), with CRLF, tabs and spaces', () => {
		expect(pairs('a\nb\r\nc\r\n\r\nd\t\te \n \t\nf\r\rg')).toEqual([
			['word', 'a'],
			['space', '\n'],
			['word', 'b'],
			['space', '\r\n'],
			['word', 'c'],
			['break', '\r\n\r\n'],
			['word', 'd'],
			['space', '\t\t'],
			['word', 'e'],
			['break', ' \n \t\n'],
			['word', 'f'],
			['break', '\r\r'],
			['word', 'g']
		]);
	});

	it('gives whitespace the key of its shape, and everything else its text', () => {
		expect(tokenize('a \r\n b\r\n\r\nc.').map((t) => t.key)).toEqual([
			'a',
			' ',
			'b',
			'\n\n',
			'c',
			'.'
		]);
	});

	it('records each token’s offset in the text', () => {
		expect(tokenize('Я, 👩\u200d👧 да').map((t) => t.start)).toEqual([0, 1, 2, 3, 8, 9]);
	});

	it('takes a bracketed insertion on one line, without brackets inside, as editorial', () => {
		expect(pairs('a [non-existent] group [a [b] c] [x\ny]')).toEqual([
			['word', 'a'],
			['space', ' '],
			['editorial', '[non-existent]'],
			['space', ' '],
			['word', 'group'],
			['space', ' '],
			['punct', '['],
			['word', 'a'],
			['space', ' '],
			['editorial', '[b]'],
			['space', ' '],
			['word', 'c'],
			['punct', ']'],
			['space', ' '],
			['punct', '['],
			['word', 'x'],
			['space', '\n'],
			['word', 'y'],
			['punct', ']']
		]);
	});

	it('takes three or four spaced dots as an elision, and other dots as punctuation', () => {
		expect(pairs('so. . . . and . . . no.. x')).toEqual([
			['word', 'so'],
			['editorial', '. . . .'],
			['space', ' '],
			['word', 'and'],
			['space', ' '],
			['editorial', '. . .'],
			['space', ' '],
			['word', 'no'],
			['punct', '.'],
			['punct', '.'],
			['space', ' '],
			['word', 'x']
		]);
		expect(pairs('a. . b')).toEqual([
			['word', 'a'],
			['punct', '.'],
			['space', ' '],
			['punct', '.'],
			['space', ' '],
			['word', 'b']
		]);
	});

	it('takes {gap} as a gap only when it is a whole paragraph', () => {
		expect(pairs('{gap}\n\nA {gap}.\r\n\r\n{gap: two pages}  \n\nB\n\n{gap}')).toEqual([
			['gap', '{gap}'],
			['break', '\n\n'],
			['word', 'A'],
			['space', ' '],
			['punct', '{'],
			['word', 'gap'],
			['punct', '}'],
			['punct', '.'],
			['break', '\r\n\r\n'],
			['gap', '{gap: two pages}'],
			['break', '  \n\n'],
			['word', 'B'],
			['break', '\n\n'],
			['gap', '{gap}']
		]);
		expect(pairs('{gap} x')).toEqual([
			['punct', '{'],
			['word', 'gap'],
			['punct', '}'],
			['space', ' '],
			['word', 'x']
		]);
	});

	it('keeps lone surrogates, NUL and a bare CR', () => {
		expect(pairs('a\ud800b\u0000\r')).toEqual([
			['word', 'a'],
			['punct', '\ud800'],
			['word', 'b'],
			['punct', '\u0000'],
			['space', '\r']
		]);
		expect(tokenize('')).toEqual([]);
	});
});

describe('tokenize where lines matter', () => {
	const code = 'fn main() {\n    let x = 1;\r\n\n}\n';

	it('keeps each line end of a fenced code block, with the next line’s indentation', () => {
		expect(pairs('```\nfn main() {\n    run();\n}\n```', { lines: 'kept' })).toEqual([
			['punct', '`'],
			['punct', '`'],
			['punct', '`'],
			['line', '\n'],
			['word', 'fn'],
			['space', ' '],
			['word', 'main'],
			['punct', '('],
			['punct', ')'],
			['space', ' '],
			['punct', '{'],
			['line', '\n    '],
			['word', 'run'],
			['punct', '('],
			['punct', ')'],
			['punct', ';'],
			['line', '\n'],
			['punct', '}'],
			['line', '\n'],
			['punct', '`'],
			['punct', '`'],
			['punct', '`']
		]);
	});

	it('keeps the lines of verse, and still breaks paragraphs at a blank line, CRLF or not', () => {
		const verse = 'Because I could not stop –\r\nHe stopped –\r\n\r\nThe Carriage';
		expect(pairs(verse, { lines: 'kept' })).toEqual([
			['word', 'Because'],
			['space', ' '],
			['word', 'I'],
			['space', ' '],
			['word', 'could'],
			['space', ' '],
			['word', 'not'],
			['space', ' '],
			['word', 'stop'],
			['space', ' '],
			['punct', '–'],
			['line', '\r\n'],
			['word', 'He'],
			['space', ' '],
			['word', 'stopped'],
			['space', ' '],
			['punct', '–'],
			['break', '\r\n\r\n'],
			['word', 'The'],
			['space', ' '],
			['word', 'Carriage']
		]);
	});

	it('compares a kept line break as a space, and a paragraph break as its shape', () => {
		const whitespace = (options?: ScanOptions) =>
			tokenize(code, options).filter((t) => /\s/.test(t.text));
		expect(whitespace({ lines: 'kept' }).map((t) => [t.kind, t.text, t.key])).toEqual([
			['space', ' ', ' '],
			['space', ' ', ' '],
			['line', '\n    ', ' '],
			['space', ' ', ' '],
			['space', ' ', ' '],
			['space', ' ', ' '],
			['break', '\r\n\n', '\n\n'],
			['line', '\n', ' ']
		]);
		// Where lines do not matter, the same line ends are spaces, as they always were.
		expect(whitespace().map((t) => t.kind)).toEqual([
			'space',
			'space',
			'space',
			'space',
			'space',
			'space',
			'break',
			'space'
		]);
	});

	it('keeps only the hard breaks Markdown marks, with their mark, where breaks are marked', () => {
		const text = 'Abraham Lincoln \\\nNovember 19, 1863.\nThe  \nend\\ here\\\n\nx';
		expect(pairs(text, { lines: 'marked' })).toEqual([
			['word', 'Abraham'],
			['space', ' '],
			['word', 'Lincoln'],
			['space', ' '],
			['line', '\\\n'],
			['word', 'November'],
			['space', ' '],
			['word', '19'],
			['punct', ','],
			['space', ' '],
			['word', '1863'],
			['punct', '.'],
			['space', '\n'],
			['word', 'The'],
			['line', '  \n'],
			['word', 'end'],
			['punct', '\\'],
			['space', ' '],
			['word', 'here'],
			// At a paragraph's end a backslash marks nothing: it is a backslash.
			['punct', '\\'],
			['break', '\n\n'],
			['word', 'x']
		]);
		// Where every line is kept, a backslash at a line's end is text (a shell script's).
		expect(pairs('a \\\nb', { lines: 'kept' })).toEqual([
			['word', 'a'],
			['space', ' '],
			['punct', '\\'],
			['line', '\n'],
			['word', 'b']
		]);
	});

	it('takes a gap marker after a kept line break at the start of the text as a paragraph', () => {
		expect(pairs('\n{gap}\n\nx', { lines: 'kept' })).toEqual([
			['line', '\n'],
			['gap', '{gap}'],
			['break', '\n\n'],
			['word', 'x']
		]);
	});
});

describe('tokenize square brackets', () => {
	const kinds = (text: string, options?: ScanOptions) =>
		tokenize(text, options)
			.filter((t) => t.text.startsWith('['))
			.map((t) => [t.kind, t.text]);

	it('takes a bracket as editorial, or as text where the case says so', () => {
		const text = 'I was with Trotsky in a [non-existent] bloc.';
		expect(kinds(text)).toEqual([['editorial', '[non-existent]']]);
		expect(kinds(text, { brackets: 'editorial' })).toEqual([['editorial', '[non-existent]']]);
		expect(kinds(text, { brackets: 'text' })).toEqual([['punct', '[']]);
	});

	it('never takes a Markdown link, image or reference for editorial matter', () => {
		const markdown = [
			'An [inline link](https://spec.commonmark.org/) and an ![image](logo.png).',
			'A [full reference][spec], a [collapsed one][] and a [shortcut].',
			'But [sic] and [undefined] are editorial.',
			'',
			'[spec]: https://spec.commonmark.org/',
			'  [Shortcut]:  /url "defined in another case, indented"'
		].join('\n');
		expect(kinds(markdown)).toEqual([
			['punct', '['],
			['punct', '['],
			['punct', '['],
			['punct', '['],
			['punct', '['],
			['punct', '['],
			['punct', '['],
			['editorial', '[sic]'],
			['editorial', '[undefined]'],
			['punct', '['],
			['punct', '[']
		]);
	});

	it('never takes code for editorial matter: a code span, a fenced block to its end', () => {
		const markdown = [
			'Index with `a[i]` or ``b[`j`]``; [sic].',
			'```js',
			'const x = a[i];',
			'~~~',
			'```',
			'After the block, [sic] again.',
			'~~~~',
			'[never closed]'
		].join('\n');
		expect(kinds(markdown)).toEqual([
			['punct', '['],
			['punct', '['],
			['editorial', '[sic]'],
			['punct', '['],
			['editorial', '[sic]'],
			['punct', '[']
		]);
	});

	it('takes a bracket after a lone backtick, which no backtick closes, as editorial', () => {
		expect(kinds('a ` b [c] ``d``')).toEqual([['editorial', '[c]']]);
	});
});

describe('isParagraphBreak', () => {
	it('is true for whitespace holding a blank line, and false for one line end', () => {
		expect(['\n\n', ' \n\t \n ', '\r\n\r\n', '\r\r', '\n\u2029'].map(isParagraphBreak)).toEqual([
			true,
			true,
			true,
			true,
			true
		]);
		expect([' ', '\n', '\r\n', ' \r\n\t'].map(isParagraphBreak)).toEqual([
			false,
			false,
			false,
			false
		]);
	});
});

describe('tokenize on any text', () => {
	const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
	const WORD = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200c\u200d'’\-\u2010\u2011]*$/u;
	const JOINER = /^['’\-\u2010\u2011]$/;
	const text = fc.oneof(
		fc.string({ unit: 'grapheme', maxLength: 80 }),
		fc.string({ unit: 'binary', maxLength: 80 }),
		fc.string({
			unit: fc.constantFrom(..."ab. \n\r\t,'’-–[]{}…é\u0301Я1".split('')),
			maxLength: 80
		})
	);

	/** What is wrong with token k of the list, if anything. */
	function problem(tokens: Token[], k: number): string | undefined {
		const t = tokens[k];
		const next = tokens[k + 1];
		if (t.kind === 'word' && !WORD.test(t.text)) return 'word with other characters';
		if (t.kind === 'punct' && [...segmenter.segment(t.text)].length !== 1)
			return 'punct not one grapheme';
		if ((t.kind === 'space' || t.kind === 'break') && !/^\s+$/u.test(t.text))
			return 'not whitespace';
		if ((t.kind === 'break') !== (/\s/u.test(t.text) && isParagraphBreak(t.text))) return 'break';
		if (next === undefined) return undefined;
		if (t.kind === 'word' && next.kind === 'word') return 'two words in a row';
		const ws = (x: Token) => x.kind === 'space' || x.kind === 'break';
		if (ws(t) && ws(next)) return 'two whitespace tokens in a row';
		const after = tokens[k + 2];
		if (
			t.kind === 'word' &&
			JOINER.test(next.text) &&
			after?.kind === 'word' &&
			after.start === next.start + 1
		) {
			return 'apostrophe or hyphen between letters not joined';
		}
		return undefined;
	}

	it('makes maximal words, one-grapheme punctuation and whole whitespace runs', () => {
		fc.assert(
			fc.property(text, (s) => {
				const tokens = tokenize(s);
				const problems = tokens.map((_, k) => problem(tokens, k)).filter((p) => p !== undefined);
				expect(problems).toEqual([]);
			}),
			{ numRuns: 1000 }
		);
	});
});

// tokenize.ts reads a table where the tokenizer it replaced ran regular expressions; that one is
// kept in tokenize.reference.ts, and here the two must give the same tokens on any text at all.
describe('tokenize agrees with the reference tokenizer', () => {
	// Pieces chosen for the rules they touch: letters of many scripts (Latin-1 and Latin Extended,
	// Cyrillic, Greek, CJK, astral letters and digits), marks, what may join or continue a word,
	// emoji sequences, every kind of whitespace and line end (and NEL, which is not whitespace in
	// JavaScript), editorial matter and gap markers whole and broken, and lone surrogates.
	const PIECES = [
		...['word', 'the', 'I', 'a1', '1938', '½²', 'Ⅻ', '١٢٣', 'café', 'Ærø', 'straße', 'ñÿ', 'ǅ'],
		...['ª', 'a×b', '÷', 'Я', 'опровергаю', 'ёж', 'Ёлка', 'ӂ', 'αβγ', 'Ἀθῆναι', 'λόγος', '漢字'],
		...['かな', '한국어', 'ﬁ', 'कि', 'می\u200cخواهم', '𝐀𝐁', '𝟘'],
		...['e\u0301', '\u0301', '\u0301\u0302', '\u20e3', '\u0488', '\u093f', '\ud834\udd67'],
		...["'", '’', '-', '\u2010', '\u2011', '–', "don't", 'prosecutor’s', 'well-known', "'tis"],
		...["students'", '-x-', "a''b", 'a--b', "a'-b", 'a\u2011b', 'a’\u0301'],
		...['\u00ad', 'co\u00adoperate', '\u200c', '\u200d', 'a\u200db', '\u200b', '\u2060'],
		...['👩\u200d👩\u200d👧', '❤\ufe0f', '🇷🇺', '1\ufe0f\u20e3', '👍🏽', '\ufe0f', '\ud83d'],
		...[' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n \t\n', '\n\r', '\v'],
		...['\f', '\u00a0', '\u2028', '\u2029', '\u2009', '\u202f', '\u3000', '\ufeff', '\u1680'],
		...['\u205f', '\u0085'],
		...['.', ',', '!', '?', ';', ':', '—', '«', '»', '“', '”', '„', '(', ')', '€', '§', '\u0000'],
		...['\u0007', '\u007f', '\u009f', '\ud800', '\udc00', '\udbff', '\udfff'],
		...['[', ']', '[non-existent]', '[x]', '[a [b] c]', '[x\ny]', '[]', '[\u0301]', ']\u0301'],
		...['…', '……', '…\u0301', '. . .', '. . . .', '.\u00a0.\u00a0.', '.\u2009.\u202f.', '. .'],
		...['.. .', '. . . . .', '{', '}', '{gap}', '{gap: two pages}', '{gap:}', '{gap', '{gap}.'],
		...['{gap: a\nb}', '{gap}\n\n', '\n\n{gap}\n\n', '\r\n\r\n{gap: x}  \r\n\r\n', ' {gap}']
	];
	const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
	const piece = fc.oneof(
		{ weight: 12, arbitrary: fc.constantFrom(...PIECES) },
		// Long runs: past the segmenter's window, and long words, whitespace and brackets.
		{
			weight: 1,
			arbitrary: fc
				.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 2, max: 300 }))
				.map(([p, times]) => p.repeat(times))
		},
		{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
		{ weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 6 }) }
	);
	const text = fc.oneof(
		{ weight: 6, arbitrary: fc.array(piece, { maxLength: 30 }).map((p) => p.join('')) },
		{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
		{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
		{ weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 80 }) }
	);

	it('gives the same tokens on random and hostile text', { timeout: 30_000 }, () => {
		fc.assert(
			fc.property(text, (s) => {
				expect(tokenize(s)).toStrictEqual(referenceTokenize(s));
			}),
			{ numRuns: 10_000 }
		);
	});

	// Every way a witness's lines and brackets can be read.
	const OPTIONS: ScanOptions[] = (['wrapped', 'kept', 'marked'] as const).flatMap((lines) =>
		(['editorial', 'text'] as const).map((brackets) => ({ lines, brackets }))
	);
	// Line ends after spaces and backslashes, Markdown's links and code, mixed with the above.
	const MARKDOWN = [
		...['\\', '\\\n', '\\\r\n', '\\\n\n', '\\ \n', '  \n', '   \r\n', ' \n', '\t\n'],
		...['\\\u2028', '\n    ', '\n\t', '](', '][', ']:', '[x](y)', '[a][b]', '[x]: /u'],
		...['\n[x]:', '`', '```', '\n```\n', '~~~', '\n~~~\n', '``a[b]``', '![i](s)']
	];
	const markdownPiece = fc.oneof(fc.constantFrom(...MARKDOWN), fc.constantFrom(...PIECES));
	const markdownText = fc.array(markdownPiece, { maxLength: 30 }).map((p) => p.join(''));

	it('gives the same tokens however lines and brackets are read', { timeout: 30_000 }, () => {
		fc.assert(
			fc.property(fc.oneof(text, markdownText), fc.constantFrom(...OPTIONS), (s, options) => {
				expect(tokenize(s, options)).toStrictEqual(referenceTokenize(s, options));
			}),
			{ numRuns: 6_000 }
		);
	});

	// Every place where the table decides something about a character: starting a token, inside a
	// word and after a joiner, after punctuation and inside a run of it, after a full stop, and
	// between line ends.
	const CONTEXTS = [
		(u: string) => u,
		(u: string) => `a${u}b`,
		(u: string) => `a'${u}’b`,
		(u: string) => `«${u}!`,
		(u: string) => `.${u}.`,
		(u: string) => `\n${u}\n`
	];
	// Separated by spaces, so that no two surrogates from different contexts make a pair.
	const inContexts = (chars: string[]) =>
		chars.map((u) => CONTEXTS.map((context) => context(u)).join(' ')).join(' ');

	/** Where the two tokenizers first part on a long text, or undefined if they never do. */
	function firstDifference(s: string) {
		const fast = tokenize(s);
		const reference = referenceTokenize(s);
		const same = (f?: Token, r?: Token) =>
			f?.kind === r?.kind && f?.text === r?.text && f?.key === r?.key && f?.start === r?.start;
		for (let k = 0; k < Math.max(fast.length, reference.length); k++) {
			if (!same(fast[k], reference[k])) {
				return { token: k, fast: fast.slice(k, k + 3), reference: reference.slice(k, k + 3) };
			}
		}
		return undefined;
	}

	it('gives the same tokens for every UTF-16 unit, in many contexts', { timeout: 30_000 }, () => {
		const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));
		expect(firstDifference(inContexts(units))).toBeUndefined();
	});

	it('gives the same tokens beyond the BMP, in the same contexts', { timeout: 30_000 }, () => {
		// Letters and digits (Old Italic, mathematical alphanumerics, CJK), marks (musical
		// symbols, Glagolitic, variation selectors), emoji and tags; elsewhere a sample.
		const ranges = [
			[0x10300, 0x1032f],
			[0x1d165, 0x1d169],
			[0x1d400, 0x1d7ff],
			[0x1e000, 0x1e02f],
			[0x1f300, 0x1faff],
			[0x20000, 0x2007f],
			[0xe0000, 0xe007f],
			[0xe0100, 0xe01ef]
		];
		const points: string[] = [];
		for (let p = 0x10000; p <= 0x10ffff; p++) {
			if (p % 251 === 0 || ranges.some(([from, to]) => p >= from && p <= to)) {
				points.push(String.fromCodePoint(p));
			}
		}
		expect(firstDifference(inContexts(points))).toBeUndefined();
	});
});
