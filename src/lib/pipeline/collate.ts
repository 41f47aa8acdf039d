// Collate: every witness of a case at once, as an apparatus. Each witness is aligned against the
// base (compare.ts, as a pair is), and the alignments are merged on the base's positions, as
// CollateX merges witnesses into one alignment table:
//
//   base   We are met on a great battle field of that war.
//   hay    We are met on a great battle-field of that war.
//   bliss  We are met on a great battle-field of that war.
//     ->  [We are met on a great ] [battle field: base | battle-field: hay, bliss] [ of that war.]
//
// A place is a stretch of the base (or a point of it, where a witness adds text) and what each
// witness reads there; witnesses that read the same characters share a reading. A place is as
// narrow as every alignment allows: the base is cut where each pairwise alignment is cut, except
// inside a change of any witness (a rewrite is read whole, never split between two places).
//
// Lossless: every witness is its readings joined in order, byte for byte (collate.test.ts proves it
// with two to six random witnesses).

import type { Tokens } from '../types';
import { compare, type CompareOptions } from './compare';

/** What some witnesses read at a place, and which. */
export interface ApparatusReading {
	text: string;
	/** Witness ids, in the order the witnesses were given. */
	witnesses: string[];
}

/** A place in the apparatus: one reading all witnesses share, or several. */
export interface ApparatusPlace {
	/** Where the place stands in the base: `[from, to)` (from = to where witnesses add text). */
	from: number;
	to: number;
	/** Its readings, the base's first. */
	readings: ApparatusReading[];
}

export interface Apparatus {
	/** The witnesses' ids, the base's first. */
	witnesses: string[];
	places: ApparatusPlace[];
}

/** A witness to collate. */
export interface CollateWitness {
	id: string;
	text: string;
}

/**
 * Collates `witnesses` against the first, the base: the apparatus of every place where they are
 * read, in the base's order.
 */
export function collate(witnesses: CollateWitness[], options: CompareOptions = {}): Apparatus {
	const [base, ...others] = witnesses;
	const pairs = others.map((w) => compare(base.text, w.text, options));
	const baseTokens = pairs[0]?.aTokens;
	if (!baseTokens) return { witnesses: [base.id], places: [{ from: 0, to: base.text.length, readings: [{ text: base.text, witnesses: [base.id] }] }] };
	const n = baseTokens.length;

	// Where the base may be cut: every end of every pairwise segment, but not inside any change.
	const cut = new Uint8Array(n + 1);
	const inside = new Uint8Array(n + 1);
	cut[0] = cut[n] = 1;
	for (const { segments } of pairs) {
		for (const s of segments) {
			cut[s.aFrom] = cut[s.aTo] = 1;
			if (s.kind !== 'equal') for (let p = s.aFrom + 1; p < s.aTo; p++) inside[p] = 1;
		}
	}
	const bounds: number[] = [];
	for (let p = 0; p <= n; p++) if (cut[p] && !inside[p]) bounds.push(p);

	// For each witness, where each bound falls in its tokens: before (`lo`) and after (`hi`) the
	// text it adds there.
	const lo = pairs.map(() => new Int32Array(n + 1).fill(-1));
	const hi = pairs.map(() => new Int32Array(n + 1).fill(-1));
	pairs.forEach(({ segments, bTokens }, i) => {
		const set = (p: number, q: number, after = q) => {
			if (lo[i][p] < 0) lo[i][p] = q;
			hi[i][p] = after;
		};
		for (const s of segments) {
			if (s.aFrom === s.aTo) set(s.aFrom, s.bFrom, s.bTo);
			else if (s.kind === 'equal') for (let p = s.aFrom; p < s.aTo; p++) set(p, s.bFrom + (p - s.aFrom));
			else set(s.aFrom, s.bFrom);
		}
		set(n, bTokens.length);
	});

	const text = (tokens: Tokens, from: number, to: number) => tokens.text.slice(tokens.starts[from], tokens.starts[to]);
	const place = (from: number, to: number, base: string, read: (i: number) => string): ApparatusPlace => {
		const readings: ApparatusReading[] = [{ text: base, witnesses: [witnesses[0].id] }];
		others.forEach((w, i) => {
			const said = read(i);
			const same = readings.find((r) => r.text === said);
			if (same) same.witnesses.push(w.id);
			else readings.push({ text: said, witnesses: [w.id] });
		});
		return { from: baseTokens.starts[from], to: baseTokens.starts[to], readings };
	};
	const places: ApparatusPlace[] = [];
	bounds.forEach((p, k) => {
		// What the witnesses add at this point of the base, if any does.
		if (pairs.some((_, i) => lo[i][p] < hi[i][p])) {
			places.push(place(p, p, '', (i) => text(pairs[i].bTokens, lo[i][p], hi[i][p])));
		}
		const next = bounds[k + 1];
		if (next === undefined) return;
		places.push(place(p, next, text(baseTokens, p, next), (i) => text(pairs[i].bTokens, hi[i][p], lo[i][next])));
	});
	return { witnesses: witnesses.map((w) => w.id), places: merge(places) };
}

/** Places that every witness reads alike, side by side, become one: the apparatus lists variants. */
function merge(places: ApparatusPlace[]): ApparatusPlace[] {
	const out: ApparatusPlace[] = [];
	for (const p of places) {
		const last = out.at(-1);
		if (last && last.readings.length === 1 && p.readings.length === 1) {
			last.to = p.to;
			last.readings[0] = { ...last.readings[0], text: last.readings[0].text + p.readings[0].text };
		} else out.push({ ...p, readings: p.readings.map((r) => ({ ...r, witnesses: [...r.witnesses] })) });
	}
	return out.filter((p) => p.readings.some((r) => r.text !== '') || p.readings.length > 1);
}

/** A witness's text, rebuilt from the apparatus: its readings joined in order. */
export function witnessText(apparatus: Apparatus, id: string): string {
	return apparatus.places.map((p) => p.readings.find((r) => r.witnesses.includes(id))?.text ?? '').join('');
}
