import { diffArrays } from 'diff';
import type { MoveEdit, Segment } from '../types';
import { ADD, KEEP, Myers, REMOVE } from './myers';
import { BREAK, countWords, WORD, type Tokens } from './tokens';

// Moves: a passage struck in one place and added in another is one passage that moved, not a cut
// and an addition that happen to share their words. This pass pairs them up after clean-up:
//
//   <del>We met in Berlin. </del>Then I left. <ins>We met in Berlin. </ins>
//     ->  <del move=to:2>We met in Berlin. </del>Then I left. <ins move=from:1>We met in Berlin. </ins>
//
// A pair qualifies when both ends have at least MIN_WORDS words and at least SIMILARITY of the
// longer end's words are kept by an exact alignment of one end against the other; the words that
// are not kept are the changes made to the passage on the way, and `Move.inner` records them:
//
//   <del>I met him in Berlin in 1932. ...</del> ... <ins>I met him in Paris in 1932. ...</ins>
//     -> a move whose inner script is: I met him in <del>Berlin</del><ins>Paris</ins> in 1932. ...
//
// As in wikidiff2 (Wikipedia's diff) and CollateX's transpositions, a move is found among what the
// alignment left as changes: the alignment itself stays an edit script in text order, so both
// witnesses still rebuild from it byte for byte.
//
// An end is looked for in regions, not single segments: a run of changes with nothing but short
// equalities between them (a word or two, no paragraph break). A passage that went elsewhere while
// a new sentence took its place is aligned against that sentence, which keeps their common
// "of the" as equal and leaves the passage in pieces:
//
//   <rep>I was in Berlin in 1932 ... representatives|Nothing took place</rep> of the <rep>...</rep>
//
// The region holds it whole. Each paragraph of a region is an end too: three paragraphs moved to
// the end of a text are one insertion there, and three moves. A region that holds an end is
// written again as deletions of its base text and insertions of its target text, cut where the
// ends begin and end.

/** The fewest words a moved passage has at each end: shorter runs recur by chance. */
export const MIN_WORDS = 8;
/**
 * The most words an end may have: a longer passage is looked for paragraph by paragraph (an
 * unrelated text rewritten whole would otherwise be one end of 300,000 words).
 */
export const MAX_WORDS = 5000;
/** The share of the longer end's words that the two ends must have in common. */
export const SIMILARITY = 0.8;
/**
 * Candidate pairs are found through the rarest words of each source end that the target ends
 * have, at most RAREST_WORDS of them, and none held by more than COMMON_WORD target ends: common
 * words say nothing about which passage is which, and would make the search quadratic.
 */
const RAREST_WORDS = 8;
const COMMON_WORD = 64;

/** Equalities of at most this many words (and no paragraph break) join changes into a region. */
const JOIN_WORDS = 2;

/** A run of segments `[first, last]` that begins and ends with a change: see above. */
interface Region {
	first: number;
	last: number;
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
}

/** One side of a region that may be an end of a move. */
interface End {
	/** Index of the region. */
	region: number;
	from: number;
	to: number;
	words: number;
}

const isChange = (s: Segment) => s.kind === 'delete' || s.kind === 'insert' || s.kind === 'replace';

/** At most JOIN_WORDS words and no paragraph break. */
function isShortEquality(tokens: Tokens, from: number, to: number): boolean {
	let words = 0;
	for (let i = from; i < to; i++) {
		const kind = tokens.kinds[i];
		if (kind === BREAK || (kind === WORD && ++words > JOIN_WORDS)) return false;
	}
	return true;
}

/** Runs of changes joined by short equalities, in order. */
function regionsOf(segments: Segment[], aTokens: Tokens): Region[] {
	const regions: Region[] = [];
	let open: Region | null = null;
	for (let k = 0; k < segments.length; k++) {
		const s = segments[k];
		if (isChange(s)) {
			if (open) {
				open.last = k;
				open.aTo = s.aTo;
				open.bTo = s.bTo;
			} else {
				open = { first: k, last: k, aFrom: s.aFrom, aTo: s.aTo, bFrom: s.bFrom, bTo: s.bTo };
			}
			continue;
		}
		const joins =
			s.kind === 'equal' &&
			open !== null &&
			k + 1 < segments.length &&
			isChange(segments[k + 1]) &&
			isShortEquality(aTokens, s.aFrom, s.aTo);
		if (joins) continue;
		if (open) regions.push(open);
		open = null;
	}
	if (open) regions.push(open);
	return regions;
}

