// A reader's own texts all at once (the Compare page, with three or more): which texts are
// collated and in what order, what keeps them from being collated or is worth saying of them, and
// the apparatus view of a collation. Pure: the collation itself runs in a worker
// (collate.worker.ts), and the page's state (own-collation.svelte.ts) asks here.

import { placeNotes, type ApparatusView } from '../apparatus-view';
import { sameText } from '../import/check';
import { UNDETERMINED } from '../language';
import { variantPlaces, type Apparatus } from '../pipeline/apparatus';
import { ownWitness, workspaceAbout } from '../view';
import type { Workspace, WorkspaceNote } from './types';

/** A text as it is collated: its id, its words, and whether its lines matter. */
export interface CollationText {
	id: string;
	text: string;
	lines: boolean;
}

/** A collation of a workspace's texts: the texts as they were collated, the base first. */
export interface Collation {
	texts: CollationText[];
	apparatus: Apparatus;
}

/** The texts to collate: the base (`ws.base`, or else the first) first, then the others in order. */
export function collationTexts(ws: Pick<Workspace, 'texts' | 'base'>): CollationText[] {
	const base = ws.texts.some((t) => t.id === ws.base) ? ws.base : ws.texts[0].id;
	return [...ws.texts]
		.sort((x, y) => Number(y.id === base) - Number(x.id === base))
		.map((t) => ({ id: t.id, text: t.text, lines: Boolean(t.lines) }));
}

/** Whether two lists of texts would be collated alike: the same texts, read alike, in order. */
export function sameTexts(x: CollationText[], y: CollationText[]): boolean {
	return (
		x.length === y.length &&
		x.every((t, i) => t.id === y[i].id && t.text === y[i].text && t.lines === y[i].lines)
	);
}

/** Labels as a sentence names them: `“A”`, `“A” and “B”`, `“A”, “B” and “C”`. */
function names(labels: string[]): string {
	const quoted = labels.map((l) => `“${l}”`);
	return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Why the texts cannot be collated yet, in words (the texts that are empty), or null. */
export function collationProblem(texts: { label: string; text: string }[]): string | null {
	const empty = texts.filter((t) => !t.text.trim());
	if (!empty.length) return null;
	if (empty.length === texts.length) return `Give the ${texts.length} texts to see them all at once.`;
	const one = empty.length === 1;
	return (
		`${names(empty.map((t) => t.label))} ${one ? 'is' : 'are'} empty: give ${one ? 'it a text' : 'them texts'}, ` +
		`or remove ${one ? 'it' : 'them'}, to see all the texts at once.`
	);
}

/**
 * What the reader should be told of a collation beside the apparatus, or null: that the texts are
 * all identical, that they differ only in white space (the apparatus has no variants to show), or
 * which text is the very same as an earlier one (it shares every reading with it).
 */
export function collationNotice(collation: Collation, labels: Record<string, string>): string | null {
	const { texts, apparatus } = collation;
	const label = (id: string) => labels[id] ?? id;
	if (texts.every((t) => sameText(t.text, texts[0].text))) {
		return `The ${texts.length} texts are identical: no differences.`;
	}
	if (!variantPlaces(apparatus, new Set(apparatus.witnesses)).length) {
		return `No differences in the words: the ${texts.length} texts differ only in white space or line endings.`;
	}
	const same = texts.flatMap((t, i) => {
		const earlier = texts.slice(0, i).find((e) => sameText(e.text, t.text));
		return earlier ? [`“${label(t.id)}” is the same text as “${label(earlier.id)}”: they share every reading.`] : [];
	});
	return same.length ? same.join(' ') : null;
}

/**
 * The apparatus view of a collation of the workspace's texts: the workspace's title and people,
 * each text a witness with its label as its siglum, and the notes at their places in the texts as
 * they were collated (which may lag the workspace's while the reader types). Private, as the
 * reading of a pair is.
 */
export function workspaceApparatus(
	ws: Workspace,
	collation: Collation,
	notes: (WorkspaceNote & { html: string })[]
): ApparatusView {
	const byId = new Map(ws.texts.map((t) => [t.id, t]));
	const witnesses = collation.texts.map(({ id }) => {
		const t = byId.get(id);
		// A text removed since the collation keeps its place until the next: named by its id.
		const witness = t ? ownWitness(t) : { id, label: id, language: UNDETERMINED };
		return { ...witness, siglum: witness.label, ...(t ? { description: t.origin } : {}), source: 'own' };
	});
	return {
		...workspaceAbout(ws),
		language: witnesses[0].language,
		witnesses,
		defaultBase: witnesses[0].id,
		apparatus: collation.apparatus,
		notes: placeNotes(collation.apparatus, collation.texts, notes),
		private: true
	};
}
