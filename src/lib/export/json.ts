// JSON export: the excerpt as data, in a documented and versioned shape (`ExcerptJson` below).
// Unlike the other formats it always carries both witnesses in full, whatever the mode; `mode`
// records what was on screen. `rebuildWitnesses` shows that nothing is lost: it gives back each
// witness's text of the excerpt from the JSON alone.
//
// A moved passage needs nothing new to be rebuilt: its two ends are a `delete` span where it
// stood and an `insert` span where it stands. The fields that say it is a move (`move`,
// `partner`, `changed`) are optional additions to version 1, so a reader of version 1 that does
// not know them still reads the file, and a file written before them still reads. So is a
// change's `attribution`: who made it, why and how sure.
//
// Version 2 names the clean modes for the side they show (`base`, `target`; version 1 wrote
// `spoken` and `published`), says which kinds of change were hidden (`hidden`), gives each
// change its kind (`type`) and each witness its language (`language`). Version 1 files still
// import.

import { chicagoCitation } from './citation';
import { percentOf } from '../format';
import type { Certainty, ChangeAttribution, ChangeKind, Excerpt, ViewMode, WitnessFigures } from '../types';

/**
 * Version 2 of the format. A change that breaks readers of a version gets a new number; an
 * optional field that they may ignore (as the moves' fields) does not.
 */
export interface ExcerptJson {
	format: 'pencilmarks-excerpt';
	version: 2;
	case: {
		title: string;
		/** Folder name of the case, as in its URL. */
		slug: string;
		/** What kind of comparison: `Redaction`, `Draft-to-final revision history`. */
		kind: string;
		/** ISO date of the event the text records; '' when it is not known. */
		date: string;
	};
	/** What only `base` has is in spans `delete`, what only `target` has in spans `insert`. */
	witnesses: { base: JsonWitness; target: JsonWitness };
	/** What the reader saw when exporting: `marks`, `base`, `target` or `side`. */
	mode: ViewMode;
	/** The kinds of change hidden on screen (shown unmarked there); the spans here keep every change. */
	hidden: ChangeKind[];
	/** The hands and causes hidden on screen, if any: their changes' spans are here as any other's. */
	hiddenBy?: { hands: string[]; causes: string[] };
	/**
	 * Each witness's words in the whole comparison the excerpt is from (not in the excerpt alone),
	 * as `wdiff -s` and `dwdiff --statistics` count them, with each count as a percentage of the
	 * witness's words. Optional: files without it read as before.
	 */
	comparisonFigures?: {
		base: JsonFigures & { deleted: number; percent: JsonPercents & { deleted: number } };
		target: JsonFigures & { inserted: number; percent: JsonPercents & { inserted: number } };
	};
	/** The excerpt in reading order, both witnesses together. */
	blocks: JsonBlock[];
	/** Every change in the excerpt, in order of first appearance. */
	changes: JsonChange[];
	notes: JsonNote[];
	citation: {
		/** The whole citation, Chicago style, plain text. */
		text: string;
		/** Full citations of the sources, Chicago style, plain text. */
		sources: string[];
		permalink: string;
		/** ISO date of the export. */
		accessed: string;
	};
}

/**
 * A witness, with what the case says of it (optional additions to version 1: a reader's own
 * comparison has none of them): what it is, who translated it, when its original was written and
 * who holds it.
 */
/** A witness's words: in both texts, changed, moved (see `WitnessFigures`, src/lib/types.ts). */
export type JsonFigures = WitnessFigures;

/** Counts as percentages of the witness's words, to one decimal (`1.2` for 3 of 242). */
export interface JsonPercents {
	common: number;
	changed: number;
	moved: number;
}

export interface JsonWitness {
	id: string;
	label: string;
	/**
	 * BCP 47 language tag of its text (`en`, `ru`, `und` when not known). Always written; files
	 * written before it (version 1, and the first files of version 2) have none, and still read.
	 */
	language?: string;
	description?: string;
	translator?: string;
	written?: string;
	heldBy?: string;
}

export type JsonBlock =
	| {
			kind: 'paragraph';
			/** Whether the paragraph has text in the base / the target. */
			inA: boolean;
			inB: boolean;
			spans: JsonSpan[];
	  }
	| {
			/** Text not available here, in the witnesses that have the gap. */
			kind: 'gap';
			inA: boolean;
			inB: boolean;
			/** What is missing, when the gap says (`{gap: two pages missing}`). */
			label?: string;
			/**
			 * Not a gap in the witnesses: this many unchanged paragraphs, left out of an export of
			 * the changes only.
			 */
			omitted?: number;
	  };

