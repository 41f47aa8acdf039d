// Keeps the page's workspace saved: reads it once, saves it after a pause in the reader's work
// (and at once when the page is hidden or closed), and never writes over work it has not read,
// whether another tab saved it or this version cannot read it. What it could not do is state the
// page shows: `problem`, `stale` and `kept`.

import { copyWorkspace } from './schema';
import {
	keptEntry,
	loadWorkspace,
	removeKept,
	saveWorkspace,
	saveWorkspaceAtOnce,
	StorageError,
	type KeptEntry,
	type Loaded
} from './storage';
import type { Workspace } from './types';

/** The storage the keeper uses: the browser's IndexedDB (storage.ts), or another in tests. */
export interface KeeperStore {
	load(): Promise<Loaded>;
	save(workspace: Workspace, revision: number): Promise<number>;
	saveAtOnce(workspace: Workspace, revision: number): Promise<number>;
	raw(key: string): Promise<unknown>;
	remove(key: string): Promise<void>;
}

const browserStore: KeeperStore = {
	load: loadWorkspace,
	save: saveWorkspace,
	saveAtOnce: saveWorkspaceAtOnce,
	raw: keptEntry,
	remove: removeKept
};

/** What one tab tells the others after each save. */
interface Saved {
	revision: number;
}


export class Keeper {
	/** Set once the saved workspace has been read: saving starts only then. */
	restored = $state(false);
	/** The last problem with storage, in words; '' when the last attempt went well. */
	problem = $state('');
	/** Another tab (or window) saved newer work since this page read it: nothing more is saved
	 * from this page until the reader opens the newer work. */
	stale = $state(false);
	/** Saved entries that could not be read, kept aside until the reader removes them. */
	kept = $state<KeptEntry[]>([]);

	readonly #store: KeeperStore;
	readonly #channelName: string | null;
	#channel: BroadcastChannel | null = null;
	/** Revision of the saved entry this page last read or wrote. */
	#revision = 0;
	/** The workspace as last read or written, to skip saving what is already saved. */
	#saved: Workspace | null = null;
	/** The workspace waiting to be saved, and the one being saved. */
	#pending: Workspace | null = null;
	#writing: Workspace | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Saves run one after another: each starts from the revision the one before it wrote. */
	#queue: Promise<void> = Promise.resolve();
	/** The kind of `problem`, so that a failure said once is not said again in other words. */
	#problemKind = '';

	/** `channel` names the BroadcastChannel on which tabs tell each other of their saves (null:
	 * none, as where there is no BroadcastChannel). */
	constructor(store: KeeperStore = browserStore, channel: string | null = 'pencilmarks-workspace') {
		this.#store = store;
		this.#channelName = typeof BroadcastChannel === 'undefined' ? null : channel;
	}

	/** Whether this page holds work it could not save (it is behind another tab, or storage
	 * fails): leaving the page now would lose it. */
	get unsaved(): boolean {
		if (!this.stale && !this.problem) return false;
		const workspace = this.#pending ?? this.#writing;
		return workspace !== null && !same(copyWorkspace(workspace), this.#saved);
	}

	/** Reads the saved workspace (null when there is none, or it could not be read). */
	async restore(): Promise<Workspace | null> {
		if (this.#channelName && !this.#channel) {
			this.#channel = new BroadcastChannel(this.#channelName);
			this.#channel.onmessage = (event: MessageEvent<Saved>) => {
				if (event.data.revision > this.#revision) this.stale = true;
			};
		}
		try {
			return this.#read(await this.#store.load());
		} catch (error) {
			this.report(error);
			return null;
		} finally {
			this.restored = true;
		}
	}

	/** Saves `workspace` after `delay` ms, unless another comes first. */
	keep(workspace: Workspace, delay = 400) {
		this.#pending = workspace;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), delay);
	}

	/** Saves what is waiting now (the page is being hidden); resolves when done. */
	flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#queue = this.#queue.then(() => this.#write());
		return this.#queue;
	}

