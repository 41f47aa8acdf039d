// What the apparatus view needs: every witness of a case collated against one base, with the
// notes placed at their places. For corpus cases it is made at build time, once per base.

import { caseFacts, type CaseFacts, type NoteView } from './view';
import { findQuote, type NoteRef } from './pipeline/annotate';
import {
	placeAt,
	placeStarts,
	siglumOf,
	textAt,
	type Apparatus,
	type NoteAt
} from './pipeline/apparatus';
import { collate, type CollateWitness } from './pipeline/collate';
import type { Case, ExcerptWitness } from './types';

export interface ApparatusWitness extends ExcerptWitness {
	siglum: string;
	/** Where to read it in a case's sources (corpus cases). */
	source?: string;
}

/** A note of the apparatus view: where it stands, or why it stands nowhere. */
export type PlacedNote = NoteView & { place?: number; at?: number };

/** A case (or a reader's own texts) read as an apparatus: what a pair's page says of it, and more. */
export interface ApparatusView extends CaseFacts {
	/** The witnesses in the apparatus's order: the base first, then the others as the case has them. */
	witnesses: ApparatusWitness[];
	/** The case's own base, whose apparatus has the case's own address. */
	defaultBase: string;
	apparatus: Apparatus;
	notes: PlacedNote[];
	/** A reader's own comparison, in their browser only. */
	private?: boolean;
}

/** A case's witnesses collated against `base` (by default the base of the case's own pair). */
export function caseApparatus(c: Case, base = c.comparison.base): ApparatusView {
	const brackets = c.brackets ?? 'text';
	const ordered = [...c.witnesses].sort((x, y) => Number(y.id === base) - Number(x.id === base));
	const witnesses = ordered.map(
		(w): CollateWitness => ({ id: w.id, text: w.text, scan: { lines: w.lines, brackets } })
	);
	// At build time there is no reader waiting: every stretch is aligned exactly.
	const apparatus = collate(witnesses, { precise: true, placeholders: c.placeholders });
	return {
		...caseFacts(c),
		witnesses: ordered.map((w) => ({
			id: w.id,
			label: w.label,
			siglum: siglumOf(w),
			language: w.language ?? c.language,
			description: w.description,
			...(w.written ? { written: w.written } : {}),
			...(w.heldBy ? { heldBy: w.heldBy } : {}),
			...(w.translator ?? c.translator ? { translator: w.translator ?? c.translator } : {}),
			source: w.source
		})),
		defaultBase: c.comparison.base,
		apparatus,
		notes: placeNotes(apparatus, witnesses, c.notes)
	};
}

/**
 * Each note at the place its passage ends in, in the witness it quotes, numbered in reading order
 * (a note whose passage is not found is kept, with why).
 */
export function placeNotes(
	apparatus: Apparatus,
	witnesses: { id: string; text: string }[],
	notes: (NoteRef & { title: string; html: string; markdown: string })[]
): PlacedNote[] {
	const base = apparatus.witnesses[0];
	const starts = new Map<string, number[]>();
	const placed = notes.map((note): PlacedNote => {
		const common = { noteId: note.id, title: note.title, html: note.html, markdown: note.markdown, changes: [], number: 0 };
		if (!note.anchor) return { ...common, status: 'case' };
		const witness = witnesses.find((w) => w.id === note.anchor!.witness);
		const match = witness ? findQuote(witness.text, note.anchor) : undefined;
		if (!witness || !match?.found) {
			const problem = !witness
				? `no witness “${note.anchor.witness}” in this collation`
				: `quote not found once in ${note.anchor.witness}`;
			return { ...common, status: 'unanchored', problem };
		}
		let own = starts.get(witness.id);
		if (!own) starts.set(witness.id, (own = placeStarts(apparatus, witness.id)));
		const place = placeAt(own, Math.max(match.start, match.end - 1));
		const p = apparatus.places[place];
		// In a place every witness reads alike, the marker goes where the quote ends in the base's
		// text of it (the witness may wrap its lines elsewhere: the same offset, kept in the place).
		const at = p.readings.length === 1 ? Math.min(match.end - own[place], textAt(p, base).length) : undefined;
		return { ...common, status: 'anchored', place, at };
	});
	// Notes on the case as a whole first, as its introduction; then in reading order, by place and
	// where in it; notes whose passage is not found last, in file order.
	const key = (n: PlacedNote) => (n.status === 'case' ? [-1, 0] : [n.place ?? Infinity, n.at ?? Infinity]);
	const before = (x: PlacedNote, y: PlacedNote) => {
		const [a, b] = [key(x), key(y)];
		return a[0] !== b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] !== b[1] ? (a[1] < b[1] ? -1 : 1) : 0;
	};
	return placed
		.map((n, i) => ({ n, i }))
		.sort((x, y) => before(x.n, y.n) || x.i - y.i)
		.map(({ n }, i) => ({ ...n, number: i + 1 }));
}

/** Where each anchored note stands, for `apparatusParagraphs`. */
export function noteAts(notes: PlacedNote[]): NoteAt[] {
	return notes.flatMap((n) => (n.place === undefined ? [] : [{ noteId: n.noteId, place: n.place, at: n.at }]));
}

/** The address of a case's apparatus with `base` as its base. */
export function apparatusPath(view: Pick<ApparatusView, 'slug' | 'defaultBase'>, base: string): string {
	return base === view.defaultBase ? `/cases/${view.slug}/apparatus` : `/cases/${view.slug}/apparatus/${base}`;
}

/** What the reader chose on the apparatus view, as the URL keeps it. */
export interface ApparatusState {
	/** Witnesses set aside: their readings are not shown (never the base). */
	without: string[];
	/** The grid: witnesses as rows, variant places as columns. */
	table: boolean;
	/** The variant place chosen, by its number (1 for the first place where any witnesses differ). */
	place: number | null;
}

/** The reader's choices from the query (`?without=hay,bliss&view=table&place=12`). */
export function parseApparatusState(params: URLSearchParams, view: Pick<ApparatusView, 'witnesses'>): ApparatusState {
	const ids = view.witnesses.slice(1).map((w) => w.id);
	const without = (params.get('without') ?? '').split(',').filter((id) => ids.includes(id));
	const place = Number(params.get('place'));
	return {
		without: ids.filter((id) => without.includes(id)),
		table: params.get('view') === 'table',
		place: Number.isInteger(place) && place > 0 ? place : null
	};
}

/** The URL `url` with the reader's choices in its query (the defaults left out). */
export function apparatusUrl(url: URL, state: ApparatusState): URL {
	const next = new URL(url);
	for (const key of ['without', 'view', 'place']) next.searchParams.delete(key);
	if (state.without.length) next.searchParams.set('without', state.without.join(','));
	if (state.table) next.searchParams.set('view', 'table');
	if (state.place !== null) next.searchParams.set('place', String(state.place));
	// Commas are as safe in a query as letters: keep the address readable.
	next.search = next.search.replace(/%2C/g, ',');
	return next;
}
