import type { ComparisonStats, Segment, Token } from '../types';

// Stats: word counts of a comparison, for the "% of words suppressed" figure and the summary.
// Every token lies in exactly one segment, so one walk over the segments counts everything.

export function computeStats(
	segments: Segment[],
	aTokens: Token[],
	bTokens: Token[]
): ComparisonStats {
	let wordsA = 0;
	let wordsB = 0;
	let wordsStruck = 0;
	let wordsAdded = 0;
	let wordsUnchanged = 0;
	let changes = 0;
	for (const s of segments) {
		const a = countWords(aTokens, s.aFrom, s.aTo);
		const b = countWords(bTokens, s.bFrom, s.bTo);
		wordsA += a;
		wordsB += b;
		if (s.kind === 'equal') {
			wordsUnchanged += a;
		} else if (s.kind !== 'gap') {
			changes++;
			wordsStruck += a;
			wordsAdded += b;
		}
	}
	return {
		wordsA,
		wordsB,
		wordsStruck,
		wordsAdded,
		wordsUnchanged,
		suppressedShare: wordsA === 0 ? 0 : wordsStruck / wordsA,
		changes
	};
}

function countWords(tokens: Token[], from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) if (tokens[i].kind === 'word') n++;
	return n;
}
