// Layout: turn aligned segments into what a reader sees: paragraphs of spans (equal, struck,
// added), gaps as blocks of their own, the source's editorial matter flagged, and each note's
// passage and marker placed. Every view (marks on, as spoken, as published, side by side) and
// every export draws from these blocks, so they all show the same thing.

import type { AnchoredNote, Block, Comparison, Span, Token } from '../types';

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

/** Lays out a comparison as blocks; `notes` are the anchored notes from `annotate`. */
export function layout(comparison: Comparison, notes: AnchoredNote[] = []): Block[] {
	const { aTokens, bTokens } = comparison;
	const aNotes = notes.filter((n) => n.status === 'anchored' && n.side === 'a');
	const bNotes = notes.filter((n) => n.status === 'anchored' && n.side === 'b');
	const blocks: Block[] = [];
	let paragraph: Paragraph | null = null;

	const close = () => {
		if (paragraph && paragraph.spans.length > 0) blocks.push(paragraph);
		paragraph = null;
	};
	const push = (kind: Span['kind'], token: Token, noteIds: string[], change?: string, bStart?: number) => {
		if (token.kind === 'break') return close();
		if (token.kind === 'gap') {
			close();
			return blocks.push({ kind: 'gap', inA: kind !== 'insert', inB: kind !== 'delete', ...gapLabel(token.text) });
		}
		paragraph ??= { kind: 'paragraph', spans: [], inA: false, inB: false };
		paragraph.inA ||= kind !== 'insert' && token.kind !== 'space';
		paragraph.inB ||= kind !== 'delete' && token.kind !== 'space';
		const span: Span = { kind, text: token.text };
		if (kind !== 'insert') span.a = token.start;
		if (kind === 'insert') span.b = token.start;
		else if (bStart !== undefined) span.b = bStart;
		if (token.kind === 'editorial') span.editorial = true;
		if (change) span.change = change;
		if (noteIds.length) span.notes = noteIds;
		append(paragraph.spans, span);
	};

	for (const segment of comparison.segments) {
		if (segment.kind === 'gap') {
			// A gap on both sides is one block; a gap on one side only says which side has it.
			close();
			const text = segment.a || segment.b;
			blocks.push({ kind: 'gap', inA: segment.a !== '', inB: segment.b !== '', ...gapLabel(text.trim()) });
			continue;
		}
		if (segment.kind === 'equal') {
			for (let i = segment.aFrom; i < segment.aTo; i++) {
				const a = aTokens[i];
				const b = bTokens[segment.bFrom + (i - segment.aFrom)];
				push('equal', a, [...covering(aNotes, a), ...covering(bNotes, b)], undefined, b.start);
			}
			continue;
		}
		for (let i = segment.aFrom; i < segment.aTo; i++) {
			push('delete', aTokens[i], covering(aNotes, aTokens[i]), segment.id);
		}
		for (let i = segment.bFrom; i < segment.bTo; i++) {
			push('insert', bTokens[i], covering(bNotes, bTokens[i]), segment.id);
		}
	}
	close();
	markFirstSpans(blocks);
	placeNoteMarkers(blocks);
	return blocks;
}

/** Ids of the notes whose passage covers any of `token` (whitespace at the edges excluded). */
function covering(notes: AnchoredNote[], token: Token): string[] {
	if (token.kind === 'space' || token.kind === 'break') {
		// Whitespace inside a passage belongs to it; whitespace at its edge does not.
		return notes
			.filter((n) => n.start! < token.start && n.end! > token.start + token.text.length)
			.map((n) => n.noteId);
	}
	const end = token.start + token.text.length;
	return notes.filter((n) => n.start! < end && n.end! > token.start).map((n) => n.noteId);
}

/** Appends `span`, merging it into the last span when they mean the same thing. */
function append(spans: Span[], span: Span) {
	const last = spans.at(-1);
	if (
		last &&
		last.kind === span.kind &&
		last.change === span.change &&
		!last.editorial &&
		!span.editorial &&
		sameNotes(last.notes, span.notes)
	) {
		last.text += span.text;
	} else {
		spans.push(span);
	}
}

function sameNotes(x: string[] = [], y: string[] = []) {
	return x.length === y.length && x.every((id, i) => id === y[i]);
}

/** Flags the span where each change begins (a change may run over a paragraph break). */
function markFirstSpans(blocks: Block[]) {
	const seen = new Set<string>();
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans) {
			if (span.change && !seen.has(span.change)) {
				seen.add(span.change);
				span.first = true;
			}
		}
	}
}

/** A note's marker goes after the last span its passage covers. */
export function placeNoteMarkers(blocks: Block[]) {
	const last = new Map<string, Span>();
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans) for (const id of span.notes ?? []) last.set(id, span);
	}
	for (const [id, span] of last) (span.noteMarkers ??= []).push(id);
}

/** `{gap: two pages missing}` -> `{ label: 'two pages missing' }`; `{gap}` -> `{}`. */
export function gapLabel(marker: string): { label?: string } {
	const label = /^\{gap:\s*([\s\S]*?)\s*\}$/.exec(marker)?.[1];
	return label ? { label } : {};
}