	/**
	 * Saves what is not yet saved, now, for a page that is being closed or reloaded: the usual
	 * save reads the saved entry before writing, and a closing page does not live to see the
	 * answer. So this one writes without reading, and trusts what other tabs have said of their
	 * saves (`stale`) instead.
	 */
	flushClosing(): Promise<void> {
		clearTimeout(this.#timer);
		const workspace = this.#pending ?? this.#writing;
		if (!workspace || this.stale) return Promise.resolve();
		this.#pending = null;
		const copy = copyWorkspace(workspace);
		if (same(copy, this.#saved)) return Promise.resolve();
		return this.#store.saveAtOnce(workspace, this.#revision).then(
			(revision) => {
				this.#revision = revision;
				this.#saved = copy;
				this.report(null);
				this.#channel?.postMessage({ revision } satisfies Saved);
			},
			(error) => {
				this.#pending ??= workspace;
				this.report(error);
			}
		);
	}

	/** Reads the newer work another tab saved; this page saves again from there. */
	async reopen(): Promise<Workspace | null> {
		clearTimeout(this.#timer);
		await this.#queue;
		this.#pending = null;
		try {
			const workspace = this.#read(await this.#store.load());
			this.stale = false;
			return workspace;
		} catch (error) {
			this.report(error);
			return null;
		}
	}

	/** A kept entry exactly as it was stored. */
	raw(key: string): Promise<unknown> {
		return this.#store.raw(key);
	}

	/** Removes a kept entry, once the reader has chosen to. */
	async forget(key: string) {
		try {
			await this.#store.remove(key);
			this.kept = this.kept.filter((k) => k.key !== key);
		} catch (error) {
			this.report(error);
		}
	}

	close() {
		clearTimeout(this.#timer);
		this.#channel?.close();
		this.#channel = null;
	}

	#read(loaded: Loaded): Workspace | null {
		this.#revision = loaded.revision;
		this.#saved = loaded.workspace ? copyWorkspace(loaded.workspace) : null;
		this.kept = loaded.kept;
		this.report(null);
		return loaded.workspace;
	}

	/** Says what went wrong (null: nothing); the same kind of failure again keeps its first
	 * words, which say more ("storage is unavailable, so nothing will be saved here"). */
	report(error: unknown) {
		const kind = error === null ? '' : error instanceof StorageError ? error.problem : 'failed';
		if (kind && kind !== 'failed' && kind === this.#problemKind) return;
		this.#problemKind = kind;
		this.problem = error === null ? '' : error instanceof Error ? error.message : String(error);
	}

	async #write() {
		const workspace = this.#pending;
		if (!workspace || this.stale) return;
		this.#pending = null;
		const copy = copyWorkspace(workspace);
		// Nothing changed since it was read: saving would only tell other tabs it is newer.
		if (same(copy, this.#saved)) return;
		this.#writing = workspace;
		try {
			this.#revision = await this.#store.save(workspace, this.#revision);
			this.#saved = copy;
			this.report(null);
			this.#channel?.postMessage({ revision: this.#revision } satisfies Saved);
		} catch (error) {
			// Not saved: it waits for the next try (or the reader's choice, if stale).
			this.#pending ??= workspace;
			if (error instanceof StorageError && error.problem === 'conflict') this.stale = true;
			else this.report(error);
		} finally {
			this.#writing = null;
		}
	}
}

/**
 * Whether two workspaces (as `copyWorkspace` gives them) hold the same values. Texts of megabytes
 * are compared as strings, at once when they are the same string, instead of being written out
 * as JSON on every save.
 */
function same(x: unknown, y: unknown): boolean {
	if (x === y) return true;
	if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
	if (Array.isArray(x) !== Array.isArray(y)) return false;
	const keys = Object.keys(x);
	if (keys.length !== Object.keys(y).length) return false;
	return keys.every((k) => same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}
