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
// witness reads there; witnesses that read the same words and punctuation share a reading (the
// apparatus, apparatus.ts). A place is as narrow as every alignment allows: the base is cut where
// each pairwise alignment is cut, except inside a change of any witness (a rewrite is read whole,
// never split between two places), and a place all read alike ends at a paragraph break. A pair is
// the simplest collation: its variant places are exactly its changes of words.
//
// Lossless: every witness is its readings joined in order, byte for byte (collate.test.ts proves it
// with two to six random witnesses).

import type { Comparison, Tokens } from '../types';
import type { Apparatus, ApparatusPlace, ApparatusReading } from './apparatus';
import { compare, type CompareOptions } from './compare';
import { scan, type ScanOptions } from './tokenize';
import { BREAK, countWords, Vocabulary } from './tokens';

/** A witness to collate. */
export interface CollateWitness {
	id: string;
	text: string;
	/** How it is read: whether its lines matter, what its square brackets are. */
	scan?: ScanOptions;
}

/**
 * Collates `witnesses` against the first, the base: the apparatus of every place where they are
 * read, in the base's order.
 */
export function collate(witnesses: CollateWitness[], options: CompareOptions = {}): Apparatus {
	const [base, ...others] = witnesses;
	if (others.length === 0) {
		// The base alone: one place, its whole text, read by it.
		const tokens = scan(base.text, new Vocabulary(), base.scan);
		const reading = { text: base.text, witnesses: [base.id], words: countWords(tokens, 0, tokens.length) };
		return { witnesses: [base.id], places: base.text ? [{ from: 0, to: base.text.length, readings: [reading] }] : [] };
	}
	return collateComparisons(
		witnesses.map((w) => w.id),
		others.map((w) => compare(base.text, w.text, { ...options, a: base.scan, b: w.scan }))
	);
}

/**
 * The apparatus of a pair: its changes, each a variant place with two readings. The pair is the
 * simplest collation, made from the same alignment the reading view shows.
 */
export function pairApparatus(comparison: Comparison, base: string, target: string): Apparatus {
	return collateComparisons([base, target], [comparison]);
}

/** What one witness has at one place: its characters, what alignment compares, its words. */
interface Cell {
	text: string;
	key: string;
	words: number;
}

/**
 * Merges comparisons of one base (`ids[0]`) with each other witness (`ids[i + 1]`, compared in
 * `pairs[i]`) into an apparatus.
 */
export function collateComparisons(ids: string[], pairs: Comparison[]): Apparatus {
	const baseTokens = pairs[0]?.aTokens;
	if (!baseTokens) throw new Error('collateComparisons needs a comparison; collate() reads a base alone');
	const n = baseTokens.length;

	// A witness that shares no word with the base (or is unrelated to it) is not a revision of it:
	// its rewrite of everything must not make the whole base one place, hiding how the others
	// differ. Its text stands at the start of each of its changes; the rest of the change it omits.
	const loose = pairs.map(({ stats }) => stats.unrelated || (stats.wordsUnchanged === 0 && stats.wordsA > 0));

	// Where the base may be cut: every end of every pairwise segment, but not inside any change
	// (a rewrite is read whole), except a loose witness's.
	const cut = new Uint8Array(n + 1);
	const inside = new Uint8Array(n + 1);
	// Inside a change of any witness, a loose one's too.
	const changed = new Uint8Array(n + 1);
	cut[0] = cut[n] = 1;
	pairs.forEach(({ segments }, i) => {
		for (const s of segments) {
			cut[s.aFrom] = cut[s.aTo] = 1;
			if (s.kind === 'equal') continue;
			for (let p = s.aFrom + 1; p < s.aTo; p++) {
				changed[p] = 1;
				if (!loose[i]) inside[p] = 1;
			}
		}
	});
	// And after each paragraph break that no change spans: a place all read alike ends with its
	// paragraph, so an excerpt can begin with one.
	for (let p = 0; p < n; p++) if (baseTokens.kinds[p] === BREAK && !changed[p + 1]) cut[p + 1] = 1;
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
			else {
				set(s.aFrom, s.bFrom);
				// Inside a loose witness's change, it has already said all it says there.
				if (loose[i]) for (let p = s.aFrom + 1; p < s.aTo; p++) set(p, s.bTo);
			}
		}
		set(n, bTokens.length);
	});

	// Each place as a row of cells, the base's first; then rows all witnesses agree on, side by
	// side, become one: the apparatus lists variants, not every cut an alignment made.
	type Row = { from: number; to: number; cells: Cell[] };
	const rows: Row[] = [];
	const push = (from: number, to: number, cells: Cell[]) => {
		const last = rows.at(-1);
		const ended = last && last.to > 0 && baseTokens.kinds[last.to - 1] === BREAK;
		if (last && !ended && agreed(last.cells) && agreed(cells)) {
			last.to = to;
			last.cells = last.cells.map((c, i) => join(c, cells[i]));
		} else rows.push({ from, to, cells });
	};
	bounds.forEach((p, k) => {
		// What the witnesses add at this point of the base, if any does.
		if (pairs.some((_, i) => lo[i][p] < hi[i][p])) {
			push(p, p, [cell(baseTokens, p, p), ...pairs.map((c, i) => cell(c.bTokens, lo[i][p], hi[i][p]))]);
		}
		const next = bounds[k + 1];
		if (next === undefined) return;
		push(p, next, [cell(baseTokens, p, next), ...pairs.map((c, i) => cell(c.bTokens, hi[i][p], lo[i][next]))]);
	});
	const places = rows
		.filter((r) => r.cells.some((c) => c.text !== ''))
		.map(({ from, to, cells }): ApparatusPlace => ({
			from: baseTokens.starts[from],
			to: baseTokens.starts[to],
			readings: readings(ids, cells)
		}));
	return { witnesses: ids, places };
}

/** Tokens `[from, to)` of a witness as a cell. */
function cell(tokens: Tokens, from: number, to: number): Cell {
	const { keys } = tokens.vocabulary;
	let key = '';
	// A separator no key holds keeps `a b` + `c` from reading as `a` + `b c`.
	for (let t = from; t < to; t++) key += keys[tokens.keys[t]] + '\u0000';
	return { text: tokens.text.slice(tokens.starts[from], tokens.starts[to]), key, words: countWords(tokens, from, to) };
}

function join(a: Cell, b: Cell): Cell {
	return { text: a.text + b.text, key: a.key + b.key, words: a.words + b.words };
}

function agreed(cells: Cell[]): boolean {
	return cells.every((c) => c.key === cells[0].key);
}

/** The cells of a place grouped into readings: one per key, in the order the witnesses come. */
function readings(ids: string[], cells: Cell[]): ApparatusReading[] {
	const out: ApparatusReading[] = [];
	const byKey = new Map<string, ApparatusReading>();
	cells.forEach((c, i) => {
		const id = ids[i];
		const same = byKey.get(c.key);
		if (!same) {
			const reading: ApparatusReading = { text: c.text, witnesses: [id], words: c.words };
			byKey.set(c.key, reading);
			out.push(reading);
			return;
		}
		same.witnesses.push(id);
		if (c.text !== same.text) (same.layout ??= {})[id] = c.text;
	});
	return out;
}
