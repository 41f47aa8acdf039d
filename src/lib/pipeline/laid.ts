// The laid-out text in columns: what a page holds of a comparison, and what the worker sends it.
//
// Layout gives paragraphs of span objects. A 4 MB pair is half a million spans; as objects they
// take seconds to send from a worker and hundreds of megabytes to keep, and the page needs only
// the few paragraphs on screen at a time. So the blocks are packed into typed arrays (a span is
// 17 bytes and an offset into its witness, not a copy of its text), sent as transferable buffers,
// and turned back into `Block` objects one paragraph at a time, when a paragraph is drawn,
// exported or quoted. Positions are those of the aligned text (see excerpt.ts): every span's
// text, in order.

import type { Block, ChangeKind, Segment, Span } from '../types';
import { fnv1a } from './hash';
import { QUIET_CODE } from '../modes';
import { kindCode, kindOfCode } from './kinds';

/** No change made quiet by its hand or cause. */
const NONE: ReadonlySet<number> = new Set();

const KIND_CODE = { equal: 0, delete: 1, insert: 2 } as const;
const KINDS = ['equal', 'delete', 'insert'] as const;
const EDITORIAL_BIT = 4;
const FIRST_BIT = 8;
const CHANGED_BIT = 16;
const LINE_BIT = 32;
const GAP_BIT = 1;
const IN_A_BIT = 2;
const IN_B_BIT = 4;
const CHANGE_EDITS = ['delete', 'insert', 'replace'] as const;
const MOVES = [undefined, 'from', 'to'] as const;

/** What a change does to the text: strikes, adds, or both. */
export type ChangeEdit = (typeof CHANGE_EDITS)[number];

/** A change of the text, in reading order: what navigation steps through. */
export interface ChangeRef {
	id: string;
	kind: ChangeEdit;
	/** What sort of change it is (kinds.ts); absent on a change laid out by hand without one. */
	changeKind?: ChangeKind;
	/** On a placeholder: how many words its marker hides. */
	hidden?: number;
	/** One end of a moved passage, and the id of the other end. */
	move?: 'from' | 'to';
	partner?: string;
}

/** The changes of a comparison's segments, in order, as `pack` takes them. */
export function changeRefs(segments: Segment[]): ChangeRef[] {
	return segments.flatMap((s) => {
		if (!s.id || s.kind === 'equal' || s.kind === 'gap') return [];
		const change: ChangeRef = { id: s.id, kind: s.kind };
		if (s.changeKind) change.changeKind = s.changeKind;
		if (s.hidden !== undefined) change.hidden = s.hidden;
		if (s.move) {
			change.move = s.move.end;
			change.partner = s.move.partner;
		}
		return [change];
	});
}

/** Plain data (typed arrays, strings): cloned cheaply, its buffers transferable. */
export interface PackedText {
	/** Per span: kind (0 equal, 1 delete, 2 insert), and bits: editorial, first, changed, line. */
	spanFlags: Uint8Array;
	/** Per span: where its text starts in the base and in the target witness; -1 where it has none. */
	spanA: Int32Array;
	spanB: Int32Array;
	spanLength: Int32Array;
	/** Per span: the index of its change, or -1. */
	spanChange: Int32Array;
	/** Per block: its first span; one more entry ends the last block. */
	blockFirst: Int32Array;
	/** Per block: gap, in the base, in the target. */
	blockFlags: Uint8Array;
	/** The few things most spans and blocks lack: [span, notes, note markers], [block, label]. */
	spanNotes: [number, string[], string[]][];
	gapLabels: [number, string][];
	/**
	 * The changes' ids in reading order, joined by spaces (ids have none), and where each starts:
	 * one string crosses from the worker in no time, 340,000 strings in 70 ms.
	 */
	changeIds: string;
	changeIdStarts: Int32Array;
	changeKinds: Uint8Array;
	/**
	 * Per change: its `ChangeKind` as a code (kinds.ts `kindCode`: 0 none), and the words a
	 * placeholder hides (0 for other changes). A span's kind is its change's: one byte a change,
	 * not one a span.
	 */
	changeKindCodes: Uint8Array;
	changeHidden: Int32Array;
	/** 0 none, 1 from, 2 to; the partner is a change index, -1 for none. */
	changeMoves: Uint8Array;
	changePartners: Int32Array;
	/**
	 * The changes by id: an open-addressing table (slot -> index + 1, 0 empty) by a hash of the
	 * id's characters read in place. Made where the text is packed (in the worker): filling it
	 * for 340,000 changes took 60 ms on the page, and a Map of their id strings 120 ms.
	 */
	changeTable: Int32Array;
	/**
	 * The aligned text itself, for blocks whose spans do not say where they stand in the witnesses
	 * (made by hand, in tests); otherwise spans are read from the witness texts.
	 */
	aligned?: string;
}

