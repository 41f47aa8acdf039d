import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cancelled } from '../align-client';
import { apparatusTei } from '../export/apparatus/tei';
import { toJson } from '../export/json';
import { extractText, MAX_BYTES } from '../import';
import type { NoteRef, Sides } from '../pipeline';
import { fixture } from '../test/excerpt-fixture';
import { uponExcerpt } from '../test/apparatus-fixture';
import { fakeIndexedDB, stored } from '../test/fake-indexeddb';
import { readingData, type ReadingData } from '../view';
import { emptyWorkspace } from './defaults';
import { workspaceToJson } from './files';
import { Keeper } from './keeper.svelte';
import { OwnComparison, type Services } from './own-comparison.svelte';
import { openStore } from './storage';
import type { Attribution } from '../types';
import type { Workspace } from './types';

const SAID = 'We met at noon that day.';
const PRINTED = 'We met at one that day.';

function workspace(a = SAID, b = PRINTED): Workspace {
	const ws = emptyWorkspace();
	ws.meta.date = '1938-03-12';
	ws.texts[0].text = a;
	ws.texts[1].text = b;
	return ws;
}

/** An alignment asked of the fake aligner, answered when the test says. */
interface Run {
	sides: Sides;
	notes: NoteRef[];
	precise?: { stretches: number };
	attributions: Pick<Attribution, 'anchor'>[];
	progress: (stage: string) => void;
	answer: (ms: number) => void;
	fail: (message: string) => void;
	cancel: () => void;
}

/** The worker's client without the worker: the pipeline runs here, when a run is answered. */
function fakeAligner() {
	const runs: Run[] = [];
	return {
		runs,
		run: (sides, notes, progress, precise, attributions = []) =>
			new Promise((resolve, reject) => {
				runs.push({
					sides,
					notes,
					precise,
					attributions,
					progress,
					answer: (ms) => {
						const { comparison: _comparison, ...reading } = readingData(sides, notes, { attributions });
						resolve({ reading, ms });
					},
					fail: (message) => reject(new Error(message)),
					cancel: () => reject(new Cancelled())
				});
			}),
		cancel: () => runs.at(-1)?.cancel()
	} satisfies Services['aligner'] & { runs: Run[] };
}

/** Waits for `promise`, letting the fake database's timers run meanwhile. */
async function settled<T>(promise: Promise<T>): Promise<T> {
	let done = false;
	const waited = promise.finally(() => (done = true));
	while (!done) await vi.advanceTimersByTimeAsync(1);
	return waited;
}

const opened: (() => void)[] = [];

/** The Compare page's state as a page makes it, on a fake database holding `saved`. */
async function page(saved?: Workspace, services: Partial<Services> = {}) {
	const db = fakeIndexedDB({ saved });
	const store = await settled(openStore('test', db.factory, () => new Date('2026-12-02T06:00:00.000Z')));
	const keeper = new Keeper(store, null);
	const aligner = fakeAligner();
	const downloads: { name: string; body: BlobPart; type: string }[] = [];
	let own!: OwnComparison;
	const destroy = $effect.root(() => {
		own = new OwnComparison({
			keeper,
			aligner,
			importText: async (name, bytes, encoding) => extractText(name, bytes, { encoding }),
			download: (name, body, type) => downloads.push({ name, body, type }),
			...services
		});
	});
	const close = own.open();
	opened.push(() => {
		close();
		destroy();
	});
	// The saved workspace is read.
	await vi.advanceTimersByTimeAsync(0);
	return { own, aligner, downloads, data: db.data, factory: db.factory };
}

/** The page with the saved pair aligned and on screen. */
async function aligned() {
	const opened = await page(workspace());
	await vi.advanceTimersByTimeAsync(250);
	opened.aligner.runs[0].answer(40);
	await vi.advanceTimersByTimeAsync(0);
	return opened;
}

beforeEach(async () => {
	// Loaded before the page asks for it, so that notes are rendered as soon as it does.
	await import('../markdown');
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
});
afterEach(() => {
	opened.splice(0).forEach((close) => close());
	vi.useRealTimers();
});

