import type { Brackets, LineBreaks, Token } from '../types';
import { BracketRule } from './brackets';
import {
	BREAK,
	EDITORIAL,
	FNV_OFFSET,
	FNV_PRIME,
	GAP as GAP_KIND,
	LINE,
	PUNCT,
	SPACE as SPACE_KIND,
	TokenWriter,
	tokenObjects,
	Vocabulary,
	WORD as WORD_KIND,
	type Tokens
} from './tokens';

// Tokenize: split a witness into words, whitespace, punctuation and the source's own editorial
// matter, keeping every character, so that joining the tokens' `text` rebuilds the witness exactly
// (lone surrogates, NUL and a bare `\r` included). Alignment compares `key`, which is the text
// itself except for whitespace: all whitespace without a blank line compares as `' '` and all
// whitespace with one as `'\n\n'`, so a rewrapped line or a CRLF file is not a change, while a
// paragraph break that appears or disappears is.
//
// Two things depend on the witness (`ScanOptions`). Whether its lines matter: in verse or code a
// single line end is a line break that is kept (a `line` token, with a space's key: clean-up marks
// a line broken differently, cleanup.ts), and where Markdown marks hard breaks only the marked
// ones are (`LineBreaks`). And whether its square brackets hold an editor's insertions
// (brackets.ts).

// A word is a run of letters, marks and digits; an apostrophe or hyphen between two such runs
// belongs to it (`prosecutor’s`, `well-known`), one at either end does not (`'tis`, `students'`).
// Soft hyphens and zero-width (non-)joiners occur inside words in real texts, so they continue one.
const WORD_START = String.raw`[\p{L}\p{M}\p{N}]`;
const IN_WORD = String.raw`[\p{L}\p{M}\p{N}\u00ad\u200c\u200d]`;
const JOINER = String.raw`['’\-\u2010\u2011]`;
const LETTER_RUN = `${WORD_START}${IN_WORD}*`;
const WORD = new RegExp(`${LETTER_RUN}(?:${JOINER}${LETTER_RUN})*`, 'uy');
const WHITESPACE = /\s+/uy;
// Everything that is neither whitespace nor the start of a word: punctuation, symbols, emoji,
// control characters, lone surrogates. Marks are included so that a mark after a symbol stays
// with it (`!\u0301`, `❤\ufe0f`).
const NON_WORD = String.raw`[^\s\p{L}\p{N}]`;
const NON_WORD_RUN = new RegExp(`${NON_WORD}+`, 'uy');

// `[non-existent]`: a bracketed insertion on one line, with no brackets inside, where the
// witness's brackets are editorial and Markdown does not make it a link or code (brackets.ts).
const EDITORIAL_BRACKET = /\[[^[\]\n\r\u2028\u2029]+\]/y;
// `. . .` or `. . . .`: an elision printed as spaced dots (ordinary, no-break or thin spaces).
const EDITORIAL_DOTS = /\.(?:[ \u00a0\u2009\u202f]\.){2,3}/y;
const ELLIPSIS = '…';

// `{gap}` or `{gap: what is missing}`; only a token when it is a whole paragraph.
const GAP = /\{gap(?::[^{}\n\r\u2028\u2029]*)?\}/y;

// A blank line: two line ends with nothing but spaces or tabs between them. `\r\n` is first made
// one line end, so that a single CRLF is not mistaken for two.
const BLANK_LINE = /[\n\r\u2028\u2029][^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029]/;
const LINE_END_CLASS = String.raw`[\n\r\u2028\u2029]`;
const LINE_END = new RegExp(LINE_END_CLASS, 'g');