/** A span, and where it starts in the aligned text. */
export interface PlacedSpan {
	span: Span;
	at: number;
}

/** The witness texts the spans are cut from. */
export interface WitnessTexts {
	a: string;
	b: string;
}

/**
 * Packs blocks. `changes` lists every change in reading order (a change without a span on
 * screen, such as a paragraph break alone, is still counted); by default, those of the spans.
 */
export function pack(blocks: Block[], changes?: ChangeRef[], keepText = false): PackedText {
	let spanCount = 0;
	for (const block of blocks) if (block.kind === 'paragraph') spanCount += block.spans.length;
	const list = changes ?? changesOf(blocks);
	const index = new Map(list.map((c, i) => [c.id, i]));
	const packed: PackedText = {
		spanFlags: new Uint8Array(spanCount),
		spanA: new Int32Array(spanCount),
		spanB: new Int32Array(spanCount),
		spanLength: new Int32Array(spanCount),
		spanChange: new Int32Array(spanCount),
		blockFirst: new Int32Array(blocks.length + 1),
		blockFlags: new Uint8Array(blocks.length),
		spanNotes: [],
		gapLabels: [],
		changeIds: list.map((c) => c.id).join(' '),
		changeIdStarts: idStarts(list),
		changeKinds: Uint8Array.from(list, (c) => CHANGE_EDITS.indexOf(c.kind)),
		changeKindCodes: Uint8Array.from(list, (c) => kindCode(c.changeKind)),
		changeHidden: Int32Array.from(list, (c) => c.hidden ?? 0),
		changeMoves: Uint8Array.from(list, (c) => MOVES.indexOf(c.move)),
		changePartners: Int32Array.from(list, (c) => (c.partner ? (index.get(c.partner) ?? -1) : -1)),
		changeTable: new Int32Array(0)
	};
	packed.changeTable = idTable(packed.changeIds, packed.changeIdStarts);
	let s = 0;
	const text: string[] = [];
	blocks.forEach((block, i) => {
		packed.blockFirst[i] = s;
		packed.blockFlags[i] =
			(block.kind === 'gap' ? GAP_BIT : 0) | (block.inA ? IN_A_BIT : 0) | (block.inB ? IN_B_BIT : 0);
		if (block.kind === 'gap') {
			if (block.label !== undefined) packed.gapLabels.push([i, block.label]);
			return;
		}
		for (const span of block.spans) {
			packed.spanFlags[s] =
				KIND_CODE[span.kind] |
				(span.editorial ? EDITORIAL_BIT : 0) |
				(span.first ? FIRST_BIT : 0) |
				(span.changed ? CHANGED_BIT : 0) |
				(span.line ? LINE_BIT : 0);
			packed.spanA[s] = span.a ?? -1;
			packed.spanB[s] = span.b ?? -1;
			packed.spanLength[s] = span.text.length;
			packed.spanChange[s] = span.change === undefined ? -1 : (index.get(span.change) ?? -1);
			if (span.notes || span.noteMarkers) {
				packed.spanNotes.push([s, span.notes ?? [], span.noteMarkers ?? []]);
			}
			if (keepText) text.push(span.text);
			s++;
		}
	});
	packed.blockFirst[blocks.length] = s;
	if (keepText) packed.aligned = text.join('');
	return packed;
}