describe('OwnComparison: aligning', () => {
	it('aligns the saved pair after a pause, and says how long it took and when it was readable', async () => {
		const { own, aligner } = await page(workspace());
		expect(own.ws).toStrictEqual(workspace());
		expect(own.status).toBe(null);
		await vi.advanceTimersByTimeAsync(249);
		expect(aligner.runs).toHaveLength(0);
		await vi.advanceTimersByTimeAsync(1);
		expect(aligner.runs.map((r) => r.sides)).toEqual([
			{
				a: { id: 'spoken', label: 'As spoken', text: SAID, lines: 'wrapped' },
				b: { id: 'published', label: 'As published', text: PRINTED, lines: 'wrapped' }
			}
		]);
		// A short alignment is not shown; a longer one is, with its stage and the time so far.
		aligner.runs[0].progress('Aligning the words');
		own.now = own.aligning!.since + 150;
		expect(own.status).toBe(null);
		own.now = own.aligning!.since + 1500;
		expect(own.status).toEqual({ kind: 'aligning', text: 'Aligning the words… 1.5 s' });

		aligner.runs[0].answer(40);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.aligning).toBe(null);
		expect(own.status).toEqual({ kind: 'aligned', text: 'Aligned in 40 ms; drawing the text…' });
		await vi.advanceTimersByTimeAsync(1200);
		own.drawn();
		expect(own.status).toEqual({ kind: 'aligned', text: 'Aligned in 40 ms; readable 1.2 s after the alignment began' });
		expect(own.view).toMatchObject({
			title: 'Untitled comparison',
			base: { id: 'spoken', label: 'As spoken' },
			target: { id: 'published', label: 'As published' },
			texts: { a: SAID, b: PRINTED },
			stats: { changes: 1 },
			private: true
		});
	});

	it('says when there is nothing to align, or nothing differs', async () => {
		const { own, aligner } = await page();
		expect(own.status).toEqual({ kind: 'waiting', text: 'Give both texts to see them aligned.' });
		own.ws.texts[0].text = SAID;
		own.ws.texts[1].text = SAID;
		expect(own.status).toEqual({ kind: 'identical', text: 'The two texts are identical: no differences.' });
		own.ws.texts[1].text = SAID.replace(' ', '\n');
		await vi.advanceTimersByTimeAsync(250);
		aligner.runs[0].answer(3);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.status).toEqual({
			kind: 'identical',
			text: 'No differences in the words: the texts differ only in white space or line endings.'
		});
	});

	it('lets a newer alignment take over: an older one that answers late is not shown', async () => {
		const { own, aligner } = await page(workspace());
		await vi.advanceTimersByTimeAsync(250);
		own.ws.texts[1].text = 'We met at two that day.';
		await vi.advanceTimersByTimeAsync(250);
		expect(aligner.runs).toHaveLength(2);
		aligner.runs[0].answer(40);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.reading).toBe(null);
		expect(own.aligning).not.toBe(null);
		aligner.runs[1].answer(50);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.readingSides?.b.text).toBe('We met at two that day.');
		expect(own.aligning).toBe(null);
		expect(own.lastMs).toBe(50);
	});

	it('on Cancel drops a reading of texts that have changed since, and aligns again when asked', async () => {
		const { own, aligner } = await aligned();
		own.ws.texts[1].text = 'We met at two that day.';
		await vi.advanceTimersByTimeAsync(250);
		own.cancel();
		await vi.advanceTimersByTimeAsync(0);
		expect(own.reading).toBe(null);
		expect(own.status).toEqual({
			kind: 'failed',
			text: 'Alignment cancelled. Change a text, or press “Align again”, to start it again.'
		});
		own.align();
		expect(aligner.runs).toHaveLength(3);
		expect(own.alignError).toBe('');
	});

	it('keeps the reading of these texts when their precise alignment is cancelled', async () => {
		const { own, aligner } = await aligned();
		const reading = own.reading;
		own.align(true);
		expect(aligner.runs[1].precise).toEqual({ stretches: 0 });
		own.cancel();
		await vi.advanceTimersByTimeAsync(0);
		expect(own.reading).toBe(reading);
	});

	it('says why an alignment failed, and drops a reading of other texts', async () => {
		const { own, aligner } = await aligned();
		own.ws.texts[0].text = 'We met at dawn that day.';
		await vi.advanceTimersByTimeAsync(250);
		aligner.runs[1].fail('The alignment ran out of memory.');
		await vi.advanceTimersByTimeAsync(0);
		expect(own.reading).toBe(null);
		expect(own.status).toEqual({ kind: 'failed', text: 'The alignment ran out of memory.' });
	});
});