// The regular expressions above define the tokens, but running them at every position costs
// several times what a table look-up does, most of all outside ASCII (a Russian text). So each
// UTF-16 unit is classified once, the first time it is met, by those same character classes, and
// the scans below read the table. A surrogate is half of a code point (`𝐀` is a letter, a lone
// `\ud800` is not), which the table cannot know, so wherever a scan meets one the regular
// expressions decide instead.
const SPACE = 1;
const STARTS_WORD = 2;
const CONTINUES_WORD = 4;
const JOINS_WORDS = 8;
const IN_PUNCTUATION = 16;
const ENDS_LINE = 32;
const SURROGATE = 64;
const CLASSIFIED = 128; // so that 0 means "not yet"
const CLASSES: [RegExp, number][] = [
	[/\s/u, SPACE],
	[new RegExp(WORD_START, 'u'), STARTS_WORD],
	[new RegExp(IN_WORD, 'u'), CONTINUES_WORD],
	[new RegExp(JOINER, 'u'), JOINS_WORDS],
	[new RegExp(NON_WORD, 'u'), IN_PUNCTUATION],
	[new RegExp(LINE_END_CLASS), ENDS_LINE]
];
const CLASS = new Uint8Array(0x10000);

function classOf(c: number): number {
	return CLASS[c] || classify(c);
}

function classify(c: number): number {
	let bits = CLASSIFIED;
	if (c >= 0xd800 && c <= 0xdfff) {
		bits |= SURROGATE;
	} else {
		const char = String.fromCharCode(c);
		for (const [re, bit] of CLASSES) if (re.test(char)) bits |= bit;
	}
	CLASS[c] = bits;
	return bits;
}

/** What tokenizing a witness depends on, besides its text. */
export interface ScanOptions {
	/** What a single line break is; by default `wrapped`, the same as a space. */
	lines?: LineBreaks;
	/**
	 * What its square brackets are; by default `editorial`, as in a transcript (`[inaudible]`,
	 * `[sic]`), Markdown links aside. A corpus case says (`Case.brackets`).
	 */
	brackets?: Brackets;
}

/** The tokens of `text`, as objects. */
export function tokenize(text: string, options: ScanOptions = {}): Token[] {
	return tokenObjects(scan(text, new Vocabulary(), options));
}

/** The tokens of both witnesses of a comparison, with one vocabulary. */
export function scanPair(
	a: string,
	b: string,
	options: { a?: ScanOptions; b?: ScanOptions } = {}
): [Tokens, Tokens] {
	const vocabulary = new Vocabulary();
	return [scan(a, vocabulary, options.a), scan(b, vocabulary, options.b)];
}

const WRAPPED = 0;
const KEPT = 1;
const MARKED = 2;
const LINE_CODES: Record<LineBreaks, number> = { wrapped: WRAPPED, kept: KEPT, marked: MARKED };

