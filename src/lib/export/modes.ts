// What a view mode shows: the one place that decides it, so that every export shows the same
// text as the screen and as each other. Serializers draw the `Shown` result and decide nothing.
//
// - `marks` and `side`: both witnesses, text only in the base marked `struck`, text only in the
//   target marked `added`, and a moved passage marked `moved` at both of its places: where it
//   stood in the base (`from`) and where it stands in the target (`to`), each end knowing whether
//   the other is shown before it, after it, or not at all. The text formats (Markdown, plain text,
//   TEI) write `side` as `marks`; the HTML export lays it out in two columns from the same spans.
// - `base`: the base alone (equal and struck text, and moved text where it stood), unmarked.
// - `target`: the target alone (equal and added text, and moved text where it stands),
//   unmarked. A move is a delete and an insert to these two modes, so they read as without moves.
//
// A change of a kind the reader hid (`Excerpt.hidden`, see modes.ts) is written as plain text of
// the witness the mode reads (the target's; the base's in `base`; each column its own in the HTML
// export's columns), never marked.
//
// In every mode a paragraph with no text left is dropped, a gap that only the other witness has is
// dropped, and gaps that end up next to each other are one gap. A note's marker never disappears
// with the text it stood on while some of its passage is shown: it moves to where that text was
// (see `show`). A note none of whose passage is shown has no marker and is listed apart.

import { attributionWords } from '../attributions';
import { hiddenNamed, showsBoth, showsGap, spanShowing, witnessShown } from '../modes';
import { lineBreak } from '../pipeline/lines';
import type { Block, ChangeAttribution, ChangeKind, Excerpt, Span, ViewMode } from '../types';

/** One end of a moved passage, as a two-witness mode shows it. */
export interface ShownMove {
	/** `from`: where the passage stood in the base; `to`: where it stands in the target. */
	end: 'from' | 'to';
	/** Change id of the other end. */
	partner: string;
	/** Where the other end is shown: earlier in the excerpt, later, or outside it. */
	other: 'before' | 'after' | 'outside';
}

export interface ShownSpan {
	text: string;
	/**
	 * `struck`: only in the base; `added`: only in the target; `moved`: one end of a moved passage
	 * (see `move`), neither a cut nor an addition; `none` in a one-witness mode.
	 */
	mark: 'none' | 'struck' | 'added' | 'moved';
	/** Set exactly when `mark` is `moved`. */
	move?: ShownMove;
	/**
	 * In a moved passage: text that differs between its two places, struck on the way (at the
	 * `from` end) or added on the way (at the `to` end). Only set, to `true`, when `mark` is `moved`.
	 */
	changed?: true;
	/**
	 * Set on unmarked text of one witness only: a change of a hidden kind, in the columns of side
	 * by side (each column shows its own side of it).
	 */
	side?: 'a' | 'b';
	/** The source's own editorial matter (`[non-existent]`): drawn as such, never as our marks. */
	editorial: boolean;
	/**
	 * A kept line break, which every format writes its own way (`Pen.line`); its text is `\n` and
	 * the next line's indentation (Markdown's mark of a hard break is not text).
	 */
	line?: true;
	change?: string;
	/** What sort of change it belongs to (pipeline/kinds.ts), where the layout says. */
	changeKind?: ChangeKind;
	/** The first span of its change: where an anchor with the change id goes. */
	first: boolean;
	/**
	 * On the last span shown of an attributed change, in a mode that marks changes: who made it,
	 * why and how sure, which the formats write after it (`attributionWords`).
	 */
	attribution?: ChangeAttribution;
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
			/** Unchanged paragraphs left out by the changes-only view: a fold, not a gap in the text. */
			omitted?: number;
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
	/**
	 * Whether its whole passage is text this mode does not show (a note on struck words, in
	 * `target`): it has no marker, is numbered after the others and listed apart from them.
	 */
	hidden: boolean;
}

export interface Shown {
	blocks: ShownBlock[];
	notes: ShownNote[];
}

/** The heading of the notes on passages the mode does not show, the same in every format. */
export const HIDDEN_NOTES = 'Notes on passages not shown in this view';

export { showsBoth };

/** A span of a moved passage, with what it takes to link the two ends. */
const isMove = (span: Span) => span.move !== undefined && !!span.partner && !!span.change;

function markOf(mode: ViewMode, span: Span): ShownSpan['mark'] {
	if (!showsBoth(mode) || span.kind === 'equal') return 'none';
	if (isMove(span)) return 'moved';
	return span.kind === 'delete' ? 'struck' : 'added';
}

