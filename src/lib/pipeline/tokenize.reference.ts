// The tokenizer as it was before the table-driven scans in tokenize.ts (commit ba462c6), kept
// verbatim below this comment as the reference that tokenize.ts must agree with, token for token,
// on every input (the property tests in tokenize.test.ts). Only those tests import it. Change it
// only when the definition of a token changes, and then tokenize.ts with it. Changed since: kept
// line breaks and Markdown's hard breaks (`ScanOptions.lines`), and the bracket rule of
// brackets.ts, which both tokenizers ask.

import type { Token, TokenKind } from '../types';
import { BracketRule } from './brackets';
import type { ScanOptions } from './tokenize';

// Tokenize: split a witness into words, whitespace, punctuation and the source's own editorial
// matter, keeping every character, so that joining the tokens' `text` rebuilds the witness exactly
// (lone surrogates, NUL and a bare `\r` included). Alignment compares `key`, which is the text
// itself except for whitespace: all whitespace without a blank line compares as `' '` and all
// whitespace with one as `'\n\n'`, so a rewrapped line or a CRLF file is not a change, while a
// paragraph break that appears or disappears is.

// A word is a run of letters, marks and digits; an apostrophe or hyphen between two such runs
// belongs to it (`prosecutor’s`, `well-known`), one at either end does not (`'tis`, `students'`).
// Soft hyphens and zero-width (non-)joiners occur inside words in real texts, so they continue one.
const LETTER_RUN = String.raw`[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200c\u200d]*`;
const WORD = new RegExp(String.raw`${LETTER_RUN}(?:['’\-\u2010\u2011]${LETTER_RUN})*`, 'uy');
const WHITESPACE = /\s+/uy;
// Everything that is neither whitespace nor the start of a word: punctuation, symbols, emoji,
// control characters, lone surrogates. Marks are included so that a mark after a symbol stays
// with it (`!\u0301`, `❤\ufe0f`).
const NON_WORD_RUN = /[^\s\p{L}\p{N}]+/uy;

// `[non-existent]`: a bracketed insertion on one line, with no brackets inside.
const EDITORIAL_BRACKET = /\[[^[\]\n\r\u2028\u2029]+\]/y;
// `. . .` or `. . . .`: an elision printed as spaced dots (ordinary, no-break or thin spaces).
const EDITORIAL_DOTS = /\.(?:[ \u00a0\u2009\u202f]\.){2,3}/y;
const ELLIPSIS = '…';

// `{gap}` or `{gap: what is missing}`; only a token when it is a whole paragraph.
const GAP = /\{gap(?::[^{}\n\r\u2028\u2029]*)?\}/y;

// A blank line: two line ends with nothing but spaces or tabs between them. `\r\n` is first made
// one line end, so that a single CRLF is not mistaken for two.
const BLANK_LINE = /[\n\r\u2028\u2029][^\S\n\r\u2028\u2029]*[\n\r\u2028\u2029]/;
const LINE_END = /[\n\r\u2028\u2029]/g;

const SPACE_KEY = ' ';
const BREAK_KEY = '\n\n';
// Two spaces or more before a line end: Markdown's other hard break.
const SPACES_BEFORE_LINE_END = /  (?:\r\n|[\n\r\u2028\u2029])/;

// ASCII character classes for the fast paths: most of a long English or Russian text is plain
// ASCII words, single spaces and single punctuation marks, and the regular expressions above are
// several times slower than a table look-up on those.
const ALNUM = 1;
const WS = 2;
const PLAIN_PUNCT = 3;
const SPECIAL = 4; // `[`, `.`, `{`: may start editorial matter or a gap marker
const ASCII_CLASS = new Uint8Array(128).map((_, c) => {
	if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return ALNUM;
	if (c === 32 || (c >= 9 && c <= 13)) return WS;
	if (c === 0x5b || c === 0x2e || c === 0x7b) return SPECIAL;
	return PLAIN_PUNCT;
});

