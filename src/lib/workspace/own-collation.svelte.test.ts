import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cancelled } from '../align-client';
import { collate } from '../pipeline/collate';
import { readingData } from '../view';
import { fakeIndexedDB } from '../test/fake-indexeddb';
import type { CollationText } from './apparatus';
import { emptyWorkspace } from './defaults';
import { Keeper } from './keeper.svelte';
import { OwnCollation } from './own-collation.svelte';
import { OwnComparison, type Services } from './own-comparison.svelte';
import { openStore } from './storage';
import type { Workspace } from './types';

/** Three versions of a sentence: the second changes a word, the third adds one. */
function three(): Workspace {
	const ws = emptyWorkspace();
	ws.texts[0].text = 'We met at noon that day.';
	ws.texts[1].text = 'We met at one that day.';
	ws.texts.push({ id: 'version', label: 'Version 3', text: 'We met at noon on that day.', origin: 'pasted', language: 'und' });
	return ws;
}

/** A collation asked of the fake collator, answered when the test says. */
interface Run {
	texts: CollationText[];
	answer: (ms: number) => void;
	fail: (message: string) => void;
	cancel: () => void;
}

/** The worker's client without the worker: the collation runs here, when a run is answered. */
function fakeCollator() {
	const runs: Run[] = [];
	return {
		runs,
		run: (texts: CollationText[]) =>
			new Promise<{ apparatus: ReturnType<typeof collate>; ms: number }>((resolve, reject) => {
				runs.push({
					texts,
					answer: (ms) => resolve({ apparatus: collate(texts.map(({ id, text }) => ({ id, text }))), ms }),
					fail: (message) => reject(new Error(message)),
					cancel: () => reject(new Cancelled())
				});
			}),
		cancel: () => runs.at(-1)?.cancel()
	};
}

/** The pair's aligner, which answers at once: the tests count what it is asked. */
function aligner() {
	const runs: unknown[] = [];
	return {
		runs,
		run: async (sides, notes) => {
			runs.push(sides);
			const { comparison: _comparison, ...reading } = readingData(sides, notes);
			return { reading, ms: 1 };
		},
		cancel: () => {}
	} satisfies Services['aligner'] & { runs: unknown[] };
}

async function settled<T>(promise: Promise<T>): Promise<T> {
	let done = false;
	const waited = promise.finally(() => (done = true));
	while (!done) await vi.advanceTimersByTimeAsync(1);
	return waited;
}

const opened: (() => void)[] = [];

/** The Compare page's state, and its texts all at once, on a fake database holding `saved`. */
async function page(saved: Workspace) {
	const db = fakeIndexedDB({ saved });
	const store = await settled(openStore('test', db.factory, () => new Date('2026-12-02T06:00:00.000Z')));
	const keeper = new Keeper(store, null);
	const collator = fakeCollator();
	const pair = aligner();
	let own!: OwnComparison;
	let all!: OwnCollation;
	const destroy = $effect.root(() => {
		own = new OwnComparison({ keeper, aligner: pair });
		all = new OwnCollation(own, collator);
	});
	const close = own.open();
	opened.push(() => {
		close();
		all.close();
		destroy();
	});
	await vi.advanceTimersByTimeAsync(0);
	return { own, all, collator, pair };
}

/** The readings at each variant place of the view on screen, as sigla. */
const variants = (all: OwnCollation) =>
	all.view!.apparatus.places
		.filter((p) => p.readings.length > 1)
		.map((p) => p.readings.map((r) => `${r.text}: ${r.witnesses.join(', ')}`));

beforeEach(async () => {
	await import('../markdown');
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
	opened.splice(0).forEach((close) => close());
	vi.useRealTimers();
});

