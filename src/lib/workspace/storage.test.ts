import { describe, expect, it } from 'vitest';
import { emptyWorkspace } from './defaults';
import {
	copyWorkspace,
	isWorkspace,
	loadWorkspace,
	openStore,
	saveWorkspace,
	StorageError,
	workspaceProblem
} from './storage';
import type { Workspace } from './types';

function sample(): Workspace {
	const ws = emptyWorkspace('1938-03-12');
	ws.texts[0].text = 'I deny it.';
	ws.texts[1] = { ...ws.texts[1], text: 'I admit it.', origin: 'pravda.txt', encoding: 'koi8-r' };
	ws.notes = [
		{ id: 'note-1', title: 'About', markdown: 'A case note.', anchor: null },
		{
			id: 'note-2',
			title: 'Denied',
			markdown: 'Struck.',
			anchor: { witness: 'spoken', quote: 'deny', prefix: 'I ', suffix: ' it' }
		}
	];
	ws.meta.people = ['Nikolai Bukharin (defendant)'];
	return ws;
}

/** `sample()` with one change made at `path`, as JSON would hold it. */
function broken(change: (ws: Record<string, any>) => void): unknown {
	const ws = JSON.parse(JSON.stringify(sample()));
	change(ws);
	return ws;
}

describe('isWorkspace and workspaceProblem', () => {
	it('accepts a workspace, with or without the optional fields', () => {
		expect(workspaceProblem(sample())).toBe(null);
		expect(isWorkspace(sample())).toBe(true);
		expect(isWorkspace(emptyWorkspace('2024-05-01'))).toBe(true);
	});

	it('accepts what the page may show and let the reader fix: one text, an unknown base', () => {
		expect(isWorkspace(broken((ws) => ws.texts.pop()))).toBe(true);
		expect(isWorkspace(broken((ws) => (ws.base = 'gone')))).toBe(true);
	});

	it('refuses what is not an object', () => {
		for (const value of [null, undefined, 'workspace', 3, [], [sample()]]) {
			expect(workspaceProblem(value)).toBe('the workspace is not an object');
		}
	});

	it('names the first field that is missing or of the wrong kind', () => {
		const cases: [(ws: Record<string, any>) => void, string][] = [
			[(ws) => delete ws.texts, 'texts is missing'],
			[(ws) => (ws.texts = {}), 'texts is not a list'],
			[(ws) => (ws.texts[1] = 'published'), 'texts[1] is not an object'],
			[(ws) => delete ws.texts[0].id, 'texts[0].id is missing'],
			[(ws) => (ws.texts[1].label = 7), 'texts[1].label is not text'],
			[(ws) => (ws.texts[0].text = null), 'texts[0].text is not text'],
			[(ws) => delete ws.texts[0].origin, 'texts[0].origin is missing'],
			[(ws) => (ws.texts[1].encoding = 1251), 'texts[1].encoding is not text'],
			[(ws) => delete ws.base, 'base is missing'],
			[(ws) => (ws.target = ['published']), 'target is not text'],
			[(ws) => (ws.notes = null), 'notes is not a list'],
			[(ws) => (ws.notes[0] = null), 'notes[0] is not an object'],
			[(ws) => delete ws.notes[1].title, 'notes[1].title is missing'],
			[(ws) => (ws.notes[0].markdown = 1), 'notes[0].markdown is not text'],
			[(ws) => delete ws.notes[0].anchor, 'notes[0].anchor is missing'],
			[(ws) => (ws.notes[1].anchor = 'deny'), 'notes[1].anchor is not an object or null'],
			[(ws) => delete ws.notes[1].anchor.quote, 'notes[1].anchor.quote is missing'],
			[(ws) => (ws.notes[1].anchor.witness = 1), 'notes[1].anchor.witness is not text'],
			[(ws) => (ws.notes[1].anchor.prefix = null), 'notes[1].anchor.prefix is not text'],
			[(ws) => delete ws.meta, 'meta is missing'],
			[(ws) => (ws.meta = []), 'meta is not an object'],
			[(ws) => delete ws.meta.date, 'meta.date is missing'],
			[(ws) => (ws.meta.rights = false), 'meta.rights is not text'],
			[(ws) => (ws.meta.people = 'Bukharin'), 'meta.people is not a list'],
			[(ws) => ws.meta.people.push(null), 'meta.people[1] is not text'],
			[(ws) => delete ws.mode, 'mode is missing'],
			[(ws) => (ws.mode = 'diff'), 'mode is not one of marks, spoken, published, side']
		];
		for (const [change, problem] of cases) {
			expect(workspaceProblem(broken(change))).toBe(problem);
			expect(isWorkspace(broken(change))).toBe(false);
		}
	});
});

