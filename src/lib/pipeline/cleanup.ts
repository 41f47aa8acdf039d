import type { Segment } from '../types';
import type { Edit } from './align';
import { BREAK, GAP, LINE, PUNCT, SPACE, WORD, type Tokens } from './tokens';

// Clean up: turn the aligner's edit script, which is minimal but arbitrary wherever several
// scripts are equally short, into the changes a reader would mark with a pencil. Each pass is a
// function of its own, run in this order; the examples show a pass's input and output, with
// `<del>` for text only in the base, `<ins>` for text only in the target,
// `<rep>base|target</rep>` for a rewrite and `<gap>base|target</gap>` for a gap segment.
// On long texts there are hundreds of thousands of edits, so the passes change and reuse the edit
// objects they are given rather than copy them.

export function cleanup(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Segment[] {
	let result = slideToWordBoundaries(edits, aTokens, bTokens);
	result = pairRewrites(result, aTokens, bTokens);
	result = absorbTrivialEqualities(result, aTokens, bTokens);
	result = splitOutGaps(result, aTokens, bTokens);
	result = splitLineBreaks(result, aTokens, bTokens);
	return toSegments(result, aTokens, bTokens);
}

const isChange = (e: Edit): boolean =>
	e.kind === 'delete' || e.kind === 'insert' || e.kind === 'replace';
const isEmpty = (e: Edit): boolean => e.aFrom === e.aTo && e.bFrom === e.bTo;

/** The change kind that fits an edit's ranges: `delete` if only a, `insert` if only b. */
function changeKind(e: Edit): Edit['kind'] {
	if (e.bFrom === e.bTo) return 'delete';
	if (e.aFrom === e.aTo) return 'insert';
	return 'replace';
}

/** Drop empty edits and join neighbours of the same kind (gaps excepted: each is one marker). */
function joinNeighbours(edits: Edit[]): Edit[] {
	const out: Edit[] = [];
	for (const e of edits) {
		if (isEmpty(e)) continue;
		const last = out.length > 0 ? out[out.length - 1] : undefined;
		if (last !== undefined && last.kind === e.kind && e.kind !== 'gap') {
			last.aTo = e.aTo;
			last.bTo = e.bTo;
		} else {
			out.push(e);
		}
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// a) Slide to word boundaries

/** How far a change may slide; a bound against long runs of one repeated token. */
const MAX_SLIDE = 64;
const JOINS_NEIGHBOUR = 10;
/** What a place costs for each kept line break it would set against a space: more than any edge. */
const LINE_AGAINST_SPACE = 100;

/**
 * A deletion or insertion between two equalities can often be placed in several ways that are
 * equally short: " very" or "very " in "The very big". Slide each to the place where its edges
 * fall best, so that changes start at a word and carry the whitespace after them, paragraph
 * breaks included, and two changes separated only by what the slide moves become one:
 *
 *   The<del> very</del> big.             ->  The <del>very </del>big.
 *   One.<del>\n\nTwo.</del>\n\nThree.    ->  One.\n\n<del>Two.\n\n</del>Three.
 *   x<del> a</del> <del>b </del>y        ->  x <del>a b </del>y
 *
 * At the end of a paragraph nothing follows, so the space goes first: `A.<del> B.</del>\n\nC.`
 *
 * A kept line break compares as a space (tokens.ts), so a change may also slide past one; it goes
 * where each kept line break faces one (`¶`), and words added at a line's end stay on that line:
 *
 *   strike¶```  ->  strike<ins> --all</ins>¶```,  not  strike<ins>¶| --all</ins>¶```
 */
export function slideToWordBoundaries(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Edit[] {
	if (edits.length === 0) return [];
	const lines = aTokens.kinds.includes(LINE) || bTokens.kinds.includes(LINE);
	const out = edits.slice();
	// Equalities (maybe empty) at both ends, so that every change has one on each side.
	if (out[0].kind !== 'equal') out.unshift({ kind: 'equal', aFrom: 0, aTo: 0, bFrom: 0, bTo: 0 });
	const last = out[out.length - 1];
	if (last.kind !== 'equal') {
		out.push({ kind: 'equal', aFrom: last.aTo, aTo: last.aTo, bFrom: last.bTo, bTo: last.bTo });
	}
	for (let k = 1; k < out.length - 1; k++) {
		const x = out[k];
		const prev = out[k - 1];
		const next = out[k + 1];
		if (
			(x.kind !== 'delete' && x.kind !== 'insert') ||
			prev.kind !== 'equal' ||
			next.kind !== 'equal'
		) {
			continue;
		}
		const onA = x.kind === 'delete';
		const s = (onA ? aTokens : bTokens).keys;
		const kinds = (onA ? aTokens : bTokens).kinds;
		const other = (onA ? bTokens : aTokens).kinds;
		const from = onA ? x.aFrom : x.bFrom;
		const to = onA ? x.aTo : x.bTo;
		// Where the change stands in the other side. A token before the change faces the other
		// side's token at `at + j - from` wherever the change slides to, one after it `at + j - to`.
		const at = onA ? x.bFrom : x.aFrom;
		const against = (j: number, k: number) =>
			lines && (kinds[j] === LINE) !== (other[k] === LINE) ? LINE_AGAINST_SPACE : 0;
		const lo = Math.max(onA ? prev.aFrom : prev.bFrom, from - MAX_SLIDE);
		const hi = Math.min(onA ? next.aTo : next.bTo, to + MAX_SLIDE);
		// Most changes cannot move at all.
		const canLeft = from > lo && s[from - 1] === s[to - 1];
		const canRight = to < hi && s[from] === s[to];
		if (!canLeft && !canRight) continue;
		const joinsBefore =
			k >= 2 && out[k - 2].kind === x.kind && lo === (onA ? prev.aFrom : prev.bFrom);
		const joinsAfter =
			k + 2 < out.length && out[k + 2].kind === x.kind && hi === (onA ? next.aTo : next.bTo);
		let start = from;
		let end = to;
		while (start > lo && s[start - 1] === s[end - 1]) {
			start--;
			end--;
		}
		let best = start;
		let bestScore = -Infinity;
		// What the kept line breaks set against spaces cost here, next to the leftmost place.
		let cost = 0;
		for (;;) {
			let score = boundaryScore(kinds, start) + boundaryScore(kinds, end) - cost;
			if (start === lo && joinsBefore) score += JOINS_NEIGHBOUR;
			if (end === hi && joinsAfter) score += JOINS_NEIGHBOUR;
			if (score > bestScore) {
				bestScore = score;
				best = start;
			}
			if (end < hi && s[start] === s[end]) {
				// Token `start` leaves the change, to face the other side; token `end` joins it.
				cost += against(start, at + start - from) - against(end, at + end - to);
				start++;
				end++;
			} else {
				break;
			}
		}
		const shift = best - from;
		if (shift === 0) continue;
		x.aFrom += shift;
		x.aTo += shift;
		x.bFrom += shift;
		x.bTo += shift;
		prev.aTo += shift;
		prev.bTo += shift;
		next.aFrom += shift;
		next.bFrom += shift;
	}
	return joinNeighbours(out);
}

/**
 * How good a place the cut before token `cut` is for the edge of a change: the edge of
 * the text, then after a paragraph break, after a kept line break, then after a space (the
 * change starts at a word, or ends with its space), before a space, next to punctuation, and
 * last inside a run of word characters. After is preferred to before so that equal choices always
 * fall the same way.
 */
function boundaryScore(kinds: Uint8Array, cut: number): number {
	if (cut === 0 || cut === kinds.length) return 10;
	const l = kinds[cut - 1];
	const r = kinds[cut];
	if (l === BREAK) return 8;
	if (r === BREAK) return 7;
	if (l === LINE) return 6;
	if (l === SPACE || r === LINE) return 5;
	if (r === SPACE) return 4;
	if (l !== WORD || r !== WORD) return 1;
	return 0;
}

// ---------------------------------------------------------------------------------------------
// b) Pair rewrites

/**
 * A deletion next to an insertion is one rewrite, not two unrelated changes; and when the two are
 * the same words (the aligner struck a passage where it added the same passage back, and sliding
 * brought them together), they are no change at all:
 *
 *   I <del>deny</del><ins>admit</ins> it.   ->  I <rep>deny|admit</rep> it.
 *   I <del>deny it</del><ins>deny it</ins>.  ->  I deny it.
 */
export function pairRewrites(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Edit[] {
	const out: Edit[] = [];
	const push = (e: Edit) => {
		const last = out.length > 0 ? out[out.length - 1] : undefined;
		if (last !== undefined && isChange(last) && isChange(e)) {
			last.aTo = e.aTo;
			last.bTo = e.bTo;
			last.kind = changeKind(last);
		} else if (last !== undefined && last.kind === 'equal' && e.kind === 'equal') {
			last.aTo = e.aTo;
			last.bTo = e.bTo;
		} else {
			out.push(e);
		}
	};
	for (const e of edits) {
		if (isEmpty(e)) continue;
		const last = out.at(-1);
		// A rewrite that reads the same as what it replaced is equal text, joined to its neighbours.
		if (last?.kind === 'replace' && !isChange(e) && sameKeys(last, aTokens, bTokens)) {
			out.pop();
			push({ ...last, kind: 'equal' });
		}
		push(e);
	}
	const last = out.at(-1);
	if (last?.kind === 'replace' && sameKeys(last, aTokens, bTokens)) {
		out.pop();
		push({ ...last, kind: 'equal' });
	}
	return out;
}

/** Whether an edit's two sides are the same tokens, as alignment compares them. */
function sameKeys(e: Edit, aTokens: Tokens, bTokens: Tokens): boolean {
	if (e.aTo - e.aFrom !== e.bTo - e.bFrom) return false;
	for (let i = 0; i < e.aTo - e.aFrom; i++) if (aTokens.keys[e.aFrom + i] !== bTokens.keys[e.bFrom + i]) return false;
	return true;
}

// ---------------------------------------------------------------------------------------------
// c) Absorb trivial equalities

/** Longest word, in UTF-16 units, that counts as short enough to be squeezed into a rewrite. */
const SHORT_WORD = 4;

/**
 * The aligner keeps any token the two sides share, but a reader does not see a rewrite as
 * several changes because a space, a comma or a lone "the" survived it. An equality between two
 * changes is absorbed into one rewrite when it is only whitespace and punctuation (no paragraph
 * break, and no kept line break: changes on two lines of verse or code stay two), or a single
 * short word between two changes of two or more words each:
 *
 *   <rep>the cat|a dog</rep> <rep>sat|lay</rep>         ->  <rep>the cat sat|a dog lay</rep>
 *   <rep>deny most|admit all</rep> of <rep>the charges|these crimes</rep>
 *     ->  <rep>deny most of the charges|admit all of these crimes</rep>
 *
 * Real content stays: `<rep>one|two</rep> of the <rep>three|four</rep>` keeps "of the" equal.
 * Two deletions (or two insertions) are never joined this way, since their sum would be a
 * rewrite of the kept text into itself: `<del>a</del>, <del>b</del>` stays as it is.
 */
export function absorbTrivialEqualities(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Edit[] {
	// Punctuation first, so that `<rep>the|these</rep> <rep>charges|crimes</rep>` is one change
	// of two words by the time the word between it and the change before it is weighed.
	return absorbSweep(absorbSweep(edits, aTokens, bTokens, 0), aTokens, bTokens, 1);
}

function absorbSweep(edits: Edit[], aTokens: Tokens, bTokens: Tokens, maxWords: 0 | 1): Edit[] {
	const out: Edit[] = [];
	for (const e of edits) {
		const n = out.length;
		if (isChange(e) && n >= 2 && out[n - 1].kind === 'equal' && isChange(out[n - 2])) {
			const x = out[n - 2];
			const eq = out[n - 1];
			const hasA = x.aTo > x.aFrom || e.aTo > e.aFrom;
			const hasB = x.bTo > x.bFrom || e.bTo > e.bFrom;
			const words = hasA && hasB ? trivialWords(aTokens, eq.aFrom, eq.aTo, maxWords) : -1;
			const absorb =
				words === 0 ||
				(words === 1 && isMultiWord(x, aTokens, bTokens) && isMultiWord(e, aTokens, bTokens));
			if (absorb) {
				out.pop();
				x.aTo = e.aTo;
				x.bTo = e.bTo;
				x.kind = 'replace';
				continue;
			}
		}
		out.push(e);
	}
	return out;
}

/**
 * The number of words (0, or 1 if `maxWords` allows, a short one) if tokens `[from, to)` are only
 * spaces (no paragraph or kept line break), punctuation and at most that many words; otherwise -1.
 */
function trivialWords(tokens: Tokens, from: number, to: number, maxWords: number): number {
	const { kinds, starts } = tokens;
	let words = 0;
	for (let i = from; i < to; i++) {
		const kind = kinds[i];
		if (kind === SPACE || kind === PUNCT) continue;
		if (kind !== WORD || starts[i + 1] - starts[i] > SHORT_WORD || ++words > maxWords) return -1;
	}
	return words;
}

/** Whether a change has two or more words on one of its sides. */
function isMultiWord(e: Edit, aTokens: Tokens, bTokens: Tokens): boolean {
	return countWords(aTokens, e.aFrom, e.aTo, 2) >= 2 || countWords(bTokens, e.bFrom, e.bTo, 2) >= 2;
}

function countWords(tokens: Tokens, from: number, to: number, enough: number): number {
	let words = 0;
	for (let i = from; i < to && words < enough; i++) if (tokens.kinds[i] === WORD) words++;
	return words;
}

// ---------------------------------------------------------------------------------------------
// d) Split out gaps

/**
 * A gap marker is structure, not text: it is never struck or added. Each becomes a `gap`
 * segment of its own, with the other side's marker when both sides have one at that place, or
 * with nothing. Whitespace that only the gap's paragraph brings (the blank line after a gap the
 * target lacks) goes with the gap rather than standing as an invisible change:
 *
 *   A.\n\n<del>{gap}\n\nB. </del>C.        ->  A.\n\n<gap>{gap}\n\n|</gap><del>B. </del>C.
 *   <rep>{gap}\n\nA.|{gap: p. 3}\n\nB.</rep>  ->  <gap>{gap}|{gap: p. 3}</gap>\n\n<rep>A|B</rep>.
 *
 * Equalities that hold gap markers are split the same way.
 */
export function splitOutGaps(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Edit[] {
	// Most texts have no gap marker: then there is nothing to split, and no need to look through
	// every edit's tokens for one.
	if (!aTokens.kinds.includes(GAP) && !bTokens.kinds.includes(GAP)) return joinNeighbours(edits);
	const out: Edit[] = [];
	for (const e of edits) {
		const aGaps = gapsIn(aTokens, e.aFrom, e.aTo);
		const bGaps = gapsIn(bTokens, e.bFrom, e.bTo);
		if (aGaps.length === 0 && bGaps.length === 0) out.push(e);
		else if (e.kind === 'equal' || e.kind === 'gap') splitEqual(e, aGaps, out);
		else splitChange(e, aGaps, bGaps, aTokens, bTokens, out);
	}
	return joinNeighbours(out);
}

function gapsIn(tokens: Tokens, from: number, to: number): number[] {
	const gaps: number[] = [];
	for (let i = from; i < to; i++) if (tokens.kinds[i] === GAP) gaps.push(i);
	return gaps;
}

/** Equal tokens pair up one to one, so a gap in a faces the gap in b. */
function splitEqual(e: Edit, aGaps: number[], out: Edit[]): void {
	let a = e.aFrom;
	for (const g of aGaps) {
		const d = g - a;
		const b = e.bFrom + (a - e.aFrom);
		out.push({ kind: 'equal', aFrom: a, aTo: g, bFrom: b, bTo: b + d });
		out.push({ kind: 'gap', aFrom: g, aTo: g + 1, bFrom: b + d, bTo: b + d + 1 });
		a = g + 1;
	}
	const b = e.bFrom + (a - e.aFrom);
	out.push({ kind: 'equal', aFrom: a, aTo: e.aTo, bFrom: b, bTo: e.bTo });
}

/**
 * The k-th gap of a faces the k-th gap of b; the text between gaps stays a change; a side with
 * fewer gaps has an empty range there.
 */
function splitChange(
	e: Edit,
	aGaps: number[],
	bGaps: number[],
	aTokens: Tokens,
	bTokens: Tokens,
	out: Edit[]
): void {
	const pieces: Edit[] = [];
	const count = Math.max(aGaps.length, bGaps.length);
	let a = e.aFrom;
	let b = e.bFrom;
	for (let q = 0; q <= count; q++) {
		const aEnd = q < aGaps.length ? aGaps[q] : e.aTo;
		const bEnd = q < bGaps.length ? bGaps[q] : e.bTo;
		pushChunk(
			{ kind: 'equal', aFrom: a, aTo: aEnd, bFrom: b, bTo: bEnd },
			aTokens,
			bTokens,
			pieces
		);
		if (q === count) break;
		const inA = q < aGaps.length;
		const inB = q < bGaps.length;
		a = inA ? aEnd + 1 : aEnd;
		b = inB ? bEnd + 1 : bEnd;
		// A gap in one side only takes the blank line after it: its paragraph's own break.
		if (inA && !inB) a = skipWhitespace(aTokens, a, q + 1 < aGaps.length ? aGaps[q + 1] : e.aTo);
		if (inB && !inA) b = skipWhitespace(bTokens, b, q + 1 < bGaps.length ? bGaps[q + 1] : e.bTo);
		pieces.push({ kind: 'gap', aFrom: aEnd, aTo: a, bFrom: bEnd, bTo: b });
	}
	// Fold whitespace-only changes into the gap before them, or else the one after, when that gap
	// has a marker on each side the whitespace is on (a side without one must stay empty).
	const takes = (gap: Edit | undefined, p: Edit): gap is Edit =>
		gap !== undefined &&
		gap.kind === 'gap' &&
		(p.aFrom === p.aTo || gapsIn(aTokens, gap.aFrom, gap.aTo).length > 0) &&
		(p.bFrom === p.bTo || gapsIn(bTokens, gap.bFrom, gap.bTo).length > 0);
	for (let k = 0; k < pieces.length; k++) {
		const p = pieces[k];
		const before = k > 0 ? out[out.length - 1] : undefined;
		const after = k + 1 < pieces.length ? pieces[k + 1] : undefined;
		const whitespace =
			isChange(p) &&
			onlyWhitespace(aTokens, p.aFrom, p.aTo) &&
			onlyWhitespace(bTokens, p.bFrom, p.bTo);
		if (whitespace && takes(before, p)) {
			before.aTo = p.aTo;
			before.bTo = p.bTo;
		} else if (whitespace && takes(after, p)) {
			after.aFrom = p.aFrom;
			after.bFrom = p.bFrom;
		} else {
			out.push(p);
		}
	}
}

/** A stretch between gaps: what both sides share at its ends is equal, the rest a change. */
function pushChunk(chunk: Edit, aTokens: Tokens, bTokens: Tokens, pieces: Edit[]): void {
	let p = 0;
	while (
		chunk.aFrom + p < chunk.aTo &&
		chunk.bFrom + p < chunk.bTo &&
		aTokens.keys[chunk.aFrom + p] === bTokens.keys[chunk.bFrom + p]
	) {
		p++;
	}
	let s = 0;
	while (
		chunk.aTo - s > chunk.aFrom + p &&
		chunk.bTo - s > chunk.bFrom + p &&
		aTokens.keys[chunk.aTo - 1 - s] === bTokens.keys[chunk.bTo - 1 - s]
	) {
		s++;
	}
	const { aFrom, aTo, bFrom, bTo } = chunk;
	const middle: Edit = {
		kind: 'equal',
		aFrom: aFrom + p,
		aTo: aTo - s,
		bFrom: bFrom + p,
		bTo: bTo - s
	};
	if (!isEmpty(middle)) middle.kind = changeKind(middle);
	for (const e of [
		{ kind: 'equal', aFrom, aTo: aFrom + p, bFrom, bTo: bFrom + p } as Edit,
		middle,
		{ kind: 'equal', aFrom: aTo - s, aTo, bFrom: bTo - s, bTo } as Edit
	]) {
		if (!isEmpty(e)) pieces.push(e);
	}
}

const isWhitespace = (kind: number) => kind === SPACE || kind === LINE || kind === BREAK;

function skipWhitespace(tokens: Tokens, from: number, to: number): number {
	while (from < to && isWhitespace(tokens.kinds[from])) from++;
	return from;
}

function onlyWhitespace(tokens: Tokens, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (!isWhitespace(tokens.kinds[i])) return false;
	return true;
}

// ---------------------------------------------------------------------------------------------
// e) Line breaks

/**
 * The aligner compares a kept line break as a space (tokens.ts), so that a line broken elsewhere
 * never costs a word its place. Where lines matter, a line broken in one witness and not in the
 * other is still a change, of layout: cut out of the equality it stands in, or joined to the
 * change beside it (`¶` a kept line break):
 *
 *   Because I could not¶stop | Because I could¶not stop
 *     ->  Because I could<rep> |¶</rep>not<rep>¶| </rep>stop
 *
 * Against a witness whose lines do not matter, each kept line break is such a change: that
 * witness's line ends are only wrapping.
 */
export function splitLineBreaks(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Edit[] {
	const pair = (kind: Edit['kind'], aFrom: number, aTo: number, shift: number): Edit => ({
		kind,
		aFrom,
		aTo,
		bFrom: aFrom + shift,
		bTo: aTo + shift
	});
	if (!aTokens.kinds.includes(LINE) && !bTokens.kinds.includes(LINE)) return edits;
	const out: Edit[] = [];
	const add = (e: Edit) => {
		const last = out.at(-1);
		if (last !== undefined && isChange(last) && isChange(e)) {
			last.aTo = e.aTo;
			last.bTo = e.bTo;
			last.kind = changeKind(last);
		} else {
			out.push(e);
		}
	};
	for (const e of edits) {
		if (e.kind !== 'equal') {
			add(e);
			continue;
		}
		// Equal tokens pair up one to one: a[i] faces b[i + shift].
		const shift = e.bFrom - e.aFrom;
		let from = e.aFrom;
		for (let i = e.aFrom; i < e.aTo; i++) {
			if ((aTokens.kinds[i] === LINE) === (bTokens.kinds[i + shift] === LINE)) continue;
			if (i > from) add(pair('equal', from, i, shift));
			add(pair('replace', i, i + 1, shift));
			from = i + 1;
		}
		if (from < e.aTo) add(pair('equal', from, e.aTo, shift));
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Segments

/** The edits with their texts and offsets. */
export function toSegments(edits: Edit[], aTokens: Tokens, bTokens: Tokens): Segment[] {
	const aText = aTokens.text;
	const bText = bTokens.text;
	const aStarts = aTokens.starts;
	const bStarts = bTokens.starts;
	return edits.map((e) => {
		const aStart = aStarts[e.aFrom];
		const bStart = bStarts[e.bFrom];
		return {
			kind: e.kind,
			a: aText.slice(aStart, aStarts[e.aTo]),
			b: bText.slice(bStart, bStarts[e.bTo]),
			aStart,
			bStart,
			aFrom: e.aFrom,
			aTo: e.aTo,
			bFrom: e.bFrom,
			bTo: e.bTo
		};
	});
}
