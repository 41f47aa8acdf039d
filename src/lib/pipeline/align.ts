import { diffArrays } from 'diff';
import type { RoughReason, SegmentKind } from '../types';
import { ADD, KEEP, Myers, REMOVE } from './myers';
import { RUN_BASE, runHash, UniqueRuns } from './runs';
import { BREAK_KEY, EDITORIAL, GAP, GAP_KEY, SPACE_KEY, WORD, type Tokens } from './tokens';

// Align: the raw edit script between two token lists, compared by `key`.
//
// Myers' algorithm (jsdiff's `diffArrays`, or ours in myers.ts, which gives the same script
// faster) finds a shortest edit script, but costs O(N·D): on two 2 MB texts it takes seconds with
// light edits and does not finish with heavy ones. So it only
// runs on small stretches, and the large-scale structure comes from anchors, as in patience diff,
// looked for in order from the surest to the loosest:
//
//   1. Strip the common prefix and suffix.
//   2. A small remainder whose two sides share no word, paragraph break or gap marker is a
//      rewrite as it stands.
//   3. A tiny remainder (at most MYERS_DIRECT tokens): Myers.
//   4. Words that occur exactly once in each side of the range (in a long range, only those with
//      a second matching word beside them), if there are many of them, or, in a long range, if
//      nearly all of them fall in order (`isConsistent`).
//   5. On a stretch of at most LONG_STRETCH tokens, Myers with a bounded edit length: it
//      succeeds wherever the sides differ little. (Longer stretches go on to step 7 and windows,
//      which cost less than a failed attempt there.)
//   6. Sides that do not resemble each other (few of the shorter side's runs of four words occur
//      in the other) are unrelated, and not rough: two different texts, aligned only on the
//      unique words they happen to share, and not searched for moves. What follows
//      is for texts that share much but have little that is unique in them: transcripts with a
//      speaker label on every turn, litanies, tables of figures, refrains.
//   7. Runs of RUN_LENGTHS tokens that occur exactly once in each side, found by hashing, with the
//      unique words, if there are many of them (not looked for where a sample shows too few). A
//      run of a dozen words is unique even in a text that repeats every word it has, as soon as
//      anything varies within reach.
//   8. Runs of COARSE_RUNS tokens unique in each side (a sample of them), however few: at the
//      scale of a book, a cheap way to cut a repetitive range into parts before step 9.
//   9. Myers in windows that follow the two sides along (`windowed`, over the tokens other than
//      whitespace): exact within each window,
//      and within a fraction of a point of an exact alignment of the whole on text that repeats
//      itself, at a cost that grows with the length times the window, not with the edits. Where
//      a window loses its way (the texts drift apart by more than a window, or do not correspond),
//      that stretch is reported as aligned approximately (`RoughRange`).
//
// A reader told of a rough stretch can ask for an exact alignment (`precise`): Myers with no
// bound, in place of step 9.
//
// Unique words are proof enough where there are many of them. A few in a long range can be
// chance: in a litany, a word found once in each side at places that do not correspond cuts the
// range in two at the wrong place, and so does a run of three petitions that recurs by chance.
// That is why the short runs of step 7, and the words of step 4, are taken only where they are
// dense (one in SPARSE_TOKENS); where they are not, windows (step 9) do better than any guess.
// The anchors kept are the longest chain that is in order on both sides (longest increasing
// subsequence), and the stretches between them are aligned in turn. In a long range, requiring a
// neighbouring word to match as well keeps a rare word that two unrelated passages happen to share
// from stitching them together. Between anchors most stretches are a word or a phrase replaced by
// another, and step 2 spares them the aligner: what they share is spaces and punctuation, which
// clean-up mostly folds into the rewrite anyway. Gap markers all compare equal here (their labels
// may differ) and anchor without conditions: they are structure, and should line up.

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

/** A stretch where the windows of step 9 lost their way: see RoughReason. */
export interface RoughRange {
	aFrom: number;
	aTo: number;
	bFrom: number;
	bTo: number;
	reason: RoughReason;
}

export interface Alignment {
	edits: Edit[];
	/** Stretches aligned roughly, in text order; empty when `precise` or when none was needed. */
	rough: RoughRange[];
	/**
	 * Whether nearly all of the two texts (UNRELATED_SHARE of their tokens) lies in stretches that
	 * do not resemble each other (step 6): two different texts, in which moves are not looked for.
	 */
	unrelated: boolean;
}

