import { diffArrays } from 'diff';
import type { SegmentKind, Token } from '../types';

// Align: the raw edit script between two token lists, compared by `key`.
//
// Myers' algorithm (jsdiff's `diffArrays`) finds a shortest edit script, but costs O(N·D): on two
// 2 MB texts it takes seconds with light edits and does not finish with heavy ones. So it only
// runs on small stretches, and the large-scale structure comes from anchors, as in patience diff:
//
//   1. Strip the common prefix and suffix.
//   2. A small remainder whose two sides share no word, paragraph break or gap marker is a
//      rewrite as it stands.
//   3. A tiny remainder (at most MYERS_DIRECT tokens): Myers.
//   4. Otherwise anchor on words that occur exactly once in each side of the range (in a long
//      range, only those with a second matching word beside them); keep the longest chain of
//      anchors that is in order on both sides (longest increasing subsequence); recurse into the
//      stretches between them.
//   5. No anchors: Myers with a bounded edit length, and if that gives up, the whole range is a
//      replacement (two unrelated texts, or a stretch of repetition with nothing to hold on to).
//      Failed attempts draw on a fixed budget, so no input makes the aligner hang.
//
// A word found once in each side is very likely the same occurrence, which is what makes step 4
// safe; in a long range, requiring a neighbouring word to match as well keeps a rare word that two
// unrelated passages happen to share from stitching them together. Between anchors most stretches
// are a word or a phrase replaced by another, and step 2 spares them the aligner: what they share
// is spaces and punctuation, which clean-up mostly folds into the rewrite anyway. Recursing on
// anchors down to tiny stretches keeps as many words unchanged as Myers does on the benchmark
// texts, at a fraction of its cost. Gap markers all compare equal here (their labels may differ)
// and anchor without conditions: they are structure, and should line up.

/**
 * A run of the edit script: token ranges `[from, to)` of each side, as in `Segment`, without the
 * texts. `align` makes only `equal`, `delete` (empty b range) and `insert` (empty a range); the
 * clean-up passes make `replace` and `gap`.
 */
export interface Edit {
	kind: SegmentKind;
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
}

/** Stretches at most this long (both sides, in tokens) are checked for sharing content (step 2). */
const SHARE_CHECK = 256;
/** Stretches at most this long go straight to Myers (step 3). */
const MYERS_DIRECT = 8;
/**
 * Without anchors, Myers runs with its edit length D capped at this: a failed attempt costs about
 * D² steps, and related stretches this long that lack anchors are rare.
 */
const MYERS_MAX_EDIT = 400;
/** Steps (D² per attempt) that failed attempts may spend in one alignment, before giving up. */
const MYERS_FAILURE_BUDGET = 2_000_000;
/** Ranges longer than this need a second matching word beside an anchor. */
const NEIGHBOUR_CHECK_ABOVE = 1000;
/** How far to look around an anchor candidate for a second matching word. */
const ANCHOR_REACH = 8;

const GAP_ID = 0;
const SPACE_ID = 1;
const BREAK_ID = 2;

export function align(aTokens: Token[], bTokens: Token[]): Edit[] {
	// Keys become small integers, so that the inner loops compare numbers. Whitespace (half of all
	// tokens) and one-character punctuation skip the Map, which is the slow part here.
	const ids = new Map<string, number>();
	const byChar = new Int32Array(0x10000);
	const anchorable: number[] = [1, 0, 0];
	const isWord: number[] = [0, 0, 0];
	const intern = (tokens: Token[]): Int32Array => {
		const out = new Int32Array(tokens.length);
		for (let i = 0; i < tokens.length; i++) {
			const t = tokens[i];
			const kind = t.kind;
			if (kind === 'space') out[i] = SPACE_ID;
			else if (kind === 'break') out[i] = BREAK_ID;
			else if (kind === 'gap') out[i] = GAP_ID;
			else if (kind === 'punct' && t.key.length === 1) {
				const c = t.key.charCodeAt(0);
				let id = byChar[c];
				if (id === 0) {
					id = byChar[c] = anchorable.length;
					anchorable.push(0);
					isWord.push(0);
				}
				out[i] = id;
			} else {
				let id = ids.get(t.key);
				if (id === undefined) {
					id = anchorable.length;
					ids.set(t.key, id);
					anchorable.push(kind === 'punct' ? 0 : 1);
					isWord.push(kind === 'word' ? 1 : 0);
				}
				out[i] = id;
			}
		}
		return out;
	};
	const a = intern(aTokens);
	const b = intern(bTokens);
	return new Aligner(a, b, Uint8Array.from(anchorable), Uint8Array.from(isWord)).run();
}

const DIFF = 0;
const EQUAL = 1;

