// Layout: turn aligned segments into what a reader sees: paragraphs of spans (equal, struck,
// added), gaps as blocks of their own, the source's editorial matter and kept line breaks
// flagged (each a span of its own), moved passages
// marked at both ends, each change's kind on its spans, and each note's passage and marker
// placed. Every view (marks on, the base alone, the target alone, side by side) and every export
// draws from these blocks, so they all show the same thing.
//
// Spans are built as runs: a token that means the same as the run before it (same kind, change,
// notes, move) only moves the run's end, and the run's text is cut from its segment once, when it
// closes. On a 2 MB text that is a few hundred thousand spans instead of a span per token merged
// afterwards, which took half the time of the whole comparison.

import type { AnchoredNote, Block, Comparison, Segment, Span, Tokens } from '../types';
import { BREAK, EDITORIAL, GAP, LINE, SPACE, tokenText } from './tokens';

type Paragraph = Extract<Block, { kind: 'paragraph' }>;

/** Lays out a comparison as blocks; `notes` are the anchored notes from `annotate`. */
export function layout(comparison: Comparison, notes: AnchoredNote[] = []): Block[] {
	const { aTokens, bTokens } = comparison;
	const writer = new Writer(notes);
	for (const segment of comparison.segments) {
		if (segment.kind === 'gap') {
			// A gap on both sides is one block; a gap on one side only says which side has it.
			const text = segment.a || segment.b;
			writer.gap(segment.a !== '', segment.b !== '', text.trim());
		} else if (segment.kind === 'equal') {
			for (let i = segment.aFrom; i < segment.aTo; i++) {
				writer.token('equal', aTokens, i, segment, bTokens, segment.bFrom + (i - segment.aFrom));
			}
		} else if (segment.move) {
			// Only this end's side of the inner script: what stands here, and what changed here.
			const from = segment.move.end === 'from';
			for (const e of segment.move.inner) {
				if (e.kind === (from ? 'insert' : 'delete')) continue;
				const tokens = from ? aTokens : bTokens;
				const [start, end] = from ? [e.aFrom, e.aTo] : [e.bFrom, e.bTo];
				for (let i = start; i < end; i++) {
					writer.token(from ? 'delete' : 'insert', tokens, i, segment, undefined, -1, e.kind !== 'equal');
				}
			}
		} else {
			for (let i = segment.aFrom; i < segment.aTo; i++) writer.token('delete', aTokens, i, segment);
			for (let i = segment.bFrom; i < segment.bTo; i++) writer.token('insert', bTokens, i, segment);
		}
	}
	const blocks = writer.finish();
	markFirstSpans(blocks);
	placeNoteMarkers(blocks);
	return blocks;
}

/** The open run: tokens `[from, to)` of one segment's text that will become one span. */
interface Run {
	span: Span;
	segment: Segment;
	/** The segment text the run is cut from, and where that text starts in its witness. */
	source: string;
	base: number;
	from: number;
	to: number;
}

class Writer {
	private readonly blocks: Block[] = [];
	private paragraph: Paragraph | null = null;
	private run: Run | null = null;
	private readonly aNotes: AnchoredNote[];
	private readonly bNotes: AnchoredNote[];

	constructor(notes: AnchoredNote[]) {
		this.aNotes = notes.filter((n) => n.status === 'anchored' && n.side === 'a');
		this.bNotes = notes.filter((n) => n.status === 'anchored' && n.side === 'b');
	}

