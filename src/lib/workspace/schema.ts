// What a workspace is, checked: the shape every workspace that comes in (from this browser's
// storage, a JSON file) must have before the page uses it, and a plain copy of one. Kept apart
// from storage.ts, which only stores, and files.ts, which reads and writes files, so that both ask
// the same questions.

import { guessLanguage, UNDETERMINED, usableLanguage } from '../language';
import { MODES, parseMode } from '../modes';
import { CERTAINTIES } from '../pipeline/attribute';
import type { Certainty, NoteAnchor } from '../types';
import type {
	Workspace,
	WorkspaceAttribution,
	WorkspaceMeta,
	WorkspaceNote,
	WorkspaceText
} from './types';

/**
 * A workspace as it may have been saved: before the texts had languages of their own, one
 * language for all was in `meta`; before attributions were kept, it had none. `copyWorkspace`
 * makes it a workspace of today.
 */
export type SavedWorkspace = Omit<Workspace, 'texts' | 'meta' | 'attributions'> & {
	texts: (Omit<WorkspaceText, 'language'> & { language?: string })[];
	meta: WorkspaceMeta & { language?: string };
	attributions?: WorkspaceAttribution[];
};

export type Shape = Record<string, unknown>;
export const isObject = (value: unknown): value is Shape =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first way `value` is not a workspace, as `<field> <problem>` (`texts[1].label is missing`,
 * `two texts have the id “spoken”`), or null when it is one. The point is to refuse what would
 * break the page, not to lose work over a slip the page can show and the reader can fix: the
 * shape is checked, and of the sense only what the page relies on (two texts at least, ids that
 * tell texts and notes apart). A base that names no text is a workspace still: the page compares
 * the first two texts then.
 */
export function workspaceProblem(value: unknown): string | null {
	if (!isObject(value)) return 'the workspace is not an object';
	const text = (shape: Shape, field: string, at: string, optional = false) => {
		const v = shape[field];
		if (v === undefined && optional) return null;
		if (v === undefined) return `${at}${field} is missing`;
		return typeof v === 'string' ? null : `${at}${field} is not text`;
	};
	const list = (v: unknown, at: string) =>
		Array.isArray(v) ? null : v === undefined ? `${at} is missing` : `${at} is not a list`;

	const texts = value.texts;
	const problem = list(texts, 'texts');
	if (problem) return problem;
	for (const [i, item] of (texts as unknown[]).entries()) {
		const at = `texts[${i}]`;
		if (!isObject(item)) return `${at} is not an object`;
		for (const field of ['id', 'label', 'text', 'origin']) {
			const p = text(item, field, `${at}.`);
			if (p) return p;
		}
		for (const field of ['encoding', 'language']) {
			const p = text(item, field, `${at}.`, true);
			if (p) return p;
		}
		// Absent in a workspace saved before texts had it: their lines did not matter.
		if (item.lines !== undefined && typeof item.lines !== 'boolean') {
			return `${at}.lines is not true or false`;
		}
	}
	for (const field of ['base', 'target']) {
		const p = text(value, field, '');
		if (p) return p;
	}

	const notes = value.notes;
	const notesProblem = list(notes, 'notes');
	if (notesProblem) return notesProblem;
	const anchorProblem = (anchor: unknown, at: string) => {
		if (!isObject(anchor)) return `${at} is not an object`;
		for (const [field, optional] of [
			['witness', false],
			['quote', false],
			['prefix', true],
			['suffix', true]
		] as const) {
			const p = text(anchor, field, `${at}.`, optional);
			if (p) return p;
		}
		return null;
	};
	for (const [i, item] of (notes as unknown[]).entries()) {
		const at = `notes[${i}]`;
		if (!isObject(item)) return `${at} is not an object`;
		for (const field of ['id', 'title', 'markdown']) {
			const p = text(item, field, `${at}.`);
			if (p) return p;
		}
		const anchor = item.anchor;
		if (anchor === undefined) return `${at}.anchor is missing`;
		if (anchor === null) continue;
		if (!isObject(anchor)) return `${at}.anchor is not an object or null`;
		const p = anchorProblem(anchor, `${at}.anchor`);
		if (p) return p;
	}

	// A workspace saved before attributions were kept has none: that is no problem.
	const attributions = value.attributions;
	if (attributions !== undefined) {
		if (!Array.isArray(attributions)) return 'attributions is not a list';
		for (const [i, item] of attributions.entries()) {
			const at = `attributions[${i}]`;
			if (!isObject(item)) return `${at} is not an object`;
			const p =
				text(item, 'id', `${at}.`) ??
				(item.anchor === undefined ? `${at}.anchor is missing` : anchorProblem(item.anchor, `${at}.anchor`)) ??
				['hand', 'cause', 'cert', 'date', 'file'].map((f) => text(item, f, `${at}.`, true)).find(Boolean);
			if (p) return p;
			if (item.cert !== undefined && !CERTAINTIES.includes(item.cert as Certainty)) {
				return `${at}.cert is not one of ${CERTAINTIES.join(', ')}`;
			}
		}
	}

	const meta = value.meta;
	if (meta === undefined) return 'meta is missing';
	if (!isObject(meta)) return 'meta is not an object';
	for (const field of ['title', 'date', 'summary', 'kind', 'source', 'rights']) {
		const p = text(meta, field, 'meta.');
		if (p) return p;
	}
	const older = text(meta, 'language', 'meta.', true);
	if (older) return older;
	const people = meta.people;
	const peopleProblem = list(people, 'meta.people');
	if (peopleProblem) return peopleProblem;
	const person = (people as unknown[]).findIndex((p) => typeof p !== 'string');
	if (person >= 0) return `meta.people[${person}] is not text`;

	if (value.pairwise !== undefined && typeof value.pairwise !== 'boolean') {
		return 'pairwise is not true or false';
	}
	if (value.mode === undefined) return 'mode is missing';
	if (parseMode(value.mode) === null) {
		return `mode is not one of ${MODES.join(', ')}`;
	}
	return meaningProblem(value as unknown as Workspace);
}