export interface AlignOptions {
	/**
	 * Align every stretch exactly, however long it takes: Myers with no bound where the default
	 * would align in windows (step 9). For a reader who asked for it, in a worker.
	 */
	precise?: boolean;
	/** Called before each exact alignment of a stretch that would otherwise be rough. */
	onprecise?: (stretch: number) => void;
}

/** Stretches at most this long (both sides, in tokens) are checked for sharing content (step 2). */
const SHARE_CHECK = 256;
/** Stretches longer than this are tested for resembling each other before bounded Myers (step 6). */
const LONG_STRETCH = 2048;
/** Stretches at most this long go straight to Myers (step 3). */
const MYERS_DIRECT = 8;
/**
 * Run lengths (in tokens, half of them spaces) tried in step 7, shortest first: the shortest
 * that gives anchors gives the most of them.
 */
const RUN_LENGTHS = [8, 24];
/**
 * Runs long enough (thirty lines of a litany) to be unique at the scale of a whole book only where
 * the two texts correspond, tried before step 9 when shorter unique runs are too few. Shorter ones
 * (eight lines) recur by chance in a much-edited litany and cut it at the wrong places.
 */
const COARSE_RUNS = [768];
/**
 * Of those runs, only a sixteenth (by hash, see UniqueRuns.find) are looked for: a passage that
 * two texts share for that long holds hundreds of them, and one is enough to cut there (the
 * others would be on its diagonal, and cut nothing more). Looking for all cost a fifth of a 10 MB
 * litany's time.
 */
const COARSE_SAMPLE_BITS = 4;
/**
 * Without anchors, Myers runs with its edit length D capped at this: a failed attempt costs about
 * D² steps, and related stretches this long that lack anchors are rare.
 */
const MYERS_MAX_EDIT = 1000;
/** Steps (D² per attempt) that failed attempts may spend in one alignment, before giving up. */
const MYERS_FAILURE_BUDGET = 2_000_000;
/**
 * Unique words are too sparse to trust when the chain of them has fewer than one per this many
 * tokens of the shorter side (step 4).
 */
const SPARSE_TOKENS = 16;
/**
 * In a range of over LONG_RANGE tokens, one per SPARSE_TOKENS_LONG is enough: unique words are
 * rarer there (a 2 MB text of prose has one per about 120 tokens, and they are right), looking for
 * runs costs more, and a litany or a transcript still has fewer than one per 600.
 */
const LONG_RANGE = 20_000;
const SPARSE_TOKENS_LONG = 256;
/** See isConsistent. */
const CONSISTENT_ANCHORS = 64;
const CONSISTENT_SHARE = 0.9;
const SPARSE_TOKENS_CONSISTENT = 2048;
/** See tooFewRuns. */
const RUN_SAMPLE_EXPECTED = 32;
/** Ranges longer than this need a second matching word beside an anchor. */
const NEIGHBOUR_CHECK_ABOVE = 1000;
/** How far to look around an anchor candidate for a second matching word. */
const ANCHOR_REACH = 8;
/**
 * Two sides resemble each other when at least this share of one side's runs of RESEMBLANCE_RUN
 * tokens (four words) occur in the other. Unrelated prose shares well under 1% of its four-word
 * runs; an edited copy with a fifth of its words changed shares about 40%.
 */
const RESEMBLANCE = 0.1;
const RESEMBLANCE_RUN = 8;
/** See `Alignment.unrelated`. */
const UNRELATED_SHARE = 0.9;
/** How many runs are sampled, at most, to measure resemblance. */
const SAMPLES = 512;
/** Step 9: tokens of a per window, whitespace not counted (about forty lines of a litany). */
const WINDOW = 256;
/**
 * Step 9: a window that keeps fewer than this share of its words is reported: the sides have
 * drifted apart there, or do not correspond (an edited text keeps more even with half its words
 * changed, since a change of one word keeps the words around it).
 */
const WEAK_WINDOW = 0.25;


