// What a view mode shows: the one place that decides it, so that every export shows the same
// text as the screen and as each other. Serializers draw the `Shown` result and decide nothing.
//
// - `marks` and `side`: both witnesses, text only in the base marked `struck`, text only in the
//   target marked `added`. The text formats (Markdown, plain text, TEI) write `side` as `marks`;
//   the HTML export lays it out in two columns from the same spans.
// - `spoken`: the base alone (equal and struck text), unmarked.
// - `published`: the target alone (equal and added text), unmarked.
//
// In every mode a paragraph with no text left is dropped, a gap that only the other witness has is
// dropped, and gaps that end up next to each other are one gap. A note's marker never disappears
// with the text it stood on: it moves to where that text was (see `show`).

import type { Block, Excerpt, Span, ViewMode } from '../types';

export interface ShownSpan {
	text: string;
	/** `struck`: only in the base; `added`: only in the target; `none` in a one-witness mode. */
	mark: 'none' | 'struck' | 'added';
	/** The source's own editorial matter (`[non-existent]`): drawn as such, never as our marks. */
	editorial: boolean;
	change?: string;
	/** The first span of its change: where an anchor with the change id goes. */
	first: boolean;
	/** Ids of the exported notes whose passage covers this span. */
	notes: string[];
	/** Ids of the exported notes whose marker goes after this span. */
	markers: string[];
}

export type ShownBlock =
	| { kind: 'paragraph'; spans: ShownSpan[] }
	| {
			kind: 'gap';
			/** Which witnesses have the gap (in `marks`, a gap of one side only says so). */
			inA: boolean;
			inB: boolean;
			label?: string;
	  };

export interface ShownNote {
	id: string;
	/** 1-based, in the excerpt's order: the number at the marker and on the note. */
	number: number;
	title: string;
	markdown: string;
	html: string;
	/** Whether its marker appears in the shown blocks; a note on the whole case has none. */
	placed: boolean;
}

export interface Shown {
	blocks: ShownBlock[];
	notes: ShownNote[];
}

/** Whether the mode shows both witnesses (with marks) rather than one, unmarked. */
export function showsBoth(mode: ViewMode): boolean {
	return mode === 'marks' || mode === 'side';
}

function keepsSpan(mode: ViewMode, kind: Span['kind']): boolean {
	if (mode === 'spoken') return kind !== 'insert';
	if (mode === 'published') return kind !== 'delete';
	return true;
}

function markOf(mode: ViewMode, kind: Span['kind']): ShownSpan['mark'] {
	if (!showsBoth(mode) || kind === 'equal') return 'none';
	return kind === 'delete' ? 'struck' : 'added';
}

function keepsGap(mode: ViewMode, gap: { inA: boolean; inB: boolean }): boolean {
	if (mode === 'spoken') return gap.inA;
	if (mode === 'published') return gap.inB;
	return gap.inA || gap.inB;
}

/** A single newline inside a paragraph is the source's line wrapping, not structure. */
const unwrap = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');

const hasText = (span: ShownSpan) => /\S/.test(span.text);

/**
 * Lays the excerpt out as its mode shows it. Where a mode drops text that a note's marker stood
 * on, the marker moves to where that text was: after the text before it (ahead of the space), or,
 * when the whole paragraph goes, to the end of the paragraph before it (the start of the next one
 * after a gap or at the top). Markers of notes left out of the export are not drawn.
 */
export function show(excerpt: Excerpt): Shown {
	const { mode } = excerpt;
	const exported = new Set(excerpt.notes.map((n) => n.id));
	const known = (ids: string[] = []) => ids.filter((id) => exported.has(id));
	const blocks: ShownBlock[] = [];
	// Markers of a dropped paragraph that had no shown paragraph before it to go to.
	let pending: string[] = [];

	for (const block of excerpt.blocks) {
		if (block.kind === 'gap') {
			if (keepsGap(mode, block)) addGap(blocks, block);
			continue;
		}
		const spans: ShownSpan[] = [];
		if (pending.length) spans.push(markerSpan([...pending]));
		pending = [];
		let afterDropped = false;
		for (const span of block.spans) {
			if (!keepsSpan(mode, span.kind)) {
				const markers = known(span.noteMarkers);
				if (markers.length) placeAfter(spans, markers);
				afterDropped = true;
				continue;
			}
			let text = unwrap(span.text);
			// "foo [bar] baz" with "bar " dropped must not read "foo  baz".
			if (afterDropped && /\s$/.test(spans.findLast(hasText)?.text ?? '')) {
				text = text.trimStart();
			}
			afterDropped = false;
			spans.push({
				text,
				mark: markOf(mode, span.kind),
				editorial: span.editorial === true,
				...(span.change ? { change: span.change } : {}),
				first: span.first === true,
				notes: known(span.notes),
				markers: known(span.noteMarkers)
			});
		}
		trimEdges(spans);
		if (spans.some(hasText)) {
			blocks.push({ kind: 'paragraph', spans });
			continue;
		}
		const orphans = spans.flatMap((s) => s.markers);
		const last = blocks.at(-1);
		if (last?.kind === 'paragraph') last.spans.at(-1)!.markers.push(...orphans);
		else pending.push(...orphans);
	}
	if (pending.length) {
		const last = blocks.findLast((b) => b.kind === 'paragraph');
		last?.spans.at(-1)!.markers.push(...pending);
	}

	const placed = new Set(
		blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans.flatMap((s) => s.markers) : []))
	);
	const notes = excerpt.notes.map((n, i) => ({
		id: n.id,
		number: i + 1,
		title: n.title,
		markdown: n.markdown,
		html: n.html,
		placed: placed.has(n.id)
	}));
	return { blocks, notes };
}