describe('OwnComparison: notes', () => {
	it('anchors a note in the passage selected, keeps a draft closed unsaved, and undoes a delete', async () => {
		const { own, aligner } = await aligned();
		// The aligned text reads "We met at noonone that day.": 10-14 is the struck "noon".
		own.newNote({ start: 10, end: 14 });
		expect(own.editing).toEqual({
			id: 'note',
			title: '',
			markdown: '',
			anchor: { witness: 'spoken', quote: 'noon' }
		});
		own.closeNote({ ...own.editing!, title: 'The hour' });
		expect([own.editing, own.draft?.title]).toEqual([null, 'The hour']);
		own.reopenDraft();
		own.saveNote({ ...own.editing!, markdown: 'Noon, *not* one.' });
		expect([own.editing, own.draft]).toEqual([null, null]);
		expect(own.ws.notes).toEqual([
			{ id: 'note', title: 'The hour', markdown: 'Noon, *not* one.', anchor: { witness: 'spoken', quote: 'noon' } }
		]);
		// The note changes the reading: aligned again, the note is shown on the passage.
		await vi.advanceTimersByTimeAsync(250);
		expect(aligner.runs[1].notes).toEqual(own.ws.notes);
		aligner.runs[1].answer(40);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.view?.notes).toMatchObject([
			{ noteId: 'note', number: 1, title: 'The hour', html: '<p>Noon, <em>not</em> one.</p>' }
		]);

		// A note closed without a change leaves no draft.
		own.edit('note');
		own.closeNote({ ...own.editing! });
		expect(own.draft).toBe(null);
		own.deleteNote('note');
		expect([own.ws.notes, own.deleted?.id]).toEqual([[], 'note']);
		own.undoDelete();
		expect(own.ws.notes.map((n) => n.id)).toEqual(['note']);
		expect(own.deleted).toBe(null);
	});

	it('opens a note on the whole comparison when nothing is selected', async () => {
		const { own } = await page(workspace());
		own.newNote(null);
		expect(own.editing).toEqual({ id: 'note', title: '', markdown: '', anchor: null });
	});
});

