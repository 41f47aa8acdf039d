// The Compare page's state and what the reader does with it: their texts (typed, pasted or read
// from files), the notes and their editing, the alignment of the pair on screen (in a worker,
// one at a time, cancellable, timed), and keeping it all in this browser (saved as they work,
// with Undo for whatever replaces it, and a choice when another tab saved newer work). The page
// composes it with the text inputs and the reading view.
//
// Texts run to megabytes, so they are never copied wholesale: `$state.snapshot` copies every
// string it meets (through structuredClone), and one per alignment or save of two 20 MB texts
// doubled the page's memory. The worker and the keeper get plain copies that share the strings
// (`plain`, `copyWorkspace`), and the reading is `$state.raw`: replaced, never made deep.

import { AlignWorkerClient, Cancelled } from '../align-client';
import { showControls } from '../bidi';
import { download } from '../download';
import {
	checkBytes,
	IMPORT_FORMATS,
	MAX_BYTES,
	sameText,
	TRACKED_WITNESSES,
	type Encoding,
	type ImportedText,
	type ImportResult,
	type TrackedChanges
} from '../import';
import { importText, readWorkspaceFile } from '../importer';
import { guessLanguage, languageAfter, UNDETERMINED } from '../language';
import { anchorFor, changeAnchor, type Side, type Sides } from '../pipeline';
import type { Range } from '../pipeline/excerpt';
import { LaidText } from '../pipeline/laid';
import { hasCodeFence } from '../pipeline/lines';
import { workspaceView, type CaseView, type ReadingData } from '../view';
import { emptyWorkspace, isGivenLabel, nameFromFile, slugify, uniqueId } from './defaults';
import { caseProblems, workspaceToJson, workspaceToZip } from './files';
import { Keeper } from './keeper.svelte';
import { copyWorkspace } from './schema';
import type { KeptEntry } from './storage';
import type { Workspace, WorkspaceAttribution, WorkspaceNote, WorkspaceText } from './types';

/** How a text's file was read, as the text's input says it. */
export interface FileReading {
	format: string;
	encoding?: Encoding;
	reason?: string;
}

/**
 * What the status line says of the alignment: under way (shown with progress and Cancel), failed
 * (with Align again), or how it went.
 */
export interface AlignStatus {
	kind: 'aligning' | 'failed' | 'waiting' | 'identical' | 'aligned';
	text: string;
}

/** What the page takes from the browser, and tests give otherwise. */
export interface Services {
	keeper: Keeper;
	aligner: Pick<AlignWorkerClient, 'run' | 'cancel'>;
	importText: (name: string, bytes: Uint8Array, encoding?: Encoding) => Promise<ImportResult>;
	readWorkspaceFile: (name: string, bytes: Uint8Array) => Promise<Workspace>;
	download: (name: string, body: BlobPart, type: string) => void;
}

/** The pause after the last change of a text or note before the pair is aligned again. */
export const ALIGN_DELAY = 250;
/** How long an alignment runs before the status line shows it (a short one only flickers). */
export const SHOW_AFTER = 150;

/** The sides as plain data for the worker, sharing the texts (not `$state.snapshot`: see above). */
const plain = (s: Sides): Sides => ({ a: { ...s.a }, b: { ...s.b } });

export const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Puts what was read from the file `file` in `text`: a name the reader typed and a language they
 * chose stay (see `readFrom`). */
function fill(text: WorkspaceText, file: string, body: string, name: string, language?: string) {
	text.language = languageAfter(text.language, text.text, body, language);
	if (isGivenLabel(text.label, text.origin)) text.label = name;
	text.text = body;
	text.origin = file;
}

/** A text as a side of the comparison: its lines kept where the reader says they matter. */
const sideOf = (t: WorkspaceText): Side => ({
	id: t.id,
	label: t.label,
	text: t.text,
	lines: t.lines ? 'kept' : 'wrapped'
});