class Aligner {
	private readonly out: Edit[] = [];
	private readonly countA: Int32Array;
	private readonly countB: Int32Array;
	private readonly posB: Int32Array;
	/** `countA[id]` and `countB[id]` count for the current anchors() call where these match it. */
	private readonly stampA: Int32Array;
	private readonly stampB: Int32Array;
	private stamp = 0;
	private failureBudget = MYERS_FAILURE_BUDGET;
	/** `seen[id] === mark`: the id occurs in the range being checked (see shareContent). */
	private readonly seen: Int32Array;
	private mark = 0;

	constructor(
		private readonly a: Int32Array,
		private readonly b: Int32Array,
		private readonly anchorable: Uint8Array,
		private readonly isWord: Uint8Array
	) {
		this.countA = new Int32Array(anchorable.length);
		this.countB = new Int32Array(anchorable.length);
		this.posB = new Int32Array(anchorable.length);
		this.stampA = new Int32Array(anchorable.length);
		this.stampB = new Int32Array(anchorable.length);
		this.seen = new Int32Array(anchorable.length);
	}

	run(): Edit[] {
		// An explicit stack instead of recursion: nested stretches can run deep on long texts.
		// Entries are [task, aFrom, aTo, bFrom, bTo], pushed in reverse so they pop in text order.
		const stack: number[] = [DIFF, 0, this.a.length, 0, this.b.length];
		while (stack.length > 0) {
			const bTo = stack.pop()!;
			const bFrom = stack.pop()!;
			const aTo = stack.pop()!;
			const aFrom = stack.pop()!;
			const task = stack.pop()!;
			if (task === EQUAL) this.emit('equal', aFrom, aTo, bFrom, bTo);
			else this.diff(aFrom, aTo, bFrom, bTo, stack);
		}
		return this.out;
	}

	private diff(a0: number, a1: number, b0: number, b1: number, stack: number[]): void {
		const { a, b } = this;
		let p = 0;
		while (a0 + p < a1 && b0 + p < b1 && a[a0 + p] === b[b0 + p]) p++;
		let s = 0;
		while (a1 - s > a0 + p && b1 - s > b0 + p && a[a1 - 1 - s] === b[b1 - 1 - s]) s++;
		this.emit('equal', a0, a0 + p, b0, b0 + p);
		a0 += p;
		b0 += p;
		a1 -= s;
		b1 -= s;
		if (s > 0) stack.push(EQUAL, a1, a1 + s, b1, b1 + s);

		const n = a1 - a0;
		const m = b1 - b0;
		if (n === 0 || m === 0) {
			this.emit('delete', a0, a1, b0, b0);
			this.emit('insert', a1, a1, b0, b1);
			return;
		}
		if (n + m <= SHARE_CHECK && !this.shareContent(a0, a1, b0, b1)) {
			this.emit('delete', a0, a1, b0, b0);
			this.emit('insert', a1, a1, b0, b1);
			return;
		}
		if (n + m <= MYERS_DIRECT) {
			this.myers(a0, a1, b0, b1, n + m);
			return;
		}
		const anchors = this.anchors(a0, a1, b0, b1);
		if (anchors.length > 0) {
			// Stretches and anchors in reverse: the last stretch is pushed first.
			let nextA = a1;
			let nextB = b1;
			for (let k = anchors.length - 2; k >= 0; k -= 2) {
				const i = anchors[k];
				const j = anchors[k + 1];
				stack.push(DIFF, i + 1, nextA, j + 1, nextB);
				stack.push(EQUAL, i, i + 1, j, j + 1);
				nextA = i;
				nextB = j;
			}
			stack.push(DIFF, a0, nextA, b0, nextB);
			return;
		}
		const maxEdit = Math.min(n + m, MYERS_MAX_EDIT);
		const cost = maxEdit * maxEdit;
		// No attempt when it cannot succeed (the lengths alone differ by more than the cap) or the
		// budget is spent.
		if (Math.abs(n - m) <= maxEdit && this.failureBudget >= cost) {
			if (this.myers(a0, a1, b0, b1, maxEdit)) return;
			this.failureBudget -= cost;
		}
		this.emit('delete', a0, a1, b0, b0);
		this.emit('insert', a1, a1, b0, b1);
	}

