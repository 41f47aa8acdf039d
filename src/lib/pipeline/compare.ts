import type { Comparison, RoughStretch } from '../types';
import { align, type AlignOptions, type RoughRange } from './align';
import { cleanup } from './cleanup';
import { assignIds } from './ids';
import { classifyChanges } from './kinds';
import { findMoves, linkMoves } from './moves';
import { Markers } from './placeholders';
import { computeStats } from './stats';
import { scanPair, type ScanOptions } from './tokenize';
import { countWords, type Tokens } from './tokens';

export interface CompareOptions extends AlignOptions {
	/** A case's own redaction markers, beyond the built-in ones (placeholders.ts). */
	placeholders?: readonly string[];
	/** How the base and the target are read: whether their lines matter, what their brackets are. */
	a?: ScanOptions;
	b?: ScanOptions;
}

/**
 * Compare a base witness `a` with a target `b`: the one place where the stages run, in this order.
 */
export function compare(a: string, b: string, options: CompareOptions = {}): Comparison {
	const [aTokens, bTokens] = scanPair(a, b, options);
	const { edits, rough, unrelated } = align(aTokens, bTokens, options);
	const cleaned = cleanup(edits, aTokens, bTokens);
	// Between two different texts, every paragraph of one would be tried against every paragraph
	// of the other for moves, for nothing.
	const moved = unrelated ? { segments: cleaned, pairs: [] } : findMoves(cleaned, aTokens, bTokens);
	const segments = assignIds(moved.segments, aTokens);
	linkMoves(segments, moved.pairs);
	classifyChanges(segments, aTokens, bTokens, new Markers(options.placeholders));
	const stretches = rough.map((r) => roughStretch(r, aTokens, bTokens));
	const stats = computeStats(segments, aTokens, bTokens, stretches);
	return { aTokens, bTokens, segments, rough: stretches, stats };
}

/** A rough range with its offsets and word counts, for the reader and the figures. */
function roughStretch(r: RoughRange, aTokens: Tokens, bTokens: Tokens): RoughStretch {
	return {
		...r,
		aStart: aTokens.starts[r.aFrom],
		aEnd: aTokens.starts[r.aTo],
		bStart: bTokens.starts[r.bFrom],
		bEnd: bTokens.starts[r.bTo],
		wordsA: countWords(aTokens, r.aFrom, r.aTo),
		wordsB: countWords(bTokens, r.bFrom, r.bTo)
	};
}
