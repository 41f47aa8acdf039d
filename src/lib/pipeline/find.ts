// Find in the text. The reading view draws only the paragraphs near the screen, so the browser's
// own search cannot see the rest: this searches the whole text as the mode shows it (marks on and
// side by side: struck and added text both; a clean witness: its own text only) and gives the
// matches as positions of the aligned text (excerpt.ts), which the view can scroll to and mark.

import type { ViewMode } from '../types';
import type { LaidText } from './laid';
import type { Range } from './excerpt';

/** The most matches listed: enough to step through, few enough to find at once. */
export const MAX_MATCHES = 10_000;

/** A mode's text, lower-cased for search, and where each of its pieces stands in the aligned text. */
interface Searchable {
	text: string;
	/** Piece k starts at `at[k]` in `text` and at `aligned[k]` in the aligned text. */
	at: Float64Array;
	aligned: Float64Array;
}

const made = new WeakMap<LaidText, Map<string, Searchable>>();

function searchable(laid: LaidText, mode: ViewMode): Searchable {
	const hidden = mode === 'spoken' ? 'insert' : mode === 'published' ? 'delete' : null;
	const key = hidden ?? 'all';
	let byMode = made.get(laid);
	if (!byMode) made.set(laid, (byMode = new Map()));
	const known = byMode.get(key);
	if (known) return known;
	const parts: string[] = [];
	const at: number[] = [];
	const aligned: number[] = [];
	let length = 0;
	laid.eachSpan(hidden, (text, position, opens) => {
		// Paragraphs are joined by a character no query matches (not even as white space), so
		// that no match runs from one into the next.
		const joined = parts.length > 0 && opens ? '\uffff' : '';
		parts.push(joined + text);
		length += joined.length;
		at.push(length);
		aligned.push(position);
		length += text.length;
	});
	const result = {
		text: parts.join('').toLowerCase(),
		at: Float64Array.from(at),
		aligned: Float64Array.from(aligned)
	};
	// Lower-casing can change a text's length (İ): then positions would drift, so search as written.
	if (result.text.length !== length) result.text = parts.join('');
	byMode.set(key, result);
	return result;
}

/** The aligned position of position `p` of a mode's text. */
function toAligned(s: Searchable, p: number): number {
	let lo = 0;
	let hi = s.at.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (s.at[mid] <= p) lo = mid;
		else hi = mid - 1;
	}
	return s.aligned[lo] + (p - s.at[lo]);
}

/**
 * Every match of `query` (case-insensitive, white space matching any run of white space) in the
 * text as `mode` shows it, in reading order, at most MAX_MATCHES; `more` says there were others.
 */
export function find(laid: LaidText, mode: ViewMode, query: string): { matches: Range[]; more: boolean } {
	const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return { matches: [], more: false };
	const s = searchable(laid, mode);
	const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'g');
	const matches: Range[] = [];
	for (const match of s.text.matchAll(pattern)) {
		if (matches.length === MAX_MATCHES) return { matches, more: true };
		const start = toAligned(s, match.index);
		const end = toAligned(s, match.index + match[0].length - 1) + 1;
		matches.push({ start, end });
	}
	return { matches, more: false };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
