import type { Comparison } from '../types';
import { align } from './align';
import { cleanup } from './cleanup';
import { assignIds } from './ids';
import { computeStats } from './stats';
import { tokenize } from './tokenize';

/**
 * Compare a base witness `a` (read "as spoken") with a target `b` ("as published"): the one
 * place where the stages run, in this order.
 */
export function compare(a: string, b: string): Comparison {
	const aTokens = tokenize(a);
	const bTokens = tokenize(b);
	const edits = align(aTokens, bTokens);
	const segments = assignIds(cleanup(edits, aTokens, bTokens, a, b), aTokens);
	const stats = computeStats(segments, aTokens, bTokens);
	return { aTokens, bTokens, segments, stats };
}
