import { describe, expect, it } from 'vitest';
import { attributionWords, placedViews, tally, type AttributionView } from './attributions';

const political = { id: 'political', label: 'Political' };

describe('placedViews', () => {
	it('puts each attribution on the change it landed on, and keeps those on none with why', () => {
		const anchor = (quote: string) => ({ witness: 'spoken', quote });
		const given = [
			{ anchor: anchor('crimes'), hand: 'Stalin, pencil', cert: 'certain' as const },
			{ anchor: anchor('never'), id: 'attribution-2', cause: political },
			{ anchor: anchor('bloc'), hand: 'Editor', date: '1938-03-13' },
			// Given after the reading was made: not placed yet, so not shown yet either.
			{ anchor: anchor('later'), hand: 'Editor' }
		];
		const placed = [
			{ change: 'c-1', wordsStruck: 23, wordsAdded: 0 },
			{ change: 'c-2', wordsStruck: 27, wordsAdded: 0 },
			{ problem: 'quote is on no change' }
		];
		expect(placedViews(given, placed)).toEqual({
			attributions: {
				'c-1': { hand: 'Stalin, pencil', cert: 'certain', wordsStruck: 23, wordsAdded: 0 },
				'c-2': { id: 'attribution-2', cause: political, wordsStruck: 27, wordsAdded: 0 }
			},
			unplaced: [
				{ anchor: anchor('bloc'), hand: 'Editor', date: '1938-03-13', problem: 'quote is on no change' }
			]
		});
	});
});

describe('attributionWords', () => {
	it('gives the hand, the cause’s label and the certainty, those that are said', () => {
		expect(attributionWords({ hand: 'Stalin, pencil', cause: political, cert: 'probable' })).toEqual([
			'Stalin, pencil',
			'Political',
			'probable'
		]);
		expect(attributionWords({ cause: political, date: '1938-03-13' })).toEqual(['Political']);
		expect(attributionWords({})).toEqual([]);
	});
});

describe('tally', () => {
	it('counts the changes and words of each hand and each cause, in the order first named', () => {
		const on = (more: Partial<AttributionView>, wordsStruck: number, wordsAdded = 0) => ({
			...more,
			wordsStruck,
			wordsAdded
		});
		const style = { id: 'style', label: 'Style' };
		expect(
			tally({
				'c-1': on({ hand: 'Stalin, pencil' }, 23),
				'c-2': on({ hand: 'Stalin, pencil', cause: political }, 27),
				'c-3': on({ hand: 'Editor', cause: style }, 1, 2),
				'c-4': on({ cause: political, cert: 'conjectural' }, 4)
			})
		).toEqual({
			hands: [
				{ key: 'Stalin, pencil', label: 'Stalin, pencil', changes: ['c-1', 'c-2'], wordsStruck: 50, wordsAdded: 0 },
				{ key: 'Editor', label: 'Editor', changes: ['c-3'], wordsStruck: 1, wordsAdded: 2 }
			],
			causes: [
				{ key: 'political', label: 'Political', changes: ['c-2', 'c-4'], wordsStruck: 31, wordsAdded: 0 },
				{ key: 'style', label: 'Style', changes: ['c-3'], wordsStruck: 1, wordsAdded: 2 }
			]
		});
	});
});