describe('copyWorkspace', () => {
	it('copies every field and nothing else, leaving out optional fields that were not there', () => {
		const ws = sample();
		const copy = copyWorkspace({ ...ws, extra: 'dropped' } as Workspace);
		expect(copy).toStrictEqual(ws);
		expect(copy.texts[0]).not.toHaveProperty('encoding');
		expect(copy.notes[0].anchor).toBe(null);
		copy.meta.people.push('Someone');
		expect(ws.meta.people).toEqual(['Nikolai Bukharin (defendant)']);
	});
});

// ---------------------------------------------------------------------------------------------
// A small IndexedDB: enough of open, transaction, objectStore, get, put and delete, with events
// fired later as the browser fires them, to drive storage.ts's success and error paths.

interface FakeOptions {
	/** Name of the DOMException `open` fails with. */
	openError?: string;
	/** Whether `open` throws (as Firefox does with storage turned off) instead of failing later. */
	openThrows?: boolean;
	/** Whether `open` is blocked by another tab. */
	blocked?: boolean;
	/** Name of the DOMException a write transaction aborts with (`QuotaExceededError`). */
	writeError?: string;
	/** What the database holds before it is opened. */
	saved?: unknown;
}

type Handler = ((this: unknown) => void) | null;
const later = (run: () => void) => setTimeout(run, 0);

class FakeRequest {
	result: unknown = undefined;
	error: DOMException | null = null;
	onsuccess: Handler = null;
	onerror: Handler = null;
	onupgradeneeded: Handler = null;
	onblocked: Handler = null;
}

class FakeTransaction {
	error: DOMException | null = null;
	oncomplete: Handler = null;
	onerror: Handler = null;
	onabort: Handler = null;

	constructor(
		private readonly data: Map<string, unknown>,
		private readonly writeError?: string
	) {}

	objectStore() {
		const request = (run: () => unknown, write: boolean) => {
			const req = new FakeRequest();
			const value = run();
			later(() => {
				if (write && this.writeError) {
					this.error = new DOMException('The write failed.', this.writeError);
					this.onabort?.();
					return;
				}
				req.result = value;
				req.onsuccess?.();
				this.oncomplete?.();
			});
			return req;
		};
		return {
			get: (key: string) => request(() => structuredClone(this.data.get(key)), false),
			// structuredClone throws DataCloneError for a Proxy or a function, as put does.
			put: (value: unknown, key: string) => {
				const clone = structuredClone(value);
				return request(() => (this.writeError ? undefined : this.data.set(key, clone)), true);
			},
			delete: (key: string) => request(() => this.data.delete(key), true)
		};
	}
}

class FakeDatabase {
	stores = new Set<string>();
	closed = false;
	onversionchange: Handler = null;
	objectStoreNames = { contains: (name: string) => this.stores.has(name) };

	constructor(
		readonly data: Map<string, unknown>,
		private readonly writeError?: string
	) {}

	createObjectStore(name: string) {
		this.stores.add(name);
	}

	transaction() {
		if (this.closed) throw new DOMException('The database is closed.', 'InvalidStateError');
		return new FakeTransaction(this.data, this.writeError);
	}

	close() {
		this.closed = true;
	}
}

function fakeIndexedDB(options: FakeOptions = {}) {
	const data = new Map<string, unknown>();
	if (options.saved !== undefined) data.set('current', options.saved);
	const opened: FakeDatabase[] = [];
	const factory = {
		open(name: string, version: number) {
			if (options.openThrows) throw new DOMException('The operation is insecure.', 'SecurityError');
			expect([name, version]).toEqual(['test', 1]);
			const request = new FakeRequest();
			later(() => {
				if (options.blocked) return request.onblocked?.();
				if (options.openError) {
					request.error = new DOMException('Open failed.', options.openError);
					return request.onerror?.();
				}
				const db = new FakeDatabase(data, options.writeError);
				opened.push(db);
				request.result = db;
				request.onupgradeneeded?.();
				request.onsuccess?.();
			});
			return request;
		}
	};
	return { factory: factory as unknown as IDBFactory, data, opened };
}

/** The StorageError a promise rejects with, checked to be one. */
async function failure(promise: Promise<unknown>): Promise<StorageError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(StorageError);
	return error as StorageError;
}

