// Attribute: put each attribution (who made a change, why, how sure we are) on its change. An
// attribution is anchored as a note is, by a quote in the base or the target (annotate.ts), and
// must overlap exactly one change: the quote names the change, so a quote that names none, or two,
// or a change that another attribution already names, is reported with the reason and never
// guessed at. The corpus loader refuses a case whose attributions do not all land
// (corpus/parse.ts); a reader's own comparison shows the problem beside the attribution.

import type { Attribution, Certainty, Comparison, PlacedAttribution, Segment } from '../types';
import { changesOverlapping, findQuote, type Sides } from './annotate';

/** The certainties, surest first. */
export const CERTAINTIES: readonly Certainty[] = ['certain', 'probable', 'conjectural'];

/** Places each attribution on the one change its quote overlaps, in the order given: of two on
 * the same change, the later is reported as a duplicate. */
export function placeAttributions(
	comparison: Comparison,
	attributions: Attribution[],
	sides: Sides
): PlacedAttribution[] {
	const byId = new Map(comparison.segments.filter((s) => s.id).map((s) => [s.id!, s]));
	const taken = new Map<string, Attribution>();
	return attributions.map((attribution): PlacedAttribution => {
		const unplaced = (problem: string) => ({ attribution, problem });
		const { witness } = attribution.anchor;
		const side = witness === sides.a.id ? 'a' : witness === sides.b.id ? 'b' : null;
		if (!side) {
			return unplaced(
				`witness "${witness}" is not one of the two compared ("${sides.a.id}" and "${sides.b.id}")`
			);
		}
		const match = findQuote(sides[side].text, attribution.anchor);
		if (!match.found) {
			return unplaced(
				match.count === 0
					? `quote not found in witness "${witness}"`
					: `quote found ${match.count} times in witness "${witness}"`
			);
		}
		const ids = changesOverlapping(comparison.segments, side, match.start, match.end);
		if (ids.length === 0) return unplaced('quote is on no change');
		if (ids.length > 1) {
			const list = ids.map((id) => describeChange(byId.get(id)!)).join(', ');
			return unplaced(`quote is on ${ids.length} changes: ${list}`);
		}
		const [change] = ids;
		const first = taken.get(change);
		if (first) {
			const where = first.line === undefined ? '' : ` (first on line ${first.line})`;
			return unplaced(
				`duplicate: change ${describeChange(byId.get(change)!)} already has an attribution${where}`
			);
		}
		taken.set(change, attribution);
		return { attribution, change };
	});
}

/** A change as a message names it: its id and what it does, `c-0vyu41u (“sum total” → “whole”)`. */
function describeChange(segment: Segment): string {
	const shown = (text: string) => {
		const flat = text.replace(/\s+/g, ' ').trim();
		if (flat === '') return /\n\s*\n/.test(text) ? 'a paragraph break' : 'a space';
		return `“${flat.length > 30 ? `${flat.slice(0, 29).trimEnd()}…` : flat}”`;
	};
	const what =
		segment.kind === 'delete'
			? `${shown(segment.a)} struck`
			: segment.kind === 'insert'
				? `${shown(segment.b)} added`
				: `${shown(segment.a)} → ${shown(segment.b)}`;
	return `${segment.id} (${what})`;
}
