import { describe, expect, it, vi } from 'vitest';
import { fakeIndexedDB, stored } from '../test/fake-indexeddb';
import { sampleWorkspace as sample } from '../test/sample-workspace';
import { loadWorkspace, openStore, saveWorkspace, StorageError } from './storage';
import type { Workspace } from './types';

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
		expect(opened[0].indexes).toEqual(new Set(['revision']));
		expect(await store.load()).toStrictEqual({ workspace: null, revision: 0, kept: [] });
		expect(await store.save(sample(), 0)).toBe(1);
		// The texts are kept apart from the entry, each under a key of its own.
		expect([...data.keys()]).toEqual(['current', 'text spoken 0000', 'text published 0000']);
		const entry = data.get('current') as Workspace;
		expect(entry.texts.map((t) => t.text)).toEqual(['', '']);
		expect([data.get('text spoken 0000'), data.get('text published 0000')]).toEqual(['I deny it.', 'I admit it.']);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 1, ...sample() });
		expect(await store.load()).toStrictEqual({ workspace: sample(), revision: 1, kept: [] });
		expect(await store.save(sample(), 1)).toBe(2);
	});

	it('writes again only the texts that changed, and drops a text removed', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory);
		expect(await store.save(sample(), 0)).toBe(1);
		const writes = vi.spyOn(data, 'set');
		expect(await store.save({ ...sample(), mode: 'side' }, 1)).toBe(2);
		expect(writes.mock.calls.map(([k]) => k)).toEqual(['current']);
		writes.mockClear();
		const edited = sample();
		edited.texts[1].text = 'I admit nothing.';
		edited.texts.push({ id: 'draft', label: 'Draft', text: 'A draft.', origin: 'pasted', language: 'en' });
		expect(await store.save(edited, 2)).toBe(3);
		expect(writes.mock.calls.map(([k]) => k)).toEqual(['current', 'text published 0000', 'text draft 0000']);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 3, ...edited });
		edited.texts.pop();
		expect(await store.save(edited, 3)).toBe(4);
		expect([...data.keys()]).toEqual(['current', 'text spoken 0000', 'text published 0000']);
		// A second page reads it whole, and writes no text it did not change.
		const other = await openStore('test', factory);
		expect((await other.load()).workspace).toStrictEqual(edited);
		writes.mockClear();
		expect(await other.save({ ...edited, mode: 'marks' }, 4)).toBe(5);
		expect(writes.mock.calls.map(([k]) => k)).toEqual(['current']);
	});

	it('stores a long text in pieces of a million characters, and drops pieces no longer used', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory);
		const long = sample();
		long.texts[0].text = 'a'.repeat(1 << 20) + 'b'.repeat(1 << 20) + 'tail';
		expect(await store.save(long, 0)).toBe(1);
		expect([...data.keys()].filter((k) => k.startsWith('text spoken'))).toEqual([
			'text spoken 0000',
			'text spoken 0001',
			'text spoken 0002'
		]);
		expect(data.get('text spoken 0002')).toBe('tail');
		expect((await openStore('test', factory).then((s) => s.load())).workspace).toStrictEqual(long);
		expect(await store.save(sample(), 1)).toBe(2);
		expect([...data.keys()]).toEqual(['current', 'text spoken 0000', 'text published 0000']);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 2, ...sample() });
	});

	// A page being closed commits at once: every piece must be asked for before that.
	it('saves at once every text that changed, in all its pieces, and drops the pieces no longer used', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory);
		const long = sample();
		long.texts[0].text = 'a'.repeat(1 << 20) + 'tail';
		expect(await store.save(long, 0)).toBe(1);
		const edited = sample();
		edited.texts[1].text = 'b'.repeat(1 << 20) + 'end';
		expect(await store.saveAtOnce(edited, 1)).toBe(2);
		expect([...data.keys()].filter((k) => k.startsWith('text ')).sort()).toEqual([
			'text published 0000',
			'text published 0001',
			'text spoken 0000'
		]);
		expect((await openStore('test', factory).then((s) => s.load())).workspace).toStrictEqual(edited);
	});

	it('reads an entry of the first layout (texts inside), and saves it in the new one', async () => {
		const { factory, data } = fakeIndexedDB({ saved: { version: 1, revision: 3, ...sample() } });
		const store = await openStore('test', factory);
		expect(await store.load()).toStrictEqual({ workspace: sample(), revision: 3, kept: [] });
		expect(await store.save(sample(), 3)).toBe(4);
		expect([...data.keys()]).toEqual(['current', 'text spoken 0000', 'text published 0000']);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 4, ...sample() });
	});

	it('keeps aside an entry whose text is missing, saying which', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory, () => new Date('2026-12-02T06:00:00.000Z'));
		await store.save(sample(), 0);
		data.delete('text published 0000');
		expect((await store.load()).kept.map((k) => k.problem)).toEqual(['texts[1].text is missing']);
	});

	it('reads an entry saved with a mode’s former name in that mode, and saves its name now', async () => {
		const saved = { version: 1, revision: 3, ...sample(), mode: 'published' };
		const { factory, data } = fakeIndexedDB({ saved });
		const store = await openStore('test', factory);
		expect(await store.load()).toStrictEqual({ workspace: { ...sample(), mode: 'target' }, revision: 3, kept: [] });
		expect(await store.save({ ...sample(), mode: 'target' }, 3)).toBe(4);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 4, ...sample(), mode: 'target' });
	});

	it('reads an entry saved with one language for all, each text then getting its own', async () => {
		const older = sample();
		const saved = {
			version: 1,
			revision: 3,
			...older,
			texts: older.texts.map(({ language: _language, ...text }) => text),
			meta: { ...older.meta, language: 'ru', kind: 'Redaction' }
		};
		const { factory } = fakeIndexedDB({ saved });
		const store = await openStore('test', factory);
		// `I deny it.` is too short to tell: the language saved for all stands.
		const upgraded = {
			...older,
			texts: older.texts.map((t) => ({ ...t, language: 'ru' })),
			meta: { ...older.meta, kind: 'Redaction' }
		};
		expect(await store.load()).toStrictEqual({ workspace: upgraded, revision: 3, kept: [] });
	});

	it('reads an entry saved before entries had a version and a revision as revision 0', async () => {
		const store = await openStore('test', fakeIndexedDB({ saved: sample() }).factory);
		expect(await store.load()).toStrictEqual({ workspace: sample(), revision: 0, kept: [] });
		expect(await store.save(sample(), 0)).toBe(1);
	});

	// Reading back two 20 MB texts before every save (a mode switch) froze the page for 500 ms.
	it('checks the saved revision in the index, without reading the entry back', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory);
		expect(await store.save(sample(), 0)).toBe(1);
		const reads = vi.spyOn(data, 'get');
		expect(await store.save({ ...sample(), mode: 'side' }, 1)).toBe(2);
		expect(reads).not.toHaveBeenCalled();
		expect(stored(data)).toStrictEqual({ version: 2, revision: 2, ...sample(), mode: 'side' });
		// Newer work saved meanwhile is still refused.
		data.set('current', { version: 1, revision: 9, ...sample() });
		expect((await failure(store.save(sample(), 2))).problem).toBe('conflict');
	});

	// Issue 9: two tabs of one workspace overwrote each other's work.
	it('refuses to save over newer work saved by another tab, and writes nothing', async () => {
		const { factory, data } = fakeIndexedDB({ saved: sample() });
		const first = await openStore('test', factory);
		const second = await openStore('test', factory);
		expect((await first.load()).revision).toBe(0);
		expect((await second.load()).revision).toBe(0);
		const newer = sample();
		newer.texts[0].text = 'Saved in the second tab.';
		expect(await second.save(newer, 0)).toBe(1);
		const error = await failure(first.save(sample(), 0));
		expect(error.problem).toBe('conflict');
		expect(error.message).toBe(
			'Pencilmarks did not save your work here, so as not to overwrite newer work (another ' +
				'tab or window saved newer work since this page read it). Your texts are still ' +
				'here: export the workspace to keep them.'
		);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 1, ...newer });
		// Having read the newer work, the first tab saves again from it.
		expect(await first.load()).toStrictEqual({ workspace: newer, revision: 1, kept: [] });
		expect(await first.save(sample(), 1)).toBe(2);
	});

	it('saves over nothing when the saved entry was removed meanwhile', async () => {
		const { factory, data } = fakeIndexedDB({ saved: sample() });
		const store = await openStore('test', factory);
		// As another tab's storage being cleared would remove it.
		data.delete('current');
		expect(await store.save(sample(), 4)).toBe(5);
		expect(stored(data)).toStrictEqual({ version: 2, revision: 5, ...sample() });
	});

	it('saves a plain copy, so that a proxy (Svelte state) can be saved', async () => {
		const { factory } = fakeIndexedDB();
		const store = await openStore('test', factory);
		await store.save(new Proxy(sample(), {}), 0);
		expect((await store.load()).workspace).toStrictEqual(sample());
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
		const error = await failure(store.save(sample(), 0));
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
		const error = await failure(store.save(ws as unknown as Workspace, 0));
		expect(error.problem).toBe('failed');
		expect(error.message).toMatch(
			/^This browser did not let Pencilmarks save your work \(it reported DataCloneError\)/
		);
	});

	// Issue 9: an entry this version could not read was overwritten by the next save.
	it('keeps an entry it cannot read under a key of its own, exactly as it was', async () => {
		const newer = { ...JSON.parse(JSON.stringify(sample())), mode: 'diff', revision: 7 };
		const { factory, data } = fakeIndexedDB({ saved: newer });
		const now = () => new Date('2026-12-02T06:00:00.000Z');
		const store = await openStore('test', factory, now);
		const kept = {
			key: 'unreadable 2026-12-02T06:00:00.000Z',
			found: '2026-12-02T06:00:00.000Z',
			problem: 'mode is not one of marks, base, target, side'
		};
		expect(await store.load()).toStrictEqual({ workspace: null, revision: 0, kept: [kept] });
		expect([...data.keys()]).toEqual([kept.key]);
		expect(await store.raw(kept.key)).toStrictEqual(newer);
		// Saving starts afresh beside it; the kept entry is listed on every load until removed.
		expect(await store.save(sample(), 0)).toBe(1);
		expect(await store.load()).toStrictEqual({ workspace: sample(), revision: 1, kept: [kept] });
		await store.remove(kept.key);
		expect([...data.keys()]).toEqual(['current', 'text spoken 0000', 'text published 0000']);
		expect(await store.load()).toStrictEqual({ workspace: sample(), revision: 1, kept: [] });
	});

	it('keeps an entry of a newer layout, and entries that are not workspaces at all', async () => {
		for (const [saved, problem] of [
			[
				{ version: 3, revision: 3, ...sample() },
				'it was saved by another version of Pencilmarks (its layout is version 3; this one reads versions 1 to 2)'
			],
			[{ texts: ['spoken', 'published'] }, 'texts[0] is not an object'],
			['a string', 'the saved entry is not an object']
		] as const) {
			const { factory, data } = fakeIndexedDB({ saved });
			const store = await openStore('test', factory, () => new Date('2026-12-02T06:00:00.000Z'));
			expect((await store.load()).kept.map((k) => k.problem)).toEqual([problem]);
			expect(data.get('unreadable 2026-12-02T06:00:00.000Z')).toStrictEqual(saved);
		}
	});

	it('refuses to save over an unreadable entry another tab has saved meanwhile', async () => {
		const { factory, data } = fakeIndexedDB();
		const store = await openStore('test', factory);
		await store.load();
		data.set('current', { version: 2, revision: 1, anything: true });
		expect((await failure(store.save(sample(), 0))).problem).toBe('conflict');
		expect(data.get('current')).toStrictEqual({ version: 2, revision: 1, anything: true });
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
		const error = await failure(saveWorkspace(sample(), 0));
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