export function align(aTokens: Tokens, bTokens: Tokens, options: AlignOptions = {}): Alignment {
	// What each key id may do: anchor (words, editorial matter, gap markers; not whitespace or
	// punctuation, which recur everywhere), and count as a word.
	const vocabulary = aTokens.vocabulary;
	const anchorable = new Uint8Array(vocabulary.size);
	const isWord = new Uint8Array(vocabulary.size);
	for (let id = 0; id < vocabulary.size; id++) {
		const kind = vocabulary.kinds[id];
		anchorable[id] = kind === WORD || kind === EDITORIAL || kind === GAP ? 1 : 0;
		isWord[id] = kind === WORD ? 1 : 0;
	}
	const aligner = new Aligner(aTokens.keys, bTokens.keys, anchorable, isWord, options);
	return aligner.run();
}

const DIFF = 0;
const EQUAL = 1;

class Aligner {
	private readonly out: Edit[] = [];
	private readonly rough: RoughRange[] = [];
	private readonly countA: Int32Array;
	private readonly countB: Int32Array;
	private readonly posB: Int32Array;
	/** `countA[id]` and `countB[id]` count for the current anchors() call where these match it. */
	private readonly stampA: Int32Array;
	private readonly stampB: Int32Array;
	private stamp = 0;
	private failureBudget = MYERS_FAILURE_BUDGET;
	/** Tokens of both sides in stretches found not to resemble each other. */
	private unrelatedTokens = 0;
	/** `seen[id] === mark`: the id occurs in the range being checked (see shareContent). */
	private readonly seen: Int32Array;
	private mark = 0;
	private preciseRuns = 0;
	/** Myers' buffers, reused by every alignment of a stretch. */
	private readonly myersRuns = new Myers();
	/** uniqueRuns' buffers, kept between calls: the first is the largest. */
	private readonly runs = new UniqueRuns();

	constructor(
		private readonly a: Int32Array,
		private readonly b: Int32Array,
		private readonly anchorable: Uint8Array,
		private readonly isWord: Uint8Array,
		private readonly options: AlignOptions
	) {
		this.countA = new Int32Array(anchorable.length);
		this.countB = new Int32Array(anchorable.length);
		this.posB = new Int32Array(anchorable.length);
		this.stampA = new Int32Array(anchorable.length);
		this.stampB = new Int32Array(anchorable.length);
		this.seen = new Int32Array(anchorable.length);
	}

	run(): Alignment {
		// An explicit stack instead of recursion: nested stretches can run deep on long texts.
		// Entries are [task, aFrom, aTo, bFrom, bTo], pushed in reverse so they pop in text order.
		const stack: number[] = [DIFF, 0, this.a.length, 0, this.b.length];
		while (stack.length > 0) {
			const bTo = stack.pop()!;
			const bFrom = stack.pop()!;
			const aTo = stack.pop()!;
			const aFrom = stack.pop()!;
			const task = stack.pop()!;
			if (task === EQUAL) {
				this.emit('equal', aFrom, aTo, bFrom, bTo);
			} else {
				this.diff(aFrom, aTo, bFrom, bTo, stack);
			}
		}
		const total = this.a.length + this.b.length;
		return {
			edits: this.out,
			rough: this.rough,
			unrelated: total > 0 && this.unrelatedTokens >= UNRELATED_SHARE * total
		};
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
		if (n === 0 || m === 0) return this.rewrite(a0, a1, b0, b1);
		if (n + m <= SHARE_CHECK && !this.shareContent(a0, a1, b0, b1)) {
			return this.rewrite(a0, a1, b0, b1);
		}
		if (n + m <= MYERS_DIRECT) {
			this.myers(a0, a1, b0, b1, n + m);
			return;
		}
		const tokens = this.uniqueTokens(a0, a1, b0, b1);
		const chain = longestIncreasingChain(tokens[0], tokens[1]);
		// Unique words are proof enough where there are many of them. A few in a long range (a
		// litany's petitions, a table's row labels) can be chance: a word found once in each side,
		// at places that do not correspond, cuts the range in two at the wrong place.
		const shorter = Math.min(n, m);
		if (isDense(chain, shorter) || isConsistent(chain, tokens, shorter)) {
			return this.pushAnchors(chain, a0, a1, b0, b1, stack);
		}
		// Two long sides that do not resemble each other (few of the shorter side's runs of four
		// words occur in the other) are unrelated texts: one rewrite, quickly, and not rough. Bounded
		// Myers would spend its budget on them for nothing.
		const long = n + m > LONG_STRETCH;
		if (long && !this.resembles(a0, a1, b0, b1)) return this.unrelated(chain, a0, a1, b0, b1, stack);
		const maxEdit = Math.min(n + m, MYERS_MAX_EDIT);
		const cost = maxEdit * maxEdit;
		// No attempt when it cannot succeed (the lengths alone differ by more than the cap), when the
		// budget is spent, or on a long stretch: there windows (step 9) cost less than a failed
		// attempt and no more than one that succeeds, and are all but exact.
		if (!long && Math.abs(n - m) <= maxEdit && this.failureBudget >= cost) {
			if (this.myers(a0, a1, b0, b1, maxEdit)) return;
			this.failureBudget -= cost;
		}
		if (!long && !this.resembles(a0, a1, b0, b1)) return this.unrelated(chain, a0, a1, b0, b1, stack);
		// Unique runs, where they are many; then, for text that repeats itself, windows.
		for (const k of RUN_LENGTHS) {
			if (k * 2 > shorter) break;
			if (this.tooFewRuns(tokens, a0, a1, b0, b1, k, shorter)) continue;
			const runs = longestIncreasingChain(...merge(tokens, this.uniqueRuns(a0, a1, b0, b1, k)));
			if (isDense(runs, shorter)) return this.pushAnchors(runs, a0, a1, b0, b1, stack);
		}
		for (const k of COARSE_RUNS) {
			if (k * 2 > shorter) break;
			const runs = longestIncreasingChain(...this.uniqueRuns(a0, a1, b0, b1, k, COARSE_SAMPLE_BITS));
			if (runs.length > 0) return this.pushAnchors(runs, a0, a1, b0, b1, stack);
		}
		if (this.options.precise) return this.exactly(a0, a1, b0, b1);
		this.windowed(a0, a1, b0, b1);
	}