export class OwnComparison {
	/** The reader's texts, notes, view mode, and what the case would be called. */
	ws = $state<Workspace>() as Workspace;
	/** Reads and saves the workspace; says when it could not, or when another tab saved newer. */
	readonly keeper: Keeper;
	/** Per text: the last problem with it, in words, and how its file was read. */
	errors = $state<Record<string, string>>({});
	readings = $state<Record<string, FileReading>>({});
	/** What the last export or import of the whole workspace did, in words. */
	message = $state('');
	/** The workspace before it was replaced (start again, import, newer work), for Undo. */
	replaced = $state<{ previous: Workspace; message: string } | null>(null);
	/** The note open in the editor; the note last deleted (for Undo); a note closed unsaved with
	 * changes, kept so that it can be opened again. */
	editing = $state<WorkspaceNote | null>(null);
	deleted = $state<WorkspaceNote | null>(null);
	draft = $state<WorkspaceNote | null>(null);
	/** The attribution open in its form, and the id of the change it is for (null for one that
	 * could not be placed, opened to be mended or removed). */
	attributing = $state<{ attribution: WorkspaceAttribution; change: string | null } | null>(null);
	/** What the page says of the pair just read or asked for: how a Word document's tracked
	 * changes were read, or why a change cannot be given an attribution. */
	notice = $state('');
	/** Markdown to sanitized HTML: loaded after the page, as most visits write no note at first. */
	renderMarkdown = $state<((markdown: string) => string) | null>(null);

	/** The comparison on screen, and the texts it was made from (notes are anchored in those), and
	 * the attributions placed on it (the reading says where each landed, in their order). */
	reading = $state.raw<ReadingData | null>(null);
	readingSides = $state.raw<Sides | null>(null);
	readingAttributions = $state.raw<WorkspaceAttribution[]>([]);
	/** The alignment under way: its stage and when it began. */
	aligning = $state<{ stage: string; since: number } | null>(null);
	alignError = $state('');
	/** How long the last alignment took in the worker, and from its start to its text drawn on
	 * the page (null until drawn). */
	lastMs = $state(0);
	readableMs = $state<number | null>(null);
	/** The clock the status line counts in, ticking while the page is open. */
	now = $state(0);

	readonly #services: Services;
	/** A file's bytes, kept (in memory only) so that it can be read again in another encoding,
	 * until the text is edited (then it is no longer that file's text). */
	readonly #files = new Map<string, { name: string; bytes: Uint8Array }>();
	#alignedSince = 0;
	/** Counts alignments: a newer one (the reader typed on) takes over from an older one. */
	#alignTurn = 0;

	// The pair compared, and what is said of it.
	base = $derived(this.ws.texts.find((t) => t.id === this.ws.base) ?? this.ws.texts[0]);
	target = $derived(this.ws.texts.find((t) => t.id === this.ws.target) ?? this.ws.texts[1]);
	sides = $derived<Sides>({ a: sideOf(this.base), b: sideOf(this.target) });
	labels = $derived(Object.fromEntries(this.ws.texts.map((t) => [t.id, t.label])));
	ready = $derived(this.base.text.length > 0 && this.target.text.length > 0);
	identical = $derived(this.ready && sameText(this.base.text, this.target.text));
	/** Whether the texts are read all at once (three or more, unless the reader chose the pair). */
	together = $derived(this.ws.texts.length > 2 && !this.ws.pairwise);
	/** The notes, rendered once per change of their Markdown (sanitized in renderMarkdown). */
	renderedNotes = $derived(
		this.ws.notes.map((n) => ({
			id: n.id,
			title: n.title,
			markdown: n.markdown,
			anchor: n.anchor,
			html: this.renderMarkdown?.(n.markdown) ?? ''
		}))
	);
	/** The page's view of the reading on screen, or null while there is none. */
	view = $derived<CaseView | null>(
		this.reading &&
			workspaceView(
				this.ws,
				{ base: this.base, target: this.target },
				this.reading,
				{ a: this.readingSides!.a.text, b: this.readingSides!.b.text },
				this.renderedNotes,
				this.readingAttributions
			)
	);
	/** The causes the reader has named, each once, to offer when they name another. */
	causes = $derived([...new Set(this.ws.attributions.flatMap((a) => (a.cause ? [a.cause] : [])))]);