/** Which witness a shown span's text is in: the base alone (`a`), the target alone, or both. */
export function witnessOf(span: ShownSpan): 'a' | 'b' | 'both' {
	if (span.side) return span.side;
	if (span.mark === 'struck' || span.move?.end === 'from') return 'a';
	if (span.mark === 'added' || span.move?.end === 'to') return 'b';
	return 'both';
}

/**
 * A single newline inside a paragraph is the source's line wrapping, not structure; where the
 * witness's lines matter, it is a line break of its own span (`line`), kept.
 */
const unwrap = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
const lineText = (text: string) => '\n' + lineBreak(text).indent;

const hasText = (span: ShownSpan) => /\S/.test(span.text);

/**
 * Lays the excerpt out as its mode shows it. Where a mode drops text that a note's marker stood
 * on, the marker moves to where that text was: after the text before it (ahead of the space), or,
 * when the whole paragraph goes, to the end of the paragraph before it (the start of the next one
 * after a gap or at the top). A note none of whose passage is shown loses its marker: placed at
 * the nearest shown word, it would read as a note on that word. Markers of notes left out of the
 * export are not drawn.
 */
export function show(excerpt: Excerpt, columns = false): Shown {
	const { mode } = excerpt;
	const quiet = new Set<ChangeKind>(excerpt.hidden ?? []);
	const quietChanges = new Set(excerpt.quiet ?? []);
	// Side by side, written as one text (every format but the HTML's columns), reads as marks on.
	const showing = mode === 'side' && !columns ? 'marks' : mode;
	const hidden = hiddenNotes(excerpt);
	const exported = new Set(excerpt.notes.map((n) => n.id).filter((id) => !hidden.has(id)));
	const known = (ids: string[] = []) => ids.filter((id) => exported.has(id));
	const blocks: ShownBlock[] = [];
	// Markers of a dropped paragraph that had no shown paragraph before it to go to.
	let pending: string[] = [];

	for (const block of excerpt.blocks) {
		if (block.kind === 'gap') {
			if (showsGap(mode, block)) addGap(blocks, block);
			continue;
		}
		const spans: ShownSpan[] = [];
		if (pending.length) spans.push(markerSpan([...pending]));
		pending = [];
		let afterDropped = false;
		for (const span of block.spans) {
			const shownAs = spanShowing(showing, quiet, span, quietChanges.has(span.change ?? ''));
			if (shownAs === 'none') {
				const markers = known(span.noteMarkers);
				if (markers.length) placeAfter(spans, markers);
				afterDropped = true;
				continue;
			}
			let text = span.line ? lineText(span.text) : unwrap(span.text);
			// "foo [bar] baz" with "bar " dropped must not read "foo  baz" (a line break stays).
			const before = spans.findLast((s) => s.text)?.text ?? '';
			if (afterDropped && !span.line && /\s$/.test(before)) text = text.trimStart();
			afterDropped = false;
			const mark = shownAs === 'plain' ? 'none' : markOf(mode, span);
			spans.push({
				text,
				mark,
				...(shownAs === 'plain' && span.kind !== 'equal' && mode === 'side'
					? { side: span.kind === 'delete' ? ('a' as const) : ('b' as const) }
					: {}),
				editorial: span.editorial === true,
				...(span.line ? { line: true as const } : {}),
				...(span.change ? { change: span.change } : {}),
				...(span.changeKind ? { changeKind: span.changeKind } : {}),
				first: span.first === true,
				// Where the other end is shown is only known once every block is laid out.
				...(mark === 'moved'
					? { move: { end: span.move!, partner: span.partner!, other: 'outside' as const } }
					: {}),
				...(mark === 'moved' && span.changed ? { changed: true as const } : {}),
				notes: known(span.notes),
				markers: known(span.noteMarkers)
			});
		}
		trimEdges(spans);
		// A marker with no text before it in its paragraph stands apart from the first word.
		if (spans.length > 1 && !spans[0].text && spans[0].markers.length) {
			spans[1] = { ...spans[1], text: ` ${spans[1].text}` };
		}
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
	linkMoves(blocks);
	if (showsBoth(mode)) labelAttributions(blocks, excerpt.attributions ?? {});

	const placed = new Set(
		blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans.flatMap((s) => s.markers) : []))
	);
	// Notes on what is shown first, so that the markers in the text are numbered 1, 2, 3…
	const ordered = [
		...excerpt.notes.filter((n) => !hidden.has(n.id)),
		...excerpt.notes.filter((n) => hidden.has(n.id))
	];
	const notes = ordered.map((n, i) => ({
		id: n.id,
		number: i + 1,
		title: n.title,
		markdown: n.markdown,
		html: n.html,
		placed: placed.has(n.id),
		hidden: hidden.has(n.id)
	}));
	return { blocks, notes };
}

