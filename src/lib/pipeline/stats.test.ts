import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
			byWitness: {
				base: { words: 9, common: 4, deleted: 0, changed: 5, moved: 0 },
				target: { words: 10, common: 4, inserted: 0, changed: 6, moved: 0 }
			},
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
			byWitness: {
				base: { words: 0, common: 0, deleted: 0, changed: 0, moved: 0 },
				target: { words: 1, common: 0, inserted: 1, changed: 0, moved: 0 }
			},
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

describe('witnessFigures', () => {
	// wdiff -s on the same two lines prints
	//   a: 6 words  4 67% common  1 17% deleted  1 17% changed
	//   b: 6 words  4 67% common  1 17% inserted  1 17% changed
	// (dwdiff --statistics the same, its percentages rounded down).
	it('counts each witness’s words as wdiff -s does: common, deleted or inserted, changed', () => {
		const { stats } = compare('One two three four five six', 'One three FOUR five six seven');
		expect(stats.byWitness).toEqual({
			base: { words: 6, common: 4, deleted: 1, changed: 1, moved: 0 },
			target: { words: 6, common: 4, inserted: 1, changed: 1, moved: 0 }
		});
	});

	it('counts a moved passage as moved at both ends, and its words changed on the way as cut and added', () => {
		const P1 = 'The court will now hear the statement of the accused about the bloc.';
		const P2 = 'I was in Berlin in 1932 and I met there with the representatives of the general staff.';
		const P3 = 'Citizen judges, I have been in prison for over a year, and I have read a great deal.';
		const a = [P1, P2, P3].join('\n\n');
		const b = [P1, P3, P2.replace('Berlin', 'Paris')].join('\n\n');
		// 13 + 18 words unmoved; of the 17 that move, "Berlin" becomes "Paris" on the way.
		expect(compare(a, b).stats.byWitness).toEqual({
			base: { words: 48, common: 31, deleted: 1, changed: 0, moved: 16 },
			target: { words: 48, common: 31, inserted: 1, changed: 0, moved: 16 }
		});
	});

	it('sorts every word of both Gettysburg copies, first draft against final copy', () => {
		const text = (id: string) => readFileSync(`corpus/gettysburg/${id}.txt`, 'utf8');
		const { stats } = compare(text('nicolay'), text('bliss'), { precise: true });
		expect(stats.byWitness).toEqual({
			base: { words: 242, common: 220, deleted: 3, changed: 19, moved: 0 },
			target: { words: 276, common: 220, inserted: 10, changed: 46, moved: 0 }
		});
		const { base, target } = stats.byWitness;
		expect(base.common + base.deleted + base.changed + base.moved).toBe(stats.wordsA);
		expect(target.common + target.inserted + target.changed + target.moved).toBe(stats.wordsB);
		// The struck and added words of the header, sorted further.
		expect([base.deleted + base.changed, target.inserted + target.changed]).toEqual([
			stats.wordsStruck,
			stats.wordsAdded
		]);
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
