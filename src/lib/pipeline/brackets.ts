import type { Brackets } from '../types';
import { hasCodeFence } from './lines';

// Brackets: which `[…]` of a witness are an editor's insertion (`[non-existent]`), shown as the
// source's editorial matter, and which are the text's own. A case says what its sources do with
// square brackets (`brackets:` in case.txt, corpus/README.md); where they are editorial, a bracket
// that Markdown gives a meaning is still not, since a link or code is the text itself:
//
//   a [non-existent] bloc                    editorial: an editor's insertion
//   see [the spec](https://spec.commonmark.org)    a link: `[text](url)`, and `![alt](src)`
//   see [the spec][spec], [the spec][]       a reference link: both brackets are the link's
//   [spec]: https://spec.commonmark.org      a link reference definition (at a line's start)
//   see [spec]                               a shortcut link, where the text defines `[spec]:`
//   `a[i]`, and any line of a ``` block      code: a code span, a fenced code block
//
// A reader's own text written in Markdown has Markdown's brackets throughout (`isMarkdown`).
// Only what the tokenizer already took for a bracketed insertion (`[` to `]` on one line, without
// brackets inside) is asked about. What Markdown does is known from the text alone, and is found
// once per witness, the first time it is asked: most texts have no brackets at all.

/** Decides, bracket by bracket, whether a witness's `[…]` is editorial matter. */
export class BracketRule {
	readonly #text: string;
	readonly #editorial: boolean;
	/** The labels the text defines (`[spec]: url`), normalized as Markdown matches them. */
	#labels: Set<string> | null = null;
	/** Stretches of code, `[start, end)` pairs in text order, not overlapping. */
	#code: number[] | null = null;

	constructor(text: string, brackets: Brackets) {
		this.#text = text;
		this.#editorial = brackets === 'editorial';
	}

	/** Whether any bracket of the text can be editorial: a tokenizer may skip asking otherwise. */
	get any(): boolean {
		return this.#editorial;
	}

	/** Whether the bracket `text.slice(start, end)`, `[` to `]`, is editorial matter. */
	editorial(start: number, end: number): boolean {
		return this.#editorial && !this.#markdown(start, end);
	}

	#markdown(start: number, end: number): boolean {
		const text = this.#text;
		const after = text[end];
		// `[text](url)`, `![alt](src)`, `[text][ref]`, `[text][]`; then the `[ref]` of the first.
		if (after === '(' || after === '[' || text[start - 1] === ']') return true;
		if (after === ':' && atLineStart(text, start)) return true;
		if ((this.#labels ??= definedLabels(text)).has(label(text.slice(start + 1, end - 1)))) {
			return true;
		}
		return inside((this.#code ??= codeStretches(text)), start);
	}
}

const INLINE_LINK = /\[[^[\]\n\r\u2028\u2029]+\]\([^\s()]*\)/;
const ANY_DEFINITION = /^ {0,3}\[[^[\]\n\r\u2028\u2029]+\]:/m;

/**
 * Whether a text is written in Markdown: it has a fenced code block, a link (`[text](url)`) or a
 * link reference definition. Square brackets in such a text are Markdown's (links, footnotes,
 * task lists) and the writer's, not an editor's insertions: a reader's own text on the Compare
 * page is read so (`brackets: 'text'`), where any other has its brackets editorial.
 */
export function isMarkdown(text: string): boolean {
	return hasCodeFence(text) || INLINE_LINK.test(text) || ANY_DEFINITION.test(text);
}

/** Whether `at` starts its line but for at most three spaces (where a definition may stand). */
function atLineStart(text: string, at: number): boolean {
	let k = at;
	while (k > 0 && at - k < 3 && text[k - 1] === ' ') k--;
	return k === 0 || LINE_END.test(text[k - 1]);
}

const LINE_END = /[\n\r\u2028\u2029]/;

/** A link label as Markdown compares them: trimmed, runs of white space one space, any case. */
function label(text: string): string {
	return text.trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase();
}

const DEFINITION = /^ {0,3}\[([^[\]\n\r\u2028\u2029]+)\]:/gm;

function definedLabels(text: string): Set<string> {
	const labels = new Set<string>();
	if (!text.includes(']:')) return labels;
	for (const match of text.matchAll(DEFINITION)) labels.add(label(match[1]));
	return labels;
}

/** Whether `at` lies in one of the `[start, end)` pairs of `stretches` (in order). */
function inside(stretches: number[], at: number): boolean {
	let lo = 0;
	let hi = stretches.length / 2 - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (at < stretches[2 * mid]) hi = mid - 1;
		else if (at >= stretches[2 * mid + 1]) lo = mid + 1;
		else return true;
	}
	return false;
}

/** A fence: three or more backticks or tildes, indented by at most three spaces. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINE = /[^\n\r\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029]|$)/y;

/**
 * The code of a Markdown text, in order: fenced code blocks (from the opening fence to the end of
 * the closing one, or of the text when it is never closed), and between them code spans (a run of
 * backticks to the next run of as many; a run that none closes is only backticks).
 */
export function codeStretches(text: string): number[] {
	const stretches: number[] = [];
	if (!text.includes('`') && !text.includes('~~~')) return stretches;
	let prose = 0; // where the text outside fenced blocks began
	let fence: string | null = null;
	let opened = 0;
	for (let at = 0; at < text.length; ) {
		LINE.lastIndex = at;
		LINE.test(text);
		const end = LINE.lastIndex;
		const line = text.slice(at, end);
		const mark = FENCE.exec(line)?.[1];
		if (fence === null && mark !== undefined && opens(line, mark)) {
			codeSpans(text, prose, at, stretches);
			fence = mark;
			opened = at;
		} else if (
			fence !== null &&
			mark !== undefined &&
			mark[0] === fence[0] &&
			mark.length >= fence.length &&
			line.trim() === mark
		) {
			stretches.push(opened, end);
			fence = null;
			prose = end;
		}
		at = end;
	}
	if (fence !== null) stretches.push(opened, text.length);
	else codeSpans(text, prose, text.length, stretches);
	return stretches;
}

/** Whether a line starting with the fence `mark` opens a block: after backticks, its info
 * string may hold none (``` ``a`` ``` is a code span). */
function opens(line: string, mark: string): boolean {
	return mark[0] !== '`' || !line.slice(line.indexOf(mark) + mark.length).includes('`');
}

/** Adds the code spans of `text.slice(from, to)`: each run of backticks closed by the next run of
 * the same length, in one pass (a run waits for its closer in a table by length). */
function codeSpans(text: string, from: number, to: number, stretches: number[]): void {
	const runs: [number, number][] = [];
	for (let at = text.indexOf('`', from); at >= 0 && at < to; at = text.indexOf('`', at)) {
		let end = at;
		while (end < to && text[end] === '`') end++;
		runs.push([at, end]);
		at = end;
	}
	// For each run, the index of the next run of the same length, found from the end backwards.
	const next = new Int32Array(runs.length).fill(-1);
	const seen = new Map<number, number>();
	for (let k = runs.length - 1; k >= 0; k--) {
		const length = runs[k][1] - runs[k][0];
		next[k] = seen.get(length) ?? -1;
		seen.set(length, k);
	}
	for (let k = 0; k < runs.length; ) {
		if (next[k] < 0) {
			k++;
			continue;
		}
		stretches.push(runs[k][0], runs[next[k]][1]);
		k = next[k] + 1;
	}
}