	/**
	 * Step 9: Myers in windows that follow the two sides along, for a long range that repeats
	 * itself. A window takes WINDOW tokens of a and the share of b that keeps the two in step (the
	 * rest of b in proportion to the rest of a), and is aligned exactly; the first half of its path
	 * is kept, and the next window starts where that half ends. A window costs at most its size
	 * squared, so the whole costs little more than its length, and the result is within a fraction
	 * of a point of an exact alignment of the whole on every repetitive family of the benchmark:
	 * a window ends where the sides correspond, and its far half, pulled by that end, is never kept.
	 * The window ends on the diagonal rather than with room to spare on b: with room, a text that
	 * repeats itself lets the path run ahead on b at no cost, and the error grows window by window.
	 *
	 * The windows leave out plain whitespace (half the tokens), which is the same between any two
	 * words and would only double the length and the edits Myers works through, four times the
	 * cost. What they keep are pairs of matching tokens; the whitespace between two pairs is
	 * aligned after, as a common beginning and end and a rewrite between.
	 *
	 * Where the sides drift apart by more than a window can follow (a passage cut, added or moved
	 * within the repetitive text), a window ends in a long run of deletions or insertions, or keeps
	 * few of its words: its kept half is then reported as aligned approximately, for an exact
	 * alignment may keep more.
	 */
	private windowed(a0: number, a1: number, b0: number, b1: number): void {
		const { isWord } = this;
		// The tokens other than plain whitespace: their keys, and where they are.
		const [ka, pa] = withoutSpaces(this.a, a0, a1);
		const [kb, pb] = withoutSpaces(this.b, b0, b1);
		const na = ka.length;
		const nb = kb.length;
		const tokenA = (x: number): number => (x < na ? pa[x] : a1);
		const tokenB = (y: number): number => (y < nb ? pb[y] : b1);
		// Tokens up to (i, j) are aligned, those from (equalA, equalB) on as equal and not yet
		// emitted; the windows are at (x, y) in ka and kb.
		let i = a0;
		let j = b0;
		let equalA = a0;
		let equalB = b0;
		let x = 0;
		let y = 0;
		let weak: RoughRange | null = null;
		while (x < na && y < nb) {
			const restA = na - x;
			const restB = nb - y;
			// The last window takes the rest of both sides, unless b has far more left than a: then
			// windows of a's last tokens against parts of b, so that no window costs more than
			// (5 × WINDOW)².
			const last = restA <= WINDOW && restB <= 2 * WINDOW;
			const wa = Math.min(restA, WINDOW);
			const wb = last ? restB : Math.min(Math.round((wa * restB) / restA), 4 * WINDOW);
			this.myersRuns.diff(ka, x, x + wa, kb, y, y + wb, Infinity);
			const { ops, counts, runs } = this.myersRuns;
			// Keep the path up to half the window of a (all of it in the last window).
			const keepA = last ? na : x + Math.max(1, wa >> 1);
			const x0 = x;
			const y0 = y;
			let kept = 0;
			for (let r = 0; r < runs; r++) {
				const op = ops[r];
				if (!last && x >= keepA && op !== ADD) break;
				if (op === ADD) {
					y += counts[r];
					continue;
				}
				const count = last ? counts[r] : Math.min(counts[r], keepA - x);
				if (op === KEEP) {
					for (let t = 0; t < count; t++) {
						// What lies between the last pair and this one, then the pair. Mostly that is
						// the same whitespace on both sides, and the equal run goes on: emitted at the
						// next difference.
						const pi = pa[x + t];
						const pj = pb[y + t];
						if (!this.sameBetween(i, pi, j, pj)) {
							this.emit('equal', equalA, i, equalB, j);
							this.emitBetween(i, pi, j, pj);
							equalA = pi;
							equalB = pj;
						}
						i = pi + 1;
						j = pj + 1;
						kept += isWord[ka[x + t]];
					}
					y += count;
				}
				x += count;
			}
			// A window that ends in a long run of insertions or deletions has lost its way, unless the
			// run is what its sides' lengths force: where b has somewhat more left than a (a passage
			// added further on), each window takes its share of the surplus, and ends in it. A
			// surplus of over half a window is more than the windows can follow.
			const endOp = ops[runs - 1];
			const surplus = Math.max(0, Math.min(endOp === ADD ? wb - wa : wa - wb, WINDOW / 2));
			const drifts = !last && endOp !== KEEP && counts[runs - 1] > WINDOW / 4 + surplus;
			let words = 0;
			for (let t = x0; t < x; t++) words += isWord[ka[t]];
			if (drifts || kept < WEAK_WINDOW * words) {
				const from = [tokenA(x0), tokenB(y0)];
				if (weak !== null && weak.aTo === from[0] && weak.bTo === from[1]) {
					weak.aTo = tokenA(x);
					weak.bTo = tokenB(y);
				} else {
					weak = { aFrom: from[0], aTo: tokenA(x), bFrom: from[1], bTo: tokenB(y), reason: 'repetitive' };
					this.rough.push(weak);
				}
			}
		}
		this.emit('equal', equalA, i, equalB, j);
		this.emitBetween(i, a1, j, b1);
	}

