// The view modes, in one place: which there are, what each calls itself, and what each shows of
// the two witnesses. The reading view, navigation, find, the changes-only view, the exports and
// the saved workspace all ask here. (The CSS draws the modes with the same rules, by the mode's
// name on the reader.) The clean modes are named for the side they show, `base` and `target`,
// whatever the witnesses are: a speech and its print, a draft and its final text, two editions.

import type { Span, ViewMode } from './types';

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
