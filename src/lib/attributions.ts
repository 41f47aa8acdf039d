// Attributions as a reader meets them: who made a change, why and how sure, on the change itself
// (its badge, the card of a note on it, the exports), or, for one that could not be placed, apart
// with the reason, never dropped; and what the figures and filters count by hand and by cause.
// Pure: a case page's are made at build time, the Compare page's from where the worker placed
// the reader's own (view.ts).

import type { ChangeAttribution, NoteAnchor } from './types';

/**
 * Where an attribution landed, one for each attribution given, in its order: on a change, with
 * the words that change strikes and adds (as the figures count them), or nowhere, and why.
 */
export type Placement =
	| { change: string; wordsStruck: number; wordsAdded: number }
	| { problem: string };

/** An attribution as given, what it says resolved (the cause's label, the source's citation). */
export interface GivenAttribution extends ChangeAttribution {
	anchor: NoteAnchor;
	/** A reader's own attribution's id, by which the Compare page edits it. */
	id?: string;
}

/** An attribution on its change, with the words the change strikes and adds. */
export interface AttributionView extends ChangeAttribution {
	wordsStruck: number;
	wordsAdded: number;
	id?: string;
}

/** An attribution that could not be placed: what it says, the passage it quotes, and why not. */
export interface UnplacedAttribution extends ChangeAttribution {
	anchor: NoteAnchor;
	problem: string;
	id?: string;
}

/** The attributions of a reading: by the id of the change each is on, and those on none. */
export interface PlacedViews {
	attributions: Record<string, AttributionView>;
	unplaced: UnplacedAttribution[];
}

/** Puts each attribution given on the change its placement names, or with those on none. */
export function placedViews(given: GivenAttribution[], placed: Placement[]): PlacedViews {
	const views: PlacedViews = { attributions: {}, unplaced: [] };
	given.forEach(({ anchor, ...said }, i) => {
		const place = placed[i];
		// Given since the reading was made (the worker answers for what it was sent): not placed yet.
		if (!place) return;
		if ('problem' in place) views.unplaced.push({ ...said, anchor, problem: place.problem });
		else {
			const { wordsStruck, wordsAdded } = place;
			views.attributions[place.change] = { ...said, wordsStruck, wordsAdded };
		}
	});
	return views;
}

/**
 * What an attribution says, in the words every place shows it, in order: the hand, the cause's
 * label, the certainty (`['Stalin, pencil', 'Political', 'probable']`). The badge joins them with
 * ` · `, the exports' labels with `; `.
 */
export function attributionWords({ hand, cause, cert }: ChangeAttribution): string[] {
	return [hand, cause?.label, cert].filter((word): word is string => Boolean(word));
}

/** The changes of one hand or one cause, and the words they strike and add. */
export interface Tally {
	/** The hand, or the cause's id: what a filter keeps. */
	key: string;
	/** How it is shown: the hand, or the cause's label. */
	label: string;
	/** Ids of its changes, in the order of the attributions. */
	changes: string[];
	wordsStruck: number;
	wordsAdded: number;
}

/**
 * The hands and the causes of a reading's attributions, each with its changes and their words, in
 * the order they are first named: what the figures show and a filter offers.
 */
export function tally(attributions: Record<string, AttributionView>): { hands: Tally[]; causes: Tally[] } {
	const hands = new Map<string, Tally>();
	const causes = new Map<string, Tally>();
	const add = (into: Map<string, Tally>, key: string, label: string, change: string, a: AttributionView) => {
		let t = into.get(key);
		if (!t) into.set(key, (t = { key, label, changes: [], wordsStruck: 0, wordsAdded: 0 }));
		t.changes.push(change);
		t.wordsStruck += a.wordsStruck;
		t.wordsAdded += a.wordsAdded;
	};
	for (const [change, a] of Object.entries(attributions)) {
		if (a.hand) add(hands, a.hand, a.hand, change, a);
		if (a.cause) add(causes, a.cause.id, a.cause.label, change, a);
	}
	return { hands: [...hands.values()], causes: [...causes.values()] };
}
