import { describe, expect, it } from 'vitest';
import { compare } from './compare';

describe('computeStats', () => {
	it('counts words in the base, the target, struck, added and unchanged', () => {
		const { stats } = compare(
			'I deny most of the charges. This I admit.\n\n{gap}',
			'I admit all of these crimes. This I admit, fully.'
		);
		expect(stats).toEqual({
			wordsA: 9,
			wordsB: 10,
			wordsStruck: 5,
			wordsAdded: 6,
			wordsUnchanged: 4,
			wordsMoved: 0,
			moves: 0,
			suppressedShare: 5 / 9,
			changes: 2,
			unrelated: false,
			wordsRough: 0,
			roughStretches: 0
		});
	});

	it('reports a share of 0 when the base has no words', () => {
		expect(compare('', 'Added.').stats).toEqual({
			wordsA: 0,
			wordsB: 1,
			wordsStruck: 0,
			wordsAdded: 1,
			wordsUnchanged: 0,
			wordsMoved: 0,
			moves: 0,
			suppressedShare: 0,
			changes: 1,
			unrelated: false,
			wordsRough: 0,
			roughStretches: 0
		});
	});
});