/** The tokens of `text` in columns, with keys from `vocabulary` (shared by the two sides). */
export function scan(text: string, vocabulary: Vocabulary, options: ScanOptions = {}): Tokens {
	const tokens = new TokenWriter(text, vocabulary);
	const lines = LINE_CODES[options.lines ?? 'wrapped'];
	const brackets = new BracketRule(text, options.brackets ?? 'editorial');
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		const bits = classOf(c);
		if (bits & SPACE) {
			const end = spaceEnd(text, i);
			if (end < 0) {
				i = slowStep(text, i, tokens, lines, brackets);
				continue;
			}
			// One character is never a blank line, and most whitespace is one space.
			const single = end === i + 1 && (lines === WRAPPED || c === 32);
			tokens.push(single ? SPACE_KIND : whitespaceKind(text, i, end, lines), i, end);
			i = end;
			continue;
		}
		if (bits & STARTS_WORD) {
			const end = wordEnd(text, i);
			if (end < 0) {
				i = slowStep(text, i, tokens, lines, brackets);
				continue;
			}
			if (end === i + 1) tokens.push(WORD_KIND, i, end);
			else tokens.pushWord(i, end, wordHash);
			i = end;
			continue;
		}
		if (bits & SURROGATE) {
			i = slowStep(text, i, tokens, lines, brackets);
			continue;
		}
		// Punctuation, mostly one mark a token. The exceptions go through the run below: `[` and
		// `{` (editorial matter, a gap marker), a full stop that may start `. . .`, `…` (editorial),
		// and a mark followed by more punctuation or an accent, to be split into graphemes. An
		// ASCII mark is its own grapheme before anything below U+0300, where the accents start.
		// Before all of them, a backslash that marks a hard line break.
		const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
		if (c === 0x5c && lines === MARKED) {
			const end = hardBreakEnd(text, i);
			if (end > 0) {
				tokens.push(LINE, i, end);
				i = end;
				continue;
			}
		}
		const plain =
			c < 128
				? next < 0x300 &&
					(c === 0x2e
						? next !== 0xa0 && (next !== 32 || text.charCodeAt(i + 2) !== 0x2e)
						: c !== 0x5b && c !== 0x7b)
				: c !== 0x2026 && (next < 0 || !(classOf(next) & (IN_PUNCTUATION | SURROGATE)));
		if (plain) {
			tokens.push(PUNCT, i, i + 1);
			i++;
			continue;
		}
		const gapEnd = c === 0x7b && atParagraphStart(tokens) ? matchGap(text, i) : -1;
		if (gapEnd > 0) {
			tokens.push(GAP_KIND, i, gapEnd);
			i = gapEnd;
			continue;
		}
		i = tokenizeNonWordRun(text, i, tokens, brackets);
	}
	return tokens.finish();
}

/**
 * The kind of the whitespace `text.slice(from, to)`: a paragraph break if it holds a blank line
 * (any two line ends, a CRLF counting as one, since everything in it is whitespace); with one
 * line end, a kept line break where the witness's lines matter, or where two spaces or more
 * before the line end mark a hard break; otherwise a space.
 */
function whitespaceKind(text: string, from: number, to: number, lines: number): number {
	let lineEnds = 0;
	let firstEnd = -1;
	for (let k = from; k < to; k++) {
		const c = text.charCodeAt(k);
		if (classOf(c) & ENDS_LINE && !(c === 10 && k > from && text.charCodeAt(k - 1) === 13)) {
			if (++lineEnds === 2) return BREAK;
			firstEnd = k;
		}
	}
	if (lineEnds === 0 || lines === WRAPPED) return SPACE_KIND;
	if (lines === KEPT) return LINE;
	return firstEnd - from >= 2 && text.startsWith('  ', firstEnd - 2) ? LINE : SPACE_KIND;
}

/**
 * End of the hard line break a backslash at `i` marks (Markdown's `\` at the end of a line):
 * the backslash and the whitespace after it, which must start with a line end and hold only
 * one; -1 if it marks none (a backslash inside a line, or at a paragraph's end).
 */
function hardBreakEnd(text: string, i: number): number {
	if (i + 1 >= text.length || !(classOf(text.charCodeAt(i + 1)) & ENDS_LINE)) return -1;
	WHITESPACE.lastIndex = i + 1;
	WHITESPACE.test(text);
	const end = WHITESPACE.lastIndex;
	return whitespaceKind(text, i + 1, end, KEPT) === LINE ? end : -1;
}

/** End of the whitespace at `i`, as WHITESPACE matches it, or -1 if a surrogate comes first. */
function spaceEnd(text: string, i: number): number {
	let j = i + 1;
	for (; j < text.length; j++) {
		const bits = classOf(text.charCodeAt(j));
		if (!(bits & SPACE)) return bits & SURROGATE ? -1 : j;
	}
	return j;
}

/** The key hash of the word wordEnd last found (FNV-1a over its units, as the vocabulary's). */
let wordHash = 0;

/**
 * End of the word at `i`, as WORD matches it, or -1 if a surrogate comes first. Hashes the word
 * on the way (into `wordHash`), so that interning it does not read it again for that.
 */
