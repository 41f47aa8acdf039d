// The pipeline, in order: tokenize -> align -> clean up -> moves -> ids -> kinds -> stats (all
// inside `compare`), then annotate (place the notes) -> layout (paragraphs of marked spans). Pure
// TypeScript: it runs at build time in Node, and in the browser or a Web Worker for a reader's own
// texts.

import type { AnchoredNote, Block, Comparison } from '../types';
import { annotate, type NoteRef, type Side, type Sides } from './annotate';
import { compare, type CompareOptions } from './compare';
import type { ScanOptions } from './tokenize';
import { layout } from './layout';

export {
	anchorAt,
	anchorFor,
	annotate,
	changeAnchor,
	findQuote,
	type NoteRef,
	type Side,
	type Sides
} from './annotate';
export { CERTAINTIES, placeAttributions } from './attribute';
export { compare } from './compare';
export { layout } from './layout';

export interface Reading {
	comparison: Comparison;
	notes: AnchoredNote[];
	blocks: Block[];
}

/**
 * Compares the two sides, each read as it says (`Side`), places the notes on the result, and lays
 * it out for reading; `onlayout` is told when the comparison is done and the layout begins (for
 * progress). A `comparison` of these sides made before (only the notes changed) is used as it is.
 */
export function read(
	sides: Sides,
	notes: NoteRef[],
	options: CompareOptions = {},
	onlayout?: () => void,
	comparison = compare(sides.a.text, sides.b.text, {
		...options,
		a: readAs(sides.a),
		b: readAs(sides.b)
	})
): Reading {
	onlayout?.();
	const anchored = annotate(comparison, notes, sides);
	return { comparison, notes: anchored, blocks: layout(comparison, anchored) };
}

/** How a side is read, without its text. */
function readAs(side: Side): ScanOptions {
	const options: ScanOptions = {};
	if (side.lines) options.lines = side.lines;
	if (side.brackets) options.brackets = side.brackets;
	return options;
}