	/** Made while a component is set up (or in an effect root): it keeps the workspace saved and
	 * the pair aligned as the reader works. */
	constructor(services: Partial<Services> = {}) {
		this.#services = {
			importText,
			readWorkspaceFile,
			download,
			...services,
			keeper: services.keeper ?? new Keeper(),
			aligner: services.aligner ?? new AlignWorkerClient()
		};
		this.keeper = this.#services.keeper;
		this.ws = emptyWorkspace();

		// Save as the reader works (after a pause); the keeper says if the browser will not keep
		// it. (A copy that shares the texts: `$state.snapshot` would copy them, megabytes each time.)
		$effect(() => {
			if (this.keeper.restored) this.keeper.keep(copyWorkspace(this.ws));
		});

		// Align again whenever the pair, the notes or the attributions change (after a pause in
		// typing; the worker places notes and attributions again without aligning again), while
		// the pair is what the page shows.
		$effect(() => {
			if (!this.keeper.restored || !this.ready || this.together) {
				this.reading = null;
				return;
			}
			const pair = plain(this.sides);
			const notes = $state.snapshot(this.ws.notes);
			const attributions = $state.snapshot(this.ws.attributions);
			const timer = setTimeout(() => this.#align(pair, notes, attributions), ALIGN_DELAY);
			return () => clearTimeout(timer);
		});
	}

	/** Starts the page's work: reads the saved workspace, loads the Markdown renderer and starts
	 * the clock. Returns what ends it, when the page goes. */
	open(): () => void {
		import('../markdown').then((m) => (this.renderMarkdown = m.renderMarkdown));
		this.keeper.restore().then((saved) => {
			if (saved) this.ws = saved;
		});
		const timer = setInterval(() => (this.now = performance.now()), 200);
		return () => {
			clearInterval(timer);
			this.#services.aligner.cancel();
			this.keeper.flush();
			this.keeper.close();
		};
	}

	/** The status line; null when there is nothing to say yet. */
	get status(): AlignStatus | null {
		if (this.aligning && this.now - this.aligning.since > SHOW_AFTER) {
			const elapsed = ((this.now - this.aligning.since) / 1000).toFixed(1);
			return { kind: 'aligning', text: `${this.aligning.stage}… ${elapsed} s` };
		}
		if (this.alignError) return { kind: 'failed', text: this.alignError };
		if (!this.ready) return { kind: 'waiting', text: 'Give both texts to see them aligned.' };
		if (this.identical) return { kind: 'identical', text: 'The two texts are identical: no differences.' };
		if (!this.reading) return null;
		if (this.reading.stats.changes === 0) {
			return {
				kind: 'identical',
				text: 'No differences in the words: the texts differ only in white space or line endings.'
			};
		}
		const drawn =
			this.readableMs === null
				? '; drawing the text…'
				: `; readable ${seconds(this.readableMs)} after the alignment began`;
		return { kind: 'aligned', text: `Aligned in ${seconds(this.lastMs)}${drawn}` };
	}

	/** Aligns the pair now; `precise` aligns exactly what the last alignment left rough (it can
	 * take a while on long texts: progress and Cancel as always). */
	align(precise = false) {
		const [notes, attributions] = [$state.snapshot(this.ws.notes), $state.snapshot(this.ws.attributions)];
		return this.#align(plain(this.sides), notes, attributions, precise);
	}

