// What the reading view draws, and in what pieces. A long text is cut into chunks of consecutive
// blocks, a few thousand characters each: the page draws the chunks near the screen and holds the
// others as empty boxes of their measured (or estimated) height, so that it holds a bounded number
// of elements whatever the text's length. In the changes-only view (as `diff -U` shows a diff),
// the blocks far from any change are folded into one line that says how many paragraphs it holds.

import { DEFAULT_HIDDEN, showingTable, type Hidden } from '../modes';
import type { ViewMode } from '../types';
import type { LaidText } from './laid';

/** Blocks `[from, to)`, shown, or folded away as unchanged. */
export interface Run {
	from: number;
	to: number;
	folded: boolean;
	/**
	 * A piece of one long paragraph (`to` is `from + 1`): its spans `[start, end)`, counted from the
	 * paragraph's first. A text without blank lines is one paragraph of megabytes, which drawn
	 * whole would be the freeze that chunks are there to avoid.
	 */
	spans?: [number, number];
}

export interface Chunk {
	runs: Run[];
	/** Characters of the aligned text shown in the chunk, for an estimate of its height. */
	chars: number;
	/** Blocks shown (paragraph spacing), and folds (a line each). */
	blocks: number;
	folds: number;
	/** What the chunk holds, in words a height measured for it can be kept under. */
	key: string;
}

/** About this many characters a chunk: a screenful or two of text. */
export const CHUNK_CHARS = 4000;
/** And at most this many blocks (short verses, lines of a table). */
export const CHUNK_BLOCKS = 60;

/**
 * The whole text as one run, or (with `context`) the paragraphs holding a change the mode shows,
 * with `context` paragraphs around each, and the gaps in the witnesses, and the rest folded. `expanded` lists the folds (by
 * their first block) the reader opened.
 */
export function runsOf(
	text: LaidText,
	mode: ViewMode,
	context: number | null,
	expanded: ReadonlySet<number> = new Set(),
	hidden: Hidden = DEFAULT_HIDDEN,
	quiet: ReadonlySet<number> = new Set()
): Run[] {
	const n = text.blockCount;
	if (context === null) return n ? [{ from: 0, to: n, folded: false }] : [];
	const showing = showingTable(mode, hidden);
	const shown = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		// A gap in the witnesses is never folded away: the fold would hide that text is missing.
		if (text.isGap(i)) shown[i] = 1;
		if (!text.hasChange(i, showing, hidden, quiet)) continue;
		for (let k = Math.max(0, i - context); k <= Math.min(n - 1, i + context); k++) shown[k] = 1;
	}
	const runs: Run[] = [];
	let i = 0;
	while (i < n) {
		let j = i;
		while (j < n && shown[j] === shown[i]) j++;
		const folded = shown[i] === 0 && !expanded.has(i);
		const last = runs.at(-1);
		// An opened fold reads on with the text around it.
		if (last && !last.folded && !folded) last.to = j;
		else runs.push({ from: i, to: j, folded });
		i = j;
	}
	return runs;
}

/** Paragraphs (not gaps) in blocks `[from, to)`: what a fold says it holds. */
export function paragraphsIn(text: LaidText, from: number, to: number): number {
	let count = 0;
	for (let i = from; i < to; i++) if (!text.isGap(i)) count++;
	return count;
}

/** Cuts the runs into chunks of about CHUNK_CHARS characters; a paragraph longer than twice that
 * is cut into pieces of about CHUNK_CHARS, a chunk each, between its spans. */
export function chunksOf(text: LaidText, runs: Run[]): Chunk[] {
	const chunks: Chunk[] = [];
	let chunk: Chunk = { runs: [], chars: 0, blocks: 0, folds: 0, key: '' };
	const close = () => {
		if (chunk.runs.length) {
			chunk.key = chunk.runs
				.map((r) => `${r.from}${r.folded ? '~' : '-'}${r.to}${r.spans ? `[${r.spans[0]}:${r.spans[1]}]` : ''}`)
				.join(' ');
			chunks.push(chunk);
		}
		chunk = { runs: [], chars: 0, blocks: 0, folds: 0, key: '' };
	};
	const { blockFirst, spanLength } = text.packed;
	for (const run of runs) {
		if (run.folded) {
			chunk.runs.push(run);
			chunk.folds++;
			continue;
		}
		let from = run.from;
		for (let i = run.from; i < run.to; i++) {
			const length = text.blockLength(i);
			if (length > 2 * CHUNK_CHARS) {
				// A long paragraph: what came before it closes, and each piece is a chunk.
				if (from < i) chunk.runs.push({ from, to: i, folded: false });
				close();
				const first = blockFirst[i];
				const count = blockFirst[i + 1] - first;
				let start = 0;
				let chars = 0;
				for (let k = 0; k < count; k++) {
					chars += spanLength[first + k];
					if (chars >= CHUNK_CHARS || k === count - 1) {
						chunk.runs.push({ from: i, to: i + 1, folded: false, spans: [start, k + 1] });
						chunk.chars = chars;
						chunk.blocks = 1;
						close();
						start = k + 1;
						chars = 0;
					}
				}
				from = i + 1;
				continue;
			}
			chunk.chars += length;
			chunk.blocks++;
			if (chunk.chars >= CHUNK_CHARS || chunk.blocks >= CHUNK_BLOCKS) {
				chunk.runs.push({ from, to: i + 1, folded: false });
				from = i + 1;
				close();
			}
		}
		if (from < run.to) chunk.runs.push({ from, to: run.to, folded: false });
	}
	close();
	return chunks;
}

/**
 * The chunk that shows block `block` (or the fold holding it), or -1; for a paragraph cut into
 * pieces, the piece holding its span `span` (counted from the paragraph's first).
 */
export function chunkOf(chunks: Chunk[], block: number, span = 0): number {
	let lo = 0;
	let hi = chunks.length - 1;
	let found = -1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const runs = chunks[mid].runs;
		if (block < runs[0].from) hi = mid - 1;
		else if (block >= runs[runs.length - 1].to) lo = mid + 1;
		else {
			found = mid;
			break;
		}
	}
	if (found < 0) return -1;
	// Pieces of one paragraph follow each other: go to the first, then on to the one with the span.
	const pieceOf = (c: number) => {
		const runs = chunks[c]?.runs;
		return runs?.length === 1 && runs[0].spans && runs[0].from === block ? runs[0].spans : null;
	};
	if (!pieceOf(found)) return found;
	while (pieceOf(found - 1)) found--;
	while (pieceOf(found)![1] <= span && pieceOf(found + 1)) found++;
	return found;
}
