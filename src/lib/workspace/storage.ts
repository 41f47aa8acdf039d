// Keeps the reader's comparison in this browser's IndexedDB, so that it is there after a reload.
// One object store, one key: there is only ever the current workspace. Storage can fail in ways
// the reader did not cause and cannot see (private windows without IndexedDB, a full disk, an
// entry written by an older version), so every failure becomes a `StorageError` whose message can
// be shown as it is: what happened, and that the texts can still be exported.

import type { ViewMode } from '../types';
import type { Workspace, WorkspaceNote, WorkspaceText } from './types';

const storeName = 'workspace';
const key = 'current';

/** What went wrong: `unavailable` (no IndexedDB, or it is turned off), `blocked` (another tab
 * holds the database), `quota` (storage is full), `invalid` (the saved entry is not a workspace),
 * `failed` (anything else the browser reported). */
export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'invalid' | 'failed';

export class StorageError extends Error {
	readonly problem: StorageProblem;

	constructor(problem: StorageProblem, message: string, cause?: unknown) {
		super(message, { cause });
		this.name = 'StorageError';
		this.problem = problem;
	}
}

type Action = 'save' | 'load' | 'clear';

/** The reason in words, for the parenthesis of the message. */
function reason(problem: StorageProblem, cause?: unknown): string {
	switch (problem) {
		case 'unavailable':
			return 'it offers no storage to this page, as in some private windows';
		case 'blocked':
			return 'Pencilmarks is open in another tab that holds its storage: close that tab and reload';
		case 'quota':
			return 'storage is full';
		case 'invalid':
			return 'it is damaged or was saved by another version of Pencilmarks';
		case 'failed': {
			const name = (cause as { name?: unknown } | null | undefined)?.name;
			return typeof name === 'string' && name ? `it reported ${name}` : 'it reported an error';
		}
	}
}

function storageError(action: Action, problem: StorageProblem, cause?: unknown): StorageError {
	const why = reason(problem, cause);
	let message: string;
	if (action === 'save') {
		message =
			`This browser did not let Pencilmarks save your work (${why}). ` +
			'Your texts are still here: export the workspace to keep them.';
	} else if (action === 'load' && problem === 'invalid') {
		message =
			`Pencilmarks found work saved in this browser but could not read it (${why}), ` +
			'so it was not opened. Start a new comparison, or import a workspace you exported.';
	} else if (action === 'load') {
		message =
			`This browser did not let Pencilmarks use its storage (${why}), so your work will not ` +
			'be saved here. Export the workspace to keep it.';
	} else {
		message =
			`This browser did not let Pencilmarks remove the work saved in it (${why}). ` +
			'It may be opened again next time.';
	}
	return new StorageError(problem, message, cause);
}

/** A DOMException (or anything else thrown) as the problem it stands for. */
function problemOf(cause: unknown): StorageProblem {
	const name = (cause as { name?: unknown } | null)?.name;
	if (name === 'QuotaExceededError') return 'quota';
	// Firefox with storage turned off, or a page on an opaque origin.
	if (name === 'SecurityError' || name === 'InvalidAccessError') return 'unavailable';
	return 'failed';
}

/** The workspace in this browser. Every method rejects with a `StorageError` only. */
export interface WorkspaceStore {
	save(workspace: Workspace): Promise<void>;
	/** The saved workspace, or null when there is none. */
	load(): Promise<Workspace | null>;
	clear(): Promise<void>;
	close(): void;
}

/**
 * Open (and on first use create) the database `name`. `factory` is there for tests; in the
 * browser it is `indexedDB`, which is missing in some private modes and in Node.
 */
export function openStore(
	name = 'pencilmarks',
	factory: IDBFactory | undefined = globalThis.indexedDB
): Promise<WorkspaceStore> {
	return new Promise((resolve, reject) => {
		if (!factory) return reject(storageError('load', 'unavailable'));
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(name, 1);
		} catch (cause) {
			return reject(storageError('load', problemOf(cause), cause));
		}
		let blocked = false;
		request.onupgradeneeded = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName);
		};
		request.onblocked = () => {
			blocked = true;
			reject(storageError('load', 'blocked'));
		};
		request.onerror = () => reject(storageError('load', problemOf(request.error), request.error));
		request.onsuccess = () => {
			const db = request.result;
			// Opened after all, once the other tab let go: the caller has been told it failed.
			if (blocked) return db.close();
			// Let a newer version in another tab upgrade the database instead of being blocked.
			db.onversionchange = () => db.close();
			resolve(storeOn(db));
		};
	});
}

function storeOn(db: IDBDatabase): WorkspaceStore {
	/** Run `use` in a transaction and settle when the transaction does: a write is only saved
	 * once it commits, and a full disk is reported as the transaction's abort, not the put's. */
	function run<T>(
		action: Action,
		mode: IDBTransactionMode,
		use: (store: IDBObjectStore) => IDBRequest | void
	): Promise<T | undefined> {
		return new Promise((resolve, reject) => {
			let request: IDBRequest | void;
			let tx: IDBTransaction;
			try {
				tx = db.transaction(storeName, mode);
				request = use(tx.objectStore(storeName));
			} catch (cause) {
				// DataCloneError for a value that cannot be stored, InvalidStateError when closed.
				return reject(storageError(action, problemOf(cause), cause));
			}
			tx.oncomplete = () => resolve(request ? (request.result as T) : undefined);
			const fail = () => {
				const cause = tx.error ?? (request ? request.error : null);
				reject(storageError(action, problemOf(cause), cause));
			};
			tx.onabort = fail;
			tx.onerror = fail;
		});
	}

	return {
		async save(workspace) {
			// A plain copy: Svelte state proxies cannot be cloned into IndexedDB.
			await run('save', 'readwrite', (store) => store.put(copyWorkspace(workspace), key));
		},
		async load() {
			const value = await run<unknown>('load', 'readonly', (store) => store.get(key));
			if (value === undefined) return null;
			if (!isWorkspace(value)) throw storageError('load', 'invalid');
			return copyWorkspace(value);
		},
		async clear() {
			await run('clear', 'readwrite', (store) => store.delete(key));
		},
		close() {
			db.close();
		}
	};
}

