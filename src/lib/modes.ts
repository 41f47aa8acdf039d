// The view modes, and the kinds of change hidden, in one place: which there are, what each calls
// itself, and what each shows of the two witnesses. The reading view, navigation, find, the
// changes-only view, the exports and the saved workspace all ask here. (The CSS draws the modes with the same rules, by the mode's
// name on the reader.) The clean modes are named for the side they show, `base` and `target`,
// whatever the witnesses are: a speech and its print, a draft and its final text, two editions.

import { CHANGE_KINDS, HIDDEN_KINDS, kindOfCode } from './pipeline/kinds';
import type { ChangeKind, ComparisonStats, Span, ViewMode } from './types';

/** The modes, in the order the toolbar offers them. */
export const MODES: readonly ViewMode[] = ['marks', 'base', 'target', 'side'];

/**
 * The names the clean modes had when they were named for the first case, a speech and its print.
 * Links that carry them (`?mode=published`) have been cited, and workspaces and excerpts were
 * saved with them: they are read still, and never written.
 */
const FORMER_NAMES: Readonly<Record<string, ViewMode>> = { spoken: 'base', published: 'target' };

/**
 * The mode a name stands for, a former name read as its mode (`published` is `target`), or null
 * when no mode has that name. Every mode that comes in (a link, a saved workspace, an imported
 * excerpt) is read here.
 */
export function parseMode(name: unknown): ViewMode | null {
	if (typeof name !== 'string') return null;
	if ((MODES as readonly string[]).includes(name)) return name as ViewMode;
	return Object.hasOwn(FORMER_NAMES, name) ? FORMER_NAMES[name] : null;
}

/** What the toolbar calls a mode: the clean modes by their witness's label. */
export function modeLabel(mode: ViewMode, base: string, target: string): string {
	return { marks: 'Marks on', base, target, side: 'Side by side' }[mode];
}

/** The one witness a clean mode shows, the base (`a`) or the target (`b`); null for both. */
export function witnessShown(mode: ViewMode): 'a' | 'b' | null {
	return mode === 'base' ? 'a' : mode === 'target' ? 'b' : null;
}

/** Whether the mode shows both witnesses, with the marks, rather than one, unmarked. */
export function showsBoth(mode: ViewMode): boolean {
	return witnessShown(mode) === null;
}

/** The kind of span a mode leaves out: a clean witness has no text of the other's changes. */
export function hiddenKind(mode: ViewMode): Exclude<Span['kind'], 'equal'> | null {
	const one = witnessShown(mode);
	return one === 'a' ? 'insert' : one === 'b' ? 'delete' : null;
}

export function showsSpan(mode: ViewMode, kind: Span['kind']): boolean {
	return kind !== hiddenKind(mode);
}

/** Whether a gap of the witnesses `inA` / `inB` has is shown: a clean witness shows its own. */
export function showsGap(mode: ViewMode, gap: { inA: boolean; inB: boolean }): boolean {
	const one = witnessShown(mode);
	return one === 'a' ? gap.inA : one === 'b' ? gap.inB : gap.inA || gap.inB;
}

/** The kinds of span whose changes a mode shows: what next change and changes only go by. */
export function changeKinds(mode: ViewMode): ReadonlySet<'delete' | 'insert'> {
	const hidden = hiddenKind(mode);
	return new Set((['delete', 'insert'] as const).filter((kind) => kind !== hidden));
}

// ---- Kinds of change hidden: the filter ----
//
// A reader hides kinds of change (punctuation, capitals...) to read the changes that matter to
// them. A change of a hidden kind is drawn as plain text of the text the mode reads (the target's,
// or the base's in `base`; each column its own side by side), so the text stays whole; it is not
// stepped to, not counted, and an export leaves it unmarked too.

/** The kinds of change hidden. */
export type Hidden = ReadonlySet<ChangeKind>;

/** Hidden until the reader asks: changes with nothing to see (layout). */
export const DEFAULT_HIDDEN: Hidden = HIDDEN_KINDS;

/** What "Hide punctuation, case and spelling" hides: the changes that leave the words as they were. */
export const WORDS_ONLY: Hidden = new Set<ChangeKind>(['punctuation', 'case', 'spelling', 'layout']);

const KIND_NAMES = new Set<string>(CHANGE_KINDS.map((k) => k.kind));

/**
 * The kinds a link hides (`?hide=punctuation,case`): none named is the default, `none` hides
 * nothing. Names that are no kind are returned apart, to be said.
 */
export function parseHidden(value: string | null): { hidden: Hidden; unknown: string[] } {
	if (value === null) return { hidden: DEFAULT_HIDDEN, unknown: [] };
	const names = value.split(',').filter((name) => name && name !== 'none');
	return {
		hidden: new Set(names.filter((name) => KIND_NAMES.has(name)) as ChangeKind[]),
		unknown: names.filter((name) => !KIND_NAMES.has(name))
	};
}

/** The `hide` parameter for a filter, in the kinds' order; null for the default (no parameter). */
export function hiddenParam(hidden: Hidden): string | null {
	if (sameKinds(hidden, DEFAULT_HIDDEN)) return null;
	return hidden.size === 0 ? 'none' : kindsInOrder(hidden).join(',');
}

export function sameKinds(a: Hidden, b: Hidden): boolean {
	return a.size === b.size && [...a].every((kind) => b.has(kind));
}

/** The kinds of a filter in the order the panel lists them. */
export function kindsInOrder(hidden: Hidden): ChangeKind[] {
	return CHANGE_KINDS.map((k) => k.kind).filter((kind) => hidden.has(kind));
}