	async #align(pair: Sides, notes: WorkspaceNote[], attributions: WorkspaceAttribution[], precise = false) {
		const turn = ++this.#alignTurn;
		this.alignError = '';
		this.aligning = { stage: 'Starting', since: performance.now() };
		performance.mark('pencilmarks:align-start');
		const stretches = this.reading?.stats.roughStretches ?? 0;
		try {
			const result = await this.#services.aligner.run(
				pair,
				notes,
				(stage) => {
					if (this.aligning) this.aligning.stage = stage;
				},
				precise ? { stretches } : undefined,
				attributions
			);
			// The result arrived in a task of its own (on a 20 MB pair, 80 ms to receive): drawing
			// the page in the next keeps each under 200 ms.
			await new Promise((resolve) => setTimeout(resolve));
			if (turn !== this.#alignTurn) return;
			this.readingSides = pair;
			this.readingAttributions = attributions;
			this.reading = result.reading;
			this.lastMs = result.ms;
			this.readableMs = null;
			this.#alignedSince = this.aligning?.since ?? performance.now();
			performance.mark('pencilmarks:align-end');
			performance.measure('pencilmarks:align', 'pencilmarks:align-start', 'pencilmarks:align-end');
		} catch (error) {
			if (!(error instanceof Cancelled)) {
				// What is on screen may have been read from the texts as they were: then it goes.
				if (!this.#readingIsCurrent()) this.reading = null;
				this.alignError = messageOf(error);
			}
		} finally {
			if (turn === this.#alignTurn) this.aligning = null;
		}
	}

	/** The reading view has drawn and painted the new text: it is readable. */
	drawn() {
		this.readableMs = performance.now() - this.#alignedSince;
		performance.mark('pencilmarks:readable');
	}

	cancel() {
		this.#services.aligner.cancel();
		this.aligning = null;
		// A reading of the texts as they were would mislead, and a note added on it would be
		// anchored in text that is no longer there. (A rough reading of these texts, whose precise
		// alignment was cancelled, stays.)
		if (!this.#readingIsCurrent()) this.reading = null;
		this.alignError = 'Alignment cancelled. Change a text, or press “Align again”, to start it again.';
	}

	/** Whether the comparison on screen was made from the texts as they are now. */
	#readingIsCurrent(): boolean {
		const made = this.readingSides;
		return (
			made !== null &&
			(['a', 'b'] as const).every(
				(side) =>
					made[side].id === this.sides[side].id &&
					made[side].text === this.sides[side].text &&
					made[side].lines === this.sides[side].lines
			)
		);
	}

	/** Reads a file into text `id` (in `encoding`, or the one detected); a problem is said
	 * beside the text, which is left as it was. */
	async openFile(id: string, file: File, encoding?: Encoding) {
		this.errors[id] = '';
		try {
			// Refuse a file over the limit before reading it into memory at all.
			if (file.size > MAX_BYTES) checkBytes(file.name, new Uint8Array(0), file.size);
			const bytes = new Uint8Array(await file.arrayBuffer());
			this.#files.set(id, { name: file.name, bytes });
			await this.readFrom(id, encoding, true);
		} catch (error) {
			this.errors[id] = messageOf(error);
		}
	}

	/**
	 * Reads text `id`'s file again, in a worker; a problem leaves the text as it was. The text
	 * takes the file's name and language (stated, or guessed from it) unless the reader gave it
	 * theirs (`isGivenLabel`, `languageAfter`). A file opened anew (`opened`) has its lines kept
	 * when it has a fenced code block: code needs its lines; read again in another encoding, it
	 * keeps what the reader chose.
	 */
	async readFrom(id: string, encoding?: Encoding, opened = false) {
		const file = this.#files.get(id);
		const text = this.ws.texts.find((t) => t.id === id);
		if (!file || !text) return;
		this.errors[id] = '';
		try {
			const result = await this.#services.importText(file.name, file.bytes, encoding);
			if (result.tracked) return this.#openTracked(file.name, result.tracked);
			if (result.texts) return this.#openTexts(file.name, result.texts, result);
			fill(text, file.name, result.text, nameFromFile(file.name));
			text.encoding = result.encoding;
			if (opened) text.lines = hasCodeFence(result.text);
			const { label } = IMPORT_FORMATS[result.format];
			this.readings[id] = { format: label, encoding: result.encoding, reason: result.reason };
			if (result.warnings.length) this.errors[id] = result.warnings.join(' ');
		} catch (error) {
			this.errors[id] = messageOf(error);
		}
	}

	/**
	 * A file that holds several texts, each with its name (our excerpt exported as JSON, a TEI
	 * apparatus), fills the pair with its first two, and then, in order, the other texts that are
	 * empty or were read from the same file, and new texts after them: it never writes over a text
	 * the reader gave from elsewhere. What the TEI reader warns of is said beside the base; that a
	 * JSON export holds several texts needs no saying, as they are all here.
	 */
	#openTexts(name: string, texts: ImportedText[], { format, encoding, warnings }: ImportResult) {
		const { base, target } = this;
		const free = this.ws.texts.filter(
			(t) => t.id !== base.id && t.id !== target.id && (t.text === '' || t.origin === name)
		);
		texts.forEach((read, i) => {
			let text = i === 0 ? base : i === 1 ? target : free[i - 2];
			if (!text) {
				this.addText();
				text = this.ws.texts.at(-1)!;
			}
			fill(text, name, read.text, read.label, read.language);
			text.lines = hasCodeFence(read.text);
			text.encoding = encoding;
			this.readings[text.id] = { format: IMPORT_FORMATS[format].label };
		});
		if (format !== 'json' && warnings.length) this.errors[base.id] = warnings.join(' ');
	}