/** What in a workspace of the right shape would still break the page, or null. */
function meaningProblem(ws: Workspace): string | null {
	if (ws.texts.length < 2) {
		const has = ws.texts.length === 0 ? 'no texts' : 'only one text';
		return `it has ${has}, and a comparison needs two`;
	}
	const twice = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
	const text = twice(ws.texts.map((t) => t.id));
	if (text !== undefined) return `two texts have the id “${text}”`;
	const note = twice(ws.notes.map((n) => n.id));
	if (note !== undefined) return `two notes have the id “${note}”`;
	const attribution = twice((ws.attributions ?? []).map((a) => a.id));
	if (attribution !== undefined) return `two attributions have the id “${attribution}”`;
	return null;
}

/** Whether `value` has the shape of a workspace (see `workspaceProblem` for what is checked). */
export function isWorkspace(value: unknown): value is Workspace {
	return workspaceProblem(value) === null;
}

/**
 * A plain copy with only the fields a workspace has: no proxies, nothing unknown carried along.
 * A workspace saved before each text had its language gets one: the guess from the text
 * (language.ts), or, when that says nothing, the one language it had for all.
 */
export function copyWorkspace(ws: SavedWorkspace): Workspace {
	const older = usableLanguage(ws.meta.language ?? UNDETERMINED);
	const languageOf = (text: string) => {
		const guess = guessLanguage(text);
		return guess === UNDETERMINED ? older : guess;
	};
	const text = (t: SavedWorkspace['texts'][number]): WorkspaceText => {
		const copy: WorkspaceText = {
			id: t.id,
			label: t.label,
			text: t.text,
			origin: t.origin,
			language: t.language ?? languageOf(t.text)
		};
		if (t.encoding !== undefined) copy.encoding = t.encoding;
		if (t.lines) copy.lines = true;
		return copy;
	};
	const anchorOf = (anchor: NoteAnchor): NoteAnchor => {
		const copy: NoteAnchor = { witness: anchor.witness, quote: anchor.quote };
		if (anchor.prefix !== undefined) copy.prefix = anchor.prefix;
		if (anchor.suffix !== undefined) copy.suffix = anchor.suffix;
		return copy;
	};
	const note = (n: WorkspaceNote): WorkspaceNote => ({
		id: n.id,
		title: n.title,
		markdown: n.markdown,
		anchor: n.anchor && anchorOf(n.anchor)
	});
	const attribution = (a: WorkspaceAttribution): WorkspaceAttribution => {
		const copy: WorkspaceAttribution = { id: a.id, anchor: anchorOf(a.anchor) };
		if (a.hand !== undefined) copy.hand = a.hand;
		if (a.cause !== undefined) copy.cause = a.cause;
		if (a.cert !== undefined) copy.cert = a.cert;
		if (a.date !== undefined) copy.date = a.date;
		if (a.file !== undefined) copy.file = a.file;
		return copy;
	};
	const { meta } = ws;
	const copy: Workspace = {
		texts: ws.texts.map(text),
		base: ws.base,
		target: ws.target,
		notes: ws.notes.map(note),
		attributions: (ws.attributions ?? []).map(attribution),
		meta: {
			title: meta.title,
			date: meta.date,
			people: [...meta.people],
			summary: meta.summary,
			kind: meta.kind,
			source: meta.source,
			rights: meta.rights
		},
		// A workspace saved before the clean modes were named for their side says `spoken` or
		// `published`: it is read as the mode of that name now, and saved so from then on.
		mode: parseMode(ws.mode) ?? 'marks'
	};
	if (ws.pairwise) copy.pairwise = true;
	return copy;
}
