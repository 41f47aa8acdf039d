import type { Comparison, RoughStretch, Token } from '../types';
import { align, type AlignOptions, type RoughRange } from './align';
import { cleanup } from './cleanup';
import { assignIds } from './ids';
import { findMoves, linkMoves } from './moves';
import { computeStats, countWords } from './stats';
import { tokenize } from './tokenize';

export type CompareOptions = AlignOptions;

/**
 * Compare a base witness `a` (read "as spoken") with a target `b` ("as published"): the one
 * place where the stages run, in this order.
 */
export function compare(a: string, b: string, options: CompareOptions = {}): Comparison {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	const { edits, rough } = align(aTokens, bTokens, options);
	const moved = findMoves(cleanup(edits, aTokens, bTokens, a, b), aTokens, bTokens);
	const segments = assignIds(moved.segments, aTokens);
	linkMoves(segments, moved.pairs);
	const stretches = rough.map((r) => roughStretch(r, aTokens, bTokens, a, b));
	const stats = computeStats(segments, aTokens, bTokens, stretches);
	return { aTokens, bTokens, segments, rough: stretches, stats };
}

/** A rough range with its offsets and word counts, for the reader and the figures. */
function roughStretch(
	r: RoughRange,
	aTokens: Token[],
	bTokens: Token[],
	a: string,
	b: string
): RoughStretch {
	const at = (tokens: Token[], i: number, text: string) =>
		i < tokens.length ? tokens[i].start : text.length;
	return {
		...r,
		aStart: at(aTokens, r.aFrom, a),
		aEnd: at(aTokens, r.aTo, a),
		bStart: at(bTokens, r.bFrom, b),
		bEnd: at(bTokens, r.bTo, b),
		wordsA: countWords(aTokens, r.aFrom, r.aTo),
		wordsB: countWords(bTokens, r.bFrom, r.bTo)
	};
}