/**
 * Marks moved passages on the segments (before ids are given: a region written again is new
 * changes). Returns the segments, with each region that holds an end written again, and each
 * pair's ends as indices `[from, to]` into that list.
 */
export function findMoves(
	segments: Segment[],
	aTokens: Tokens,
	bTokens: Tokens
): { segments: Segment[]; pairs: [number, number][] } {
	const regions = regionsOf(segments, aTokens);
	const sources: End[] = [];
	const targets: End[] = [];
	for (let region = 0; region < regions.length; region++) {
		const r = regions[region];
		endsOf(aTokens, region, r.aFrom, r.aTo, sources);
		endsOf(bTokens, region, r.bFrom, r.bTo, targets);
	}
	if (sources.length === 0 || targets.length === 0) return { segments, pairs: [] };

	const matches = candidates(sources, targets, aTokens, bTokens);
	// Best pairs first; each stretch of text moves at most once (a region and a paragraph of it
	// are two ends over the same words).
	matches.sort((x, y) => y.score - x.score || x.source - y.source);
	const taken = { a: [] as End[], b: [] as End[] };
	const overlaps = (list: End[], e: End) => list.some((x) => x.from < e.to && e.from < x.to);
	const chosen: Chosen[] = [];
	// Myers' buffers, reused by every pair tried (jsdiff's script, see myers.ts).
	const myers = new Myers();
	for (const match of matches) {
		const source = sources[match.source];
		const target = targets[match.target];
		if (overlaps(taken.a, source) || overlaps(taken.b, target)) continue;
		// A rewrite of a passage into itself is a rewrite, not a move.
		if (source.region === target.region) continue;
		const inner = innerEdits(myers, aTokens, bTokens, source, target);
		if (inner === null) continue;
		taken.a.push(source);
		taken.b.push(target);
		chosen.push({ inner, source, target });
	}
	if (chosen.length === 0) return { segments, pairs: [] };
	return rewrite(segments, regions, chosen, aTokens, bTokens);
}

interface Chosen {
	inner: MoveEdit[];
	source: End;
	target: End;
}

/**
 * The ends one side of a region offers: the whole side, and each of its paragraphs when it has
 * several (three paragraphs moved to the end of a text are one insertion there, but three moves),
 * each with at least MIN_WORDS words. A paragraph takes the break after it.
 */
function endsOf(tokens: Tokens, region: number, from: number, to: number, ends: End[]): void {
	addEnd(ends, tokens, region, from, to);
	let start = from;
	for (let i = from; i < to; i++) {
		if (tokens.kinds[i] !== BREAK) continue;
		if (start === from && i + 1 === to) return; // one paragraph: the whole side
		addEnd(ends, tokens, region, start, i + 1);
		start = i + 1;
	}
	if (start > from && start < to) addEnd(ends, tokens, region, start, to);
}

function addEnd(ends: End[], tokens: Tokens, region: number, from: number, to: number): void {
	const words = countWords(tokens, from, to);
	if (words >= MIN_WORDS && words <= MAX_WORDS) ends.push({ region, from, to, words });
}

/**
 * Pairs of ends worth aligning: each source end with the target ends that hold most of its
 * rarest words (by how many target ends hold them), with a rough score. Only the rarest
 * RAREST_WORDS of each source are looked up, so that the search stays linear when thousands of
 * ends share their common words.
 */
