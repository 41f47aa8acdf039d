// A reader's own comparison: the texts they pasted or uploaded, their names, their notes, and what
// the case would be called if it joined the corpus. Kept in the browser only.

import type { Certainty, NoteAnchor, ViewMode } from '../types';

/** One version of the text, as the reader gave it. */
export interface WorkspaceText {
	/** Short key, lowercase letters, digits and hyphens: `spoken`, `published`. */
	id: string;
	/** What the reader calls it: `As spoken`, `Official record`. */
	label: string;
	/** The text exactly as decoded (line endings kept). */
	text: string;
	/** Where it came from: a file name, or `pasted`. */
	origin: string;
	/** How the file's bytes were read, when it was a file: `windows-1251`, `utf-8`. */
	encoding?: string;
	/** BCP 47 tag of the text's language, `und` when not known: guessed from the text when it
	 * comes in (language.ts), and the reader's to correct. */
	language: string;
	/**
	 * Whether its line breaks matter (verse, code): each is kept and shown, not read as wrapping.
	 * Ticked when a file with a fenced code block is opened; absent in workspaces saved before.
	 */
	lines?: boolean;
}

/** A reader's note: Markdown, anchored like a corpus note (a quote in a named text). */
export interface WorkspaceNote {
	/** Stable key, e.g. `note-1`. */
	id: string;
	title: string;
	markdown: string;
	/** `null` for a note on the comparison as a whole. */
	anchor: NoteAnchor | null;
}

/**
 * Who made a change, why and how sure, as the reader says it (or a Word document's tracked
 * changes do): anchored like a note, by a quote that must overlap exactly one change of the pair
 * (pipeline/attribute.ts). A corpus case's `changes.txt` holds the same.
 */
export interface WorkspaceAttribution {
	/** Stable key, e.g. `attribution-1`. */
	id: string;
	anchor: NoteAnchor;
	/** Who made the change: `Stalin, pencil`; a Word document's `w:author`. */
	hand?: string;
	/** Why, in the reader's own words: `Privacy`. A case written from the workspace makes each
	 * cause a `[cause]` of its changes.txt, its id made from these words. */
	cause?: string;
	cert?: Certainty;
	/** When the change was made: `YYYY-MM-DD`, or a date and time as Word writes it. */
	date?: string;
	/** The Word document it was read from: opening another replaces those read from one. */
	file?: string;
}

/** What the comparison would say about itself as a corpus case (case.txt). */
export interface WorkspaceMeta {
	title: string;
	/** ISO date of the event the texts record; empty when it is not known. */
	date: string;
	/** People, each with a role: `Jane Doe (witness)`. */
	people: string[];
	summary: string;
	/** What kind of comparison, as the reader says it (`Translation`, `Licence versions`); empty
	 * when they have not: it is then called a `Comparison` (`kindOf`). */
	kind: string;
	/** Full citation of where the texts come from. */
	source: string;
	rights: string;
}

export interface Workspace {
	/** Two or more texts; `base` and `target` name the pair compared. */
	texts: WorkspaceText[];
	base: string;
	target: string;
	notes: WorkspaceNote[];
	/** Who made which change, why and how sure (a workspace saved before there were any has none). */
	attributions: WorkspaceAttribution[];
	meta: WorkspaceMeta;
	mode: ViewMode;
	/**
	 * Whether three texts or more are read two at a time (the pair `base` and `target`) rather
	 * than all at once against the base; absent (in workspaces saved before, too): all at once.
	 */
	pairwise?: boolean;
}