/** `PackedText.changeTable` for the ids of `changeIds`, which start at `starts`. */
function idTable(changeIds: string, starts: Int32Array): Int32Array {
	const count = starts.length - 1;
	let size = 1;
	while (size < count * 2) size <<= 1;
	const table = new Int32Array(size);
	const mask = size - 1;
	for (let c = 0; c < count; c++) {
		let slot = hashOf(changeIds, starts[c], starts[c + 1] - 1) & mask;
		while (table[slot] !== 0) slot = (slot + 1) & mask;
		table[slot] = c + 1;
	}
	return table;
}

/** The buffers of a packed text, to be transferred rather than copied. */
export function buffers(packed: PackedText): ArrayBuffer[] {
	return [
		packed.spanFlags,
		packed.spanA,
		packed.spanB,
		packed.spanLength,
		packed.spanChange,
		packed.blockFirst,
		packed.blockFlags,
		packed.changeIdStarts,
		packed.changeKinds,
		packed.changeKindCodes,
		packed.changeHidden,
		packed.changeMoves,
		packed.changePartners,
		packed.changeTable
	].map((array) => array.buffer as ArrayBuffer);
}

function changesOf(blocks: Block[]): ChangeRef[] {
	const seen = new Map<string, ChangeRef>();
	for (const block of blocks) {
		if (block.kind !== 'paragraph') continue;
		for (const span of block.spans) {
			if (!span.change) continue;
			const change = seen.get(span.change);
			if (!change) {
				const ref: ChangeRef = {
					id: span.change,
					kind: span.kind === 'insert' ? 'insert' : 'delete'
				};
				if (span.changeKind) ref.changeKind = span.changeKind;
				if (span.move) ref.move = span.move;
				if (span.partner) ref.partner = span.partner;
				seen.set(span.change, ref);
			} else if (change.kind !== (span.kind === 'insert' ? 'insert' : 'delete')) {
				change.kind = 'replace';
			}
		}
	}
	return [...seen.values()];
}

const made = new WeakMap<PackedText, LaidText>();

/**
 * A packed text with the look-ups a page needs: blocks by index, by position, by change and by
 * note, the aligned text by range. Blocks are made on demand and not kept.
 */
export class LaidText {
	readonly packed: PackedText;
	readonly texts: WitnessTexts;
	readonly blockCount: number;
	readonly changeCount: number;
	/** Where each block starts in the aligned text; one more entry is the text's length. */
	readonly starts: Float64Array;
	#changeBlocks: Int32Array | null = null;
	#notes: Map<number, [string[], string[]]>;
	#gapLabels: Map<number, string>;

	constructor(packed: PackedText, texts: WitnessTexts = { a: '', b: '' }) {
		this.packed = packed;
		this.texts = texts;
		this.blockCount = packed.blockFlags.length;
		this.changeCount = packed.changeIdStarts.length - 1;
		this.#notes = new Map(packed.spanNotes.map(([s, notes, markers]) => [s, [notes, markers]]));
		this.#gapLabels = new Map(packed.gapLabels);
		const starts = new Float64Array(this.blockCount + 1);
		const { blockFirst, spanLength } = packed;
		let at = 0;
		for (let i = 0; i < this.blockCount; i++) {
			starts[i] = at;
			for (let s = blockFirst[i]; s < blockFirst[i + 1]; s++) at += spanLength[s];
		}
		starts[this.blockCount] = at;
		this.starts = starts;
	}

	/** The LaidText of a packed text, made once per packed text (its look-ups are kept). */
	static of(packed: PackedText, texts: WitnessTexts): LaidText {
		let laid = made.get(packed);
		if (!laid || laid.texts.a !== texts.a || laid.texts.b !== texts.b) {
			made.set(packed, (laid = new LaidText(packed, texts)));
		}
		return laid;
	}

	/** A text laid out by hand (tests, fixtures): its spans' text is kept as it is. */
	static fromBlocks(blocks: Block[], changes?: ChangeRef[]): LaidText {
		return new LaidText(pack(blocks, changes, true));
	}

	/** Length of the aligned text. */
	get length(): number {
		return this.starts[this.blockCount];
	}

	isGap(i: number): boolean {
		return (this.packed.blockFlags[i] & GAP_BIT) !== 0;
	}