function candidates(
	sources: End[],
	targets: End[],
	aTokens: Tokens,
	bTokens: Tokens
): { source: number; target: number; score: number }[] {
	// Which target ends hold each word (once per end), by key id.
	const holders: (number[] | undefined)[] = new Array(aTokens.vocabulary.size);
	for (let k = 0; k < targets.length; k++) {
		const t = targets[k];
		for (let j = t.from; j < t.to; j++) {
			if (bTokens.kinds[j] !== WORD) continue;
			const key = bTokens.keys[j];
			const list = holders[key];
			if (list === undefined) holders[key] = [k];
			else if (list[list.length - 1] !== k) list.push(k);
		}
	}
	const out: { source: number; target: number; score: number }[] = [];
	// `seen[key] === k + 1`: source k has had the word already.
	const seen = new Int32Array(aTokens.vocabulary.size);
	// How many of the current source's rarest words each target end holds, and which ends do.
	const shared = new Int32Array(targets.length);
	const touched: number[] = [];
	// The holder lists of the source's RAREST_WORDS rarest words, shortest first (ties in text
	// order), kept by insertion: a sort of every word's list cost more than all the rest.
	const rarest: number[][] = [];
	for (let k = 0; k < sources.length; k++) {
		const s = sources[k];
		rarest.length = 0;
		for (let i = s.from; i < s.to; i++) {
			const key = aTokens.keys[i];
			if (aTokens.kinds[i] !== WORD || seen[key] === k + 1) continue;
			seen[key] = k + 1;
			const list = holders[key];
			if (list === undefined) continue;
			if (rarest.length === RAREST_WORDS && rarest[RAREST_WORDS - 1].length <= list.length) continue;
			let at = rarest.length;
			while (at > 0 && rarest[at - 1].length > list.length) at--;
			rarest.splice(at, 0, list);
			if (rarest.length > RAREST_WORDS) rarest.pop();
		}
		for (const list of rarest) {
			if (list.length > COMMON_WORD) break;
			for (const t of list) if (shared[t]++ === 0) touched.push(t);
		}
		for (const t of touched) {
			const count = shared[t];
			shared[t] = 0;
			const target = targets[t];
			const longer = Math.max(s.words, target.words);
			// The ends cannot share enough words if their lengths are too far apart.
			if (Math.min(s.words, target.words) < SIMILARITY * longer) continue;
			// Most of the source's rarest words must be in the target.
			if (count * 2 < rarest.length) continue;
			out.push({ source: k, target: t, score: count / rarest.length });
		}
		touched.length = 0;
	}
	return out;
}

/**
 * The exact alignment of a source end against a target end, as edits over token ranges of each
 * witness, or null when they share too few words to be one passage.
 */
function innerEdits(
	myers: Myers,
	aTokens: Tokens,
	bTokens: Tokens,
	source: End,
	target: End
): MoveEdit[] | null {
	const longer = Math.max(source.words, target.words);
	// Differences beyond what SIMILARITY allows mean no move: cap Myers there (in tokens: words and
	// the spaces between them), so that a pair that is not one never costs a full alignment.
	const maxEditLength = Math.ceil(4 * (1 - SIMILARITY) * longer) + 8;
	const runs = editRuns(myers, aTokens.keys, source, bTokens.keys, target, maxEditLength);
	if (runs === null) return null;
	const inner: MoveEdit[] = [];
	let i = source.from;
	let j = target.from;
	let kept = 0;
	for (let r = 0; r < runs.length; r += 2) {
		const count = runs[r + 1];
		if (runs[r] === REMOVE) {
			inner.push({ kind: 'delete', aFrom: i, aTo: i + count, bFrom: j, bTo: j });
			i += count;
		} else if (runs[r] === ADD) {
			inner.push({ kind: 'insert', aFrom: i, aTo: i, bFrom: j, bTo: j + count });
			j += count;
		} else {
			kept += countWords(aTokens, i, i + count);
			inner.push({ kind: 'equal', aFrom: i, aTo: i + count, bFrom: j, bTo: j + count });
			i += count;
			j += count;
		}
	}
	return kept >= SIMILARITY * longer ? inner : null;
}

/**
 * Myers' script from a source end to a target end, as flat (operation, count) pairs, or null if
 * it needs more than `maxEdit` edits. Ours keeps every path it tries, so its memory grows with
 * the square of the edit length: past OWN_MYERS_MAX_EDIT (long ends), jsdiff's, which gives the
 * same script.
 */
function editRuns(
	myers: Myers,
	a: Int32Array,
	source: End,
	b: Int32Array,
	target: End,
	maxEdit: number
): number[] | null {
	const runs: number[] = [];
	if (maxEdit <= OWN_MYERS_MAX_EDIT) {
		if (!myers.diff(a, source.from, source.to, b, target.from, target.to, maxEdit)) return null;
		for (let r = 0; r < myers.runs; r++) runs.push(myers.ops[r], myers.counts[r]);
		return runs;
	}
	// diffArrays only indexes, slices and compares with ===, which typed arrays support.
	const changes = diffArrays(
		a.subarray(source.from, source.to) as unknown as number[],
		b.subarray(target.from, target.to) as unknown as number[],
		{ maxEditLength: maxEdit }
	);
	if (changes === undefined) return null;
	for (const c of changes) runs.push(c.removed ? REMOVE : c.added ? ADD : KEEP, c.count);
	return runs;
}