	/** Whether `a[a0, a1)` and `b[b0, b1)` are the same tokens. */
	private sameBetween(a0: number, a1: number, b0: number, b1: number): boolean {
		if (a1 - a0 !== b1 - b0) return false;
		for (let t = 0; t < a1 - a0; t++) if (this.a[a0 + t] !== this.b[b0 + t]) return false;
		return true;
	}

	/**
	 * `a[a0, a1)` against `b[b0, b1)`, between two pairs that the windows kept: what they begin
	 * and end with in common (whitespace, mostly), and a rewrite between.
	 */
	private emitBetween(a0: number, a1: number, b0: number, b1: number): void {
		const { a, b } = this;
		let p = 0;
		while (a0 + p < a1 && b0 + p < b1 && a[a0 + p] === b[b0 + p]) p++;
		let s = 0;
		while (a1 - s > a0 + p && b1 - s > b0 + p && a[a1 - 1 - s] === b[b1 - 1 - s]) s++;
		this.emit('equal', a0, a0 + p, b0, b0 + p);
		this.rewrite(a0 + p, a1 - s, b0 + p, b1 - s);
		this.emit('equal', a1 - s, a1, b1 - s, b1);
	}

	/** Myers with no bound: for a reader who asked for an exact alignment. */
	private exactly(a0: number, a1: number, b0: number, b1: number): void {
		this.options.onprecise?.(this.preciseRuns++);
		this.myers(a0, a1, b0, b1, Infinity);
	}

	private unrelated(chain: number[], a0: number, a1: number, b0: number, b1: number, stack: number[]): void {
		this.unrelatedTokens += a1 - a0 + b1 - b0;
		if (chain.length > 0) this.pushAnchors(chain, a0, a1, b0, b1, stack);
		else this.rewrite(a0, a1, b0, b1);
	}

