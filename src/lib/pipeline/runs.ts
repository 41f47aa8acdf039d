// Runs of k tokens that occur exactly once in each of two ranges: anchors for the aligner where
// no single word is unique (a transcript, a litany). A run is known by a rolling hash of its keys.
//
// The runs are grouped by sorting their hashes (radix sort, three passes of 11 bits) rather than
// by counting them in a hash table: on two 10 MB texts of prose nearly every one of three million
// runs is distinct, a table of them is tens of megabytes, and each run cost a cache miss (and a
// TLB miss) or two there, over a second in all. Sorting reads and writes its arrays in order,
// into 2,048 buckets at a time, and takes a fraction of that.

/** Multiplier of the rolling hash: odd, with its bits spread (from the golden ratio). */
export const RUN_BASE = 0x9e3779b1 | 0;

/** The hash of the run of `k` tokens of `s` at `from`, as the rolling hash computes it. */
export function runHash(s: Int32Array, from: number, k: number): number {
	let h = 0;
	for (let t = from; t < from + k; t++) h = (Math.imul(h, RUN_BASE) + s[t]) | 0;
	return h;
}

/** Mixes a hash before sampling, so that the sample does not follow the hash's digits. */
const SAMPLE_MIX = 0x85ebca6b | 0;

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
/** Side of a run, in the low bit of its entry (the position is the rest). */
const IN_B = 1;

export class UniqueRuns {
	/** Each run as two numbers side by side: its hash and its entry (position and side). */
	private pairs = new Int32Array(0);
	private pairsSorted = new Int32Array(0);
	private readonly histogram = new Int32Array(BUCKETS);

	/**
	 * For each position i of `a[a0, a1)`, the position j in `b[b0, b1)` where the run of `k` tokens
	 * starting at i is found, if it starts at a token that `starts` allows, occurs once in each
	 * range (among the runs starting at such tokens) and the two are equal; -1 elsewhere. Indexed
	 * by i - a0.
	 *
	 * With `sampleBits`, only the runs whose hash falls in one 2^sampleBits-th of all hashes are
	 * looked at. Every occurrence of a run has its hash, so these are exactly the unique runs of
	 * the full answer that fall in that share: a sample, which costs that share of the sort.
	 */
	find(
		a: Int32Array,
		a0: number,
		a1: number,
		b: Int32Array,
		b0: number,
		b1: number,
		k: number,
		starts: Uint8Array,
		sampleBits = 0
	): Int32Array {
		const { pairs, n } = this.sorted(a, a0, a1, b, b0, b1, k, starts, sampleBits);

		const matchAt = new Int32Array(a1 - a0).fill(-1);
		const end = 2 * n;
		for (let x = 0; x < end; ) {
			const h = pairs[x];
			let y = x + 2;
			while (y < end && pairs[y] === h) y += 2;
			// Once in each side: one entry of a, then one of b.
			if (y - x === 4 && (pairs[x + 1] & IN_B) === 0 && (pairs[x + 3] & IN_B) !== 0) {
				matchAt[(pairs[x + 1] >> 1) - a0] = pairs[x + 3] >> 1;
			}
			x = y;
		}
		// Equal hashes of unequal runs are rare, but possible: check each pair, in order of a (so that
		// a and b are read in order too), and along a diagonal only what the previous pair on it did
		// not cover. Checking each run in full cost k comparisons a pair, seconds for runs of 768.
		let coveredTo = -1;
		let coveredShift = 0;
		for (let x = 0; x < matchAt.length; x++) {
			const j = matchAt[x];
			if (j < 0) continue;
			const i = a0 + x;
			const shift = j - i;
			let t = shift === coveredShift && coveredTo > i ? coveredTo : i;
			while (t < i + k && a[t] === b[t + shift]) t++;
			if (t < i + k) {
				matchAt[x] = -1;
				continue;
			}
			coveredTo = i + k;
			coveredShift = shift;
		}
		return matchAt;
	}

