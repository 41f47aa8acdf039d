import { describe, expect, it } from 'vitest';
import { readingData } from './view';

const sides = (a: string, b: string) => ({
	a: { id: 'a', label: 'A', text: a },
	b: { id: 'b', label: 'B', text: b }
});

describe('readingData', () => {
	// A refrain first in one text and last in the other, amid text the two do not share: a stretch
	// the aligner cannot follow and reports (see align.test.ts), after two shared paragraphs.
	const refrain = 'Lord, have mercy. Christ, have mercy. '.repeat(50);
	const junk = (seed: string, separator: string) =>
		Array.from({ length: 1000 }, (_, k) => `${seed}${(k * 7919) % 10007}`).join(separator);
	const before = 'The court is in session.\n\nThe accused may speak.\n\n';

	it('places each rough stretch at the block where it begins, with its word counts', () => {
		const reading = readingData(sides(before + refrain + junk('a', ' '), before + junk('b', '—') + ' ' + refrain), []);
		expect(reading.rough).toEqual([{ block: 2, wordsA: 1300, wordsB: 1300, reason: 'repetitive' }]);
		expect(reading.stats.roughStretches).toBe(1);
	});

	it('leaves nothing rough when asked to align precisely', () => {
		const reading = readingData(
			sides(before + refrain + junk('a', ' '), before + junk('b', '—') + ' ' + refrain),
			[],
			{ precise: true }
		);
		expect(reading.rough).toEqual([]);
		expect(reading.stats.wordsUnchanged).toBe(300 + 9);
	}, 30_000);
});