/** See editRuns: about a million paths at most, some ten megabytes. */
const OWN_MYERS_MAX_EDIT = 1024;

/**
 * The segments with each region that holds a move end written again: its base text as deletions
 * and its target text as insertions, cut where the ends begin and end, the ends marked
 * (`move.partner` is filled in by linkMoves, once ids are given).
 */
function rewrite(
	segments: Segment[],
	regions: Region[],
	chosen: Chosen[],
	aTokens: Tokens,
	bTokens: Tokens
): { segments: Segment[]; pairs: [number, number][] } {
	const bySource = new Map<End, Chosen>();
	const byTarget = new Map<End, Chosen>();
	const touched = new Set<number>();
	for (const c of chosen) {
		bySource.set(c.source, c);
		byTarget.set(c.target, c);
		touched.add(c.source.region);
		touched.add(c.target.region);
	}
	const out: Segment[] = [];
	const fromAt = new Map<Chosen, number>();
	const toAt = new Map<Chosen, number>();
	const textOf = (tokens: Tokens, from: number, to: number) =>
		tokens.text.slice(tokens.starts[from], tokens.starts[to]);
	let next = 0;
	regions.forEach((r, k) => {
		if (!touched.has(k)) return;
		for (; next < r.first; next++) out.push(segments[next]);
		const first = segments[r.first];
		const last = segments[r.last];
		const aEnd = last.aStart + last.a.length;
		// The base side, cut around the source ends in this region, as deletions.
		const sourcesHere = chosen.filter((c) => c.source.region === k).map((c) => c.source);
		for (const [from, to, end] of pieces(r.aFrom, r.aTo, sourcesHere)) {
			if (end) fromAt.set(bySource.get(end)!, out.length);
			out.push({
				kind: 'delete',
				a: textOf(aTokens, from, to),
				b: '',
				aStart: aTokens.starts[from],
				bStart: first.bStart,
				aFrom: from,
				aTo: to,
				bFrom: r.bFrom,
				bTo: r.bFrom
			});
		}
		const targetsHere = chosen.filter((c) => c.target.region === k).map((c) => c.target);
		for (const [from, to, end] of pieces(r.bFrom, r.bTo, targetsHere)) {
			if (end) toAt.set(byTarget.get(end)!, out.length);
			out.push({
				kind: 'insert',
				a: '',
				b: textOf(bTokens, from, to),
				aStart: aEnd,
				bStart: bTokens.starts[from],
				aFrom: r.aTo,
				aTo: r.aTo,
				bFrom: from,
				bTo: to
			});
		}
		next = r.last + 1;
	});
	for (; next < segments.length; next++) out.push(segments[next]);
	const pairs: [number, number][] = chosen.map((c) => {
		const from = fromAt.get(c)!;
		const to = toAt.get(c)!;
		out[from].move = { end: 'from', partner: '', inner: c.inner };
		out[to].move = { end: 'to', partner: '', inner: c.inner };
		return [from, to];
	});
	pairs.sort((x, y) => x[0] - y[0]);
	return { segments: out, pairs };
}

/** `[from, to)` cut into pieces at the ends (which do not overlap), each end a piece of its own. */
function pieces(from: number, to: number, ends: End[]): [number, number, End | null][] {
	const out: [number, number, End | null][] = [];
	let at = from;
	for (const end of [...ends].sort((x, y) => x.from - y.from)) {
		if (end.from > at) out.push([at, end.from, null]);
		out.push([end.from, end.to, end]);
		at = end.to;
	}
	if (at < to) out.push([at, to, null]);
	return out;
}

/** Once ids are given: each end names the other. */
export function linkMoves(segments: Segment[], pairs: [number, number][]): void {
	for (const [from, to] of pairs) {
		segments[from].move!.partner = segments[to].id!;
		segments[to].move!.partner = segments[from].id!;
	}
}