let opened: Promise<WorkspaceStore> | undefined;

/** Run `use` on the page's one store, opened on first use. After a failure the next call opens
 * the database again: a closed connection (storage cleared, another tab deleting it) would
 * otherwise fail every save for the rest of the visit. */
async function withStore<T>(
	action: Action,
	use: (store: WorkspaceStore) => Promise<T>
): Promise<T> {
	opened ??= openStore();
	let store: WorkspaceStore;
	try {
		store = await opened;
	} catch (error) {
		opened = undefined;
		// openStore words its errors for loading; say them for what the reader was doing.
		const problem = error instanceof StorageError ? error.problem : 'failed';
		throw storageError(action, problem, error instanceof StorageError ? error.cause : error);
	}
	try {
		return await use(store);
	} catch (error) {
		if (error instanceof StorageError && error.problem === 'failed') {
			opened = undefined;
			store.close();
		}
		throw error;
	}
}

/** Save the workspace as the current one, replacing what was saved. */
export function saveWorkspace(workspace: Workspace): Promise<void> {
	return withStore('save', (store) => store.save(workspace));
}

/** The saved workspace, or null when nothing is saved. */
export function loadWorkspace(): Promise<Workspace | null> {
	return withStore('load', (store) => store.load());
}

/** Forget the saved workspace. */
export function clearWorkspace(): Promise<void> {
	return withStore('clear', (store) => store.clear());
}

// ---------------------------------------------------------------------------------------------
// Shape

const modes: ViewMode[] = ['marks', 'spoken', 'published', 'side'];

type Shape = Record<string, unknown>;
const isObject = (value: unknown): value is Shape =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first way `value` is not a workspace, as `<field> <problem>` (`texts[1].label is missing`),
 * or null when it is one. Only the shape is checked, not the sense (a base that names no text is
 * a workspace still): the point is to refuse what would crash the page, not to lose work over a
 * slip the page can show and the reader can fix.
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
		const p = text(item, 'encoding', `${at}.`, true);
		if (p) return p;
	}
	for (const field of ['base', 'target']) {
		const p = text(value, field, '');
		if (p) return p;
	}

	const notes = value.notes;
	const notesProblem = list(notes, 'notes');
	if (notesProblem) return notesProblem;
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
		for (const [field, optional] of [
			['witness', false],
			['quote', false],
			['prefix', true],
			['suffix', true]
		] as const) {
			const p = text(anchor, field, `${at}.anchor.`, optional);
			if (p) return p;
		}
	}

	const meta = value.meta;
	if (meta === undefined) return 'meta is missing';
	if (!isObject(meta)) return 'meta is not an object';
	for (const field of ['title', 'date', 'language', 'summary', 'kind', 'source', 'rights']) {
		const p = text(meta, field, 'meta.');
		if (p) return p;
	}
	const people = meta.people;
	const peopleProblem = list(people, 'meta.people');
	if (peopleProblem) return peopleProblem;
	const person = (people as unknown[]).findIndex((p) => typeof p !== 'string');
	if (person >= 0) return `meta.people[${person}] is not text`;

	if (value.mode === undefined) return 'mode is missing';
	if (!modes.includes(value.mode as ViewMode)) {
		return `mode is not one of ${modes.join(', ')}`;
	}
	return null;
}

/** Whether `value` has the shape of a workspace (see `workspaceProblem` for what is checked). */
export function isWorkspace(value: unknown): value is Workspace {
	return workspaceProblem(value) === null;
}

/** A plain copy with only the fields a workspace has: no proxies, nothing unknown carried along. */
export function copyWorkspace(ws: Workspace): Workspace {
	const text = (t: WorkspaceText): WorkspaceText => {
		const copy: WorkspaceText = { id: t.id, label: t.label, text: t.text, origin: t.origin };
		if (t.encoding !== undefined) copy.encoding = t.encoding;
		return copy;
	};
	const note = (n: WorkspaceNote): WorkspaceNote => {
		const { anchor } = n;
		const copy: WorkspaceNote = { id: n.id, title: n.title, markdown: n.markdown, anchor: null };
		if (anchor) {
			copy.anchor = { witness: anchor.witness, quote: anchor.quote };
			if (anchor.prefix !== undefined) copy.anchor.prefix = anchor.prefix;
			if (anchor.suffix !== undefined) copy.anchor.suffix = anchor.suffix;
		}
		return copy;
	};
	const { meta } = ws;
	return {
		texts: ws.texts.map(text),
		base: ws.base,
		target: ws.target,
		notes: ws.notes.map(note),
		meta: {
			title: meta.title,
			date: meta.date,
			people: [...meta.people],
			language: meta.language,
			summary: meta.summary,
			kind: meta.kind,
			source: meta.source,
			rights: meta.rights
		},
		mode: ws.mode
	};
}
