// A small IndexedDB for tests: enough of open, transaction, objectStore, get, getAllKeys, put,
// delete and an index's key cursor, with events fired later as the browser fires them, to drive
// workspace/storage.ts's success and error paths. Several stores opened on one fake share its data, as two tabs share a database.

import { expect } from 'vitest';

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
	/** The upgrade transaction, while `onupgradeneeded` runs. */
	transaction: unknown = null;
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
	#pending = 0;
	#aborted = false;
	/** Writes are applied when the transaction commits, and not at all if it aborts. */
	#writes: (() => void)[] = [];

	constructor(
		private readonly data: Map<string, unknown>,
		private readonly writeError?: string
	) {}

	#committed = false;

	/** As IndexedDB's: no request may be made after it (one made from a callback then throws). */
	commit() {
		this.#committed = true;
	}

	abort() {
		this.#aborted = true;
		later(() => this.onabort?.());
	}

	/** Settles like IndexedDB: after the last request's success handler, if it made no other. */
	#request(run: () => unknown, write: boolean) {
		if (this.#committed) throw new DOMException('The transaction is finishing.', 'TransactionInactiveError');
		const req = new FakeRequest();
		this.#pending++;
		later(() => {
			if (this.#aborted) return;
			if (write && this.writeError) {
				this.#aborted = true;
				this.error = new DOMException('The write failed.', this.writeError);
				this.onabort?.();
				return;
			}
			req.result = run();
			req.onsuccess?.();
			this.#settle();
		});
		return req;
	}

	/** One request done: the transaction commits after the last, if it made no other. */
	#settle() {
		if (--this.#pending === 0 && !this.#aborted) {
			for (const write of this.#writes) write();
			this.oncomplete?.();
		}
	}

	objectStore() {
		return {
			get: (key: string) => this.#request(() => structuredClone(this.data.get(key)), false),
			getAllKeys: () => this.#request(() => [...this.data.keys()], false),
			// structuredClone throws DataCloneError for a Proxy or a function, as put does.
			put: (value: unknown, key: string) => {
				const clone = structuredClone(value);
				return this.#request(() => this.#writes.push(() => this.data.set(key, clone)), true);
			},
			delete: (key: string) =>
				this.#request(() => this.#writes.push(() => this.data.delete(key)), true),
			// The revision index: entries with a number at `revision`, in revision order.
			index: (name: string) => {
				expect(name).toBe('revision');
				return {
					openKeyCursor: () => {
						const entries = [...this.data]
							.filter(([, v]) => typeof (v as { revision?: unknown })?.revision === 'number')
							.map(([k, v]) => ({ key: (v as { revision: number }).revision, primaryKey: k }))
							.sort((x, y) => x.key - y.key);
						let at = 0;
						const cursor = () =>
							at < entries.length
								? {
										...entries[at],
										continue: () => {
											at++;
											later(() => {
												req.result = cursor();
												req.onsuccess?.();
												if (req.result === null) this.#settle();
											});
										}
									}
								: null;
						this.#pending++;
						const req = new FakeRequest();
						later(() => {
							if (this.#aborted) return;
							req.result = cursor();
							req.onsuccess?.();
							if (req.result === null) this.#settle();
						});
						return req;
					}
				};
			}
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

	indexes = new Set<string>();

	createObjectStore(name: string) {
		this.stores.add(name);
		return this.upgrading();
	}

	/** The store as an upgrade transaction gives it: where indexes are made. */
	upgrading() {
		return {
			indexNames: { contains: (name: string) => this.indexes.has(name) },
			createIndex: (name: string, keyPath: string) => {
				expect([name, keyPath]).toEqual(['revision', 'revision']);
				this.indexes.add(name);
			}
		};
	}

	transaction() {
		if (this.closed) throw new DOMException('The database is closed.', 'InvalidStateError');
		return new FakeTransaction(this.data, this.writeError);
	}

	close() {
		this.closed = true;
	}
}

export function fakeIndexedDB(options: FakeOptions = {}) {
	const data = new Map<string, unknown>();
	if (options.saved !== undefined) data.set('current', options.saved);
	const opened: FakeDatabase[] = [];
	const factory = {
		open(name: string, version: number) {
			if (options.openThrows) throw new DOMException('The operation is insecure.', 'SecurityError');
			expect([name, version]).toEqual(['test', 2]);
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
				request.transaction = { objectStore: () => db.upgrading() };
				request.onupgradeneeded?.();
				request.onsuccess?.();
			});
			return request;
		}
	};
	return { factory: factory as unknown as IDBFactory, data, opened };
}


/**
 * The entry under `key` as the page would read it: a version 2 entry with its texts put back from
 * their pieces (`text <id> 0000`…), any other as it is.
 */
export function stored(data: Map<string, unknown>, key = 'current'): unknown {
	const entry = data.get(key) as { version?: number; texts?: { id: string; pieces: number }[] } | undefined;
	if (entry?.version !== 2 || !entry.texts) return entry;
	const texts = entry.texts.map(({ pieces, ...t }) => ({
		...t,
		text: Array.from({ length: pieces }, (_, k) => data.get(`text ${t.id} ${String(k).padStart(4, '0')}`)).join('')
	}));
	return { ...entry, texts };
}
