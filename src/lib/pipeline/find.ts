// Find in the text. The reading view draws only the paragraphs near the screen, so the browser's
// own search cannot see the rest: this searches the whole text as the mode shows it (marks on and
// side by side: struck and added text both; a clean witness: its own text only; a change of a
// hidden kind: only the text the mode reads, see modes.ts) and gives the
// matches as positions of the aligned text (excerpt.ts), which the view can scroll to and mark.

import { DEFAULT_HIDDEN, hiddenParam, showingTable, type Hidden } from '../modes';
import type { ViewMode } from '../types';
import type { LaidText } from './laid';
import type { Range } from './excerpt';

/** The most matches listed: enough to step through, few enough to find at once. */
export const MAX_MATCHES = 10_000;

/** Paragraphs per slice of a mode's text: searched, and made, one slice at a time. */
const SLICE_BLOCKS = 1500;

/**
 * A slice of a mode's text (whole paragraphs), lower-cased for search, and where each of its
 * pieces stands in the aligned text.
 */
interface Slice {
	text: string;
	/** Piece k starts at `at[k]` in `text` and at `aligned[k]` in the aligned text. */
	at: Float64Array;
	aligned: Float64Array;
}

const made = new WeakMap<LaidText, Map<string, Slice[]>>();

function sliceOf(laid: LaidText, mode: ViewMode, hidden: Hidden, quiet: ReadonlySet<number>, k: number): Slice {
	const key = `${mode} ${hiddenParam(hidden)} ${[...quiet].join(',')}`;
	let byMode = made.get(laid);
	if (!byMode) made.set(laid, (byMode = new Map()));
	let slices = byMode.get(key);
	if (!slices) byMode.set(key, (slices = []));
	const known = slices[k];
	if (known) return known;
	const parts: string[] = [];
	const at: number[] = [];
	const aligned: number[] = [];
	let length = 0;
	laid.eachSpan(
		showingTable(mode, hidden),
		(text, position, opens) => {
			// Paragraphs are joined by a character no query matches (not even as white space), so
			// that no match runs from one into the next.
			const joined = parts.length > 0 && opens ? '\uffff' : '';
			parts.push(joined + text);
			length += joined.length;
			at.push(length);
			aligned.push(position);
			length += text.length;
		},
		k * SLICE_BLOCKS,
		Math.min(laid.blockCount, (k + 1) * SLICE_BLOCKS),
		quiet
	);
	let text = parts.join('').toLowerCase();
	// Lower-casing can change a text's length (İ): then positions would drift, so search as written.
	if (text.length !== length) text = parts.join('');
	const slice = { text, at: Float64Array.from(at), aligned: Float64Array.from(aligned) };
	slices[k] = slice;
	return slice;
}

/** The aligned position of position `p` of a slice. */
function toAligned(s: Slice, p: number): number {
	let lo = 0;
	let hi = s.at.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (s.at[mid] <= p) lo = mid;
		else hi = mid - 1;
	}
	return s.aligned[lo] + (p - s.at[lo]);
}

export interface Found {
	matches: Range[];
	/** There were more than MAX_MATCHES. */
	more: boolean;
}

/** Searches slice by slice, yielding after each: `find` runs it through, `findSoon` in pieces. */
function* search(
	laid: LaidText,
	mode: ViewMode,
	hidden: Hidden,
	quiet: ReadonlySet<number>,
	query: string
): Generator<void, Found> {
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	const matches: Range[] = [];
	if (words.length === 0) return { matches, more: false };
	const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
	for (let k = 0; k * SLICE_BLOCKS < laid.blockCount; k++) {
		const slice = sliceOf(laid, mode, hidden, quiet, k);
		for (const match of slice.text.matchAll(pattern)) {
			if (matches.length === MAX_MATCHES) return { matches, more: true };
			const start = toAligned(slice, match.index);
			const end = toAligned(slice, match.index + match[0].length - 1) + 1;
			matches.push({ start, end });
		}
		yield;
	}
	return { matches, more: false };
}

/**
 * Every match of `query` (case-insensitive, white space matching any run of white space) in the
 * text as `mode` shows it with the kinds `hidden`, in reading order, at most MAX_MATCHES; `more`
 * says there were others.
 */
export function find(
	laid: LaidText,
	mode: ViewMode,
	query: string,
	hidden: Hidden = DEFAULT_HIDDEN,
	quiet: ReadonlySet<number> = new Set()
): Found {
	const run = search(laid, mode, hidden, quiet, query);
	for (;;) {
		const step = run.next();
		if (step.done) return step.value;
	}
}

/**
 * `find`, in pieces of about `budget` ms with the page free to answer between them (a 20 MB
 * text takes half a second to search the first time); null when `signal` aborts it first.
 */
export async function findSoon(
	laid: LaidText,
	mode: ViewMode,
	query: string,
	signal: AbortSignal,
	hidden: Hidden = DEFAULT_HIDDEN,
	budget = 30,
	quiet: ReadonlySet<number> = new Set()
): Promise<Found | null> {
	const run = search(laid, mode, hidden, quiet, query);
	let since = performance.now();
	for (;;) {
		if (signal.aborted) return null;
		const step = run.next();
		if (step.done) return step.value;
		if (performance.now() - since > budget) {
			await new Promise((resolve) => setTimeout(resolve));
			since = performance.now();
		}
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
