// Keeps the reader's comparison in this browser's IndexedDB, so that it is there after a reload.
// One object store; the current workspace is under one key. Storage can fail in ways the reader
// did not cause and cannot see (private windows without IndexedDB, a full disk, an entry written
// by another version), so every failure becomes a `StorageError` whose message can be shown as it
// is: what happened, and that the texts can still be exported.
//
// Nothing saved is ever overwritten unread:
// - an entry this version cannot read (damaged, or written by a newer version) is moved, exactly
//   as it was, to a key of its own (`unreadable <time>`) when it is found, and stays there until
//   the reader downloads or removes it;
// - every save carries a revision, and a save only replaces the entry it started from: when
//   another tab has saved since (a newer revision), the save is refused as a `conflict` instead
//   of overwriting that tab's work. The check and the write are one readwrite transaction, which
//   IndexedDB runs alone on the store, so two tabs cannot both pass the check. The check reads
//   the saved revision from an index, not the entry: reading back two 20 MB texts before every
//   save (a mode switch, a note) took half a second.
//
// The texts themselves are kept apart from the entry, in pieces of a million characters under
// keys of their own (`text <id> 0000`, `text <id> 0001`…), written only when they changed, one
// piece at a time: writing two 20 MB texts again with every save took a quarter of a second
// more, and writing or reading one in one piece is a task of a hundred milliseconds or more.
// Entries of the first layout (texts inside) are read as before, and saved in the new layout from
// then on.

import { copyWorkspace, isObject, workspaceProblem, type SavedWorkspace, type Shape } from './schema';
import type { Workspace, WorkspaceText } from './types';

const storeName = 'workspace';
const key = 'current';
/** The index of entries by revision: the saved revision is read without the entry. */
const revisionIndex = 'revision';
/** The database's version: 2 added the revision index. */
const databaseVersion = 2;
/** Prefix of the keys under which unreadable entries are kept. */
const keptPrefix = 'unreadable ';
/** The layout of a stored entry; a newer version that changes it raises this number. Version 2
 * keeps the texts apart, under `text <id>`; version 1 (texts inside the entry) is still read. */
export const entryVersion = 2;
/** Characters in a piece of a stored text. */
const PIECE = 1 << 20;
const pieceKey = (id: string, k: number) => `text ${id} ${String(k).padStart(4, '0')}`;
const piecesOf = (text: string) =>
	Array.from({ length: Math.max(1, Math.ceil(text.length / PIECE)) }, (_, k) =>
		text.slice(k * PIECE, (k + 1) * PIECE)
	);

/** What went wrong: `unavailable` (no IndexedDB, or it is turned off), `blocked` (another tab
 * holds the database), `quota` (storage is full), `conflict` (another tab saved newer work),
 * `failed` (anything else the browser reported). */
export type StorageProblem = 'unavailable' | 'blocked' | 'quota' | 'conflict' | 'failed';

export class StorageError extends Error {
	readonly problem: StorageProblem;

	constructor(problem: StorageProblem, message: string, cause?: unknown) {
		super(message, { cause });
		this.name = 'StorageError';
		this.problem = problem;
	}
}

type Action = 'save' | 'load' | 'remove';

/** The reason in words, for the parenthesis of the message. */
function reason(problem: StorageProblem, cause?: unknown): string {
	switch (problem) {
		case 'unavailable':
			return 'it offers no storage to this page, as in some private windows';
		case 'blocked':
			return 'Pencilmarks is open in another tab that holds its storage: close that tab and reload';
		case 'quota':
			return 'storage is full';
		case 'conflict':
			return 'another tab or window saved newer work since this page read it';
		case 'failed': {
			const name = (cause as { name?: unknown } | null | undefined)?.name;
			return typeof name === 'string' && name ? `it reported ${name}` : 'it reported an error';
		}
	}
}