/** The filter in words, for a heading or an export: `Hidden: punctuation, capitals.`; '' for none. */
export function hiddenLabel(hidden: Hidden): string {
	const labels = kindLabels(hidden);
	return labels.length ? `Changes hidden: ${labels.join(', ')}.` : '';
}

/** The kinds' labels, lower-cased, in the panel's order: `capitals`, `punctuation`. */
function kindLabels(kinds: Iterable<ChangeKind>): string[] {
	const set = new Set(kinds);
	return CHANGE_KINDS.filter((k) => set.has(k.kind)).map((k) => k.label.toLowerCase());
}

/**
 * How a mode, with the kinds hidden, shows a span: `marked` (struck or added), `plain` (as text of
 * the witness read) or `none`. Side by side shows a hidden kind plain in each column (`plain`:
 * the column decides), and an export that writes it as one text treats it as `marks`.
 */
export function spanShowing(
	mode: ViewMode,
	hidden: Hidden,
	span: { kind: Span['kind']; changeKind?: ChangeKind },
	/** The change is quiet whatever its kind: its hand or its cause is hidden. */
	quiet = false
): 'marked' | 'plain' | 'none' {
	if (span.kind === 'equal') return 'plain';
	if (!showsSpan(mode, span.kind)) return 'none';
	const ofHiddenKind = span.changeKind !== undefined && hidden.has(span.changeKind);
	if (!quiet && !ofHiddenKind) return showsBoth(mode) ? 'marked' : 'plain';
	if (mode === 'side') return 'plain';
	return span.kind === (witnessShown(mode) === 'a' ? 'delete' : 'insert') ? 'plain' : 'none';
}

/**
 * `spanShowing` as a table for a column scan: entry `editCode * 16 + kindCode` (edit codes 0
 * equal, 1 delete, 2 insert; kind codes from `kindCode`) is 0 none, 1 plain, 2 marked.
 */
export function showingTable(mode: ViewMode, hidden: Hidden): Uint8Array {
	const table = new Uint8Array(48);
	const edits = ['equal', 'delete', 'insert'] as const;
	const value = { none: 0, plain: 1, marked: 2 };
	for (let e = 0; e < 3; e++) {
		for (let k = 0; k < QUIET_CODE; k++) {
			table[e * 16 + k] = value[spanShowing(mode, hidden, { kind: edits[e], changeKind: kindOfCode(k) })];
		}
		// A change quiet by its hand or cause shows as a hidden kind's does.
		table[e * 16 + QUIET_CODE] = value[spanShowing(mode, hidden, { kind: edits[e] }, true)];
	}
	return table;
}

/** The column `showingTable` gives a change made quiet by its hand or cause, whatever its kind. */
export const QUIET_CODE = 15;

/** Whether a change of this kind is shown as a change (stepped to, counted) with these kinds hidden. */
export function showsKind(hidden: Hidden, kind: ChangeKind | undefined): boolean {
	return kind === undefined || !hidden.has(kind);
}

/**
 * The figures as the reader sees them, with the kinds `hidden` left out: words struck and added,
 * the share suppressed, the changes (and the moves, when moves are hidden).
 */
export function statsWith(stats: ComparisonStats, hidden: Hidden): ComparisonStats {
	let { wordsStruck, wordsAdded, changes } = stats;
	for (const kind of hidden) {
		const count = stats.kinds[kind];
		wordsStruck -= count.wordsStruck;
		wordsAdded -= count.wordsAdded;
		changes -= count.changes;
	}
	return {
		...stats,
		wordsStruck,
		wordsAdded,
		changes,
		suppressedShare: stats.wordsA === 0 ? 0 : wordsStruck / stats.wordsA,
		...(hidden.has('moved') ? { moves: 0, wordsMoved: 0 } : {})
	};
}

/**
 * The labels of the kinds an excerpt hid, for an export to name them; none when it hid only what
 * is hidden by default (layout changes, which have nothing to show either way).
 */
export function hiddenNamed(hidden: readonly ChangeKind[] = []): string[] {
	return sameKinds(new Set(hidden), DEFAULT_HIDDEN) ? [] : kindLabels(hidden);
}

// ---- Hands and causes hidden ----
//
// A reader may also hide the changes of one hand or for one cause (`?hide-hand=Stalin, pencil`,
// `?hide-cause=political`): those changes are quiet, as a hidden kind's are, wherever they are
// drawn, counted, stepped to, found or exported. Unlike kinds, hands and causes are said of a few
// changes by the scholar, not of every change: the filter resolves to the set of those changes' ids.

/** The hands (as written) and the causes (by id) hidden. */
export interface HiddenBy {
	hands: ReadonlySet<string>;
	causes: ReadonlySet<string>;
}

export const NONE_BY: HiddenBy = { hands: new Set(), causes: new Set() };

/** The ids of the changes a hand or a cause hidden makes quiet. */
export function quietChanges(
	attributions: Readonly<Record<string, { hand?: string; cause?: { id: string } }>>,
	by: HiddenBy
): ReadonlySet<string> {
	const quiet = new Set<string>();
	if (!by.hands.size && !by.causes.size) return quiet;
	for (const [change, a] of Object.entries(attributions)) {
		if ((a.hand && by.hands.has(a.hand)) || (a.cause && by.causes.has(a.cause.id))) quiet.add(change);
	}
	return quiet;
}

/** The filter by hand and cause in words, for a heading or an export; '' for none. */
export function hiddenByLabel(by: { hands: Iterable<string>; causes: Iterable<string> }, causeLabel = (id: string) => id): string {
	const parts = [
		...[...by.hands].map((hand) => `by ${hand}`),
		...[...by.causes].map((cause) => `for ${causeLabel(cause)}`)
	];
	return parts.length ? `Changes hidden: ${parts.join(', ')}.` : '';
}
