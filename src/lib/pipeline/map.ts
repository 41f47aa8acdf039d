// The change map: where in the text the changes a reader sees stand, as a strip of equal parts of
// the text, each with how many changes start in it and the first of them (what its link goes to).
// A text's place is its share of the aligned text's length, so the map reads like a scroll bar.

import type { LaidText } from './laid';

/** One part of the text on the map. */
export interface MapPart {
	/** Where the part starts and ends, as shares of the text (0 to 1). */
	from: number;
	to: number;
	/** Changes shown that start in it, and the index (in reading order) of the first. */
	count: number;
	first: number;
	/** Their 1-based places among the changes shown: `Change 3` to `Change 7`. */
	firstShown: number;
	lastShown: number;
}

/** The most parts a map has; a text with fewer changes is not cut finer than it needs. */
export const MAP_PARTS = 40;

/**
 * Cuts the text into `parts` equal parts and counts the changes of `shown` (change indices in
 * reading order) that start in each. Parts without a change are left out.
 */
export function changeMap(text: LaidText, shown: Int32Array, parts = MAP_PARTS): MapPart[] {
	const length = Math.max(1, text.length);
	const out: MapPart[] = [];
	for (let k = 0; k < shown.length; k++) {
		const c = shown[k];
		const [block] = text.changeBlocks(c);
		// A change with no span on screen (a paragraph break alone) stands where its neighbours do.
		const at = block < 0 ? 0 : text.starts[block] / length;
		const part = Math.min(parts - 1, Math.floor(at * parts));
		const last = out.at(-1);
		if (last && last.from === part / parts) {
			last.count++;
			last.lastShown = k + 1;
		} else {
			out.push({ from: part / parts, to: (part + 1) / parts, count: 1, first: c, firstShown: k + 1, lastShown: k + 1 });
		}
	}
	return out;
}
