import { describe, expect, it } from 'vitest';
import type { ChangeKind, KindCount } from '../types';
import { compare } from './compare';
import { CHANGE_KINDS } from './kinds';
import { changeWords } from './stats';

/** Per-kind counts: zero but for `counts`, each `[changes, wordsStruck, wordsAdded]`. */
function kinds(counts: Partial<Record<ChangeKind, [number, number, number]>>) {
	return Object.fromEntries(
		CHANGE_KINDS.map(({ kind }): [ChangeKind, KindCount] => {
			const [changes, wordsStruck, wordsAdded] = counts[kind] ?? [0, 0, 0];
			return [kind, { changes, wordsStruck, wordsAdded }];
		})
	);
}

describe('computeStats', () => {
	it('counts words in the base, the target, struck, added and unchanged, and per kind', () => {
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
			roughStretches: 0,
			kinds: kinds({ rewording: [1, 5, 5], addition: [1, 0, 1] })
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
			roughStretches: 0,
			kinds: kinds({ addition: [1, 0, 1] })
		});
	});

	it('counts the words a placeholder hides as struck, and its marker as nothing added', () => {
		// `(b)(6)` is two word tokens, `b` and `6`: in the target's words, but no one's words added.
		const { stats } = compare('He met John Smith in Paris.', 'He met (b)(6) in Paris, then left.');
		expect([stats.wordsA, stats.wordsB, stats.wordsStruck, stats.wordsAdded]).toEqual([6, 8, 2, 2]);
		expect(stats.kinds).toEqual(kinds({ placeholder: [1, 2, 0], addition: [1, 0, 2] }));
	});

	it('counts capitals and respellings as changes, their words struck and added as before', () => {
		const { stats } = compare(
			'Conceived in liberty, on this battle field. So.',
			'Conceived in Liberty on this battle-field. So!'
		);
		expect(stats.changes).toBe(3);
		expect(stats.kinds).toEqual(
			kinds({ case: [1, 1, 1], spelling: [1, 2, 1], punctuation: [1, 0, 0] })
		);
		expect([stats.wordsStruck, stats.wordsAdded]).toEqual([3, 2]);
	});
});

describe('changeWords', () => {
	/** Each change of the comparison as `[text struck or added, struck, added]`. */
	const words = (a: string, b: string) => {
		const { segments, aTokens, bTokens } = compare(a, b);
		return segments
			.filter((s) => s.id)
			.map((s) => {
				const { struck, added } = changeWords(s, aTokens, bTokens);
				return [s.a || s.b, struck, added];
			});
	};

	it('counts the words a change strikes and adds', () => {
		expect(words('I deny most of the charges. This I admit.', 'I admit all of these crimes. This I admit, fully.')).toEqual([
			['deny most of the charges', 5, 5],
			[', fully', 0, 1]
		]);
	});

	it('counts the words a placeholder hides as struck, none added', () => {
		expect(words('He met John Smith in Paris.', 'He met (b)(6) in Paris.')).toEqual([['John Smith', 2, 0]]);
	});

	it('counts only what changed on the way at the ends of a moved passage', () => {
		const P = 'I was in Berlin in 1932 and I met there with the representatives of the general staff.';
		const Q = 'I was in Paris in 1932 and I met there with the representatives of the general staff.';
		const filler = 'Citizen judges, I have been in prison for over a year, and I have read a great deal.';
		const moved = words(`${P}\n\n${filler}`, `${filler}\n\n${Q}`).filter(([, struck, added]) => struck || added);
		expect(moved.map(([, struck, added]) => [struck, added])).toEqual([
			[1, 0],
			[0, 1]
		]);
	});
});