describe('OwnComparison: texts', () => {
	const cp1251 = (text: string) =>
		Uint8Array.from(text, (c) => (c === ' ' ? 0x20 : c === '.' ? 0x2e : c.charCodeAt(0) - 0x410 + 0xc0));

	it('reads a file into a text, says how, reads it again as asked, and forgets it once edited', async () => {
		const calls: (string | undefined)[] = [];
		const { own } = await page(workspace(), {
			importText: async (name, bytes, encoding) => {
				calls.push(encoding);
				return extractText(name, bytes, { encoding });
			}
		});
		const file = new File([cp1251('Мы встретились в полдень.')], 'said.txt');
		await own.openFile('spoken', file);
		expect(own.ws.texts[0]).toEqual({
			id: 'spoken',
			label: 'said',
			text: 'Мы встретились в полдень.',
			origin: 'said.txt',
			encoding: 'windows-1251',
			// Too few of the commonest Russian words to tell.
			language: 'und',
			lines: false
		});
		expect(own.readings.spoken).toEqual({
			format: 'plain text',
			encoding: 'windows-1251',
			reason:
				'not UTF-8 (byte 0xCC at offset 0); reads as Russian in Windows-1251 (“Мы встретились в”), ' +
				'not in KOI8-R (“лШ БЯРПЕРХКХЯЭ Б”)'
		});
		expect(own.errors.spoken).toBe('');
		await own.readFrom('spoken', 'koi8-r');
		expect(own.ws.texts[0].encoding).toBe('koi8-r');
		expect(calls).toEqual([undefined, 'koi8-r']);
		own.edited('spoken');
		expect([own.readings.spoken, own.ws.texts[0].encoding]).toEqual([undefined, undefined]);
		await own.readFrom('spoken', 'utf-8');
		expect(calls).toEqual([undefined, 'koi8-r']);
	});

	it('keeps the lines of a file with a fenced code block, and aligns again as the box is ticked', async () => {
		const { own, aligner } = await page(workspace());
		await vi.advanceTimersByTimeAsync(250);
		expect(aligner.runs.map((r) => [r.sides.a.lines, r.sides.b.lines])).toEqual([['wrapped', 'wrapped']]);
		const readme = 'Install:\n\n```sh\nnpm install\nnpm test\n```\n';
		await own.openFile('published', new File([readme], 'README.md'));
		expect(own.ws.texts.map((t) => t.lines)).toEqual([undefined, true]);
		await vi.advanceTimersByTimeAsync(250);
		expect(aligner.runs.at(-1)!.sides.b).toEqual({
			id: 'published',
			label: 'README',
			text: readme,
			lines: 'kept'
		});
		// Read again in another encoding, the text keeps what the reader chose.
		own.ws.texts[1].lines = false;
		await own.readFrom('published', 'windows-1251');
		expect(own.ws.texts[1].lines).toBe(false);
		own.ws.texts[0].lines = true;
		await vi.advanceTimersByTimeAsync(250);
		expect([aligner.runs.at(-1)!.sides.a.lines, aligner.runs.at(-1)!.sides.b.lines]).toEqual([
			'kept',
			'wrapped'
		]);
		// Another file without one is read as prose.
		await own.openFile('published', new File(['We met at one.\nThat day.'], 'print.txt'));
		expect(own.ws.texts[1].lines).toBe(false);
	});

	it('fills both texts of the pair from an excerpt exported as JSON', async () => {
		const { own } = await page(workspace());
		own.addText();
		await own.openFile('version', new File([toJson(fixture)], 'bukharin-1938-excerpt.json'));
		expect(own.ws.texts.map((t) => [t.label, t.text, t.origin])).toEqual([
			[
				'As spoken',
				'The accused Bukharin pleads guilty to the sum total of the\ncrimes.\n\n{gap}\n\n' +
					'I was never in the [non-existent] bloc.\n\nI ask the court for mercy.',
				'bukharin-1938-excerpt.json'
			],
			[
				'As published',
				'The accused pleads guilty to all of the\ncrimes.\n\n{gap}\n\n' +
					'I was never in the [non-existent] bloc abroad.',
				'bukharin-1938-excerpt.json'
			],
			['Version 3', '', 'pasted']
		]);
		expect(own.readings).toEqual({ spoken: { format: 'JSON export' }, published: { format: 'JSON export' } });
	});

	it('takes every witness of an apparatus: the pair, then empty texts, then new ones; never a reader’s own', async () => {
		const { own } = await page(workspace());
		own.addText();
		own.addText();
		own.ws.texts[3].text = 'Mine.';
		const file = new File([apparatusTei(uponExcerpt())], 'gettysburg-apparatus.tei.xml');
		await own.openFile('version', file);
		const opening = (forth: string, on: string, liberty: string) =>
			`Four score and seven years ago our fathers brought forth${forth} ${on}${liberty}, and ` +
			'dedicated to the proposition that ';
		const upon = 'upon this continent,\na new nation, conceived in ';
		const on = 'on this continent, a\nnew nation, conceived in ';
		const from = 'gettysburg-apparatus.tei.xml';
		expect(own.ws.texts.map((t) => [t.id, t.label, t.text, t.origin, t.language])).toEqual([
			['spoken', 'Nicolay copy (first draft)', opening(',', upon, 'liberty'), from, 'en'],
			['published', 'Hay copy (second draft)', opening(',', upon, 'Liberty'), from, 'en'],
			['version', 'Everett copy', opening('', upon, 'Liberty'), from, 'en'],
			['version-2', 'Version 4', 'Mine.', 'pasted', 'und'],
			['version-3', 'Bancroft copy', opening(',', on, 'Liberty'), from, 'en'],
			['version-4', 'Bliss copy (final)', opening(',', on, 'Liberty'), from, 'en']
		]);
		const tei = { format: 'TEI XML (the text)' };
		expect(own.readings).toEqual({ spoken: tei, published: tei, version: tei, 'version-3': tei, 'version-4': tei });
		expect(own.errors).toEqual({ version: '' });
		// Read again (in another encoding), it fills the same texts.
		await own.readFrom('version', 'windows-1251');
		expect(own.ws.texts.map((t) => t.id)).toEqual(['spoken', 'published', 'version', 'version-2', 'version-3', 'version-4']);
		expect(own.ws.texts.map((t) => t.encoding)).toEqual(['windows-1251', 'windows-1251', 'windows-1251', undefined, 'windows-1251', 'windows-1251']);
	});

	// The opening of the Nicolay copy of the Gettysburg Address (corpus/gettysburg), and Bukharin
	// as the decoder's Russian fixtures quote him.
	const ENGLISH =
		'Four score and seven years ago our fathers brought forth, upon this continent, a new nation.';
	const RUSSIAN =
		'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на скамье ' +
		'подсудимых, ибо такой группы, как таковой, вовсе не было...';
	const utf8 = (name: string, text: string) => new File([text], name);

	it('names a text after its file, until the reader names it, and keeps its id', async () => {
		const { own } = await page(workspace());
		own.addText();
		await own.openFile('spoken', utf8('gpl-2.0.txt', ENGLISH));
		await own.openFile('version', utf8('draft 3.md', ENGLISH));
		expect(own.ws.texts.map((t) => [t.id, t.label])).toEqual([
			['spoken', 'gpl-2.0'],
			['published', 'As published'],
			['version', 'draft 3']
		]);
		// A name taken from a file gives way to the next file's; one the reader typed stays.
		await own.openFile('spoken', utf8('gpl-3.0.txt', ENGLISH));
		own.ws.texts[2].label = 'Third draft';
		await own.openFile('version', utf8('draft 4.md', ENGLISH));
		expect(own.ws.texts.map((t) => t.label)).toEqual(['gpl-3.0', 'As published', 'Third draft']);
		expect(own.ws.texts.map((t) => t.origin)).toEqual(['gpl-3.0.txt', 'pasted', 'draft 4.md']);
	});

	it('guesses a text’s language from its file, and keeps a language the reader chose', async () => {
		const { own } = await page(workspace());
		await own.openFile('spoken', utf8('said.txt', RUSSIAN));
		await own.openFile('published', utf8('printed.txt', ENGLISH));
		expect(own.ws.texts.map((t) => t.language)).toEqual(['ru', 'en']);
		// Guessed, it follows the next file; chosen, it stays.
		await own.openFile('spoken', utf8('said.txt', ENGLISH));
		own.ws.texts[1].language = 'en-US';
		await own.openFile('published', utf8('printed.txt', RUSSIAN));
		expect(own.ws.texts.map((t) => t.language)).toEqual(['en', 'en-US']);
	});

	it('guesses the language of typed or pasted text while it is not known, and only then', async () => {
		const { own } = await page(workspace());
		expect(own.ws.texts[0].language).toBe('und');
		own.ws.texts[0].text = RUSSIAN;
		own.edited('spoken');
		expect(own.ws.texts[0].language).toBe('ru');
		own.ws.texts[0].text = ENGLISH;
		own.edited('spoken');
		expect(own.ws.texts[0].language).toBe('ru');
	});

	it('takes the languages an excerpt exported as JSON states, and its names for given names', async () => {
		const { own } = await page(workspace());
		own.ws.texts[1].label = 'Pravda';
		const translation = {
			...fixture,
			base: { ...fixture.base, language: 'ru' },
			target: { ...fixture.target, label: 'Printed', language: 'en-GB' }
		};
		await own.openFile('spoken', utf8('x.json', toJson(translation)));
		expect(own.ws.texts.map((t) => [t.label, t.language])).toEqual([
			['As spoken', 'ru'],
			['Pravda', 'en-GB']
		]);
	});

	it('refuses a file over the limit before reading it, and leaves the text as it was', async () => {
		const { own } = await page(workspace());
		const read = vi.fn();
		const big = { name: 'huge.txt', size: MAX_BYTES + 1, arrayBuffer: read } as unknown as File;
		await own.openFile('spoken', big);
		expect(read).not.toHaveBeenCalled();
		expect(own.errors.spoken).toBe('huge.txt: the file is 25.1 MB; the limit is 25 MB per text');
		expect(own.ws.texts[0].text).toBe(SAID);
	});

	it('adds versions, and gives the pair another text when one of it is removed', async () => {
		const { own } = await page(workspace());
		own.addText();
		expect(own.ws.texts[2]).toEqual({
			id: 'version',
			label: 'Version 3',
			text: '',
			origin: 'pasted',
			language: 'und'
		});
		own.ws.base = 'version';
		own.removeText('version');
		expect([own.ws.texts.length, own.ws.base, own.ws.target]).toEqual([2, 'spoken', 'published']);
	});

	it('takes the people from what was typed, one per “;”', async () => {
		const { own } = await page();
		own.setPeople(' Jane Doe (witness);; John Roe (editor) ');
		expect(own.ws.meta.people).toEqual(['Jane Doe (witness)', 'John Roe (editor)']);
	});
});