	private rewrite(a0: number, a1: number, b0: number, b1: number): void {
		this.emit('delete', a0, a1, b0, b0);
		this.emit('insert', a1, a1, b0, b1);
	}

	/** Pushes the stretches between anchors (flat pairs, each one equal token) and the anchors. */
	private pushAnchors(
		anchors: number[],
		a0: number,
		a1: number,
		b0: number,
		b1: number,
		stack: number[]
	): void {
		// Stretches and anchors in reverse: the last stretch is pushed first.
		const { a, b } = this;
		let nextA = a1;
		let nextB = b1;
		for (let k = anchors.length - 2; k >= 0; k -= 2) {
			const i = anchors[k];
			const j = anchors[k + 1];
			// An anchor that the one before it reaches along the diagonal, every token between them
			// matching, cuts nothing: the stretch after the one before begins with all of that in
			// common, and is stripped of it (step 1) just as far. Unique runs give an anchor at every
			// word of a passage that has not changed, hundreds of thousands on a long text.
			if (k >= 2 && i - anchors[k - 2] === j - anchors[k - 1]) {
				let t = anchors[k - 2] + 1;
				const shift = j - i;
				while (t < i && a[t] === b[t + shift]) t++;
				if (t === i) continue;
			}
			stack.push(DIFF, i + 1, nextA, j + 1, nextB);
			stack.push(EQUAL, i, i + 1, j, j + 1);
			nextA = i;
			nextB = j;
		}
		stack.push(DIFF, a0, nextA, b0, nextB);
	}

