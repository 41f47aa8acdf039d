import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { editedPair } from '../../../scripts/bench-data';
import { FAMILIES, type Family } from '../../../scripts/bench-families';
import { compare } from './compare';
import { countWords } from './tokens';

// The hard families of the benchmark (scripts/bench-families.ts), on small instances: formulaic
// transcripts, litanies, tables of figures, verse with a refrain, moved and near-duplicate
// paragraphs. On each, the share of base words kept (unchanged or moved) must be within half a
// point of jsdiff's on the same tokens, which is the optimum for an edit script (the benchmark
// holds the same to the larger sizes), with no stretch left rough, and both witnesses rebuilt
// exactly.
// Issue 7: a 200 KB transcript with 5% of its words edited came out as one rewrite.

/** Share of base words that jsdiff keeps (its edit script is a shortest one). */
function jsdiffUnchanged(c: ReturnType<typeof compare>): number {
	const changes = diffArrays(Array.from(c.aTokens.keys), Array.from(c.bTokens.keys));
	let i = 0;
	let kept = 0;
	for (const change of changes) {
		if (change.added) continue;
		if (!change.removed) {
			kept += countWords(c.aTokens, i, i + change.count);
		}
		i += change.count;
	}
	return kept / c.stats.wordsA;
}

// The benchmark's seeds, so that these are its 20 KB pairs.
const SEEDS: Record<Family, [number, number]> = {
	transcript: [21, 22],
	litany: [23, 24],
	table: [25, 26],
	verse: [27, 28],
	moved: [29, 30],
	'near-duplicate': [31, 32]
};

describe('compare on the hard families', () => {
	for (const family of Object.keys(FAMILIES) as Family[]) {
		for (const [share, seed] of [
			[0.05, SEEDS[family][0]],
			[0.2, SEEDS[family][1]]
		]) {
			it(`keeps as many words of a ${family} with ${share * 100}% edited as jsdiff does, to half a point`, () => {
				const pair = FAMILIES[family](family, 20_000, share, seed);
				const c = compare(pair.a, pair.b);
				expect(c.segments.map((s) => s.a).join('')).toBe(pair.a);
				expect(c.segments.map((s) => s.b).join('')).toBe(pair.b);
				expect(c.rough).toEqual([]);
				expect(c.stats.unrelated).toBe(false);
				// Words kept, in place or moved: a moved word is not struck, and an edit script such as
				// jsdiff's can only keep it in place or strike it.
				const ours = (c.stats.wordsUnchanged + c.stats.wordsMoved) / c.stats.wordsA;
				expect(ours).toBeGreaterThanOrEqual(jsdiffUnchanged(c) - 0.005);
			}, 20_000);
		}
	}

	it('finds every paragraph moved in a long prose text as a move, with all its words', () => {
		const paragraphs = editedPair('prose', 20_000, 0, 11).a.split('\n\n');
		const moved = [3, 10, 15, 20];
		const b = [
			paragraphs[15],
			...paragraphs.filter((_, k) => !moved.includes(k)),
			paragraphs[3],
			paragraphs[10],
			paragraphs[20]
		].join('\n\n');
		const { stats } = compare(paragraphs.join('\n\n'), b);
		const words = (p: string) => p.split(/\s+/).filter((w) => /\w/.test(w)).length;
		expect([stats.moves, stats.wordsStruck, stats.wordsAdded]).toEqual([4, 0, 0]);
		expect(stats.wordsMoved).toBe(moved.reduce((n, k) => n + words(paragraphs[k]), 0));
	});

	it('reports nothing rough when a paragraph moves past a much-edited litany', () => {
		// The whole range used to be reported as approximate, the prose paragraphs before the
		// litany included (issue 7).
		const prose = editedPair('prose', 4000, 0, 5).a.split('\n\n');
		const litany = FAMILIES.litany('litany', 20_000, 0.2, 24);
		const a = [...prose, litany.a].join('\n\n');
		const b = [...prose.slice(1), litany.b, prose[0]].join('\n\n');
		const c = compare(a, b);
		expect(c.rough).toEqual([]);
		const from = c.segments.find((s) => s.move?.end === 'from' && s.aStart === 0);
		expect(from?.a).toBe(prose[0] + '\n\n');
	});
});
