// Excerpts: a stretch of the laid-out text, cut to whole words, that a reader exports or links to.
//
// A position is an offset into the "aligned text": every span's text of every block, in order,
// joined (base and target spans both count, so one range covers a passage in every mode). Gaps
// have no length. Positions depend only on the two texts, so a link that carries them stays valid
// across rebuilds while the texts are unchanged; it also carries a fingerprint of the passage, so
// that once the texts change the link can say it no longer matches instead of pointing elsewhere.

import type { Block, Span } from '../types';
import { placeNoteMarkers } from './layout';

export interface Range {
	start: number;
	end: number;
}

/** Length of the aligned text of `blocks`. */
export function alignedLength(blocks: Block[]): number {
	let length = 0;
	for (const block of blocks) {
		if (block.kind === 'paragraph') for (const span of block.spans) length += span.text.length;
	}
	return length;
}

/** The aligned text of `blocks` (what positions index into). */
export function alignedText(blocks: Block[]): string {
	let text = '';
	for (const block of blocks) {
		if (block.kind === 'paragraph') for (const span of block.spans) text += span.text;
	}
	return text;
}

/** Start offset of each block in the aligned text. */
export function blockStarts(blocks: Block[]): number[] {
	const starts: number[] = [];
	let at = 0;
	for (const block of blocks) {
		starts.push(at);
		if (block.kind === 'paragraph') for (const span of block.spans) at += span.text.length;
	}
	return starts;
}

const wordChar = /[\p{L}\p{M}\p{N}'’-]/u;

/**
 * Widens a range to whole words and trims the white space at its edges:
 * "Stalin m|arked out th|at" -> "Stalin |marked out that|". It never widens across a paragraph's
 * edge: the aligned text joins paragraphs with nothing between them, so "Article 18" and
 * "Everyone has…" read "18Everyone has…" to a look at characters alone, and selecting the second
 * paragraph took the last word of the first (issue 9).
 */
export function snapToWords(blocks: Block[], range: Range): Range {
	const text = alignedText(blocks);
	const edges = new Set(blockStarts(blocks));
	const joined = (at: number) =>
		!edges.has(at) && wordChar.test(text[at - 1]) && wordChar.test(text[at]);
	let start = Math.max(0, Math.min(range.start, range.end));
	let end = Math.min(text.length, Math.max(range.start, range.end));
	while (start > 0 && joined(start)) start--;
	while (end < text.length && end > 0 && joined(end)) end++;
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, end };
}

/** Widens a range to the whole paragraphs it touches. */
export function widenToParagraphs(blocks: Block[], range: Range): Range {
	const starts = blockStarts(blocks);
	const total = alignedLength(blocks);
	let start = range.start;
	let end = range.end;
	for (let i = 0; i < blocks.length; i++) {
		const from = starts[i];
		const to = i + 1 < blocks.length ? starts[i + 1] : total;
		if (blocks[i].kind !== 'paragraph' || to === from) continue;
		if (from <= range.start && range.start < to) start = from;
		if (from < range.end && range.end <= to) end = to;
	}
	return { start, end };
}

/** The whole paragraphs that hold any span of a change, or that a note's passage covers. */
export function rangeOf(blocks: Block[], has: (span: Span) => boolean): Range | null {
	const starts = blockStarts(blocks);
	let found: Range | null = null;
	blocks.forEach((block, i) => {
		if (block.kind !== 'paragraph' || !block.spans.some(has)) return;
		const end = starts[i] + block.spans.reduce((n, s) => n + s.text.length, 0);
		found = found ? { start: found.start, end } : { start: starts[i], end };
	});
	return found;
}

/**
 * The blocks of a range: spans cut at its edges, paragraphs outside it dropped, gaps kept when they
 * stand strictly inside it. Note markers are placed afresh, so a note whose passage the excerpt
 * cuts short still has its marker.
 */
export function cut(blocks: Block[], range: Range): Block[] {
	const out: Block[] = [];
	let at = 0;
	for (const block of blocks) {
		if (block.kind === 'gap') {
			if (range.start < at && at < range.end) out.push({ ...block });
			continue;
		}
		const spans: Span[] = [];
		for (const span of block.spans) {
			const from = Math.max(range.start, at);
			const to = Math.min(range.end, at + span.text.length);
			if (from < to) {
				const { noteMarkers: _markers, ...rest } = span;
				spans.push({ ...rest, text: span.text.slice(from - at, to - at) });
			}
			at += span.text.length;
		}
		if (spans.length) {
			out.push({
				kind: 'paragraph',
				spans,
				inA: spans.some((s) => s.kind !== 'insert' && s.text.trim() !== ''),
				inB: spans.some((s) => s.kind !== 'delete' && s.text.trim() !== '')
			});
		}
	}
	placeNoteMarkers(out);
	return out;
}

/** A short fingerprint of the passage a range covers: FNV-1a, 32 bits, base 36. */
export function fingerprint(blocks: Block[], range: Range): string {
	const text = alignedText(blocks).slice(range.start, range.end);
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(36);
}

/** `#x=120-450.k3j2a`: an excerpt link's fragment. */
export function formatExcerptFragment(blocks: Block[], range: Range): string {
	return `x=${range.start}-${range.end}.${fingerprint(blocks, range)}`;
}

export type ExcerptLink =
	| { ok: true; range: Range }
	| { ok: false; problem: string };

/** Reads an excerpt fragment (without `#`); `null` when the fragment is not an excerpt link. */
export function parseExcerptFragment(blocks: Block[], fragment: string): ExcerptLink | null {
	const match = /^x=(\d+)-(\d+)\.([0-9a-z]+)$/.exec(fragment);
	if (!match) return null;
	const range = { start: Number(match[1]), end: Number(match[2]) };
	if (range.end <= range.start || range.end > alignedLength(blocks)) {
		return { ok: false, problem: 'The passage this link points to is no longer in the text.' };
	}
	if (fingerprint(blocks, range) !== match[3]) {
		return {
			ok: false,
			problem: 'The text has changed since this link was made: the passage it points to no longer matches.'
		};
	}
	return { ok: true, range };
}