export interface JsonSpan {
	/** `equal`: in both (the base's characters); `delete`: base only; `insert`: target only. */
	kind: 'equal' | 'delete' | 'insert';
	text: string;
	/** Id of the change (`JsonChange.id`) the span belongs to. */
	change?: string;
	/**
	 * On one end of a moved passage: `from` where it stood (a `delete` span), `to` where it stands
	 * (an `insert` span). Its text is not a cut or an addition but the same passage at two places.
	 */
	move?: 'from' | 'to';
	/** On a moved passage's span: the other end's change id (which may be outside the excerpt). */
	partner?: string;
	/** On a moved passage's span: text that differs between its two places (changed on the way). */
	changed?: true;
	/** The source's own editorial matter (`[non-existent]`), not the speaker's words. */
	editorial?: true;
	/**
	 * A kept line break (the witness's lines matter): its text is the witness's own, the line end
	 * and the next line's indentation, after Markdown's mark of a hard break if the witness has one.
	 */
	line?: true;
	/** Ids of the notes whose passage covers this span. */
	notes?: string[];
	/** Ids of the notes whose marker stands after this span. */
	noteMarkers?: string[];
}

export interface JsonChange {
	/** Stable id, the same in the app's permalinks (`#c-…`). */
	id: string;
	/** `delete`: text struck; `insert`: text added; `replace`: `a` became `b`. */
	kind: 'delete' | 'insert' | 'replace';
	/** What sort of change it is (`punctuation`, `cut`, `rewording`...: see FORMATS.md). */
	type?: ChangeKind;
	/** The base's and the target's text of the change (paragraph breaks inside as a blank line). */
	a: string;
	b: string;
	/** On one end of a moved passage, as on its spans: `from` (a `delete`) or `to` (an `insert`). */
	move?: 'from' | 'to';
	/** The change id of the other end; it is in `changes` when the excerpt holds that end too. */
	partner?: string;
	/** Who made the change, why and how sure, when that is said. */
	attribution?: JsonAttribution;
}

/** Who made a change, why and how sure: each field only when it is said. */
export interface JsonAttribution {
	/** Who made it: `Stalin, pencil`; a Word document's author. */
	hand?: string;
	/** Why: the cause's id and how it is shown (`{ "id": "political", "label": "Political" }`). */
	cause?: { id: string; label: string };
	/** How sure: `certain`, `probable` or `conjectural`. */
	cert?: Certainty;
	/** The source that says so. */
	source?: { id: string; citation: string; url?: string };
	/** When it was made: `YYYY-MM-DD`, or a date and time as Word writes it. */
	date?: string;
}

export interface JsonNote {
	id: string;
	/** 1-based, as numbered in the other formats. */
	number: number;
	title: string;
	/** The note's Markdown source, verbatim. */
	markdown: string;
}

/** The excerpt as an `ExcerptJson` object. */
export function excerptJson(excerpt: Excerpt): ExcerptJson {
	const exported = new Set(excerpt.notes.map((n) => n.id));
	const known = (ids: string[] = []) => ids.filter((id) => exported.has(id));
	const blocks = excerpt.blocks.map((block): JsonBlock => {
		if (block.kind === 'gap') {
			const { kind, inA, inB, label, omitted } = block;
			if (omitted) return { kind, inA, inB, omitted };
			return label ? { kind, inA, inB, label } : { kind, inA, inB };
		}
		const spans = block.spans.map((s): JsonSpan => {
			const span: JsonSpan = { kind: s.kind, text: s.text };
			if (s.change) span.change = s.change;
			if (s.move && s.partner) {
				span.move = s.move;
				span.partner = s.partner;
				if (s.changed) span.changed = true;
			}
			if (s.editorial) span.editorial = true;
			if (s.line) span.line = true;
			if (known(s.notes).length) span.notes = known(s.notes);
			if (known(s.noteMarkers).length) span.noteMarkers = known(s.noteMarkers);
			return span;
		});
		return { kind: 'paragraph', inA: block.inA, inB: block.inB, spans };
	});
	return {
		format: 'pencilmarks-excerpt',
		version: 2,
		case: { title: excerpt.title, slug: excerpt.slug, kind: excerpt.kind, date: excerpt.date },
		witnesses: { base: { ...excerpt.base }, target: { ...excerpt.target } },
		mode: excerpt.mode,
		hidden: [...(excerpt.hidden ?? [])],
		...(excerpt.hiddenBy ? { hiddenBy: { hands: [...excerpt.hiddenBy.hands], causes: [...excerpt.hiddenBy.causes] } } : {}),
		...(excerpt.comparisonFigures ? { comparisonFigures: figures(excerpt.comparisonFigures) } : {}),
		blocks,
		changes: changes(blocks, kindsOf(excerpt)).map((change) => {
			const said = excerpt.attributions?.[change.id];
			return said ? { ...change, attribution: jsonAttribution(said) } : change;
		}),
		notes: excerpt.notes.map((n, i) => ({
			id: n.id,
			number: i + 1,
			title: n.title,
			markdown: n.markdown
		})),
		citation: {
			text: chicagoCitation(excerpt),
			sources: [...excerpt.citation.sources],
			permalink: excerpt.citation.permalink,
			accessed: excerpt.citation.accessed
		}
	};
}