describe('OwnComparison: attributions', () => {
	/** A .docx whose body is `body`. */
	const docx = (body: string) =>
		zipSync({
			'word/document.xml': strToU8(
				'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
					`<w:body>${body}</w:body></w:document>`
			)
		});
	const tracked = (tag: 'ins' | 'del', author: string, date: string, text: string) =>
		`<w:${tag} w:author="${author}" w:date="${date}"><w:r>` +
		(tag === 'del' ? `<w:delText xml:space="preserve">${text}</w:delText>` : `<w:t>${text}</w:t>`) +
		`</w:r></w:${tag}>`;

	it('reads a Word document’s tracked changes as the pair, each change with its author and date', async () => {
		const ws = workspace();
		ws.attributions = [
			{ id: 'attribution', anchor: { witness: 'spoken', quote: 'noon' }, hand: 'Me' },
			{ id: 'attribution-2', anchor: { witness: 'spoken', quote: 'that' }, hand: 'Old', file: 'old.docx' }
		];
		const { own, aligner } = await page(ws);
		const body =
			'<w:p><w:r><w:t xml:space="preserve">We met at </w:t></w:r>' +
			tracked('del', 'Ann', '2024-05-02T09:30:00Z', 'noon') +
			tracked('ins', 'Ann', '2024-05-02T09:30:00Z', 'one') +
			'<w:r><w:t xml:space="preserve"> that day.</w:t></w:r>' +
			tracked('del', 'Bob', '2024-05-03T10:00:00Z', ' I deny it all.') +
			'</w:p>';
		await own.openFile('published', new File([docx(body)], 'minutes.docx'));
		expect(own.ws.texts).toEqual([
			{
				id: 'spoken',
				label: 'minutes.docx (original)',
				text: 'We met at noon that day. I deny it all.',
				origin: 'minutes.docx',
				language: 'en'
			},
			{
				id: 'published',
				label: 'minutes.docx (revised)',
				text: 'We met at one that day.',
				origin: 'minutes.docx',
				language: 'en'
			}
		]);
		expect(own.readings).toEqual({ spoken: { format: 'Word document' }, published: { format: 'Word document' } });
		expect(own.notice).toBe(
			'Word’s tracked changes: 2 changes by 2 authors, read as two versions, ' +
				'“minutes.docx (original)” and “minutes.docx (revised)”.'
		);
		// The reader's own attribution stays; one read from an earlier document goes.
		expect(own.ws.attributions).toEqual([
			{ id: 'attribution', anchor: { witness: 'spoken', quote: 'noon' }, hand: 'Me' },
			{
				id: 'attribution-2',
				anchor: { witness: 'spoken', quote: 'noon' },
				hand: 'Ann',
				date: '2024-05-02T09:30:00Z',
				file: 'minutes.docx'
			},
			{
				id: 'attribution-3',
				anchor: { witness: 'spoken', quote: 'I deny it all.' },
				hand: 'Bob',
				date: '2024-05-03T10:00:00Z',
				file: 'minutes.docx'
			}
		]);

		await vi.advanceTimersByTimeAsync(250);
		aligner.runs.at(-1)!.answer(10);
		await vi.advanceTimersByTimeAsync(0);
		const [rewording, cut] = own.reading!.text.changeIds.split(' ');
		expect(own.view?.attributions).toEqual({
			[rewording]: { id: 'attribution', hand: 'Me', wordsStruck: 1, wordsAdded: 1 },
			[cut]: { id: 'attribution-3', hand: 'Bob', date: '2024-05-03T10:00:00Z', wordsStruck: 4, wordsAdded: 0 }
		});
		// Two on one change: the later is shown apart, with why, never dropped.
		expect(own.view?.unplaced).toEqual([
			{
				id: 'attribution-2',
				anchor: { witness: 'spoken', quote: 'noon' },
				hand: 'Ann',
				date: '2024-05-02T09:30:00Z',
				problem: `duplicate: change ${rewording} (“noon” → “one”) already has an attribution`
			}
		]);
	});

	it('gives the current change an attribution anchored by a quote of its words, saved and shown', async () => {
		const { own, aligner, data } = await aligned();
		const [change] = own.reading!.text.changeIds.split(' ');
		own.attributeChange(change);
		expect(own.attributing).toEqual({
			attribution: { id: 'attribution', anchor: { witness: 'spoken', quote: 'noon' } },
			change
		});
		own.saveAttribution({ ...own.attributing!.attribution, hand: 'Editor', cause: 'Style', cert: 'probable' });
		expect(own.attributing).toBe(null);
		expect(own.causes).toEqual(['Style']);
		// Asked again before the reading shows it: the one just given, not a second.
		own.attributeChange(change);
		expect(own.attributing?.attribution).toEqual(own.ws.attributions[0]);
		own.saveAttribution(own.attributing!.attribution);
		expect(own.ws.attributions).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(250);
		expect(aligner.runs[1].attributions).toEqual(own.ws.attributions);
		aligner.runs[1].answer(5);
		await vi.advanceTimersByTimeAsync(0);
		expect(own.view?.attributions).toEqual({
			[change]: {
				id: 'attribution',
				hand: 'Editor',
				cause: { id: 'style', label: 'Style' },
				cert: 'probable',
				wordsStruck: 1,
				wordsAdded: 1
			}
		});
		await settled(own.keeper.flush());
		expect((stored(data) as Workspace).attributions).toEqual([
			{ id: 'attribution', anchor: { witness: 'spoken', quote: 'noon' }, hand: 'Editor', cause: 'Style', cert: 'probable' }
		]);

		// From the change again: the attribution on it, to edit; then removed.
		own.attributeChange(change);
		expect(own.attributing?.attribution.hand).toBe('Editor');
		own.removeAttribution('attribution');
		expect([own.ws.attributions, own.attributing]).toEqual([[], null]);
	});

	it('refuses to export a corpus case while an attribution cannot be placed, saying why', async () => {
		const ws = workspace();
		ws.meta.summary = 'The hour of a meeting.';
		ws.attributions = [{ id: 'attribution', anchor: { witness: 'spoken', quote: 'We met' }, hand: 'Editor' }];
		const { own, aligner, downloads } = await page(ws);
		await vi.advanceTimersByTimeAsync(250);
		aligner.runs[0].answer(5);
		await vi.advanceTimersByTimeAsync(0);
		own.exportCase();
		expect(own.message).toBe(
			'Not yet ready to be a corpus case: The attribution on “We met” cannot be placed: quote is on no change.'
		);
		expect(downloads).toEqual([]);
	});
});