function wordEnd(text: string, i: number): number {
	const n = text.length;
	let h = Math.imul(FNV_OFFSET ^ text.charCodeAt(i), FNV_PRIME);
	let j = i + 1;
	while (j < n) {
		const c = text.charCodeAt(j);
		const bits = classOf(c);
		if (bits & CONTINUES_WORD) {
			h = Math.imul(h ^ c, FNV_PRIME);
			j++;
			continue;
		}
		if (bits & JOINS_WORDS && j + 1 < n) {
			const next = text.charCodeAt(j + 1);
			const after = classOf(next);
			if (after & STARTS_WORD) {
				h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ next, FNV_PRIME);
				j += 2;
				continue;
			}
			if (after & SURROGATE) return -1;
		}
		wordHash = h;
		return bits & SURROGATE ? -1 : j;
	}
	wordHash = h;
	return j;
}

/**
 * The regular expressions' own answer at `i`, where a surrogate left the table unsure: the order
 * the rules apply in (whitespace, then a word, then punctuation), each matched by its expression.
 * Never called at a `{` or a backslash, so neither the gap rule nor a hard break comes in.
 */
function slowStep(
	text: string,
	i: number,
	tokens: TokenWriter,
	lines: number,
	brackets: BracketRule
): number {
	WHITESPACE.lastIndex = i;
	if (WHITESPACE.test(text)) {
		const end = WHITESPACE.lastIndex;
		tokens.push(whitespaceKind(text, i, end, lines), i, end);
		return end;
	}
	WORD.lastIndex = i;
	if (WORD.test(text)) {
		const end = WORD.lastIndex;
		tokens.push(WORD_KIND, i, end);
		return end;
	}
	return tokenizeNonWordRun(text, i, tokens, brackets);
}

/** Whether whitespace holds a blank line, i.e. separates paragraphs. */
export function isParagraphBreak(ws: string): boolean {
	const ends = ws.match(LINE_END);
	if (ends === null || ends.length < 2) return false;
	return BLANK_LINE.test(ws.replace(/\r\n/g, '\n'));
}

function atParagraphStart(tokens: TokenWriter): boolean {
	const last = tokens.lastKind();
	// Leading whitespace before the first paragraph is not a break, but still starts the text.
	if (last === -1 || last === BREAK) return true;
	return tokens.length === 1 && (last === SPACE_KIND || last === LINE);
}

/** End of a `{gap}` marker at `i` if it fills its paragraph, else -1. */
function matchGap(text: string, i: number): number {
	GAP.lastIndex = i;
	if (!GAP.test(text)) return -1;
	const end = GAP.lastIndex;
	if (end === text.length) return end;
	WHITESPACE.lastIndex = end;
	if (!WHITESPACE.test(text)) return -1;
	const wsEnd = WHITESPACE.lastIndex;
	return wsEnd === text.length || isParagraphBreak(text.slice(end, wsEnd)) ? end : -1;
}

/** End of the punctuation run at `i`, as NON_WORD_RUN matches it. */
function nonWordRunEnd(text: string, i: number): number {
	for (let j = i; j < text.length; j++) {
		const bits = classOf(text.charCodeAt(j));
		if (bits & IN_PUNCTUATION) continue;
		if (!(bits & SURROGATE)) return j;
		NON_WORD_RUN.lastIndex = i;
		NON_WORD_RUN.test(text);
		return NON_WORD_RUN.lastIndex;
	}
	return text.length;
}

/**
 * Tokenize the punctuation run starting at `i` (one token per grapheme, or an editorial token),
 * and return where tokenizing goes on. An editorial token may reach past the run (`[non-existent]`
 * holds words), and then the main loop takes over again at its end.
 */
