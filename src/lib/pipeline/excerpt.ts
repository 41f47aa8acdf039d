// Excerpts: a stretch of the laid-out text, cut to whole words, that a reader exports or links to.
//
// A position is an offset into the "aligned text": every span's text of every block, in order,
// joined (base and target spans both count, so one range covers a passage in every mode). Gaps
// have no length. Positions depend only on the two texts, so a link that carries them stays valid
// across rebuilds while the texts are unchanged; it also carries a fingerprint of the passage, so
// that once the texts change the link can say it no longer matches instead of pointing elsewhere.

import type { Block, Span } from '../types';
import { paragraphsIn, type Run } from './chunks';
import { fnv1a } from './hash';
import type { LaidText } from './laid';
import { placeNoteMarkers } from './layout';

export interface Range {
	start: number;
	end: number;
}

const wordChar = /[\p{L}\p{M}\p{N}'’-]/u;

/**
 * Widens a range to whole words and trims the white space at its edges:
 * "Stalin m|arked out th|at" -> "Stalin |marked out that|". It never widens across a paragraph's
 * edge: the aligned text joins paragraphs with nothing between them, so "Article 18" and
 * "Everyone has…" read "18Everyone has…" to a look at characters alone, and selecting the second
 * paragraph took the last word of the first (issue 9). Only the text near the edges is read.
 */
export function snapToWords(text: LaidText, range: Range): Range {
	const length = text.length;
	const charAt = (at: number) => text.slice(at, at + 1);
	const joined = (at: number) =>
		!text.isBlockEdge(at) && wordChar.test(charAt(at - 1)) && wordChar.test(charAt(at));
	let start = Math.max(0, Math.min(range.start, range.end));
	let end = Math.min(length, Math.max(range.start, range.end));
	while (start > 0 && joined(start)) start--;
	while (end < length && end > 0 && joined(end)) end++;
	while (start < end && /\s/.test(charAt(start))) start++;
	while (end > start && /\s/.test(charAt(end - 1))) end--;
	return { start, end };
}

/** Widens a range to the whole paragraphs it touches. */
export function widenToParagraphs(text: LaidText, range: Range): Range {
	if (range.end <= range.start) return range;
	const first = text.blockAt(range.start);
	const last = text.blockAt(range.end - 1);
	return { start: text.starts[first], end: text.starts[last + 1] };
}

/** The whole paragraphs that hold any span of a change, or null for a change not in the text. */
export function changeRange(text: LaidText, id: string): Range | null {
	const c = text.changeIndex(id);
	if (c < 0) return null;
	const [first, last] = text.changeBlocks(c);
	return first < 0 ? null : { start: text.starts[first], end: text.starts[last + 1] };
}

/** The whole paragraphs that a note's passage covers, or null. */
export function noteRange(text: LaidText, noteId: string): Range | null {
	const blocks = text.noteBlocks(noteId);
	return blocks && { start: text.starts[blocks[0]], end: text.starts[blocks[1] + 1] };
}

/**
 * The blocks of a range: spans cut at its edges, paragraphs outside it dropped, gaps kept when they
 * stand strictly inside it. Note markers are placed afresh, so a note whose passage the excerpt
 * cuts short still has its marker. Only the blocks the range touches are made.
 */
export function cut(text: LaidText, range: Range): Block[] {
	const out = cutBlocks(text, range);
	placeNoteMarkers(out);
	return out;
}

/**
 * The blocks of a range as the changes-only view shows them: the shown paragraphs cut as `cut`
 * does, the gaps in the witnesses the view shows, and for each fold one gap block that says how
 * many unchanged paragraphs it leaves out.
 */
export function cutShown(text: LaidText, range: Range, runs: Run[]): Block[] {
	const out: Block[] = [];
	for (const run of runs) {
		if (run.folded) {
			const start = Math.max(range.start, text.starts[run.from]);
			const end = Math.min(range.end, text.starts[run.to]);
			if (end <= start) continue;
			const omitted = paragraphsIn(text, text.blockAt(start), text.blockAt(end - 1) + 1);
			if (omitted) out.push({ kind: 'gap', inA: true, inB: true, omitted });
			continue;
		}
		for (let i = run.from; i < run.to; i++) {
			const at = text.starts[i];
			// A gap the view shows is written where it stands, even at the edge of the range.
			if (!text.isGap(i)) out.push(...cutParagraph(text, i, range));
			else if (range.start <= at && at <= range.end) out.push(text.block(i));
		}
	}
	placeNoteMarkers(out);
	return out;
}

function cutBlocks(text: LaidText, range: Range): Block[] {
	const out: Block[] = [];
	if (range.end <= range.start) return out;
	const last = Math.min(text.blockCount - 1, text.blockAt(range.end));
	for (let i = text.blockAt(range.start); i <= last; i++) {
		const at = text.starts[i];
		if (!text.isGap(i)) out.push(...cutParagraph(text, i, range));
		else if (range.start < at && at < range.end) out.push(text.block(i));
	}
	return out;
}

/** Paragraph `i` cut to `range`: its spans there, cut at the edges; none when it has no text there. */
function cutParagraph(text: LaidText, i: number, range: Range): Block[] {
	// Most paragraphs of a run lie outside the range: their spans are not made at all.
	if (range.end <= text.starts[i] || text.starts[i + 1] <= range.start) return [];
	const spans: Span[] = [];
	for (const { span, at } of text.placedSpans(i)) {
		const from = Math.max(range.start, at);
		const to = Math.min(range.end, at + span.text.length);
		if (from < to) {
			const { noteMarkers: _markers, ...rest } = span;
			spans.push({ ...rest, text: span.text.slice(from - at, to - at) });
		}
	}
	if (spans.length === 0) return [];
	return [
		{
			kind: 'paragraph',
			spans,
			inA: spans.some((s) => s.kind !== 'insert' && s.text.trim() !== ''),
			inB: spans.some((s) => s.kind !== 'delete' && s.text.trim() !== '')
		}
	];
}

/** A short fingerprint of the passage a range covers: FNV-1a, 32 bits, base 36. */
export function fingerprint(laid: LaidText, range: Range): string {
	return (fnv1a(laid.slice(range.start, range.end)) >>> 0).toString(36);
}

/** `#x=120-450.k3j2a`: an excerpt link's fragment. */
export function formatExcerptFragment(text: LaidText, range: Range): string {
	return `x=${range.start}-${range.end}.${fingerprint(text, range)}`;
}

export type ExcerptLink =
	| { ok: true; range: Range }
	| { ok: false; problem: string };

/** Reads an excerpt fragment (without `#`); `null` when the fragment is not an excerpt link. */
export function parseExcerptFragment(text: LaidText, fragment: string): ExcerptLink | null {
	const match = /^x=(\d+)-(\d+)\.([0-9a-z]+)$/.exec(fragment);
	if (!match) return null;
	const range = { start: Number(match[1]), end: Number(match[2]) };
	if (range.end <= range.start || range.end > text.length) {
		return { ok: false, problem: 'The passage this link points to is no longer in the text.' };
	}
	if (fingerprint(text, range) !== match[3]) {
		return {
			ok: false,
			problem: 'The text has changed since this link was made: the passage it points to no longer matches.'
		};
	}
	return { ok: true, range };
}