export function tokenize(text: string, options: ScanOptions = {}): Token[] {
	const tokens: Token[] = [];
	const lines = options.lines ?? 'wrapped';
	const brackets = new BracketRule(text, options.brackets ?? 'editorial');
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		const cls = c < 128 ? ASCII_CLASS[c] : 0;
		const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
		if (c === 32 && (next === -1 || (next < 128 && ASCII_CLASS[next] !== WS))) {
			tokens.push({ kind: 'space', text: ' ', key: SPACE_KEY, start: i });
			i++;
			continue;
		}
		if (cls === ALNUM) {
			let j = i + 1;
			while (j < n) {
				const d = text.charCodeAt(j);
				if (d >= 128 || ASCII_CLASS[d] !== ALNUM) break;
				j++;
			}
			const d = j < n ? text.charCodeAt(j) : -1;
			// Anything else that might continue the word (an apostrophe, a hyphen, an accent, a
			// letter outside ASCII) goes the long way.
			if (d < 128 && d !== 39 && d !== 45) {
				const word = text.slice(i, j);
				tokens.push({ kind: 'word', text: word, key: word, start: i });
				i = j;
				continue;
			}
		}
		// A backslash before a line end marks a hard break where the witness's breaks are marked.
		if (c === 0x5c && lines === 'marked' && LINE_END_CHAR.test(text[i + 1] ?? '')) {
			WHITESPACE.lastIndex = i + 1;
			WHITESPACE.test(text);
			const end = WHITESPACE.lastIndex;
			if (whitespaceKind(text.slice(i + 1, end), 'kept') === 'line') {
				tokens.push({ kind: 'line', text: text.slice(i, end), key: SPACE_KEY, start: i });
				i = end;
				continue;
			}
		}
		// A full stop is plain unless `. .` follows (an elision).
		const plainStop =
			c === 0x2e && next !== 32 && next !== 0xa0 && next !== 0x2009 && next !== 0x202f;
		const plainStopBeforeSpace = c === 0x2e && next === 32 && text.charCodeAt(i + 2) !== 0x2e;
		if ((cls === PLAIN_PUNCT || plainStop || plainStopBeforeSpace) && next < 0x300) {
			push(tokens, 'punct', text[i], i);
			i++;
			continue;
		}
		WHITESPACE.lastIndex = i;
		if (WHITESPACE.test(text)) {
			const end = WHITESPACE.lastIndex;
			const ws = text.slice(i, end);
			const kind = whitespaceKind(ws, lines);
			// A kept line break compares as a space (see tokens.ts).
			const key = kind === 'break' ? BREAK_KEY : SPACE_KEY;
			tokens.push({ kind, text: ws, key, start: i });
			i = end;
			continue;
		}
		WORD.lastIndex = i;
		if (WORD.test(text)) {
			const end = WORD.lastIndex;
			const word = text.slice(i, end);
			tokens.push({ kind: 'word', text: word, key: word, start: i });
			i = end;
			continue;
		}
		const gapEnd = c === 0x7b && atParagraphStart(tokens) ? matchGap(text, i) : -1;
		if (gapEnd > 0) {
			push(tokens, 'gap', text.slice(i, gapEnd), i);
			i = gapEnd;
			continue;
		}
		i = tokenizeNonWordRun(text, i, tokens, brackets);
	}
	return tokens;
}

const LINE_END_CHAR = /^[\n\r\u2028\u2029]$/;
const LINE_END_CHAR_ANYWHERE = /[\n\r\u2028\u2029]/;

/** A paragraph break, a kept line break (see `LineBreaks`), or a space. */
function whitespaceKind(ws: string, lines: ScanOptions['lines']): TokenKind {
	if (isParagraphBreak(ws)) return 'break';
	if (lines === 'wrapped' || !LINE_END_CHAR_ANYWHERE.test(ws)) return 'space';
	return lines === 'kept' || SPACES_BEFORE_LINE_END.test(ws) ? 'line' : 'space';
}

function push(tokens: Token[], kind: TokenKind, text: string, start: number): void {
	tokens.push({ kind, text, key: text, start });
}

/** Whether whitespace holds a blank line, i.e. separates paragraphs. */
export function isParagraphBreak(ws: string): boolean {
	const ends = ws.match(LINE_END);
	if (ends === null || ends.length < 2) return false;
	return BLANK_LINE.test(ws.replace(/\r\n/g, '\n'));
}

function atParagraphStart(tokens: Token[]): boolean {
	const last = tokens.length === 0 ? undefined : tokens[tokens.length - 1];
	// Leading whitespace before the first paragraph is not a break, but still starts the text.
	return (
		last === undefined ||
		last.kind === 'break' ||
		(tokens.length === 1 && (last.kind === 'space' || last.kind === 'line'))
	);
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

/**
 * Tokenize the punctuation run starting at `i` (one token per grapheme, or an editorial token),
 * and return where tokenizing goes on. An editorial token may reach past the run (`[non-existent]`
 * holds words), and then the main loop takes over again at its end.
 */
function tokenizeNonWordRun(
	text: string,
	i: number,
	tokens: Token[],
	brackets: BracketRule
): number {
	NON_WORD_RUN.lastIndex = i;
	// The caller saw neither whitespace nor a word start, so the run is never empty.
	NON_WORD_RUN.test(text);
	const end = NON_WORD_RUN.lastIndex;
	const starts = graphemeStarts(text, i, end);
	let skipTo = i;
	for (let k = 0; k < starts.length; k++) {
		const g = starts[k];
		const gEnd = k + 1 < starts.length ? starts[k + 1] : end;
		if (gEnd <= skipTo) continue; // inside an editorial token that ended within the run
		if (g < skipTo) {
			// The token ended inside a grapheme (`]` with an accent): the rest is punctuation.
			push(tokens, 'punct', text.slice(skipTo, gEnd), skipTo);
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
			push(tokens, 'punct', text.slice(g, gEnd), g);
			continue;
		}
		push(tokens, 'editorial', text.slice(g, editorialEnd), g);
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