	/**
	 * A Word document with tracked changes is two versions: the pair becomes the text before the
	 * changes (the base) and the text after them (the target), named after the file, and each
	 * change Word tracked gets an attribution: its author as the hand, its date. Attributions read
	 * from an earlier document go (they were on its texts); the reader's own stay. Each text's
	 * language is what the reader chose, or else the guess for its new words (`languageAfter`).
	 */
	#openTracked(name: string, tracked: TrackedChanges) {
		const { base, target } = this;
		const label = showControls(name);
		for (const [text, side, words] of [
			[base, tracked.original, 'original'],
			[target, tracked.revised, 'revised']
		] as const) {
			text.language = languageAfter(text.language, text.text, side);
			text.text = side;
			text.label = `${label} (${words})`;
			text.origin = name;
			delete text.encoding;
			this.readings[text.id] = { format: IMPORT_FORMATS.docx.label };
			this.errors[text.id] = '';
		}
		if (tracked.warnings.length) this.errors[base.id] = tracked.warnings.join(' ');
		const witness: Record<string, string> = {
			[TRACKED_WITNESSES.original]: base.id,
			[TRACKED_WITNESSES.revised]: target.id
		};
		const kept = this.ws.attributions.filter((a) => a.file === undefined);
		const taken = kept.map((a) => a.id);
		const read = tracked.attributions.map(({ anchor, hand, date }): WorkspaceAttribution => {
			const id = uniqueId('attribution', taken);
			taken.push(id);
			const attribution: WorkspaceAttribution = { id, anchor: { ...anchor, witness: witness[anchor.witness] } };
			if (hand) attribution.hand = hand;
			if (date) attribution.date = date;
			attribution.file = name;
			return attribution;
		});
		this.ws.attributions = [...kept, ...read];
		const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
		const authors = new Set(read.map((a) => a.hand).filter(Boolean)).size;
		this.notice =
			`Word’s tracked changes: ${count(read.length, 'change', 'changes')} by ` +
			`${count(authors, 'author', 'authors')}, read as two versions, “${base.label}” and ` +
			`“${target.label}”.`;
	}

	/** The reader typed or pasted in text `id`: the file it came from no longer says what it
	 * holds, and a language not known until now may be guessed from what is there. */
	edited(id: string) {
		this.#files.delete(id);
		delete this.readings[id];
		const text = this.ws.texts.find((t) => t.id === id);
		if (!text) return;
		delete text.encoding;
		if (text.language === UNDETERMINED) text.language = guessLanguage(text.text);
	}

	addText() {
		const { texts } = this.ws;
		const id = uniqueId('version', texts.map((t) => t.id));
		const label = `Version ${texts.length + 1}`;
		texts.push({ id, label, text: '', origin: 'pasted', language: UNDETERMINED });
	}

	/** Removes text `id`; when it was one of the pair, another text takes its place. */
	removeText(id: string) {
		const ws = this.ws;
		ws.texts = ws.texts.filter((t) => t.id !== id);
		if (ws.base === id) ws.base = ws.texts.find((t) => t.id !== ws.target)!.id;
		if (ws.target === id) ws.target = ws.texts.find((t) => t.id !== ws.base)!.id;
	}

	/** The people of the case from what the reader typed: names with roles, separated by `;`. */
	setPeople(typed: string) {
		this.ws.meta.people = typed
			.split(';')
			.map((p) => p.trim())
			.filter(Boolean);
	}

	/** Opens the editor on a new note: anchored in the passage selected, if any. */
	newNote(selection: Range | null) {
		const { reading, readingSides } = this;
		const anchor =
			selection && reading && readingSides
				? anchorFor(
						LaidText.of(reading.text, { a: readingSides.a.text, b: readingSides.b.text }),
						selection,
						readingSides
					)
				: null;
		const id = uniqueId('note', this.ws.notes.map((n) => n.id));
		this.editing = { id, title: '', markdown: '', anchor };
	}

	/** Opens the editor on note `id`. */
	edit(id: string) {
		this.editing = this.ws.notes.find((n) => n.id === id) ?? null;
	}

	saveNote(note: WorkspaceNote) {
		const at = this.ws.notes.findIndex((n) => n.id === note.id);
		if (at === -1) this.ws.notes.push(note);
		else this.ws.notes[at] = note;
		this.editing = null;
		this.draft = null;
	}

	/** The editor was closed without saving (Cancel, Escape): keep what was written, if anything. */
	closeNote(written: WorkspaceNote) {
		const before = this.editing;
		this.editing = null;
		if (before && (written.title !== before.title || written.markdown !== before.markdown)) {
			this.draft = written;
		}
	}

	reopenDraft() {
		this.editing = this.draft;
		this.draft = null;
	}

	deleteNote(id: string) {
		this.deleted = this.ws.notes.find((n) => n.id === id) ?? null;
		this.ws.notes = this.ws.notes.filter((n) => n.id !== id);
	}

	undoDelete() {
		if (this.deleted) this.ws.notes.push(this.deleted);
		this.deleted = null;
	}

	/**
	 * Opens the form on the attribution of change `change` (the reader's current change): the one
	 * on it, or a new one anchored by a quote of its words; says why when it cannot have one.
	 */
	attributeChange(change: string) {
		const { reading, readingSides, view } = this;
		if (!reading || !readingSides) return;
		const laid = LaidText.of(reading.text, { a: readingSides.a.text, b: readingSides.b.text });
		const anchor = changeAnchor(laid, change, readingSides);
		const same = ({ anchor: x }: WorkspaceAttribution) =>
			anchor !== null &&
			[x.witness, x.quote, x.prefix ?? '', x.suffix ?? ''].join('\u0000') ===
				[anchor.witness, anchor.quote, anchor.prefix ?? '', anchor.suffix ?? ''].join('\u0000');
		// The one on the change, or one just given it, which the reading does not show yet.
		const on = view?.attributions[change]?.id;
		const existing = this.ws.attributions.find((a) => (on ? a.id === on : same(a)));
		if (existing) {
			this.attributing = { attribution: $state.snapshot(existing), change };
			return;
		}
		if (!anchor) {
			this.notice = 'This change has no words to quote, so it cannot be given an attribution.';
			return;
		}
		const id = uniqueId('attribution', this.ws.attributions.map((a) => a.id));
		this.attributing = { attribution: { id, anchor }, change };
	}

	/** Opens the form on attribution `id` (one that could not be placed, to mend or remove it). */
	editAttribution(id: string) {
		const attribution = this.ws.attributions.find((a) => a.id === id);
		if (attribution) this.attributing = { attribution: $state.snapshot(attribution), change: null };
	}

	saveAttribution(attribution: WorkspaceAttribution) {
		const at = this.ws.attributions.findIndex((a) => a.id === attribution.id);
		if (at === -1) this.ws.attributions.push(attribution);
		else this.ws.attributions[at] = attribution;
		this.attributing = null;
	}

	removeAttribution(id: string) {
		this.ws.attributions = this.ws.attributions.filter((a) => a.id !== id);
		this.attributing = null;
	}

	/** Downloads the workspace as a corpus case, or says what it still lacks to be one. */
	exportCase() {
		const ws = copyWorkspace(this.ws);
		// The loader places each attribution on its change, as the reading on screen did.
		const unplaced = (this.view?.unplaced ?? []).map(
			({ anchor, problem }) => `The attribution on “${anchor.quote}” cannot be placed: ${problem}.`
		);
		const problems = [...caseProblems(ws), ...unplaced];
		if (problems.length) {
			this.message = `Not yet ready to be a corpus case: ${problems.join(' ')}`;
			return;
		}
		try {
			const zip = workspaceToZip(ws) as BlobPart;
			this.#services.download(`${slugify(ws.meta.title)}.zip`, zip, 'application/zip');
			this.message = 'Exported as a corpus case: unzip it into corpus/ to add it to the site.';
		} catch (error) {
			this.message = `Could not export as a case: ${messageOf(error)}`;
		}
	}

	exportJson() {
		this.#downloadJson('workspace');
		this.message = 'Exported the workspace as JSON.';
	}

	/** Puts a workspace read from a file (a zipped case, a workspace's JSON) in place of this one,
	 * which Undo brings back; a file that cannot be read changes nothing. */
	async importWorkspace(file: File) {
		const name = showControls(file.name);
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const imported = await this.#services.readWorkspaceFile(file.name, bytes);
			this.#replace(imported, `The comparison you had was replaced by ${name}.`);
			this.message = `Imported ${name}.`;
		} catch (error) {
			this.message = `Could not import ${name}: ${messageOf(error)} Your workspace is unchanged.`;
		}
	}

	startAgain() {
		const message = 'Started a new comparison in place of the one you had.';
		this.#replace(emptyWorkspace(), message);
	}

	undoReplace() {
		if (!this.replaced) return;
		this.ws = this.replaced.previous;
		this.replaced = null;
		this.message = '';
		this.#forgetFiles();
	}

	/** Another tab saved newer work: show it here (this page's version can be had back by Undo). */
	async openNewer() {
		const newer = await this.keeper.reopen();
		if (newer) this.#replace(newer, 'Opened the newer version saved in another tab.');
	}

	/** Downloads this page's version, which is not being saved while another tab's is newer. */
	downloadMine() {
		this.#downloadJson('this-tab.workspace');
	}

	/** Downloads a saved entry this version could not read, exactly as it was stored. */
	async downloadKept(kept: KeptEntry) {
		try {
			const value = await this.keeper.raw(kept.key);
			this.#services.download(
				`pencilmarks-unreadable-${kept.found.replace(/[:.]/g, '-')}.json`,
				JSON.stringify(value, null, '\t') + '\n',
				'application/json'
			);
		} catch (error) {
			this.keeper.report(error);
		}
	}

	#downloadJson(suffix: string) {
		const name = `${slugify(this.ws.meta.title)}.${suffix}.json`;
		this.#services.download(name, workspaceToJson(this.ws), 'application/json');
	}

	/** Puts `next` in place of the workspace, keeping this one for Undo. */
	#replace(next: Workspace, message: string) {
		this.replaced = { previous: copyWorkspace(this.ws), message };
		this.ws = next;
		this.draft = null;
		this.#forgetFiles();
	}

	/** The files the texts were read from, and what was said of them: the texts are others now. */
	#forgetFiles() {
		this.#files.clear();
		this.errors = {};
		this.readings = {};
	}
}
