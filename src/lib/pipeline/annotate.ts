// Annotate: place notes on a comparison. A note is anchored by a quote (with optional prefix and
// suffix) in one witness, never by offsets, so that it survives re-alignment and edits elsewhere
// in the text. When its quote no longer matches exactly once, the note is reported as
// unanchored, with the reason, and is still shown: a note is never silently dropped or moved.

import type { AnchoredNote, Comparison, NoteAnchor, Segment, Span } from '../types';
import type { LaidText, PlacedSpan } from './laid';
import type { ScanOptions } from './tokenize';

export type QuoteMatch = { found: true; start: number; end: number } | { found: false; count: number };

/** One place where a note's passage stands: `prefix quote suffix` is `text.slice(from, to)`,
 * and the quote alone `text.slice(start, end)`. */
export interface QuotePlace {
	from: number;
	start: number;
	end: number;
	to: number;
}

/** `s` as a pattern in which each run of whitespace matches any run of whitespace. */
function loosely(s: string): string {
	return s
		.split(/(\s+)/)
		.map((part, i) => (i % 2 ? '\\s+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
}

/**
 * Calls `visit` with each place where `prefix quote suffix` stands, overlapping ones included
 * ("found once" must mean once), and returns how many there are.
 *
 * Whitespace is matched loosely, everywhere a quote is looked for (a corpus note's header, a
 * reader's note, a case written from the Compare page): any run of whitespace in the anchor
 * matches any run in the text, and prefix, quote and suffix may meet with or without whitespace
 * between them. A reader copies a quote from a PDF or a printed page, whose line breaks are not
 * the transcriber's; a note header is one line, while the witness keeps its line wrapping; and
 * the Compare page lets a reader re-wrap a text after writing notes on it. None of these changes
 * what the passage says, so none of them should orphan a note. Exact matching found nothing in
 * each case, and said only "no longer found".
 */
function eachQuote(
	text: string,
	{ prefix = '', quote, suffix = '' }: Omit<NoteAnchor, 'witness'>,
	visit: (place: QuotePlace) => void
): number {
	if (quote.trim() === '') return 0;
	// A space at the joint, written on either side, is one run of whitespace in the text. The
	// joint before the quote is lazy, so that a quote that starts with whitespace keeps all of it.
	const before = prefix.trim() ? loosely(prefix.trimEnd()) + (/\s$/.test(prefix) && !/^\s/.test(quote) ? '\\s+?' : '\\s*?') : '';
	const after = suffix.trim() ? (/^\s/.test(suffix) && !/\s$/.test(quote) ? '\\s+' : '\\s*') + loosely(suffix.trimStart()) : '';
	const pattern = new RegExp(`(${before})(${loosely(quote)})${after}`, 'g');
	let count = 0;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const start = match.index + match[1].length;
		const end = start + match[2].length;
		visit({ from: match.index, start, end, to: match.index + match[0].length });
		count++;
		pattern.lastIndex = match.index + 1;
	}
	return count;
}

/** Every place where the anchor's passage stands in `text` (see `eachQuote` on whitespace). */
export function quotePlaces(text: string, anchor: Omit<NoteAnchor, 'witness'>): QuotePlace[] {
	const places: QuotePlace[] = [];
	eachQuote(text, anchor, (place) => places.push(place));
	return places;
}

/**
 * Finds `prefix quote suffix` in `text`, whitespace matched loosely (see `eachQuote`); it must
 * occur exactly once to count as found. The offsets are the quote's, in `text`.
 */
export function findQuote(text: string, anchor: Omit<NoteAnchor, 'witness'>): QuoteMatch {
	let first: QuotePlace | undefined;
	const count = eachQuote(text, anchor, (place) => (first ??= place));
	if (count !== 1) return { found: false, count };
	return { found: true, start: first!.start, end: first!.end };
}

/** The minimal note shape annotate needs: corpus notes and a user's notes both fit. */
export interface NoteRef {
	id: string;
	anchor: NoteAnchor | null;
}

/**
 * Witness ids and texts of the base (`a`) and target (`b`) of the comparison, and how each is
 * read: whether its lines matter, what its square brackets are (`ScanOptions`, tokenize.ts).
 */
export interface Sides {
	a: Side;
	b: Side;
}

export type Side = { id: string; label: string; text: string } & ScanOptions;

/** Anchors each note on side `a` or `b` of the comparison and lists the changes it touches. */
export function annotate(comparison: Comparison, notes: NoteRef[], sides: Sides): AnchoredNote[] {
	return notes.map((note): AnchoredNote => {
		if (!note.anchor) return { noteId: note.id, status: 'case', changes: [] };
		const side = note.anchor.witness === sides.a.id ? 'a' : note.anchor.witness === sides.b.id ? 'b' : null;
		if (!side) {
			// A note on another witness (a third copy) still belongs wherever its words stand here.
			for (const other of ['a', 'b'] as const) {
				const match = findQuote(sides[other].text, note.anchor);
				if (match.found) {
					return {
						noteId: note.id,
						status: 'anchored',
						side: other,
						start: match.start,
						end: match.end,
						changes: changesOverlapping(comparison.segments, other, match.start, match.end)
					};
				}
			}
			return {
				noteId: note.id,
				status: 'unanchored',
				changes: [],
				problem: `its passage, in the “${note.anchor.witness}” witness, is in neither text of this comparison`
			};
		}
		const witness = sides[side];
		const match = findQuote(witness.text, note.anchor);
		if (!match.found) {
			return {
				noteId: note.id,
				status: 'unanchored',
				changes: [],
				problem:
					match.count === 0
						? `its quote is no longer found in “${witness.label}”`
						: `its quote is found ${match.count} times in “${witness.label}”`
			};
		}
		return {
			noteId: note.id,
			status: 'anchored',
			side,
			start: match.start,
			end: match.end,
			changes: changesOverlapping(comparison.segments, side, match.start, match.end)
		};
	});
}

/**
 * Ids of the changes whose text on `side` overlaps [start, end). A change with no text on that
 * side (an insertion seen from the base) counts when it stands strictly inside the passage.
 */
export function changesOverlapping(segments: Segment[], side: 'a' | 'b', start: number, end: number) {
	const ids: string[] = [];
	for (const segment of segments) {
		if (!segment.id) continue;
		const from = side === 'a' ? segment.aStart : segment.bStart;
		const to = from + (side === 'a' ? segment.a : segment.b).length;
		const overlaps = from === to ? from > start && from < end : from < end && to > start;
		if (overlaps) ids.push(segment.id);
	}
	return ids;
}

/**
 * An anchor for a passage the reader selected (positions in the aligned text, see excerpt.ts):
 * a quote in the base when the passage has base text, else in the target (an added passage), with
 * as many words of prefix and suffix as it takes to be found exactly once. Null when the passage
 * has no text of either witness.
 */
export function anchorFor(
	laid: LaidText,
	range: { start: number; end: number },
	sides: Sides
): NoteAnchor | null {
	if (range.end <= range.start) return null;
	const spans: PlacedSpan[] = [];
	for (let i = laid.blockAt(range.start); i <= laid.blockAt(range.end - 1); i++) {
		for (const placed of laid.placedSpans(i)) {
			if (placed.at < range.end && placed.at + placed.span.text.length > range.start) spans.push(placed);
		}
	}
	const inA = spans.filter(({ span }) => span.kind !== 'insert');
	const side = inA.length ? 'a' : 'b';
	const mine = inA.length ? inA : spans;
	if (mine.length === 0) return null;
	// Offsets in the witness: where the first span starts plus how far into it the range starts.
	const first = mine[0];
	const last = mine[mine.length - 1];
	const offset = (s: Span) => (side === 'a' ? s.a : s.b) ?? 0;
	const start = offset(first.span) + Math.max(0, range.start - first.at);
	const end = offset(last.span) + Math.min(last.span.text.length, range.end - last.at);
	return anchorAt(sides[side].text, start, end, sides[side].id);
}

/**
 * An anchor for change `id`, to give it an attribution: a quote of the words it strikes (in the
 * base), or of those it adds when it strikes none (in the target), with as much context as it
 * takes to be found once. The context is prefix and suffix, never quote, so that the quote
 * overlaps this change alone. A change of white space only (a paragraph run on) is quoted by the
 * words on either side of it. Null for a change not in the text or with no span in it.
 */
export function changeAnchor(laid: LaidText, id: string, sides: Sides): NoteAnchor | null {
	const c = laid.changeIndex(id);
	const [first, last] = c < 0 ? [-1, -1] : laid.changeBlocks(c);
	if (first < 0) return null;
	const struck: [number, number][] = [];
	const added: [number, number][] = [];
	for (let i = first; i <= last; i++) {
		for (const { span } of laid.placedSpans(i)) {
			if (span.change !== id) continue;
			if (span.kind === 'delete') struck.push([span.a!, span.a! + span.text.length]);
			else if (span.kind === 'insert') added.push([span.b!, span.b! + span.text.length]);
		}
	}
	const side = struck.length ? 'a' : 'b';
	const places = struck.length ? struck : added;
	const { text, id: witness } = sides[side];
	let start = places[0][0];
	let end = places[places.length - 1][1];
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	if (start === end) {
		// White space only: take in the word before it and the word after it.
		start = wordBoundaryBefore(text, start);
		end = wordBoundaryAfter(text, end);
	}
	return anchorAt(text, start, end, witness);
}

/**
 * An anchor for `text.slice(start, end)` of the witness `witness`: the quote, with as many words
 * of prefix and suffix as it takes to be found exactly once. Null when the quote is white space
 * only, which no anchor can hold.
 */
export function anchorAt(text: string, start: number, end: number, witness: string): NoteAnchor | null {
	const quote = text.slice(start, end);
	if (!quote.trim()) return null;
	const anchor: NoteAnchor = { witness, quote };
	// Widen the context a word at a time, alternating before and after, until the quote is unique.
	let before = start;
	let after = end;
	for (let turn = 0; !findQuote(text, anchor).found && (before > 0 || after < text.length); turn++) {
		if ((turn % 2 === 0 && before > 0) || after >= text.length) {
			before = wordBoundaryBefore(text, before);
			anchor.prefix = text.slice(before, start);
		} else {
			after = wordBoundaryAfter(text, after);
			anchor.suffix = text.slice(end, after);
		}
	}
	return anchor;
}

function wordBoundaryBefore(text: string, from: number): number {
	let i = from;
	while (i > 0 && /\s/.test(text[i - 1])) i--;
	while (i > 0 && !/\s/.test(text[i - 1])) i--;
	return i;
}

function wordBoundaryAfter(text: string, from: number): number {
	let i = from;
	while (i < text.length && /\s/.test(text[i])) i++;
	while (i < text.length && !/\s/.test(text[i])) i++;
	return i;
}