	/**
	 * Step 4: candidate anchors in `[a0, a1) × [b0, b1)`, as positions in a and in b, by position
	 * in a: tokens unique in both ranges (in a long range, with a second word matching beside them).
	 */
	private uniqueTokens(a0: number, a1: number, b0: number, b1: number): Candidates {
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
			if (id === GAP_KEY || !checkNeighbours || this.hasMatchingNeighbour(i, j, a0, a1, b0, b1)) {
				candA.push(i);
				candB.push(j);
			}
		}
		return [candA, candB];
	}

	/**
	 * Steps 7 and 8: runs of `k` tokens starting at a word that occur exactly once in each range, as
	 * candidate anchors on their first tokens (the rest of each run is then a common prefix of the
	 * stretch after it), by position in a.
	 */
	private uniqueRuns(a0: number, a1: number, b0: number, b1: number, k: number, sampleBits = 0): Candidates {
		const matchAt = this.runs.find(this.a, a0, a1, this.b, b0, b1, k, this.anchorable, sampleBits);
		// By position in a, as the chain needs them.
		const candA: number[] = [];
		const candB: number[] = [];
		for (let x = 0; x < matchAt.length; x++) {
			if (matchAt[x] < 0) continue;
			candA.push(a0 + x);
			candB.push(matchAt[x]);
		}
		return [candA, candB];
	}

	/**
	 * Whether a sample of the unique runs of `k` tokens shows them (with the unique words) too few
	 * to be dense (step 7), so that finding them all would be wasted: in a litany or a transcript
	 * at the scale of a book, runs of eight and even of twenty-four tokens all recur, and finding
	 * that out took a third of the time. The sample is one run in 2^bits, by hash, with bits such
	 * that a range just dense enough would show at least RUN_SAMPLE_EXPECTED of them; the runs are
	 * deemed too few when the sample shows under half of that. A range just dense enough shows so
	 * few about once in 700 (a count of mean 32 under 16), and is then anchored on longer runs or
	 * aligned in windows, as one a little less dense would be.
	 */
	private tooFewRuns(
		tokens: Candidates,
		a0: number,
		a1: number,
		b0: number,
		b1: number,
		k: number,
		shorter: number
	): boolean {
		const needed = shorter / (shorter > LONG_RANGE ? SPARSE_TOKENS_LONG : SPARSE_TOKENS);
		const bits = Math.floor(Math.log2(needed / RUN_SAMPLE_EXPECTED));
		if (bits < 1) return false;
		const sampled = this.runs.count(this.a, a0, a1, this.b, b0, b1, k, this.anchorable, bits);
		return tokens[0].length + sampled * 2 ** bits < needed / 2;
	}

	/**
	 * Whether the sides resemble each other: whether at least RESEMBLANCE of the shorter side's
	 * runs (sampled) occur in the longer. A side too short to hold two runs has at most a few words
	 * that an exact alignment could keep, and never makes a stretch rough.
	 */
	private resembles(a0: number, a1: number, b0: number, b1: number): boolean {
		const k = RESEMBLANCE_RUN;
		const aShorter = a1 - a0 <= b1 - b0;
		const [short, s0, s1] = aShorter ? [this.a, a0, a1] : [this.b, b0, b1];
		const [long, l0, l1] = aShorter ? [this.b, b0, b1] : [this.a, a0, a1];
		if (s1 - s0 < 2 * k) return false;
		// The samples go in a small table, and the longer side's runs are looked up in it: on two
		// 10 MB texts, a table of every run of the longer side cost a second.
		const sampled: number[] = [];
		const step = Math.max(1, Math.floor((s1 - s0) / SAMPLES));
		for (let i = s0; i + k <= s1; i += step) {
			if (this.anchorable[short[i]] === 1) sampled.push(runHash(short, i, k));
		}
		if (sampled.length === 0) return false;
		const samples = new RunSet(sampled.length);
		// Each sample counts, repeated ones too: a refrain is as much of a text as its other lines.
		const weight = new Map<number, number>();
		for (const h of sampled) {
			samples.add(h);
			weight.set(h, (weight.get(h) ?? 0) + 1);
		}
		const needed = RESEMBLANCE * sampled.length;
		// The longer side's runs, until enough samples are found: related texts stop early.
		const { anchorable } = this;
		let power = 1;
		for (let t = 1; t < k; t++) power = Math.imul(power, RUN_BASE);
		let found = 0;
		if (l1 - l0 < k) return false;
		let h = runHash(long, l0, k);
		for (let i = l0; ; i++) {
			if (anchorable[long[i]] === 1 && samples.has(h)) {
				const w = weight.get(h);
				if (w !== undefined) {
					found += w;
					if (found >= needed) return true;
					weight.delete(h);
				}
			}
			if (i + k >= l1) break;
			h = (Math.imul(h - Math.imul(long[i], power), RUN_BASE) + long[i + k]) | 0;
		}
		return false;
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
			if (seen[id] === mark && (anchorable[id] === 1 || id === BREAK_KEY)) return true;
		}
		return false;
	}

	/** Myers on the range; false if it gave up at `maxEditLength`. */
	private myers(a0: number, a1: number, b0: number, b1: number, maxEditLength: number): boolean {
		if (!Number.isFinite(maxEditLength)) return this.myersUnbounded(a0, a1, b0, b1);
		if (!this.myersRuns.diff(this.a, a0, a1, this.b, b0, b1, maxEditLength)) return false;
		const { ops, counts, runs } = this.myersRuns;
		let i = a0;
		let j = b0;
		for (let r = 0; r < runs; r++) {
			const c = counts[r];
			if (ops[r] === REMOVE) {
				this.emit('delete', i, i + c, j, j);
				i += c;
			} else if (ops[r] === ADD) {
				this.emit('insert', i, i, j, j + c);
				j += c;
			} else {
				this.emit('equal', i, i + c, j, j + c);
				i += c;
				j += c;
			}
		}
		return true;
	}

	/**
	 * Myers with no bound, for a reader who asked for an exact alignment: jsdiff's, whose paths
	 * share their components, where ours keeps every path it tried (memory grows with the square
	 * of the edit length, which is unbounded here).
	 */
	private myersUnbounded(a0: number, a1: number, b0: number, b1: number): boolean {
		// diffArrays only indexes, slices and compares with ===, which typed arrays support.
		const aRange = this.a.subarray(a0, a1) as unknown as number[];
		const bRange = this.b.subarray(b0, b1) as unknown as number[];
		const changes = diffArrays(aRange, bRange);
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
 * Whether a chain of anchors (flat pairs) is dense enough to trust over a range whose shorter
 * side has `shorter` tokens: see SPARSE_TOKENS.
 */
function isDense(chain: number[], shorter: number): boolean {
	const anchors = chain.length / 2;
	return (
		anchors * SPARSE_TOKENS >= shorter ||
		(shorter > LONG_RANGE && anchors * SPARSE_TOKENS_LONG >= shorter)
	);
}

/**
 * Whether a chain of unique words too sparse for isDense is still to be trusted, in a long range:
 * when nearly all candidates fall in order. Words found once in each side of a very long text are
 * rare (one per 700 tokens in 10 MB of prose), but where the two texts correspond they line up,
 * while chance matches (a litany's, a transcript's) fall in any order and the chain keeps few.
 * Looking for unique runs instead cost more than half the alignment of such a text.
 */
export function isConsistent(chain: number[], [candidates]: Candidates, shorter: number): boolean {
	const anchors = chain.length / 2;
	return (
		shorter > LONG_RANGE &&
		anchors >= CONSISTENT_ANCHORS &&
		anchors >= CONSISTENT_SHARE * candidates.length &&
		anchors * SPARSE_TOKENS_CONSISTENT >= shorter
	);
}

/** The keys of `s[from, to)` other than plain whitespace, and their positions. */
function withoutSpaces(s: Int32Array, from: number, to: number): [Int32Array, Int32Array] {
	const keys = new Int32Array(to - from);
	const positions = new Int32Array(to - from);
	let n = 0;
	for (let i = from; i < to; i++) {
		if (s[i] === SPACE_KEY) continue;
		keys[n] = s[i];
		positions[n++] = i;
	}
	return [keys.subarray(0, n), positions.subarray(0, n)];
}

/** Candidate anchors: positions in a (increasing) and the matching positions in b. */
type Candidates = [number[], number[]];

/** Two candidate lists as one, by position in a; a pair in both is kept once. */
function merge([xa, xb]: Candidates, [ya, yb]: Candidates): Candidates {
	const outA: number[] = [];
	const outB: number[] = [];
	let x = 0;
	let y = 0;
	while (x < xa.length || y < ya.length) {
		const takeX = y >= ya.length || (x < xa.length && xa[x] <= ya[y]);
		const i = takeX ? xa[x] : ya[y];
		const j = takeX ? xb[x++] : yb[y++];
		// The chain needs positions in a strictly increasing: of two candidates at one position,
		// the first stands.
		if (outA.length > 0 && outA[outA.length - 1] === i) continue;
		outA.push(i);
		outB.push(j);
	}
	return [outA, outB];
}


/** Hash slots for `n` entries: a power of two, at most half full. */
const slotsFor = (n: number): number => {
	let size = 16;
	while (size < n * 2) size *= 2;
	return size;
};

/**
 * A set of run hashes: open addressing over typed arrays, several times faster than a Set or Map
 * of numbers on hundreds of thousands of runs.
 */
class RunSet {
	private readonly keys: Int32Array;
	private readonly used: Uint8Array;
	private readonly mask: number;

	constructor(n: number) {
		const size = slotsFor(n);
		this.mask = size - 1;
		this.keys = new Int32Array(size);
		this.used = new Uint8Array(size);
	}

	/** The slot of `h`, claimed for it if `claim` and it has none; -1 if absent. */
	private slot(h: number, claim: boolean): number {
		let x = Math.imul(h, 0x85ebca6b) >>> 0;
		for (;;) {
			x &= this.mask;
			if (this.used[x] === 0) {
				if (!claim) return -1;
				this.used[x] = 1;
				this.keys[x] = h;
				return x;
			}
			if (this.keys[x] === h) return x;
			x++;
		}
	}

	add(h: number): void {
		this.slot(h, true);
	}

	has(h: number): boolean {
		return this.slot(h, false) >= 0;
	}
}

let chainTails = new Int32Array(1024);
let chainPrev = new Int32Array(1024);

/**
 * The longest chain of pairs increasing in both coordinates, given pairs sorted by the first
 * (patience sorting: O(k log k)). Returns flat `[i, j, i, j, ...]`.
 */
export function longestIncreasingChain(is: number[], js: number[]): number[] {
	const k = is.length;
	if (k === 0) return [];
	// tails[l]: index of the smallest last j of a chain of length l + 1 found so far. The arrays
	// are kept from call to call: most calls are on short stretches, where allocating them cost
	// more than the search.
	if (chainTails.length < k) {
		chainTails = new Int32Array(Math.max(k, 2 * chainTails.length));
		chainPrev = new Int32Array(chainTails.length);
	}
	const tails = chainTails;
	const prev = chainPrev;
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