	/**
	 * How many runs find() would give with `sampleBits`, without the answer's array (as long as
	 * the range) that find() fills and the caller reads: for a sample, a waste.
	 */
	count(
		a: Int32Array,
		a0: number,
		a1: number,
		b: Int32Array,
		b0: number,
		b1: number,
		k: number,
		starts: Uint8Array,
		sampleBits: number
	): number {
		const { pairs, n } = this.sorted(a, a0, a1, b, b0, b1, k, starts, sampleBits);
		let found = 0;
		const end = 2 * n;
		for (let x = 0; x < end; ) {
			const h = pairs[x];
			let y = x + 2;
			while (y < end && pairs[y] === h) y += 2;
			if (y - x === 4 && (pairs[x + 1] & IN_B) === 0 && (pairs[x + 3] & IN_B) !== 0) {
				const i = pairs[x + 1] >> 1;
				const j = pairs[x + 3] >> 1;
				let t = 0;
				while (t < k && a[i + t] === b[j + t]) t++;
				if (t === k) found++;
			}
			x = y;
		}
		return found;
	}

	/** Appends the runs of `s[from, to)` from the `n`th on; returns the new count. */
	/** The runs of a, then of b, each in order, sorted by hash (a stable sort keeps them so within
	 * each hash), as (hash, place) pairs; `n` of them. */
	private sorted(
		a: Int32Array,
		a0: number,
		a1: number,
		b: Int32Array,
		b0: number,
		b1: number,
		k: number,
		starts: Uint8Array,
		sampleBits: number
	): { pairs: Int32Array; n: number } {
		let n = 0;
		for (let i = a0; i + k <= a1; i++) n += starts[a[i]];
		for (let j = b0; j + k <= b1; j++) n += starts[b[j]];
		this.reserve(n);
		n = this.collect(a, a0, a1, k, starts, 0, 0, sampleBits);
		n = this.collect(b, b0, b1, k, starts, n, IN_B, sampleBits);
		return { pairs: this.sort(n), n };
	}

	private collect(
		s: Int32Array,
		from: number,
		to: number,
		k: number,
		starts: Uint8Array,
		n: number,
		side: number,
		sampleBits: number
	): number {
		if (to - from < k) return n;
		const pairs = this.pairs;
		// Sampled: the top bits of the mixed hash are zero (none: all runs).
		const drop = sampleBits === 0 ? 0 : -1 << (32 - sampleBits);
		// A polynomial rolling hash: drop the token leaving the run, take in the one entering.
		let power = 1;
		for (let t = 1; t < k; t++) power = Math.imul(power, RUN_BASE);
		let h = runHash(s, from, k);
		for (let i = from; ; i++) {
			if (starts[s[i]] === 1 && (Math.imul(h, SAMPLE_MIX) & drop) === 0) {
				pairs[2 * n] = h;
				pairs[2 * n + 1] = (i << 1) | side;
				n++;
			}
			if (i + k >= to) break;
			h = (Math.imul(h - Math.imul(s[i], power), RUN_BASE) + s[i + k]) | 0;
		}
		return n;
	}

	/**
	 * The first `n` runs, sorted by hash (stable): least significant digit first. Hash and entry
	 * move together, so that each bucket is written in one stream.
	 */
	private sort(n: number): Int32Array {
		let pairs = this.pairs;
		let out = this.pairsSorted;
		const histogram = this.histogram;
		const end = 2 * n;
		for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
			histogram.fill(0);
			for (let x = 0; x < end; x += 2) histogram[(pairs[x] >>> shift) & DIGIT_MASK]++;
			let sum = 0;
			for (let d = 0; d < BUCKETS; d++) {
				const count = histogram[d];
				histogram[d] = sum;
				sum += 2 * count;
			}
			for (let x = 0; x < end; x += 2) {
				const h = pairs[x];
				const d = (h >>> shift) & DIGIT_MASK;
				const at = histogram[d];
				histogram[d] = at + 2;
				out[at] = h;
				out[at + 1] = pairs[x + 1];
			}
			const swap = pairs;
			pairs = out;
			out = swap;
		}
		return pairs;
	}

	private reserve(n: number): void {
		if (this.pairs.length >= 2 * n) return;
		this.pairs = new Int32Array(2 * n);
		this.pairsSorted = new Int32Array(2 * n);
	}
}