/** The figures with their percentages, in the order `wdiff -s` prints them. */
function figures({ base, target }: NonNullable<Excerpt['comparisonFigures']>) {
	const { words: a } = base;
	const { words: b } = target;
	return {
		base: {
			words: a,
			common: base.common,
			deleted: base.deleted,
			changed: base.changed,
			moved: base.moved,
			percent: {
				common: percentOf(base.common, a),
				deleted: percentOf(base.deleted, a),
				changed: percentOf(base.changed, a),
				moved: percentOf(base.moved, a)
			}
		},
		target: {
			words: b,
			common: target.common,
			inserted: target.inserted,
			changed: target.changed,
			moved: target.moved,
			percent: {
				common: percentOf(target.common, b),
				inserted: percentOf(target.inserted, b),
				changed: percentOf(target.changed, b),
				moved: percentOf(target.moved, b)
			}
		}
	};
}

/** An attribution's fields, in a fixed order, those that are said. */
function jsonAttribution({ hand, cause, cert, source, date }: ChangeAttribution): JsonAttribution {
	const out: JsonAttribution = {};
	if (hand) out.hand = hand;
	if (cause) out.cause = { id: cause.id, label: cause.label };
	if (cert) out.cert = cert;
	if (source) {
		out.source = { id: source.id, citation: source.citation };
		if (source.url) out.source.url = source.url;
	}
	if (date) out.date = date;
	return out;
}

/** Writes the excerpt as JSON (tab-indented, one trailing newline). */
export function toJson(excerpt: Excerpt): string {
	return JSON.stringify(excerptJson(excerpt), null, '\t') + '\n';
}

/** Collects each change's text on both sides; a change over a paragraph break keeps the break. */
/** Each change's kind, by id. */
function kindsOf(excerpt: Excerpt): Map<string, ChangeKind> {
	const kinds = new Map<string, ChangeKind>();
	for (const block of excerpt.blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans) if (span.change && span.changeKind) kinds.set(span.change, span.changeKind);
	}
	return kinds;
}

function changes(blocks: JsonBlock[], kinds: Map<string, ChangeKind>): JsonChange[] {
	type Found = { a: string[]; b: string[]; move?: Pick<JsonChange, 'move' | 'partner'> };
	const found = new Map<string, Found>();
	blocks.forEach((block, index) => {
		if (block.kind !== 'paragraph') return;
		for (const span of block.spans) {
			if (!span.change || span.kind === 'equal') continue;
			const change: Found = found.get(span.change) ?? { a: [], b: [] };
			if (span.move) change.move = { move: span.move, partner: span.partner };
			found.set(span.change, change);
			const side = span.kind === 'delete' ? change.a : change.b;
			// Index the text by paragraph, so parts in different paragraphs join with a break.
			side[index] = (side[index] ?? '') + span.text;
		}
	});
	return [...found].map(([id, { a, b, move }]): JsonChange => {
		const textA = a.filter((t) => t !== undefined).join('\n\n');
		const textB = b.filter((t) => t !== undefined).join('\n\n');
		const kind = textA && textB ? 'replace' : textA ? 'delete' : 'insert';
		const type = kinds.get(id);
		return { id, kind, ...(type ? { type } : {}), a: textA, b: textB, ...move };
	});
}

/**
 * Rebuilds each witness's text of the excerpt from the JSON: its paragraphs joined by a blank
 * line, and its gaps as the `{gap}` or `{gap: …}` marker they were written with. Equal text is
 * the base's, so the target's whitespace may differ in shape only (a line break for a space).
 */
export function rebuildWitnesses(json: ExcerptJson): { a: string; b: string } {
	const side = (inSide: 'inA' | 'inB', skip: JsonSpan['kind']) =>
		json.blocks
			.filter((block) => block[inSide])
			.map((block) =>
				block.kind === 'gap'
					? block.label
						? `{gap: ${block.label}}`
						: block.omitted
							? `{gap: ${block.omitted} unchanged ${block.omitted === 1 ? 'paragraph' : 'paragraphs'} left out}`
							: '{gap}'
					: block.spans
							.filter((s) => s.kind !== skip)
							.map((s) => s.text)
							.join('')
			)
			.join('\n\n');
	return { a: side('inA', 'insert'), b: side('inB', 'delete') };
}