describe('OwnComparison: keeping', () => {
	it('saves the workspace as the reader works', async () => {
		const { own, data } = await page(workspace());
		own.ws.meta.title = 'The hour of the meeting';
		await vi.advanceTimersByTimeAsync(399);
		expect(stored(data)).toStrictEqual(workspace());
		await settled(own.keeper.flush());
		expect(stored(data)).toStrictEqual({
			version: 2,
			revision: 1,
			...workspace(),
			meta: { ...workspace().meta, title: 'The hour of the meeting' }
		});
	});

	it('puts a new or imported workspace in place of this one, which Undo brings back', async () => {
		const { own } = await page(workspace());
		own.startAgain();
		expect(own.ws).toStrictEqual(emptyWorkspace());
		expect(own.replaced?.message).toBe('Started a new comparison in place of the one you had.');
		own.undoReplace();
		expect([own.ws, own.replaced]).toStrictEqual([workspace(), null]);

		const other = workspace('Said elsewhere.', 'Printed elsewhere.');
		await own.importWorkspace(new File([workspaceToJson(other)], 'other.json'));
		expect(own.ws).toStrictEqual(other);
		expect(own.message).toBe('Imported other.json.');
		expect(own.replaced?.message).toBe('The comparison you had was replaced by other.json.');
		own.undoReplace();
		expect([own.ws, own.message]).toStrictEqual([workspace(), '']);
	});

	it('leaves the workspace as it was when an imported file cannot be read', async () => {
		const { own } = await page(workspace());
		await own.importWorkspace(new File(['{'], 'broken.json'));
		expect(own.ws).toStrictEqual(workspace());
		expect(own.message).toBe(
			'Could not import broken.json: This file is not a Pencilmarks workspace: it is not valid JSON. ' +
				'Your workspace is unchanged.'
		);
		expect(own.replaced).toBe(null);
	});

	it('opens the newer work another tab saved, and downloads this page’s version if asked', async () => {
		const { own, downloads, factory } = await page(workspace());
		const other = new Keeper(await settled(openStore('test', factory, () => new Date())), null);
		await settled(other.restore());
		other.keep(workspace(SAID, 'Printed in the other tab.'));
		await settled(other.flush());
		own.ws.meta.title = 'Mine';
		await vi.advanceTimersByTimeAsync(0);
		await settled(own.keeper.flush());
		expect(own.keeper.stale).toBe(true);

		own.downloadMine();
		expect(downloads.map((d) => [d.name, d.type])).toEqual([['mine.this-tab.workspace.json', 'application/json']]);
		await settled(own.openNewer());
		expect(own.ws.texts[1].text).toBe('Printed in the other tab.');
		expect(own.keeper.stale).toBe(false);
		expect(own.replaced?.message).toBe('Opened the newer version saved in another tab.');
		own.undoReplace();
		expect(own.ws.meta.title).toBe('Mine');
		other.close();
	});

	it('exports as JSON, and says what a corpus case still lacks', async () => {
		const { own, downloads } = await page(workspace());
		own.exportJson();
		expect(downloads).toEqual([
			{ name: 'untitled-comparison.workspace.json', body: workspaceToJson(workspace()), type: 'application/json' }
		]);
		expect(own.message).toBe('Exported the workspace as JSON.');
		own.exportCase();
		expect(own.message).toBe('Not yet ready to be a corpus case: The summary is empty.');
		expect(downloads).toHaveLength(1);
	});
});