/** The exported notes whose passage lies wholly in text the excerpt's mode does not show. */
function hiddenNotes(excerpt: Excerpt): Set<string> {
	const quiet = new Set<ChangeKind>(excerpt.hidden ?? []);
	const quietChanges = new Set(excerpt.quiet ?? []);
	const mode = excerpt.mode === 'side' ? 'marks' : excerpt.mode;
	const covered = new Set<string>();
	const shown = new Set<string>();
	for (const block of excerpt.blocks) {
		if (block.kind === 'gap') continue;
		for (const span of block.spans) {
			for (const id of span.notes ?? []) {
				covered.add(id);
				if (spanShowing(mode, quiet, span, quietChanges.has(span.change ?? '')) !== 'none' && /\S/.test(span.text)) {
					shown.add(id);
				}
			}
		}
	}
	return new Set([...covered].filter((id) => !shown.has(id)));
}

/**
 * Tells each end of a move where its other end is shown. An excerpt may start inside a moved
 * passage, cutting off the span that carried its `first`: the first span of it still shown takes
 * it, so that the other end's link (`#c-…`) has somewhere to land.
 */
function linkMoves(blocks: ShownBlock[]) {
	const spans = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans : []));
	const at = new Map<string, number>();
	const landed = new Set<string>();
	spans.forEach((s, i) => {
		if (s.change === undefined || !s.move) return;
		if (!at.has(s.change)) at.set(s.change, i);
		if (s.first) landed.add(s.change);
	});
	for (const [change, i] of at) if (!landed.has(change)) spans[i].first = true;
	for (const s of spans) {
		if (!s.move) continue;
		const other = at.get(s.move.partner);
		const here = at.get(s.change!)!;
		s.move.other = other === undefined ? 'outside' : other < here ? 'before' : 'after';
	}
}

/**
 * Gives each attributed change's last shown span its attribution: its label goes after the
 * change, where the reader has read all of it. An attribution with nothing to say in words (a date
 * alone) has no label.
 */
function labelAttributions(blocks: ShownBlock[], attributions: Record<string, ChangeAttribution>) {
	const labelled = new Set<string>();
	for (const block of blocks.toReversed()) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans.toReversed()) {
			const attribution = span.change === undefined ? undefined : attributions[span.change];
			if (!attribution || labelled.has(span.change!) || !attributionWords(attribution).length) continue;
			labelled.add(span.change!);
			span.attribution = attribution;
		}
	}
}

/** Whether the excerpt holds a change with an attribution that says something in words. */
export function hasAttributions(excerpt: Excerpt): boolean {
	const attributions = excerpt.attributions ?? {};
	const said = (id?: string) => id !== undefined && attributionWords(attributions[id] ?? {}).length > 0;
	return excerpt.blocks.some((b) => b.kind === 'paragraph' && b.spans.some((s) => said(s.change)));
}