	/** The number of spans of block `i`. */
	spanCount(i: number): number {
		return this.packed.blockFirst[i + 1] - this.packed.blockFirst[i];
	}

	/** Block `i` as an object, its spans' text cut from the witnesses (`bare`: without its spans). */
	block(i: number, bare = false): Block {
		const flags = this.packed.blockFlags[i];
		const inA = (flags & IN_A_BIT) !== 0;
		const inB = (flags & IN_B_BIT) !== 0;
		if (flags & GAP_BIT) {
			const label = this.#gapLabels.get(i);
			return label === undefined ? { kind: 'gap', inA, inB } : { kind: 'gap', inA, inB, label };
		}
		const spans = bare ? [] : Array.from(this.placedSpans(i), (p) => p.span);
		return { kind: 'paragraph', spans, inA, inB };
	}

	/**
	 * Spans `[from, to)` of block `i` (counted from its first; a gap has none), each with where it
	 * starts in the aligned text, made one at a time as they are asked for: the walk that drawing,
	 * cutting and anchoring share, instead of each counting positions again.
	 */
	*placedSpans(i: number, from = 0, to = this.spanCount(i)): Generator<PlacedSpan> {
		const first = this.packed.blockFirst[i];
		let at = this.spanStart(i, from);
		for (let s = first + from; s < first + to; s++) {
			yield { span: this.#span(s, at), at };
			at += this.packed.spanLength[s];
		}
	}

	/** Blocks `[from, to)`. */
	blocks(from = 0, to = this.blockCount): Block[] {
		const out: Block[] = [];
		for (let i = from; i < to; i++) out.push(this.block(i));
		return out;
	}

	#span(s: number, at: number): Span {
		const p = this.packed;
		const flags = p.spanFlags[s];
		const kind = KINDS[flags & 3];
		const a = p.spanA[s];
		const b = p.spanB[s];
		const length = p.spanLength[s];
		const text =
			p.aligned !== undefined
				? p.aligned.slice(at, at + length)
				: kind === 'insert'
					? this.texts.b.slice(b, b + length)
					: this.texts.a.slice(a, a + length);
		const span: Span = { kind, text };
		if (a >= 0) span.a = a;
		if (b >= 0) span.b = b;
		if (flags & EDITORIAL_BIT) span.editorial = true;
		if (flags & LINE_BIT) span.line = true;
		const c = p.spanChange[s];
		if (c >= 0) {
			span.change = this.#id(c);
			if (flags & FIRST_BIT) span.first = true;
			const changeKind = kindOfCode(p.changeKindCodes[c]);
			if (changeKind) span.changeKind = changeKind;
			if (changeKind === 'placeholder' && kind === 'insert') span.hides = p.changeHidden[c];
			const move = MOVES[p.changeMoves[c]];
			if (move) {
				span.move = move;
				const partner = p.changePartners[c];
				if (partner >= 0) span.partner = this.#id(partner);
			}
		}
		if (flags & CHANGED_BIT) span.changed = true;
		const notes = this.#notes.get(s);
		if (notes?.[0].length) span.notes = notes[0];
		if (notes?.[1].length) span.noteMarkers = notes[1];
		return span;
	}

	/**
	 * The block that holds the character at `offset`: the last block starting at or before it (a
	 * gap has no length, so the paragraph after it, starting at the same place, is the one).
	 */
	blockAt(offset: number): number {
		let lo = 0;
		let hi = this.blockCount - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/** The aligned text `[start, end)`. */
	slice(start: number, end: number): string {
		start = Math.max(0, start);
		end = Math.min(this.length, end);
		if (end <= start) return '';
		const p = this.packed;
		if (p.aligned !== undefined) return p.aligned.slice(start, end);
		const parts: string[] = [];
		let i = this.blockAt(start);
		let at = this.starts[i];
		let s = p.blockFirst[i];
		const last = p.blockFirst[this.blockCount];
		while (s < last && at < end) {
			const length = p.spanLength[s];
			if (at + length > start) {
				const text = this.#spanText(s);
				parts.push(text.slice(Math.max(0, start - at), Math.min(length, end - at)));
			}
			at += length;
			s++;
		}
		return parts.join('');
	}

	#spanText(s: number): string {
		const p = this.packed;
		const length = p.spanLength[s];
		if ((p.spanFlags[s] & 3) === KIND_CODE.insert) return this.texts.b.slice(p.spanB[s], p.spanB[s] + length);
		return this.texts.a.slice(p.spanA[s], p.spanA[s] + length);
	}