describe('openStore', () => {
	it('creates the object store, saves, loads and clears the one workspace', async () => {
		const { factory, data, opened } = fakeIndexedDB();
		const store = await openStore('test', factory);
		expect(opened[0].stores).toEqual(new Set(['workspace']));
		expect(await store.load()).toBe(null);
		await store.save(sample());
		expect([...data.keys()]).toEqual(['current']);
		expect(await store.load()).toStrictEqual(sample());
		await store.clear();
		expect(await store.load()).toBe(null);
	});

	it('saves a plain copy, so that a proxy (Svelte state) can be saved', async () => {
		const { factory } = fakeIndexedDB();
		const store = await openStore('test', factory);
		await store.save(new Proxy(sample(), {}));
		expect(await store.load()).toStrictEqual(sample());
	});

	it('closes the database when another tab asks to upgrade it', async () => {
		const { factory, opened } = fakeIndexedDB();
		await openStore('test', factory);
		opened[0].onversionchange?.();
		expect(opened[0].closed).toBe(true);
	});

	it('says storage is missing when there is no IndexedDB (some private modes, Node)', async () => {
		const error = await failure(openStore('test', undefined));
		expect(error.problem).toBe('unavailable');
		expect(error.message).toBe(
			'This browser did not let Pencilmarks use its storage (it offers no storage to this ' +
				'page, as in some private windows), so your work will not be saved here. ' +
				'Export the workspace to keep it.'
		);
	});

	it('says storage is missing when opening throws (storage turned off)', async () => {
		const error = await failure(openStore('test', fakeIndexedDB({ openThrows: true }).factory));
		expect(error.problem).toBe('unavailable');
	});

	it('reports an open that another tab blocks', async () => {
		const error = await failure(openStore('test', fakeIndexedDB({ blocked: true }).factory));
		expect(error.problem).toBe('blocked');
		expect(error.message).toMatch(/close that tab and reload/);
	});

	it('reports an open that fails, with the name the browser gave', async () => {
		const { factory } = fakeIndexedDB({ openError: 'UnknownError' });
		const error = await failure(openStore('test', factory));
		expect(error.problem).toBe('failed');
		expect(error.message).toBe(
			'This browser did not let Pencilmarks use its storage (it reported UnknownError), ' +
				'so your work will not be saved here. Export the workspace to keep it.'
		);
		expect((error.cause as DOMException).name).toBe('UnknownError');
	});

	it('reports a full disk on saving, and that the texts can still be exported', async () => {
		const { factory, data } = fakeIndexedDB({ writeError: 'QuotaExceededError' });
		const store = await openStore('test', factory);
		const error = await failure(store.save(sample()));
		expect(error.problem).toBe('quota');
		expect(error.message).toBe(
			'This browser did not let Pencilmarks save your work (storage is full). ' +
				'Your texts are still here: export the workspace to keep them.'
		);
		expect(data.size).toBe(0);
	});

	it('reports a value that cannot be stored', async () => {
		const store = await openStore('test', fakeIndexedDB().factory);
		const ws = { ...sample(), meta: { ...sample().meta, people: [() => 'not data'] } };
		const error = await failure(store.save(ws as unknown as Workspace));
		expect(error.problem).toBe('failed');
		expect(error.message).toMatch(
			/^This browser did not let Pencilmarks save your work \(it reported DataCloneError\)/
		);
	});

	it('reports a saved entry that is not a workspace instead of using it', async () => {
		const old = { texts: ['spoken', 'published'], version: 0 };
		const store = await openStore('test', fakeIndexedDB({ saved: old }).factory);
		const error = await failure(store.load());
		expect(error.problem).toBe('invalid');
		expect(error.message).toBe(
			'Pencilmarks found work saved in this browser but could not read it (it is damaged or ' +
				'was saved by another version of Pencilmarks), so it was not opened. ' +
				'Start a new comparison, or import a workspace you exported.'
		);
	});

	it('reports a closed database as a failure, not a crash', async () => {
		const { factory, opened } = fakeIndexedDB();
		const store = await openStore('test', factory);
		opened[0].close();
		const error = await failure(store.load());
		expect(error.problem).toBe('failed');
		expect(error.message).toMatch(/\(it reported InvalidStateError\)/);
	});
});

describe('saveWorkspace and loadWorkspace', () => {
	it('reject with a StorageError worded for saving when the browser has no IndexedDB', async () => {
		expect(globalThis.indexedDB).toBe(undefined);
		const error = await failure(saveWorkspace(sample()));
		expect(error.problem).toBe('unavailable');
		expect(error.message).toBe(
			'This browser did not let Pencilmarks save your work (it offers no storage to this ' +
				'page, as in some private windows). Your texts are still here: export the ' +
				'workspace to keep them.'
		);
		// The failure is not kept: the next call tries to open the database again.
		expect((await failure(loadWorkspace())).message).toMatch(
			/^This browser did not let Pencilmarks use its storage/
		);
	});
});