function storageError(action: Action, problem: StorageProblem, cause?: unknown): StorageError {
	const why = reason(problem, cause);
	let message: string;
	if (action === 'save' && problem === 'conflict') {
		message =
			`Pencilmarks did not save your work here, so as not to overwrite newer work (${why}). ` +
			'Your texts are still here: export the workspace to keep them.';
	} else if (action === 'save') {
		message =
			`This browser did not let Pencilmarks save your work (${why}). ` +
			'Your texts are still here: export the workspace to keep them.';
	} else if (action === 'load') {
		message =
			`This browser did not let Pencilmarks use its storage (${why}), so your work will not ` +
			'be saved here. Export the workspace to keep it.';
	} else {
		message = `This browser did not let Pencilmarks remove the kept entry (${why}).`;
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

/** An entry that could not be read, kept as it was under a key of its own. */
export interface KeptEntry {
	key: string;
	/** When it was found unreadable (ISO time). */
	found: string;
	/** Why it could not be read, as `workspaceProblem` says it (`mode is not one of …`). */
	problem: string;
}

/** What `load` found. */
export interface Loaded {
	/** The saved workspace, or null when there is none (or it could not be read). */
	workspace: Workspace | null;
	/** The revision of the saved entry (0 when there is none): the next save starts from it. */
	revision: number;
	/** Entries that could not be read, oldest first, including one found by this load. */
	kept: KeptEntry[];
}

/** The workspace in this browser. Every method rejects with a `StorageError` only. */
export interface WorkspaceStore {
	/**
	 * Save the workspace over the entry of revision `revision` (0: over none), and resolve with
	 * the new revision. Rejects with a `conflict` when the saved entry is another: newer work from
	 * another tab, or an entry this version cannot read; nothing is written then.
	 */
	save(workspace: Workspace, revision: number): Promise<number>;
	/**
	 * Save the workspace as revision `revision + 1` without reading the saved entry first, and
	 * commit at once: for a page being closed, which does not live to see a read answered (a
	 * reload right after an edit lost it). It relies on the page having heard of newer saves from
	 * other tabs (see keeper.svelte.ts).
	 */
	saveAtOnce(workspace: Workspace, revision: number): Promise<number>;
	/** The saved workspace; an unreadable entry is moved to a key of its own first. */
	load(): Promise<Loaded>;
	/** A kept entry exactly as it was stored (undefined once removed). */
	raw(key: string): Promise<unknown>;
	/** Remove a kept entry. */
	remove(key: string): Promise<void>;
	close(): void;
}

/**
 * Open (and on first use create) the database `name`. `factory` is there for tests; in the
 * browser it is `indexedDB`, which is missing in some private modes and in Node.
 */
export function openStore(
	name = 'pencilmarks',
	factory: IDBFactory | undefined = globalThis.indexedDB,
	now: () => Date = () => new Date()
): Promise<WorkspaceStore> {
	return new Promise((resolve, reject) => {
		if (!factory) return reject(storageError('load', 'unavailable'));
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(name, databaseVersion);
		} catch (cause) {
			return reject(storageError('load', problemOf(cause), cause));
		}
		let blocked = false;
		request.onupgradeneeded = () => {
			const db = request.result;
			const store = db.objectStoreNames.contains(storeName)
				? request.transaction!.objectStore(storeName)
				: db.createObjectStore(storeName);
			// Entries saved before the index existed are indexed as it is made.
			if (!store.indexNames.contains(revisionIndex)) store.createIndex(revisionIndex, 'revision');
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
			resolve(storeOn(db, now));
		};
	});
}

function storeOn(db: IDBDatabase, now: () => Date): WorkspaceStore {
	/** Text id -> the text the store holds under `text <id>`, as this page last read or wrote it. */
	let written = new Map<string, string>();

	/**
	 * Puts the entry, and the texts that differ from what the store holds, a piece per request
	 * (each serialized in a task of its own); removes the pieces no text of the entry has. `now`:
	 * every request at once, for a transaction committed at once (a page being closed), which takes
	 * no request from a callback.
	 */
	function writeEntry(store: IDBObjectStore, entry: StoredEntry, bodies: [string, string][], now = false) {
		store.put(entry, key);
		const queue: [string, string][] = [];
		for (const [id, text] of bodies) {
			if (written.get(id) !== text) piecesOf(text).forEach((piece, k) => queue.push([pieceKey(id, k), piece]));
		}
		const used = new Set(entry.texts.flatMap((t) => Array.from({ length: t.pieces }, (_, k) => pieceKey(t.id, k))));
		if (now) {
			for (const [k, piece] of queue) store.put(piece, k);
			// The pieces this page knows the store to hold, and no text of the entry has.
			for (const [id, text] of written) {
				for (let k = 0; k < piecesOf(text).length; k++) {
					if (!used.has(pieceKey(id, k))) store.delete(pieceKey(id, k));
				}
			}
			return;
		}
		const next = () => {
			const item = queue.shift();
			if (item) store.put(item[1], item[0]).onsuccess = next;
		};
		next();
		const keys = store.getAllKeys();
		keys.onsuccess = () => {
			for (const k of keys.result) {
				if (typeof k === 'string' && k.startsWith('text ') && !used.has(k)) store.delete(k);
			}
		};
	}

	/** Run `use` in a transaction and settle when the transaction does, with what `use`'s
	 * returned function gives then: a write is only saved once it commits, and a full disk is
	 * reported as the transaction's abort, not the put's. `use` may abort the transaction with a
	 * StorageError of its own (a conflict), which is then what the promise rejects with. */
	function run<T>(
		action: Action,
		mode: IDBTransactionMode,
		use: (
			store: IDBObjectStore,
			abort: (error: StorageError) => void,
			tx: IDBTransaction
		) => () => T
	): Promise<T> {
		return new Promise((resolve, reject) => {
			let result: () => T;
			let tx: IDBTransaction;
			let refused: StorageError | null = null;
			try {
				tx = db.transaction(storeName, mode);
				result = use(
					tx.objectStore(storeName),
					(error) => {
						refused = error;
						tx.abort();
					},
					tx
				);
			} catch (cause) {
				// DataCloneError for a value that cannot be stored, InvalidStateError when closed.
				return reject(storageError(action, problemOf(cause), cause));
			}
			tx.oncomplete = () => resolve(result());
			const fail = () => {
				if (refused) return reject(refused);
				const cause = tx.error;
				reject(storageError(action, problemOf(cause), cause));
			};
			tx.onabort = fail;
			tx.onerror = fail;
		});
	}

	return {
		save(workspace, revision) {
			const { entry, bodies } = entryOf(workspace, revision + 1);
			return run('save', 'readwrite', (store, abort) => {
				const write = () => {
					try {
						writeEntry(store, entry, bodies);
					} catch (cause) {
						abort(storageError('save', problemOf(cause), cause));
					}
				};
				// The saved entry's revision, from the index. An entry with a revision this page read
				// or wrote is the one it knows, which it could read: no need to read it again.
				const cursor = store.index(revisionIndex).openKeyCursor();
				let saved: number | null = null;
				cursor.onsuccess = () => {
					const at = cursor.result;
					if (at) {
						if (at.primaryKey === key) saved = at.key as number;
						return at.continue();
					}
					if (saved !== null) {
						return saved === revision ? write() : abort(storageError('save', 'conflict'));
					}
					// No revision indexed: no entry, or one saved before revisions (or one that is not a
					// workspace at all), which is read and checked as before.
					const current = store.get(key);
					current.onsuccess = () => {
						const old: unknown = current.result;
						if (old !== undefined && (revisionOf(old) !== revision || entryProblem(old))) {
							return abort(storageError('save', 'conflict'));
						}
						// Its texts are inside it: write them all apart.
						written.clear();
						write();
					};
				};
				return () => {
					written = new Map(bodies);
					return entry.revision;
				};
			});
		},
		saveAtOnce(workspace, revision) {
			const { entry, bodies } = entryOf(workspace, revision + 1);
			return run('save', 'readwrite', (store, _abort, tx) => {
				writeEntry(store, entry, bodies, true);
				// Sent to the database now rather than when the page next idles, which it may not.
				tx.commit?.();
				return () => {
					written = new Map(bodies);
					return entry.revision;
				};
			});
		},
		load() {
			return run('load', 'readwrite', (store) => {
				const loaded: Loaded = { workspace: null, revision: 0, kept: [] };
				const current = store.get(key);
				current.onsuccess = () => {
					const saved: unknown = current.result;
					if (saved === undefined) return;
					withBodies(store, saved, (whole) => {
						const problem = entryProblem(whole);
						if (problem === null) {
							loaded.workspace = copyWorkspace(whole as SavedWorkspace);
							loaded.revision = revisionOf(whole);
							// What the store holds now: a save writes again only the texts that differ.
							written = new Map(
								isObject(saved) && saved.version === entryVersion
									? loaded.workspace.texts.map((t) => [t.id, t.text])
									: []
							);
							return;
						}
						// Never overwrite what could not be read: move it aside, with its texts.
						const found = now().toISOString();
						store.put(whole, keptPrefix + found);
						store.delete(key);
						loaded.kept.push({ key: keptPrefix + found, found, problem });
					});
				};
				const keys = store.getAllKeys();
				keys.onsuccess = () => {
					for (const k of keys.result) {
						if (typeof k !== 'string' || !k.startsWith(keptPrefix)) continue;
						const kept = store.get(k);
						kept.onsuccess = () => {
							const problem = entryProblem(kept.result) ?? 'it could be read after all';
							loaded.kept.push({ key: k, found: k.slice(keptPrefix.length), problem });
						};
					}
				};
				return () => ({
					...loaded,
					kept: loaded.kept.sort((x, y) => (x.found < y.found ? -1 : x.found > y.found ? 1 : 0))
				});
			});
		},
		raw(kept) {
			return run<unknown>('load', 'readonly', (store) => {
				const request = store.get(kept);
				return () => request.result;
			});
		},
		async remove(kept) {
			await run('remove', 'readwrite', (store) => {
				store.delete(kept);
				return () => undefined;
			});
		},
		close() {
			db.close();
		}
	};
}

type StoredEntry = Omit<Workspace, 'texts'> & {
	version: number;
	revision: number;
	texts: (WorkspaceText & { pieces: number })[];
};

/**
 * The entry to store for a workspace: every field but the texts' text, which is stored apart
 * (`bodies`, by text id), and the number of pieces it is stored in.
 */
function entryOf(workspace: Workspace, revision: number): { entry: StoredEntry; bodies: [string, string][] } {
	// A plain copy: Svelte state proxies cannot be cloned into IndexedDB.
	const copy = copyWorkspace(workspace);
	const bodies = copy.texts.map((t): [string, string] => [t.id, t.text]);
	const texts = copy.texts.map((t) => ({ ...t, text: '', pieces: piecesOf(t.text).length }));
	return { entry: { version: entryVersion, revision, ...copy, texts }, bodies };
}

/**
 * Calls `use` with a stored entry whole: the texts of an entry of this layout read from their
 * pieces, one request at a time, and put back in it (a text with a piece missing is left out,
 * and the entry then says so); any other entry as it is.
 */
function withBodies(store: IDBObjectStore, saved: unknown, use: (whole: unknown) => void) {
	if (!isObject(saved) || saved.version !== entryVersion || !Array.isArray(saved.texts)) {
		return use(saved);
	}
	const texts = saved.texts.map((t: unknown) => (isObject(t) ? { ...t } : t)) as Shape[];
	const readText = (i: number) => {
		if (i === texts.length) return use({ ...saved, texts });
		const text = texts[i];
		const count = typeof text.pieces === 'number' ? text.pieces : 0;
		delete text.pieces;
		const pieces: string[] = [];
		const readPiece = (k: number) => {
			if (k === count) {
				if (count > 0) text.text = pieces.join('');
				else delete text.text;
				return readText(i + 1);
			}
			const piece = store.get(pieceKey(String(text.id), k));
			piece.onsuccess = () => {
				if (typeof piece.result !== 'string') {
					delete text.text;
					return readText(i + 1);
				}
				pieces.push(piece.result);
				readPiece(k + 1);
			};
		};
		readPiece(0);
	};
	readText(0);
}

/** The revision a stored entry carries; entries saved before revisions were kept have 0. */
function revisionOf(entry: unknown): number {
	const revision = isObject(entry) ? entry.revision : undefined;
	return typeof revision === 'number' ? revision : 0;
}

/**
 * Why a stored entry cannot be read by this version, or null when it can: a newer layout, a
 * shape that is not a workspace's, or a workspace that would break the page.
 */
export function entryProblem(entry: unknown): string | null {
	if (!isObject(entry)) return 'the saved entry is not an object';
	const { version, revision: _revision, ...rest } = entry;
	if (version !== undefined && version !== 1 && version !== entryVersion) {
		return (
			'it was saved by another version of Pencilmarks ' +
			`(its layout is version ${JSON.stringify(version)}; this one reads versions 1 to ${entryVersion})`
		);
	}
	return workspaceProblem(rest);
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

/** Save the workspace over the entry of `revision`; resolves with the new revision. */
export function saveWorkspace(workspace: Workspace, revision: number): Promise<number> {
	return withStore('save', (store) => store.save(workspace, revision));
}

/** Save the workspace at once, without checking what is saved (see `saveAtOnce`). */
export function saveWorkspaceAtOnce(workspace: Workspace, revision: number): Promise<number> {
	return withStore('save', (store) => store.saveAtOnce(workspace, revision));
}

/** The saved workspace, its revision, and the entries kept because they could not be read. */
export function loadWorkspace(): Promise<Loaded> {
	return withStore('load', (store) => store.load());
}

/** A kept entry as it was stored. */
export function keptEntry(kept: string): Promise<unknown> {
	return withStore('load', (store) => store.raw(kept));
}

/** Remove a kept entry, once the reader has chosen to. */
export function removeKept(kept: string): Promise<void> {
	return withStore('remove', (store) => store.remove(kept));
}