/** Adds a gap, or widens the gap just before it: a run of gaps reads as one. */
function addGap(blocks: ShownBlock[], gap: Extract<Block, { kind: 'gap' }>) {
	const last = blocks.at(-1);
	// Paragraphs left out are counted, never merged with a gap in the witnesses.
	if (gap.omitted) {
		blocks.push({ kind: 'gap', inA: true, inB: true, omitted: gap.omitted });
		return;
	}
	if (last?.kind !== 'gap' || last.omitted) {
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
	if (gap.omitted) {
		return `… ${gap.omitted} unchanged ${gap.omitted === 1 ? 'paragraph' : 'paragraphs'} left out …`;
	}
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
 * Moved text is mentioned only when the excerpt has some, and only where the mode shows it.
 */
export function legend(
	excerpt: Excerpt,
	pen: Pick<Pen, 'text' | 'struck' | 'added' | 'attribution'>,
	columns = false
): string {
	// The filter the excerpt was made with: what a reader of the export does not see marked.
	const filter = filterWords(excerpt)
		.map((said) => ` ${pen.text(said)}`)
		.join('');
	return modeLegend(excerpt, pen, columns) + filter;
}

function modeLegend(
	excerpt: Excerpt,
	pen: Pick<Pen, 'text' | 'struck' | 'added' | 'attribution'>,
	columns: boolean
): string {
	const base = pen.text(excerpt.base.label);
	const target = pen.text(excerpt.target.label);
	const struck = pen.struck(pen.text('struck'));
	const added = pen.added(pen.text('added'));
	let marks = `${struck} text is only in ${base}; ${added} text is only in ${target}`;
	if (hasMoves(excerpt)) {
		// The quoted words begin every format's label of a moved passage (see `moveWords`).
		marks +=
			`; ${pen.text('moved text is marked “moved from here” where it stood in')} ${base} ` +
			`${pen.text('and “moved here” where it stands in')} ${target}`;
	}
	if (hasAttributions(excerpt)) {
		marks += `; ${pen.text('who made a change, why and how sure follow it:')} ${pen.attribution(['hand', 'cause', 'certainty'])}`;
	}
	marks += '.';
	const one = witnessShown(excerpt.mode);
	if (one) return `Shown as in ${one === 'a' ? base : target}, without marks.`;
	switch (excerpt.mode) {
		case 'side':
			return columns
				? `Shown side by side, with the marks: ${marks}`
				: `Shown side by side on screen, here in one text with the marks: ${marks}`;
		default:
			return `Shown with the marks: ${marks}`;
	}
}

/** Whether the excerpt holds any end of a moved passage. */
export function hasMoves(excerpt: Excerpt): boolean {
	return excerpt.blocks.some((b) => b.kind === 'paragraph' && b.spans.some(isMove));
}

/**
 * The label of a moved passage's end, the same in every format: what happened to it here, and
 * where the other end is: "moved from here to below ↓", "moved here from a place outside this
 * excerpt". The arrow points the way to the other end; the words say it for those who do not see
 * it, and say "moved" so that a reader never takes the passage for a cut or an addition. Each
 * paragraph of a passage is labelled, the ones after its first as `continued`, so that a passage
 * of two paragraphs does not read as two moves.
 */
export function moveWords(move: ShownMove, continued = false): string {
	const other = {
		before: move.end === 'from' ? 'to above ↑' : 'from above ↑',
		after: move.end === 'from' ? 'to below ↓' : 'from below ↓',
		outside: `${move.end === 'from' ? 'to' : 'from'} a place outside this excerpt`
	}[move.other];
	const words = move.end === 'from' ? `moved from here ${other}` : `moved here ${other}`;
	return continued ? `${words} (continued)` : words;
}

/**
 * Where a link to a move's other end goes: `#c-…` when it is in the export, or else that change
 * in the whole comparison online (the permalink's page, at `#c-…`), when the permalink is a web
 * address; `null` when there is nowhere to go.
 */
export function partnerHref(move: ShownMove, excerpt: Excerpt): string | null {
	if (move.other !== 'outside') return `#${move.partner}`;
	const page = excerpt.citation.permalink.replace(/#.*$/s, '');
	return /^https?:\/\//i.test(page) ? `${page}#${move.partner}` : null;
}

/** The line under the title: kind, date of the event (when there is one), and the pair. */
export function subtitle(
	excerpt: { kind: string; base: { label: string }; target: { label: string } },
	date: string
): string {
	const when = date ? `, ${date}` : '';
	return `${excerpt.kind}${when}: ${excerpt.base.label} against ${excerpt.target.label}`;
}

/** How a text format writes the parts of a paragraph. */
export interface Pen {
	/** Text as the format needs it (escaped). */
	text(text: string): string;
	/** Text only in the base, already written by `text`. */
	struck(text: string): string;
	/** Text only in the target, already written by `text`. */
	added(text: string): string;
	/**
	 * A paragraph's part of one end of a moved passage, already written (its changed words struck or
	 * added, its note markers in place): the format labels it with `moveWords(move, continued)`.
	 * `continued`: the part does not hold the passage's first span (a later paragraph of it).
	 */
	moved(text: string, move: ShownMove, continued: boolean): string;
	/** The marker of a note. */
	marker(id: string): string;
	/** The label of an attributed change, from its words (`attributionWords`): after the change. */
	attribution(words: string[]): string;
	/** A kept line break, then the next line's indentation `indent` (spaces and tabs). */
	line(indent: string): string;
}

/**
 * Writes a paragraph in a text format. Neighbouring spans with the same mark are marked once (a
 * struck passage with editorial matter in it is struck once), and whitespace at a run's edges
 * stays outside the marks, so marks hug words: `~~word~~ `, never `~~word ~~` (which Markdown
 * would not read as struck). A note's marker ends its run and goes right after the run's text.
 * A paragraph's part of a moved passage is one run, labelled once, with its markers inside: the
 * words changed on the way are marked within it, struck at the `from` end, added at the `to` end.
 */
export function writeParagraph(spans: ShownSpan[], pen: Pen): string {
	const moved = (s: ShownSpan) => (s.move ? s.change : undefined);
	const runs = group(spans, (run, span) =>
		moved(span) !== undefined
			? moved(run[0]) === moved(span)
			: moved(run[0]) === undefined &&
				run[0].mark === span.mark &&
				run.at(-1)!.markers.length === 0 &&
				!run.at(-1)!.attribution
	);
	return runs
		.map((run) => {
			const move = run[0].move;
			if (!move) return writeRun(run, run[0].mark, pen);
			const changed = move.end === 'from' ? 'struck' : 'added';
			const inner = group(
				run,
				(part, span) => part[0].changed === span.changed && part.at(-1)!.markers.length === 0
			)
				.map((part) => writeRun(part, part[0].changed ? changed : 'none', pen, false))
				.join('');
			const [, lead, core, trail] = edges(inner);
			const continued = !run.some((s) => s.first);
			return lead + (core ? pen.moved(core, move, continued) : '') + label(run, pen) + trail;
		})
		.join('');
}

/**
 * Writes a run of spans with one mark: whitespace at its edges outside the mark, then the label
 * of the change it ends (unless `labelled` is false: a moved passage labels itself whole), then
 * the markers. A kept line break ends the mark, which starts again on the next line: two struck
 * lines of verse are two struck lines, and no mark runs over a line break that a format writes as
 * markup.
 */
function writeRun(run: ShownSpan[], mark: ShownSpan['mark'], pen: Pen, labelled = true): string {
	const parts = Array.from(group(run, (part, span) => !part[0].line && !span.line));
	const lastText = parts.findLastIndex((part) => !part[0].line);
	let out = '';
	parts.forEach((part, k) => {
		if (part[0].line) {
			out += pen.line(lineBreak(part[0].text).indent);
			return;
		}
		const [, lead, core, trail] = edges(part.map((s) => pen.text(s.text)).join(''));
		let marked = core;
		if (core && mark === 'struck') marked = pen.struck(core);
		if (core && mark === 'added') marked = pen.added(core);
		const after = labelled && k === lastText ? label(run, pen) : '';
		out += lead + marked + after + trail;
	});
	return out + run.at(-1)!.markers.map(pen.marker).join('');
}

/** The label of the attributed change a run ends, a space before it; '' when it ends none. */
function label(run: ShownSpan[], pen: Pen): string {
	const { attribution } = run.at(-1)!;
	return attribution ? ` ${pen.attribution(attributionWords(attribution))}` : '';
}

/**
 * A line's indentation as formats that fold white space must write it, to keep it: each space a
 * no-break space, each tab four.
 */
export function hardIndent(indent: string): string {
	return indent.replace(/\t/g, '    ').replace(/\s/g, '\u00a0');
}

/** Splits text into its leading whitespace, its core and its trailing whitespace. */
export const edges = (text: string) => /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;

/** Cuts `items` into runs of neighbours: `joins` says whether an item continues the run so far. */
function group<T>(items: T[], joins: (run: T[], item: T) => boolean): T[][] {
	const runs: T[][] = [];
	for (const item of items) {
		const run = runs.at(-1);
		if (run && joins(run, item)) run.push(item);
		else runs.push([item]);
	}
	return runs;
}

/** Indents each line by four spaces (blank lines stay empty): a note's body under its title. */
export function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => (line.trim() ? `    ${line}` : ''))
		.join('\n');
}

/** The filter an excerpt was made with, in sentences, for its legend: none when nothing is hidden. */
export function filterWords(excerpt: Excerpt): string[] {
	const unmarked = hiddenNamed(excerpt.hidden);
	const by = excerpt.hiddenBy;
	const who = [...(by?.hands ?? []).map((hand) => `by ${hand}`), ...(by?.causes ?? []).map((cause) => `for ${cause}`)];
	return [
		...(unmarked.length ? [`Changes of these kinds are not marked: ${unmarked.join(', ')}.`] : []),
		...(who.length ? [`Changes made ${who.join(', ')} are not marked.`] : [])
	];
}