	/**
	 * Calls `visit` with the text of every span shown in blocks `[from, to)`, where it starts in
	 * the aligned text, and whether it begins a paragraph; read from the columns, without making
	 * blocks. `showing` says which spans are shown (`showingTable` in modes.ts); null for all.
	 */
	eachSpan(
		showing: Uint8Array | null,
		visit: (text: string, at: number, opens: boolean) => void,
		from = 0,
		to = this.blockCount,
		quiet: ReadonlySet<number> = NONE
	): void {
		const p = this.packed;
		for (let i = from; i < to; i++) {
			let at = this.starts[i];
			let opens = true;
			for (let s = p.blockFirst[i]; s < p.blockFirst[i + 1]; s++) {
				const length = p.spanLength[s];
				if (showing === null || showing[this.#showingIndex(s, quiet)] !== 0) {
					visit(p.aligned !== undefined ? p.aligned.slice(at, at + length) : this.#spanText(s), at, opens);
					opens = false;
				}
				at += length;
			}
		}
	}

	/** Whether a block starts at `offset` (paragraphs join with nothing between them). */
	isBlockEdge(offset: number): boolean {
		return this.starts[this.blockAt(offset)] === offset;
	}

	/** The change with id `id`: its index in reading order, or -1. */
	changeIndex(id: string): number {
		const table = this.packed.changeTable;
		const mask = table.length - 1;
		for (let slot = hashOf(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
			const c = table[slot] - 1;
			if (c < 0) return -1;
			if (this.#id(c) === id) return c;
		}
	}

	/** The id of change `c`. */
	#id(c: number): string {
		return this.packed.changeIds.slice(this.packed.changeIdStarts[c], this.packed.changeIdStarts[c + 1] - 1);
	}

	change(c: number): ChangeRef {
		const p = this.packed;
		const ref: ChangeRef = { id: this.#id(c), kind: CHANGE_EDITS[p.changeKinds[c]] };
		const changeKind = kindOfCode(p.changeKindCodes[c]);
		if (changeKind) ref.changeKind = changeKind;
		if (changeKind === 'placeholder') ref.hidden = p.changeHidden[c];
		const move = MOVES[p.changeMoves[c]];
		if (move) {
			ref.move = move;
			if (p.changePartners[c] >= 0) ref.partner = this.#id(p.changePartners[c]);
		}
		return ref;
	}

	/** The first and last block holding a span of change `c`; -1 for a change with no span. */
	changeBlocks(c: number): [number, number] {
		if (!this.#changeBlocks) {
			const found = new Int32Array(this.changeCount * 2).fill(-1);
			const p = this.packed;
			for (let i = 0; i < this.blockCount; i++) {
				for (let s = p.blockFirst[i]; s < p.blockFirst[i + 1]; s++) {
					const k = p.spanChange[s];
					if (k < 0) continue;
					if (found[2 * k] < 0) found[2 * k] = i;
					found[2 * k + 1] = i;
				}
			}
			this.#changeBlocks = found;
		}
		return [this.#changeBlocks[2 * c], this.#changeBlocks[2 * c + 1]];
	}

	/** The struck and the added text of change `c`. */
	changeText(c: number): { a: string; b: string } {
		const [first, last] = this.changeBlocks(c);
		const out = { a: '', b: '' };
		if (first < 0) return out;
		const p = this.packed;
		for (let s = p.blockFirst[first]; s < p.blockFirst[last + 1]; s++) {
			if (p.spanChange[s] !== c) continue;
			if ((p.spanFlags[s] & 3) === KIND_CODE.insert) out.b += this.#spanText(s);
			else out.a += this.#spanText(s);
		}
		return out;
	}

	/**
	 * Whether block `i` shows a change: a span of a change that `showing` (`showingTable` in
	 * modes.ts) shows at all, and of a kind not hidden, so shown as a change.
	 */
	hasChange(
		i: number,
		showing: Uint8Array,
		hidden: ReadonlySet<ChangeKind>,
		quiet: ReadonlySet<number> = NONE
	): boolean {
		const p = this.packed;
		for (let s = p.blockFirst[i]; s < p.blockFirst[i + 1]; s++) {
			const c = p.spanChange[s];
			if (c < 0 || quiet.has(c) || showing[this.#showingIndex(s, quiet)] === 0) continue;
			const kind = kindOfCode(p.changeKindCodes[c]);
			if (kind === undefined || !hidden.has(kind)) return true;
		}
		return false;
	}

	/** Span `s`'s entry in a `showingTable`: its edit and its change's kind, or quiet. */
	#showingIndex(s: number, quiet: ReadonlySet<number>): number {
		const p = this.packed;
		const c = p.spanChange[s];
		const code = c < 0 ? 0 : quiet.has(c) ? QUIET_CODE : p.changeKindCodes[c];
		return (p.spanFlags[s] & 3) * 16 + code;
	}

	/** What change `c` does, without making its reference (or its id). */
	changeEdit(c: number): ChangeEdit {
		return CHANGE_EDITS[this.packed.changeKinds[c]];
	}

	/** The kind of change `c` (kinds.ts), without making its reference. */
	changeKindOf(c: number): ChangeKind | undefined {
		return kindOfCode(this.packed.changeKindCodes[c]);
	}

	/** The blocks `[first, last]` holding spans a note's passage covers, or null. */
	noteBlocks(noteId: string): [number, number] | null {
		let first = -1;
		let last = -1;
		for (const [s, notes] of this.packed.spanNotes) {
			if (!notes.includes(noteId)) continue;
			const i = this.#blockOfSpan(s);
			if (first < 0 || i < first) first = i;
			if (i > last) last = i;
		}
		return first < 0 ? null : [first, last];
	}

	/** Note id -> the block that holds its marker (where the note is set beside the text). */
	markerBlocks(): Map<string, number> {
		const at = new Map<string, number>();
		for (const [s, , markers] of this.packed.spanNotes) {
			for (const id of markers) at.set(id, this.#blockOfSpan(s));
		}
		return at;
	}

	#blockOfSpan(s: number): number {
		const first = this.packed.blockFirst;
		let lo = 0;
		let hi = this.blockCount - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (first[mid] <= s) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/**
	 * Where span `k` of block `i` (counted from the block's first) starts in the aligned text, and
	 * which span of block `i` holds position `offset`.
	 */
	spanStart(i: number, k: number): number {
		let at = this.starts[i];
		const first = this.packed.blockFirst[i];
		for (let s = first; s < first + k; s++) at += this.packed.spanLength[s];
		return at;
	}
	spanAt(i: number, offset: number): number {
		let at = this.starts[i];
		const first = this.packed.blockFirst[i];
		const end = this.packed.blockFirst[i + 1];
		for (let s = first; s < end; s++) {
			at += this.packed.spanLength[s];
			if (at > offset) return s - first;
		}
		return Math.max(0, end - first - 1);
	}

	/** The first span of change `c`, counted from the first of its first block; -1 for none. */
	changeSpan(c: number): number {
		const [first] = this.changeBlocks(c);
		if (first < 0) return -1;
		const p = this.packed;
		for (let s = p.blockFirst[first]; s < p.blockFirst[first + 1]; s++) {
			if (p.spanChange[s] === c) return s - p.blockFirst[first];
		}
		return -1;
	}

	/** The number of characters the aligned text gives block `i`. */
	blockLength(i: number): number {
		return this.starts[i + 1] - this.starts[i];
	}
}

/** Where each id starts in the ids joined by spaces; one more entry is the length plus one. */
function idStarts(list: ChangeRef[]): Int32Array {
	const starts = new Int32Array(list.length + 1);
	list.forEach((c, i) => (starts[i + 1] = starts[i] + c.id.length + 1));
	return starts;
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`, unsigned. */
function hashOf(text: string, start: number, end: number): number {
	return fnv1a(text, start, end) >>> 0;
}