function tokenizeNonWordRun(
	text: string,
	i: number,
	tokens: TokenWriter,
	brackets: BracketRule
): number {
	// The caller saw neither whitespace nor a word start, so the run is never empty.
	const end = nonWordRunEnd(text, i);
	const starts = graphemeStarts(text, i, end);
	let skipTo = i;
	for (let k = 0; k < starts.length; k++) {
		const g = starts[k];
		const gEnd = k + 1 < starts.length ? starts[k + 1] : end;
		if (gEnd <= skipTo) continue; // inside an editorial token that ended within the run
		if (g < skipTo) {
			// The token ended inside a grapheme (`]` with an accent): the rest is punctuation.
			tokens.push(PUNCT, skipTo, gEnd);
			continue;
		}
		const c = text.charCodeAt(g);
		let editorialEnd = -1;
		if (c === 0x5b) {
			EDITORIAL_BRACKET.lastIndex = g;
			const end = EDITORIAL_BRACKET.test(text) ? EDITORIAL_BRACKET.lastIndex : -1;
			if (end > 0 && brackets.editorial(g, end)) editorialEnd = end;
		} else if (c === 0x2e) {
			EDITORIAL_DOTS.lastIndex = g;
			if (EDITORIAL_DOTS.test(text)) editorialEnd = EDITORIAL_DOTS.lastIndex;
		} else if (text[g] === ELLIPSIS) {
			editorialEnd = gEnd;
		}
		if (editorialEnd < 0) {
			tokens.push(PUNCT, g, gEnd);
			continue;
		}
		tokens.push(EDITORIAL, g, editorialEnd);
		// Carry on in this run unless the token left it: scanning the run again for every
		// editorial token would be quadratic on `[.][.][.]…`.
		if (editorialEnd >= end) return editorialEnd;
		skipTo = editorialEnd;
	}
	return end;
}

// Most punctuation runs are plain, and every UTF-16 unit of them is its own grapheme; only runs
// with marks, joiners, format characters or surrogates (emoji, `!` with a combining accent) go
// through Intl.Segmenter, which costs too much to call for every comma.
let segmenter: Intl.Segmenter | null | undefined;

function graphemeStarts(text: string, from: number, to: number): number[] {
	const starts: number[] = [];
	if (isSimpleRun(text, from, to)) {
		for (let g = from; g < to; g++) starts.push(g);
		return starts;
	}
	if (segmenter === undefined) {
		segmenter =
			typeof Intl !== 'undefined' && 'Segmenter' in Intl
				? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
				: null;
	}
	if (segmenter) {
		segmentInWindows(segmenter, text, from, to, starts);
	} else {
		// Without a segmenter, at least never split a surrogate pair.
		for (let g = from; g < to; g += (text.codePointAt(g) ?? 0) > 0xffff ? 2 : 1) starts.push(g);
	}
	return starts;
}

/**
 * Grapheme starts of `[from, to)`, segmented a window at a time: V8's segmenter slows down
 * quadratically on long strings (a 100 KB run of emoji took seconds). A window's last grapheme
 * may go on past it, so the next window starts there. A single grapheme longer than a window
 * (a letter with thousands of combining marks) is cut at the window's end.
 */
function segmentInWindows(
	segmenter: Intl.Segmenter,
	text: string,
	from: number,
	to: number,
	starts: number[]
): void {
	let pos = from;
	while (pos < to) {
		const windowEnd = Math.min(to, pos + SEGMENT_WINDOW);
		const first = starts.length;
		for (const s of segmenter.segment(text.slice(pos, windowEnd))) starts.push(pos + s.index);
		if (windowEnd === to) return;
		const last = starts.pop()!;
		if (starts.length > first) {
			pos = last;
		} else {
			starts.push(last);
			pos = windowEnd;
		}
	}
}

const SEGMENT_WINDOW = 256;

function isSimpleRun(text: string, from: number, to: number): boolean {
	for (let k = from; k < to; k++) {
		const c = text.charCodeAt(k);
		// Below U+0300 (combining marks start there) or General Punctuation without the zero-width
		// and bidirectional format characters.
		if (c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205f)) continue;
		return false;
	}
	return true;
}
