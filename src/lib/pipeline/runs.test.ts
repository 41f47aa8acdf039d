import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHash, UniqueRuns } from './runs';

/** The same answer the slow way: every run as a string, counted in each range. */
function bruteForce(
	a: Int32Array,
	a0: number,
	a1: number,
	b: Int32Array,
	b0: number,
	b1: number,
	k: number,
	starts: Uint8Array
): Int32Array {
	const runsOf = (s: Int32Array, from: number, to: number): Map<string, number[]> => {
		const runs = new Map<string, number[]>();
		for (let i = from; i + k <= to; i++) {
			if (starts[s[i]] !== 1) continue;
			const key = Array.from(s.subarray(i, i + k)).join(',');
			runs.set(key, [...(runs.get(key) ?? []), i]);
		}
		return runs;
	};
	const inA = runsOf(a, a0, a1);
	const inB = runsOf(b, b0, b1);
	const out = new Int32Array(a1 - a0).fill(-1);
	for (const [key, is] of inA) {
		const js = inB.get(key);
		if (is.length === 1 && js?.length === 1) out[is[0] - a0] = js[0];
	}
	return out;
}

/** Every key may start a run except 0 (as whitespace may not). */
const STARTS = Uint8Array.from({ length: 64 }, (_, id) => (id === 0 ? 0 : 1));

describe('UniqueRuns', () => {
	const runs = new UniqueRuns();

	it('finds runs that occur once in each range', () => {
		const a = Int32Array.from([1, 0, 2, 0, 3, 0, 1, 0, 2]);
		const b = Int32Array.from([5, 2, 0, 3, 0, 1, 0, 2, 0, 3]);
		// Runs of 3 in a, at keys other than 0: 1,0,2 (at 0 and 6) · 2,0,3 (2) · 3,0,1 (4). In b:
		// 5,2,0 · 2,0,3 (at 1 and 7) · 3,0,1 (3) · 1,0,2 (5). Only 3,0,1 is once in each.
		expect(Array.from(runs.find(a, 0, a.length, b, 0, b.length, 3, STARTS))).toEqual([
			-1, -1, -1, -1, 3, -1, -1, -1, -1
		]);
	});

	it('looks only within the ranges given', () => {
		const a = Int32Array.from([7, 8, 9, 7, 8, 9]);
		const b = Int32Array.from([7, 8, 9, 4, 7, 8, 9]);
		expect(Array.from(runs.find(a, 3, 6, b, 3, 7, 3, STARTS))).toEqual([4, -1, -1]);
		expect(Array.from(runs.find(a, 0, 6, b, 0, 7, 3, STARTS))).toEqual([-1, -1, -1, -1, -1, -1]);
	});

	it('drops pairs whose hashes are equal but runs are not', () => {
		// Two different runs of two tokens with the same hash: x·BASE + y = x'·BASE + y' (mod 2³²).
		const base = runHash(Int32Array.from([1, 0]), 0, 2);
		const a = Int32Array.from([1, 0]);
		const b = Int32Array.from([2, -base]);
		expect(runHash(b, 0, 2)).toBe(runHash(a, 0, 2));
		const starts = new Uint8Array(4).fill(1);
		// Keys are looked up in `starts` only at run starts, which are 1 and 2 here.
		expect(Array.from(runs.find(a, 0, 2, b, 0, 2, 2, starts))).toEqual([-1, -1]);
	});

	it('agrees with counting every run, on repetitive random arrays', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }).chain((alphabet) =>
					fc.tuple(
						fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 200 }),
						fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: 200 }),
						fc.integer({ min: 1, max: 12 }),
						fc.nat(),
						fc.nat()
					)
				),
				([a, b, k, cutA, cutB]) => {
					const x = Int32Array.from(a);
					const y = Int32Array.from(b);
					const a0 = a.length === 0 ? 0 : cutA % a.length;
					const b0 = b.length === 0 ? 0 : cutB % b.length;
					expect(Array.from(runs.find(x, a0, x.length, y, b0, y.length, k, STARTS))).toEqual(
						Array.from(bruteForce(x, a0, x.length, y, b0, y.length, k, STARTS))
					);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('agrees with counting every run on an edited copy, whatever the run length', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 400 }),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 30 })), { maxLength: 20 }),
				fc.integer({ min: 1, max: 40 }),
				(a, edits, k) => {
					const b = [...a];
					for (const [at, value] of edits) b[at % b.length] = value;
					const x = Int32Array.from(a);
					const y = Int32Array.from(b);
					expect(Array.from(runs.find(x, 0, x.length, y, 0, y.length, k, STARTS))).toEqual(
						Array.from(bruteForce(x, 0, x.length, y, 0, y.length, k, STARTS))
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('samples by hash: a share of the unique runs, each as the full answer has it', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 300 }),
				fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 300 }),
				fc.integer({ min: 1, max: 6 }),
				fc.integer({ min: 1, max: 3 }),
				(a, b, k, bits) => {
					const x = Int32Array.from(a);
					const y = Int32Array.from(b);
					const full = Array.from(runs.find(x, 0, x.length, y, 0, y.length, k, STARTS));
					const sample = Array.from(runs.find(x, 0, x.length, y, 0, y.length, k, STARTS, bits));
					expect(sample.filter((j, i) => j >= 0 && j !== full[i])).toEqual([]);
					const counted = runs.count(x, 0, x.length, y, 0, y.length, k, STARTS, bits);
					expect(counted).toBe(sample.filter((j) => j >= 0).length);
				}
			),
			{ numRuns: 500 }
		);
		// Distinct tokens: every run is unique, and an eighth of them is sampled, about.
		const a = Int32Array.from({ length: 8000 }, (_, i) => i + 1);
		const starts = new Uint8Array(8002).fill(1);
		const sampled = runs.find(a, 0, a.length, a, 0, a.length, 4, starts, 3).filter((j) => j >= 0);
		expect(sampled.length).toBeGreaterThan(800);
		expect(sampled.length).toBeLessThan(1200);
		expect(runs.find(a, 0, a.length, a, 0, a.length, 4, starts, 0).filter((j) => j >= 0).length).toBe(7997);
	});
});
