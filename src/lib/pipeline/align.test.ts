import { describe, expect, it } from 'vitest';
import { align, longestIncreasingChain, type Edit } from './align';
import { tokenize } from './tokenize';

/** The edit script as `kind:base|target` strings, with each side's text. */
function script(a: string, b: string): string[] {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	const text = (tokens: typeof aTokens, from: number, to: number) =>
		tokens
			.slice(from, to)
			.map((t) => t.text)
			.join('');
	return align(aTokens, bTokens).map(
		(e) => `${e.kind}:${text(aTokens, e.aFrom, e.aTo)}|${text(bTokens, e.bFrom, e.bTo)}`
	);
}

/** Checks that the edits cover both token lists in order, and that equal runs match by key. */
function expectCovering(a: string, b: string, edits: Edit[]): void {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	let i = 0;
	let j = 0;
	for (const e of edits) {
		expect([e.aFrom, e.bFrom]).toEqual([i, j]);
		if (e.kind === 'equal') {
			expect(aTokens.slice(e.aFrom, e.aTo).map((t) => t.key)).toEqual(
				bTokens.slice(e.bFrom, e.bTo).map((t) => t.key)
			);
		}
		i = e.aTo;
		j = e.bTo;
	}
	expect([i, j]).toEqual([aTokens.length, bTokens.length]);
}

describe('align', () => {
	it('returns one equal run for texts that differ only in whitespace shape', () => {
		expect(script('I admit it.', 'I  admit\r\nit.')).toEqual(['equal:I admit it.|I  admit\r\nit.']);
	});

	it('returns nothing for two empty texts, and one run when a side is empty', () => {
		expect(script('', '')).toEqual([]);
		expect(script('Struck.', '')).toEqual(['delete:Struck.|']);
		expect(script('', 'Added.')).toEqual(['insert:|Added.']);
	});

	it('finds a deleted sentence between unchanged ones', () => {
		expect(script('I accept it. I deny it. This I admit.', 'I accept it. This I admit.')).toEqual([
			'equal:I accept it. |I accept it. ',
			'delete:I deny it. |',
			'equal:This I admit.|This I admit.'
		]);
	});

	it('keeps a paragraph break that both sides have, and marks one that only one side has', () => {
		expect(script('One.\n\nTwo.', 'One. Two.')).toEqual([
			'equal:One.|One.',
			'delete:\n\n|',
			'insert:| ',
			'equal:Two.|Two.'
		]);
	});

	it('lines up gap markers even when their labels differ', () => {
		expect(script('A.\n\n{gap}\n\nB.', 'A.\n\n{gap: two pages}\n\nC.')).toEqual([
			'equal:A.\n\n{gap}\n\n|A.\n\n{gap: two pages}\n\n',
			'delete:B|',
			'insert:|C',
			'equal:.|.'
		]);
	});

	it('aligns long texts with scattered edits through anchors, covering both sides', () => {
		const words = Array.from({ length: 6000 }, (_, k) => `w${(k * 7919) % 5003}`);
		const a = words.join(' ');
		const edited = words.map((w, k) => (k % 97 === 0 ? 'CHANGED' : w));
		edited.splice(3000, 200);
		const b = edited.join(' ');
		const edits = align(tokenize(a), tokenize(b));
		expectCovering(a, b, edits);
		const aTokens = tokenize(a);
		const kept = edits
			.filter((e) => e.kind === 'equal')
			.reduce(
				(n, e) => n + aTokens.slice(e.aFrom, e.aTo).filter((t) => t.kind === 'word').length,
				0
			);
		// Every word that was not edited is found: 6000 - 200 deleted - 60 changed outside them.
		expect(kept).toBe(
			6000 - 200 - words.filter((_, k) => k % 97 === 0 && (k < 3000 || k >= 3200)).length
		);
	});

	// Speed is measured in `npm run bench`; these only prove the cases finish with the right result.
	it('takes two unrelated long texts as one replacement', () => {
		const text = (seed: number) =>
			Array.from({ length: 40_000 }, (_, k) => `${seed}x${(k * 7919 + seed) % 30011}`).join(' ');
		const a = text(1);
		const b = text(2);
		const edits = align(tokenize(a), tokenize(b));
		expect(edits.map((e) => e.kind)).toEqual(['delete', 'insert']);
	}, 60_000);

	it('finishes on repetitive texts with no word to anchor on', () => {
		const a = 'the the the. '.repeat(5000);
		const b = 'the the. the the the. '.repeat(3000);
		expectCovering(a, b, align(tokenize(a), tokenize(b)));
	}, 60_000);
});

describe('longestIncreasingChain', () => {
	it('returns the longest chain of pairs increasing on both sides, as flat pairs', () => {
		expect(longestIncreasingChain([0, 1, 2, 3, 4], [3, 0, 1, 4, 2])).toEqual([1, 0, 2, 1, 4, 2]);
		expect(longestIncreasingChain([], [])).toEqual([]);
		expect(longestIncreasingChain([5, 6], [9, 1])).toEqual([6, 1]);
	});
});
