// A reader's own comparison: the texts they pasted or uploaded, their names, their notes, and what
// the case would be called if it joined the corpus. Kept in the browser only.

import type { NoteAnchor, ViewMode } from '../types';

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
	meta: WorkspaceMeta;
	mode: ViewMode;
}