/** Adds a gap, or widens the gap just before it: a run of gaps reads as one. */
function addGap(blocks: ShownBlock[], gap: Extract<Block, { kind: 'gap' }>) {
	const last = blocks.at(-1);
	if (last?.kind !== 'gap') {
		const { inA, inB, label } = gap;
		blocks.push(label ? { kind: 'gap', inA, inB, label } : { kind: 'gap', inA, inB });
		return;
	}
	last.inA ||= gap.inA;
	last.inB ||= gap.inB;
	if (gap.label && gap.label !== last.label) {
		last.label = last.label ? `${last.label}; ${gap.label}` : gap.label;
	}
}

function markerSpan(markers: string[]): ShownSpan {
	return { text: '', mark: 'none', editorial: false, first: false, notes: [], markers };
}

/** Puts `markers` after the text so far, before its trailing space: "to[1] all", not "to [1]all" */
function placeAfter(spans: ShownSpan[], markers: string[]) {
	const last = spans.at(-1);
	if (!last) return spans.push(markerSpan(markers));
	const space = /\s+$/.exec(last.text)?.[0];
	if (space && last.markers.length === 0 && space.length < last.text.length) {
		last.text = last.text.slice(0, -space.length);
		spans.push({ ...last, text: space, first: false, markers: [] });
	}
	last.markers.push(...markers);
}

/** Drops the paragraph's leading and trailing whitespace; empty spans stay only for a marker. */
function trimEdges(spans: ShownSpan[]) {
	for (const s of spans) {
		s.text = s.text.trimStart();
		if (s.text) break;
	}
	for (const s of spans.toReversed()) {
		s.text = s.text.trimEnd();
		if (s.text) break;
	}
	const kept = spans.filter((s) => s.text || s.markers.length);
	spans.splice(0, spans.length, ...kept);
}

/** The words for a gap, the same in every format: "Text not available here: two pages missing." */
export function gapWords(gap: Extract<ShownBlock, { kind: 'gap' }>, excerpt: Excerpt): string {
	let words = 'Text not available here';
	// In a two-witness mode a gap of one side only says whose text is missing.
	if (showsBoth(excerpt.mode) && gap.inA !== gap.inB) {
		words = `Text of ${gap.inA ? excerpt.base.label : excerpt.target.label} not available here`;
	}
	return gap.label ? `${words}: ${gap.label}.` : `${words}.`;
}

/**
 * The legend line, the same in every format; `pen` writes the labels and the two sample marks in
 * the format's own way. `columns`: the format lays `side` out in two columns, as the screen does.
 */
export function legend(excerpt: Excerpt, pen: Omit<Pen, 'marker'>, columns = false): string {
	const base = pen.text(excerpt.base.label);
	const target = pen.text(excerpt.target.label);
	const struck = pen.struck(pen.text('struck'));
	const added = pen.added(pen.text('added'));
	const marks = `${struck} text is only in ${base}; ${added} text is only in ${target}.`;
	switch (excerpt.mode) {
		case 'spoken':
			return `Shown as in ${base}, without marks.`;
		case 'published':
			return `Shown as in ${target}, without marks.`;
		case 'side':
			return columns
				? `Shown side by side, with the marks: ${marks}`
				: `Shown side by side on screen, here in one text with the marks: ${marks}`;
		default:
			return `Shown with the marks: ${marks}`;
	}
}

/** The line under the title: kind, date of the event, and the pair compared. */
export function subtitle(excerpt: Excerpt, date: string): string {
	return `${excerpt.kind}, ${date}: ${excerpt.base.label} against ${excerpt.target.label}`;
}

/** How a text format writes the parts of a paragraph. */
export interface Pen {
	/** Text as the format needs it (escaped). */
	text(text: string): string;
	/** Text only in the base, already written by `text`. */
	struck(text: string): string;
	/** Text only in the target, already written by `text`. */
	added(text: string): string;
	/** The marker of a note. */
	marker(id: string): string;
}

/**
 * Writes a paragraph in a text format. Neighbouring spans with the same mark are marked once (a
 * struck passage with editorial matter in it is struck once), and whitespace at a run's edges
 * stays outside the marks, so marks hug words: `~~word~~ `, never `~~word ~~` (which Markdown
 * would not read as struck). A note's marker ends its run and goes right after the run's text.
 */
export function writeParagraph(spans: ShownSpan[], pen: Pen): string {
	const runs: ShownSpan[][] = [];
	for (const span of spans) {
		const run = runs.at(-1);
		if (run && run[0].mark === span.mark && run.at(-1)!.markers.length === 0) run.push(span);
		else runs.push([span]);
	}
	return runs
		.map((run) => {
			const text = run.map((s) => pen.text(s.text)).join('');
			const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
			const mark = run[0].mark;
			const marked =
				!core || mark === 'none' ? core : mark === 'struck' ? pen.struck(core) : pen.added(core);
			return lead + marked + trail + run.at(-1)!.markers.map(pen.marker).join('');
		})
		.join('');
}

/** Indents each line by four spaces (blank lines stay empty): a note's body under its title. */
export function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => (line.trim() ? `    ${line}` : ''))
		.join('\n');
}