	/**
	 * Adds token `i` of a segment. `bTokens[j]` is the target's token facing an equal base token;
	 * `changed` flags a token that differs between the two ends of a move (white space never shows
	 * so).
	 */
	token(
		kind: Span['kind'],
		tokens: Tokens,
		i: number,
		segment: Segment,
		bTokens?: Tokens,
		j = -1,
		changed = false
	): void {
		const tokenKind = tokens.kinds[i];
		if (tokenKind === BREAK) return this.closeParagraph();
		if (tokenKind === GAP) {
			this.closeParagraph();
			const label = gapLabel(tokenText(tokens, i));
			this.blocks.push({ kind: 'gap', inA: kind !== 'insert', inB: kind !== 'delete', ...label });
			return;
		}
		const start = tokens.starts[i];
		const end = tokens.starts[i + 1];
		const paragraph = (this.paragraph ??= { kind: 'paragraph', spans: [], inA: false, inB: false });
		const line = tokenKind === LINE;
		const space = tokenKind === SPACE || line;
		paragraph.inA ||= kind !== 'insert' && !space;
		paragraph.inB ||= kind !== 'delete' && !space;
		const notes = this.covering(kind, space, start, end, bTokens, j);
		const editorial = tokenKind === EDITORIAL;
		const isChanged = changed && !space;
		const run = this.run;
		if (
			run !== null &&
			!editorial &&
			!line &&
			!run.span.editorial &&
			!run.span.line &&
			run.segment === segment &&
			run.span.kind === kind &&
			(run.span.changed ?? false) === isChanged &&
			run.to === start &&
			sameNotes(run.span.notes, notes)
		) {
			run.to = end;
			return;
		}
		this.closeRun();
		const span: Span = { kind, text: '' };
		if (kind !== 'insert') span.a = start;
		if (kind === 'insert') span.b = start;
		else if (bTokens !== undefined) span.b = bTokens.starts[j];
		if (editorial) span.editorial = true;
		if (line) span.line = true;
		if (segment.id) span.change = segment.id;
		if (segment.changeKind) span.changeKind = segment.changeKind;
		if (segment.move) {
			span.move = segment.move.end;
			span.partner = segment.move.partner;
		}
		if (isChanged) span.changed = true;
		if (notes.length) span.notes = notes;
		const onA = kind !== 'insert';
		this.run = {
			span,
			segment,
			source: onA ? segment.a : segment.b,
			base: onA ? segment.aStart : segment.bStart,
			from: start,
			to: end
		};
	}

	gap(inA: boolean, inB: boolean, marker: string): void {
		this.closeParagraph();
		this.blocks.push({ kind: 'gap', inA, inB, ...gapLabel(marker) });
	}

	finish(): Block[] {
		this.closeParagraph();
		return this.blocks;
	}

	private closeRun(): void {
		const run = this.run;
		if (run === null) return;
		run.span.text = run.source.slice(run.from - run.base, run.to - run.base);
		this.paragraph!.spans.push(run.span);
		this.run = null;
	}

	private closeParagraph(): void {
		this.closeRun();
		if (this.paragraph && this.paragraph.spans.length > 0) this.blocks.push(this.paragraph);
		this.paragraph = null;
	}

	/**
	 * Ids of the notes whose passage covers the token `[start, end)` (on its side, or either for
	 * equal text, whose target token is `bTokens[j]`).
	 */
	private covering(
		kind: Span['kind'],
		space: boolean,
		start: number,
		end: number,
		bTokens: Tokens | undefined,
		j: number
	): string[] {
		if (kind === 'insert') return covering(this.bNotes, space, start, end);
		const onA = covering(this.aNotes, space, start, end);
		if (kind !== 'equal' || bTokens === undefined || this.bNotes.length === 0) return onA;
		return [...onA, ...covering(this.bNotes, space, bTokens.starts[j], bTokens.starts[j + 1])];
	}
}

const NONE: string[] = [];

/**
 * Ids of the notes whose passage covers any of the token `[start, end)` (whitespace at the edges
 * excluded). Breaks never reach here: they end the paragraph.
 */
function covering(notes: AnchoredNote[], space: boolean, start: number, end: number): string[] {
	if (notes.length === 0) return NONE;
	// Most tokens lie outside every passage: a cheap test before the full one.
	let inReach = false;
	for (const n of notes) if (n.start! < end && n.end! > start) inReach = true;
	if (!inReach) return NONE;
	if (space) {
		// Whitespace inside a passage belongs to it; whitespace at its edge does not.
		return notes.filter((n) => n.start! < start && n.end! > end).map((n) => n.noteId);
	}
	return notes.filter((n) => n.start! < end && n.end! > start).map((n) => n.noteId);
}

function sameNotes(x: string[] = NONE, y: string[] = NONE) {
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