	/**
	 * Anchors in `[a0, a1) × [b0, b1)` as flat pairs `[i, j, i, j, ...]`, increasing on both
	 * sides: tokens unique in both ranges (in a long range, with a second word matching beside
	 * them), the longest chain of them.
	 */
	private anchors(a0: number, a1: number, b0: number, b1: number): number[] {
		const { a, b, countA, countB, stampA, stampB, posB, anchorable } = this;
		// Counts are valid where the stamp is this call's: no pass to clear them afterwards.
		const stamp = ++this.stamp;
		for (let i = a0; i < a1; i++) {
			const id = a[i];
			if (anchorable[id] === 0) continue;
			if (stampA[id] === stamp) countA[id]++;
			else {
				stampA[id] = stamp;
				countA[id] = 1;
			}
		}
		for (let j = b0; j < b1; j++) {
			const id = b[j];
			if (anchorable[id] === 0 || stampA[id] !== stamp) continue;
			if (stampB[id] === stamp) countB[id]++;
			else {
				stampB[id] = stamp;
				countB[id] = 1;
				posB[id] = j;
			}
		}
		const checkNeighbours = a1 - a0 + b1 - b0 > NEIGHBOUR_CHECK_ABOVE;
		const candA: number[] = [];
		const candB: number[] = [];
		for (let i = a0; i < a1; i++) {
			const id = a[i];
			if (stampB[id] !== stamp || countA[id] !== 1 || countB[id] !== 1) continue;
			const j = posB[id];
			if (id === GAP_ID || !checkNeighbours || this.hasMatchingNeighbour(i, j, a0, a1, b0, b1)) {
				candA.push(i);
				candB.push(j);
			}
		}
		return longestIncreasingChain(candA, candB);
	}

	/** Whether another word matches within `ANCHOR_REACH` tokens of the pair (i, j), along the
	 * same diagonal, with nothing but matching tokens between. */
	private hasMatchingNeighbour(
		i: number,
		j: number,
		a0: number,
		a1: number,
		b0: number,
		b1: number
	): boolean {
		const { a, b, isWord } = this;
		for (let k = 1; k <= ANCHOR_REACH && i - k >= a0 && j - k >= b0; k++) {
			if (a[i - k] !== b[j - k]) break;
			if (isWord[a[i - k]] === 1) return true;
		}
		for (let k = 1; k <= ANCHOR_REACH && i + k < a1 && j + k < b1; k++) {
			if (a[i + k] !== b[j + k]) break;
			if (isWord[a[i + k]] === 1) return true;
		}
		return false;
	}

	/** Whether the ranges share a word, editorial matter, a gap or a paragraph break. */
	private shareContent(a0: number, a1: number, b0: number, b1: number): boolean {
		const { a, b, anchorable, seen } = this;
		const mark = ++this.mark;
		for (let i = a0; i < a1; i++) seen[a[i]] = mark;
		for (let j = b0; j < b1; j++) {
			const id = b[j];
			if (seen[id] === mark && (anchorable[id] === 1 || id === BREAK_ID)) return true;
		}
		return false;
	}

	/** Myers (jsdiff) on the range; false if it gave up at `maxEditLength`. */
	private myers(a0: number, a1: number, b0: number, b1: number, maxEditLength: number): boolean {
		// diffArrays only indexes, slices and compares with ===, which typed arrays support.
		const changes = diffArrays(
			this.a.subarray(a0, a1) as unknown as number[],
			this.b.subarray(b0, b1) as unknown as number[],
			{ maxEditLength }
		);
		if (changes === undefined) return false;
		let i = a0;
		let j = b0;
		for (const c of changes) {
			if (c.removed) {
				this.emit('delete', i, i + c.count, j, j);
				i += c.count;
			} else if (c.added) {
				this.emit('insert', i, i, j, j + c.count);
				j += c.count;
			} else {
				this.emit('equal', i, i + c.count, j, j + c.count);
				i += c.count;
				j += c.count;
			}
		}
		return true;
	}

	private emit(kind: SegmentKind, aFrom: number, aTo: number, bFrom: number, bTo: number): void {
		if (aFrom === aTo && bFrom === bTo) return;
		const last = this.out.length > 0 ? this.out[this.out.length - 1] : undefined;
		if (last !== undefined && last.kind === kind) {
			last.aTo = aTo;
			last.bTo = bTo;
		} else {
			this.out.push({ kind, aFrom, aTo, bFrom, bTo });
		}
	}
}

/**
 * The longest chain of pairs increasing in both coordinates, given pairs sorted by the first
 * (patience sorting: O(k log k)). Returns flat `[i, j, i, j, ...]`.
 */
export function longestIncreasingChain(is: number[], js: number[]): number[] {
	const k = is.length;
	if (k === 0) return [];
	// tails[l]: index of the smallest last j of a chain of length l + 1 found so far.
	const tails = new Int32Array(k);
	const prev = new Int32Array(k);
	let length = 0;
	for (let x = 0; x < k; x++) {
		let lo = 0;
		let hi = length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (js[tails[mid]] < js[x]) lo = mid + 1;
			else hi = mid;
		}
		prev[x] = lo > 0 ? tails[lo - 1] : -1;
		tails[lo] = x;
		if (lo === length) length++;
	}
	const chain = new Array<number>(length * 2);
	for (let x = tails[length - 1], l = length - 1; l >= 0; x = prev[x], l--) {
		chain[2 * l] = is[x];
		chain[2 * l + 1] = js[x];
	}
	return chain;
}
