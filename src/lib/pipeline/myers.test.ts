import { diffArrays } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADD, KEEP, Myers, REMOVE } from './myers';
import { scanPair } from './tokenize';

// Our Myers must give jsdiff's edit script, run for run: the aligner's results (and the figures
// measured against jsdiff) were established with it. Same script means same edit length, so these
// also prove it shortest.

type Run = [string, number];
const NAMES = ['keep', 'remove', 'add'];

function ours(myers: Myers, a: Int32Array, b: Int32Array, maxEdit = Infinity): Run[] | undefined {
	if (!myers.diff(a, 0, a.length, b, 0, b.length, maxEdit)) return undefined;
	const runs: Run[] = [];
	for (let r = 0; r < myers.runs; r++) runs.push([NAMES[myers.ops[r]], myers.counts[r]]);
	return runs;
}

function theirs(a: Int32Array, b: Int32Array, maxEdit = Infinity): Run[] | undefined {
	const changes = Number.isFinite(maxEdit)
		? diffArrays(Array.from(a), Array.from(b), { maxEditLength: maxEdit })
		: diffArrays(Array.from(a), Array.from(b));
	return changes?.map((c): Run => [c.added ? 'add' : c.removed ? 'remove' : 'keep', c.count]);
}

const ints = (xs: number[]): Int32Array => Int32Array.from(xs);

describe('Myers', () => {
	const myers = new Myers();

	it('exports distinct operation codes', () => {
		expect(new Set([KEEP, REMOVE, ADD]).size).toBe(3);
	});

	it('gives the shortest script on small cases, as jsdiff does', () => {
		expect(ours(myers, ints([]), ints([]))).toEqual([]);
		expect(ours(myers, ints([1, 2, 3]), ints([1, 2, 3]))).toEqual([['keep', 3]]);
		expect(ours(myers, ints([]), ints([4, 5]))).toEqual([['add', 2]]);
		expect(ours(myers, ints([4, 5]), ints([]))).toEqual([['remove', 2]]);
		expect(ours(myers, ints([1, 2, 3]), ints([1, 3, 4]))).toEqual([
			['keep', 1],
			['remove', 1],
			['keep', 1],
			['add', 1]
		]);
		// A B C A B B A against C B A B A C: Myers' own example, edit length 5.
		expect(ours(myers, ints([1, 2, 3, 1, 2, 2, 1]), ints([3, 2, 1, 2, 1, 3]))).toEqual([
			['remove', 2],
			['keep', 1],
			['add', 1],
			['keep', 2],
			['remove', 1],
			['keep', 1],
			['add', 1]
		]);
	});

	it('works on sub-ranges of longer arrays', () => {
		const a = ints([9, 9, 1, 2, 3, 9]);
		const b = ints([8, 1, 3, 8, 8]);
		expect(myers.diff(a, 2, 5, b, 1, 3, Infinity)).toBe(true);
		expect(Array.from(myers.ops.subarray(0, myers.runs))).toEqual([KEEP, REMOVE, KEEP]);
		expect(Array.from(myers.counts.subarray(0, myers.runs))).toEqual([1, 1, 1]);
	});

	it('gives up beyond the edit length it is allowed, as jsdiff does', () => {
		const a = ints([1, 2, 3, 4]);
		const b = ints([5, 6, 7, 8]);
		expect(ours(myers, a, b, 7)).toBeUndefined();
		expect(ours(myers, a, b, 8)).toEqual([
			['remove', 4],
			['add', 4]
		]);
		expect(theirs(a, b, 7)).toBeUndefined();
	});

	it('gives jsdiff’s script on random arrays over small alphabets', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 6 }).chain((alphabet) =>
					fc.tuple(
						fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength: 60 }),
						fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength: 60 }),
						fc.option(fc.integer({ min: 0, max: 40 }), { nil: Infinity })
					)
				),
				([a, b, maxEdit]) => {
					const x = ints(a);
					const y = ints(b);
					expect(ours(myers, x, y, maxEdit)).toEqual(theirs(x, y, maxEdit));
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('gives jsdiff’s script on an edited copy (insertions, deletions, changes)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 }),
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 20 })), {
					maxLength: 40
				}),
				(a, edits) => {
					const b = [...a];
					for (const [at, op, value] of edits) {
						const k = at % (b.length + 1);
						if (op === 0) b.splice(k, 0, value);
						else if (op === 1) b.splice(k, 1);
						else if (k < b.length) b[k] = value;
					}
					expect(ours(myers, ints(a), ints(b))).toEqual(theirs(ints(a), ints(b)));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('gives jsdiff’s script on hostile cases', () => {
		const n = 400;
		const same = new Int32Array(n).fill(3);
		const alternating = Int32Array.from({ length: n }, (_, i) => i % 2);
		const disjoint = Int32Array.from({ length: n }, (_, i) => i + n);
		const counting = Int32Array.from({ length: n }, (_, i) => i);
		const reversed = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
		const cases: [Int32Array, Int32Array][] = [
			[same, same.subarray(0, n / 2)],
			[same.subarray(0, 7), same],
			[alternating, alternating.subarray(1)],
			[alternating, same],
			[counting, disjoint],
			[counting, reversed],
			[counting.subarray(0, 1), reversed]
		];
		for (const [a, b] of cases) {
			expect(ours(myers, a, b)).toEqual(theirs(a, b));
			expect(ours(myers, a, b, 50)).toEqual(theirs(a, b, 50));
		}
	});

	it('gives jsdiff’s script on the tokens of texts in any script, with emoji and CRLF', () => {
		const pieces = [
			'слово',
			'Слово',
			'сказал',
			' ',
			'\r\n',
			'\r\n\r\n',
			'\n\n',
			'👍🏽',
			'❤️',
			'👨‍👩‍👧',
			'the',
			'Court',
			',',
			'.',
			'«',
			'»',
			'—',
			'\u0301',
			'[sic]',
			'. . .'
		];
		const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((p) => p.join(''));
		fc.assert(
			fc.property(text, text, (a, b) => {
				const [x, y] = scanPair(a, b);
				expect(ours(myers, x.keys, y.keys)).toEqual(theirs(x.keys, y.keys));
			}),
			{ numRuns: 500 }
		);
	});

	it('reuses its buffers across calls of any size', () => {
		const big = Int32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 13);
		const edited = Int32Array.from(big, (v, i) => (i % 11 === 0 ? v + 100 : v));
		expect(ours(myers, big, edited)).toEqual(theirs(big, edited));
		expect(ours(myers, ints([1]), ints([2]))).toEqual([
			['remove', 1],
			['add', 1]
		]);
	});
});