describe('OwnCollation', () => {
	it('collates three texts after a pause, against the base, and the pair is not aligned meanwhile', async () => {
		const { own, all, collator, pair } = await page(three());
		expect(own.together).toBe(true);
		await vi.advanceTimersByTimeAsync(249);
		expect(collator.runs).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(collator.runs.map((r) => r.texts.map((t) => t.id))).toEqual([['spoken', 'published', 'version']]);
		// A short collation is not shown; a longer one is, with the time so far.
		own.now = all.collating!.since + 150;
		expect(all.status).toBe(null);
		own.now = all.collating!.since + 1200;
		expect(all.status).toEqual({ kind: 'collating', text: 'Collating 3 texts… 1.2 s' });
		collator.runs[0].answer(35);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.status).toEqual({ kind: 'collated', text: 'Collated 3 texts in 35 ms.' });
		expect(all.notice).toBe(null);
		expect(all.view!.witnesses.map((w) => w.siglum)).toEqual(['As spoken', 'As published', 'Version 3']);
		expect(variants(all)).toEqual([
			['noon: spoken, version', 'one: published'],
			[': spoken, published', 'on : version']
		]);
		expect(pair.runs).toHaveLength(0);
		expect(own.reading).toBe(null);
	});

	it('collates again when a text changes, or another base is chosen, and not for a new label', async () => {
		const { own, all, collator } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		own.ws.texts[2].label = 'Draft';
		await vi.advanceTimersByTimeAsync(500);
		expect(collator.runs).toHaveLength(1);
		expect(all.view!.witnesses[2].siglum).toBe('Draft');

		own.ws.texts[1].text = 'We met at two that day.';
		await vi.advanceTimersByTimeAsync(250);
		expect(collator.runs).toHaveLength(2);
		// The collation of the texts as they were stays on screen until the new one comes.
		expect(variants(all)[0]).toEqual(['noon: spoken, version', 'one: published']);
		collator.runs[1].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(variants(all)[0]).toEqual(['noon: spoken, version', 'two: published']);

		// The pair's target as the base: the pair keeps two texts, the other way round.
		all.chooseBase('published');
		expect([own.ws.base, own.ws.target]).toEqual(['published', 'spoken']);
		await vi.advanceTimersByTimeAsync(250);
		expect(collator.runs[2].texts.map((t) => t.id)).toEqual(['published', 'spoken', 'version']);
		collator.runs[2].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.view!.witnesses.map((w) => w.id)).toEqual(['published', 'spoken', 'version']);
		expect(variants(all)[0]).toEqual(['two: published', 'noon: spoken', 'noon on: version']);
		all.chooseBase('version');
		expect([own.ws.base, own.ws.target]).toEqual(['version', 'spoken']);
	});

	it('lets a newer collation take over: an older one that answers late is not shown', async () => {
		const { own, all, collator } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		own.ws.texts[1].text = 'We met at two that day.';
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.collation).toBe(null);
		expect(all.collating).not.toBe(null);
		collator.runs[1].answer(20);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.collation!.texts[1].text).toBe('We met at two that day.');
		expect(all.collating).toBe(null);
		expect(all.lastMs).toBe(20);
	});

	it('says which text is empty instead of collating, and shows no apparatus meanwhile', async () => {
		const { own, all, collator } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		own.ws.texts[2].text = '';
		await vi.advanceTimersByTimeAsync(500);
		expect(collator.runs).toHaveLength(1);
		expect(all.view).toBe(null);
		expect(all.status).toEqual({
			kind: 'waiting',
			text: '“Version 3” is empty: give it a text, or remove it, to see all the texts at once.'
		});
	});

	it('says when a text is the same as another, or all are', async () => {
		const ws = three();
		ws.texts[2].text = ws.texts[1].text;
		const { own, all, collator } = await page(ws);
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.notice).toBe('“Version 3” is the same text as “As published”: they share every reading.');
		own.ws.texts[0].text = ws.texts[1].text;
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[1].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.notice).toBe('The 3 texts are identical: no differences.');
	});

	it('on Cancel drops a collation of texts changed since, says so, and collates again when asked', async () => {
		const { own, all, collator } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		own.ws.texts[1].text = 'We met at two that day.';
		await vi.advanceTimersByTimeAsync(250);
		all.cancel();
		await vi.advanceTimersByTimeAsync(1000);
		expect(all.collation).toBe(null);
		expect(collator.runs).toHaveLength(2);
		expect(all.status).toEqual({
			kind: 'failed',
			text: 'Collation cancelled. Change a text, or press “Collate again”, to start it again.'
		});
		all.collate();
		collator.runs[2].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.status).toEqual({ kind: 'collated', text: 'Collated 3 texts in 10 ms.' });
	});

	it('says why a collation failed, and keeps one of the texts as they are', async () => {
		const { own, all, collator } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		all.collate();
		collator.runs[1].fail('Out of memory.');
		await vi.advanceTimersByTimeAsync(0);
		expect(all.status).toEqual({ kind: 'failed', text: 'Out of memory.' });
		expect(all.view).not.toBe(null);
		own.ws.texts[0].text = 'We met.';
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[2].fail('Out of memory.');
		await vi.advanceTimersByTimeAsync(0);
		expect(all.view).toBe(null);
	});

	it('two at a time, aligns the pair and collates nothing; all at once again, shows the collation kept', async () => {
		const { own, all, collator, pair } = await page(three());
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		own.ws.pairwise = true;
		expect(own.together).toBe(false);
		expect(all.status).toBe(null);
		await vi.advanceTimersByTimeAsync(251);
		expect(pair.runs).toHaveLength(1);
		expect(own.reading).not.toBe(null);
		own.ws.pairwise = false;
		await vi.advanceTimersByTimeAsync(500);
		expect(collator.runs).toHaveLength(1);
		expect(all.status).toEqual({ kind: 'collated', text: 'Collated 3 texts in 10 ms.' });
		// With two texts, there is only the pair.
		own.removeText('version');
		expect(own.together).toBe(false);
		await vi.advanceTimersByTimeAsync(251);
		expect(pair.runs).toHaveLength(2);
	});

	it('places the workspace’s notes at their places in the apparatus', async () => {
		const ws = three();
		ws.notes = [{ id: 'note-1', title: 'Noon', markdown: 'The *hour*.', anchor: { witness: 'spoken', quote: 'noon' } }];
		const { all, collator } = await page(ws);
		await vi.advanceTimersByTimeAsync(250);
		collator.runs[0].answer(10);
		await vi.advanceTimersByTimeAsync(0);
		expect(all.view!.notes).toMatchObject([
			{ noteId: 'note-1', title: 'Noon', status: 'anchored', place: 1, number: 1, html: '<p>The <em>hour</em>.</p>' }
		]);
	});
});
