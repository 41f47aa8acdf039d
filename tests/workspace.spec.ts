// The Compare page's workspace loses nothing (issue 9): not on a quick reload, not to a second
// tab, not to an entry it cannot read, not to "Start again" or an import, not to Escape.

import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const spokenBox = (page: Page) => page.getByLabel('Text of “As spoken”');
const publishedBox = (page: Page) => page.getByLabel('Text of “As published”');

/** Opens the Compare page and waits until the saved workspace has been read. */
async function open(page: Page, url = '/compare') {
	await page.goto(url);
	await expect(page.locator('.text-input textarea').first()).toBeEnabled();
}

async function pastePair(page: Page, spoken: string, published: string) {
	await spokenBox(page).fill(spoken);
	await publishedBox(page).fill(published);
	await expect(page.locator('.align-status')).toContainText('Aligned in');
}

/**
 * The entry under `key` in this browser's IndexedDB, read as another script on the page would;
 * the current entry with its texts put back from their pieces (`text <id> 0000`…).
 */
function stored(page: Page, key = 'current'): Promise<any> {
	return page.evaluate(
		(key) =>
			new Promise((resolve, reject) => {
				const request = indexedDB.open('pencilmarks');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const store = db.transaction('workspace').objectStore('workspace');
					const get = store.get(key);
					get.onsuccess = () => {
						const entry = get.result;
						if (key !== 'current' || entry?.version !== 2) {
							resolve(entry);
							return db.close();
						}
						// Each text in pieces (`text <id> 0000`…), read back in order.
						const texts = entry.texts.map(({ pieces: _pieces, ...t }: { id: string; pieces: number }) => ({ ...t }));
						const keys = entry.texts.flatMap((t: { id: string; pieces: number }, i: number) =>
							Array.from({ length: t.pieces }, (_, k) => [i, `text ${t.id} ${String(k).padStart(4, '0')}`] as const)
						);
						const parts: string[][] = texts.map(() => []);
						let waiting = keys.length;
						for (const [i, pieceKey] of keys) {
							const piece = store.get(pieceKey);
							piece.onsuccess = () => {
								parts[i].push(piece.result);
								if (--waiting === 0) {
									texts.forEach((t: { text?: string }, j: number) => (t.text = parts[j].join('')));
									resolve({ ...entry, texts });
									db.close();
								}
							};
						}
					};
					get.onerror = () => reject(get.error);
				};
			}),
		key
	);
}

/** Every key in the store. */
function storedKeys(page: Page): Promise<string[]> {
	return page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const request = indexedDB.open('pencilmarks');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const get = db.transaction('workspace').objectStore('workspace').getAllKeys();
					get.onsuccess = () => {
						resolve(get.result as string[]);
						db.close();
					};
				};
			})
	);
}

/** Waits until the saved workspace's first text is `text`. */
async function savedAs(page: Page, text: string) {
	await expect.poll(async () => (await stored(page))?.texts?.[0]?.text).toBe(text);
}

/** Fails the test on any uncaught exception on the page. */
function watchErrors(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
	return errors;
}

test('work saved before the revision index existed opens, and saves on', async ({ page }) => {
	// The database as the previous version left it: version 1, one store, no index.
	await page.goto('/');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('pencilmarks', 1);
				request.onupgradeneeded = () => request.result.createObjectStore('workspace');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const db = request.result;
					const entry = {
						version: 1,
						revision: 4,
						texts: [
							{ id: 'spoken', label: 'As spoken', text: 'Kept from before.', origin: 'pasted' },
							{ id: 'published', label: 'As published', text: 'Kept.', origin: 'pasted' }
						],
						base: 'spoken',
						target: 'published',
						notes: [],
						meta: { title: 'Old', date: '2024-05-01', people: [], language: 'en', summary: '', kind: 'Test', source: '', rights: '' },
						mode: 'marks'
					};
					const tx = db.transaction('workspace', 'readwrite');
					tx.objectStore('workspace').put(entry, 'current');
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
				};
			})
	);
	await open(page);
	await expect(spokenBox(page)).toHaveValue('Kept from before.');
	await spokenBox(page).fill('Kept from before, and edited.');
	await savedAs(page, 'Kept from before, and edited.');
	expect((await stored(page)).revision).toBe(5);
	await page.reload();
	await expect(spokenBox(page)).toHaveValue('Kept from before, and edited.');
});

test('an unreadable saved workspace is kept aside, said, downloadable raw, and never overwritten', async ({
	page
}) => {
	await open(page);
	await pastePair(page, 'Saved by a newer version.', 'Saved.');
	await savedAs(page, 'Saved by a newer version.');
	// A newer version writes a value this one does not know.
	const saved = await stored(page);
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				const request = indexedDB.open('pencilmarks');
				request.onsuccess = () => {
					const db = request.result;
					const store = db.transaction('workspace', 'readwrite').objectStore('workspace');
					const get = store.get('current');
					get.onsuccess = () => {
						const entry = { ...get.result, mode: 'margin-notes' };
						store.put(entry, 'current').onsuccess = () => {
							resolve(entry);
							db.close();
						};
					};
				};
			})
	);
	// It is kept with its texts in it, so that its download holds them.
	const newer = { ...saved, mode: 'margin-notes' };
	await page.reload();
	const alert = page.getByRole('alert').filter({ hasText: 'could not read' });
	const said =
		'Pencilmarks found work saved in this browser that it could not read (mode is not one of ' +
		'marks, base, target, side). It has been kept as it was, apart from this comparison, ' +
		'and nothing has been written over it. Download it to keep it, or open it with a newer ' +
		'version of Pencilmarks.';
	await expect(alert).toContainText(said);
	await expect(spokenBox(page)).toBeEnabled();
	await expect(spokenBox(page)).toHaveValue('');

	// New work is saved beside it, and the kept entry is still there and still said after a reload.
	await spokenBox(page).fill('New work.');
	await savedAs(page, 'New work.');
	await page.reload();
	await expect(spokenBox(page)).toHaveValue('New work.');
	await expect(alert).toContainText(said);
	const keys = (await storedKeys(page)).filter((k) => !k.startsWith('text '));
	expect(keys).toHaveLength(2);
	const keptKey = keys.find((k) => k.startsWith('unreadable '))!;
	expect(await stored(page, keptKey)).toEqual(newer);

	const [file] = await Promise.all([
		page.waitForEvent('download'),
		alert.getByRole('button', { name: 'Download it as it was saved' }).click()
	]);
	expect(file.suggestedFilename()).toMatch(/^pencilmarks-unreadable-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
	expect(JSON.parse(await readFile((await file.path())!, 'utf8'))).toEqual(newer);

	await alert.getByRole('button', { name: 'Remove it from this browser' }).click();
	await expect(alert).toHaveCount(0);
	expect(await storedKeys(page)).toEqual(['current', 'text published 0000', 'text spoken 0000']);
	await page.reload();
	await expect(spokenBox(page)).toHaveValue('New work.');
	await expect(alert).toHaveCount(0);
});

test('an edit and a saved note survive a reload made at once', async ({ page }) => {
	// The page's clock stands still unless the test moves it: the save that waits for a pause in
	// typing never comes, so only the save made as the page is left can keep the edit.
	await page.clock.install();
	await open(page);
	await spokenBox(page).fill('We met at noon. I deny it all.');
	await publishedBox(page).fill('We met at noon.');
	await page.clock.runFor(1000);
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	await savedAs(page, 'We met at noon. I deny it all.');

	await spokenBox(page).fill('We met at noon. I deny it all. Edited.');
	await page.reload();
	await expect(spokenBox(page)).toHaveValue('We met at noon. I deny it all. Edited.');

	await page.clock.runFor(1000);
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	await page.getByRole('button', { name: 'Add a note…' }).click();
	await page.getByRole('dialog').getByLabel('Title').fill('Saved at once');
	await page.getByRole('dialog').getByLabel('Note (Markdown)').fill('Kept.');
	await page.getByRole('dialog').getByRole('button', { name: 'Save note' }).click();
	await page.reload();
	await page.clock.runFor(1000);
	await expect(page.locator('.note h3')).toHaveText(/Saved at once/);
});

test('a tab never overwrites newer work saved in another; it says so and offers both', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	await open(page);
	await pastePair(page, 'Written in the first tab.', 'Published.');
	await savedAs(page, 'Written in the first tab.');

	const second = await context.newPage();
	await open(second);
	await expect(spokenBox(second)).toHaveValue('Written in the first tab.');
	await spokenBox(second).fill('Rewritten in the second tab.');
	await savedAs(second, 'Rewritten in the second tab.');

	// The first tab is told at once, before it writes anything.
	const alert = page.getByRole('alert').filter({ hasText: 'another tab' });
	await expect(alert).toContainText(
		'This comparison was changed in another tab or window after this page opened it. To keep ' +
			'that newer work, nothing you do here is saved until you choose.'
	);
	await expect(second.getByRole('alert')).toHaveCount(0);
	await spokenBox(page).fill('Edited in the first tab, which is stale.');
	await page.waitForTimeout(800); // longer than the pause before saving: nothing may be written
	expect((await stored(page)).texts[0].text).toBe('Rewritten in the second tab.');
	// Leaving now would lose that edit: the page asks first, for a link as for closing the tab.
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		dialog.dismiss();
	});
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Cases' }).click();
	await page.close({ runBeforeUnload: true });
	await expect.poll(() => dialogs).toEqual([
		'confirm: Leave this page? Changes made here have not been saved, and would be lost.',
		'beforeunload: '
	]);
	await expect(page).toHaveURL(/\/compare$/);
	await expect(spokenBox(page)).toHaveValue('Edited in the first tab, which is stale.');

	// Keep this tab's version as a copy...
	const [copy] = await Promise.all([
		page.waitForEvent('download'),
		alert.getByRole('button', { name: 'Download this page’s version as a file' }).click()
	]);
	const mine = JSON.parse(await readFile((await copy.path())!, 'utf8'));
	expect(mine.format).toBe('pencilmarks-workspace');
	expect(mine.texts[0].text).toBe('Edited in the first tab, which is stale.');

	// ...and open the newer one, which this tab saves from then on.
	await alert.getByRole('button', { name: 'Open the newer version' }).click();
	await expect(alert).toHaveCount(0);
	await expect(spokenBox(page)).toHaveValue('Rewritten in the second tab.');
	await spokenBox(page).fill('Rewritten again, in the first tab.');
	await savedAs(page, 'Rewritten again, in the first tab.');
	await expect(second.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
});

test('Start again and importing a workspace can be undone', async ({ page }) => {
	await open(page);
	await pastePair(page, 'Mine, not to be lost.', 'Mine.');
	await page.getByRole('button', { name: 'Start again' }).click();
	await expect(spokenBox(page)).toHaveValue('');
	const undo = page.getByRole('button', { name: 'Undo and bring back the comparison you had' });
	await expect(page.getByRole('status').filter({ has: undo })).toContainText(
		'Started a new comparison in place of the one you had. It is kept until you leave this page.'
	);
	await undo.click();
	await expect(spokenBox(page)).toHaveValue('Mine, not to be lost.');
	await expect(publishedBox(page)).toHaveValue('Mine.');
	await expect(undo).toHaveCount(0);

	const imported = {
		format: 'pencilmarks-workspace',
		version: 1,
		texts: [
			{ id: 'draft', label: 'Draft', text: 'Imported draft.', origin: 'pasted' },
			{ id: 'final', label: 'Final', text: 'Imported final.', origin: 'pasted' }
		],
		base: 'draft',
		target: 'final',
		notes: [],
		meta: {
			title: 'Imported',
			date: '2024-05-01',
			people: [],
			language: 'en',
			summary: '',
			kind: 'Revision',
			source: '',
			rights: ''
		},
		mode: 'marks'
	};
	await page.locator('.workspace input[type=file]').setInputFiles({
		name: 'other.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(imported))
	});
	await expect(page.getByLabel('Text of “Draft”')).toHaveValue('Imported draft.');
	await expect(page.getByRole('status').filter({ has: undo })).toContainText(
		'The comparison you had was replaced by other.json.'
	);
	await undo.click();
	await expect(spokenBox(page)).toHaveValue('Mine, not to be lost.');
	// The undone workspace is the one saved.
	await savedAs(page, 'Mine, not to be lost.');
});

test('a note draft closed with Escape is kept and can be opened again', async ({ page }) => {
	await open(page);
	await pastePair(page, 'One two three.', 'One three.');
	await page.getByRole('button', { name: 'Add a note…' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.getByLabel('Title').fill('Half written');
	await dialog.getByLabel('Note (Markdown)').fill('A long thought, not yet saved.');
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	const status = page.getByRole('status').filter({ hasText: 'closed without saving' });
	await expect(status).toContainText(
		'The note “Half written” was closed without saving; what you wrote is kept.'
	);
	await status.getByRole('button', { name: 'Open the draft again' }).click();
	await expect(dialog.getByLabel('Title')).toHaveValue('Half written');
	await expect(dialog.getByLabel('Note (Markdown)')).toHaveValue('A long thought, not yet saved.');
	await dialog.getByRole('button', { name: 'Save note' }).click();
	await expect(page.locator('.note h3')).toHaveText(/Half written/);
	await expect(status).toHaveCount(0);

	// Closing a note unchanged leaves nothing to reopen.
	await page.getByRole('button', { name: 'Add a note…' }).click();
	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	await expect(status).toHaveCount(0);
});

test('editing a text read from a file forgets the file, so it cannot be read again over the edit', async ({
	page
}) => {
	await open(page);
	await page
		.locator('.text-input')
		.first()
		.locator('input[type=file]')
		.setInputFiles('tests/fixtures/russian-cp1251.txt');
	const encoding = page.locator('.text-input').first().getByLabel('Read as');
	await expect(encoding).toHaveValue('windows-1251');
	// Named after its file.
	const box = page.getByLabel('Text of “russian-cp1251”');
	await box.fill('Typed over the file.');
	await expect(encoding).toHaveCount(0);
	await expect(page.locator('.text-input').first()).toContainText('Typed or pasted · 20 characters');
	await expect(box).toHaveValue('Typed over the file.');
});

test('a workspace file that would break the page is refused, naming the problem', async ({ page }) => {
	const errors = watchErrors(page);
	await open(page);
	await spokenBox(page).fill('Still here.');
	const good = {
		format: 'pencilmarks-workspace',
		version: 1,
		texts: [
			{ id: 'a', label: 'A', text: 'One.', origin: 'pasted' },
			{ id: 'b', label: 'B', text: 'Two.', origin: 'pasted' }
		],
		base: 'a',
		target: 'b',
		notes: [
			{ id: 'n', title: 'N', markdown: 'M', anchor: null },
			{ id: 'm', title: 'M', markdown: 'N', anchor: null }
		],
		meta: {
			title: 'T',
			date: '2024-05-01',
			people: [],
			language: 'en',
			summary: '',
			kind: 'K',
			source: '',
			rights: ''
		},
		mode: 'marks'
	};
	const cases: [string, object, string][] = [
		['none.json', { ...good, texts: [] }, 'it has no texts, and a comparison needs two'],
		['one.json', { ...good, texts: good.texts.slice(0, 1) }, 'it has only one text, and a comparison needs two'],
		['twice.json', { ...good, texts: [good.texts[0], { ...good.texts[1], id: 'a' }] }, 'two texts have the id “a”'],
		['notes.json', { ...good, notes: [good.notes[0], { ...good.notes[1], id: 'n' }] }, 'two notes have the id “n”']
	];
	for (const [name, body, problem] of cases) {
		await page.locator('.workspace input[type=file]').setInputFiles({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(body))
		});
		await expect(page.locator('.workspace-message')).toHaveText(
			`Could not import ${name}: This file is not a Pencilmarks workspace: ${problem}. Your workspace is unchanged.`
		);
		await expect(spokenBox(page)).toHaveValue('Still here.');
	}
	expect(errors).toEqual([]);
});

test.describe('any URL opens the page, saying what it could not follow', () => {
	const notFollowed: [string, string][] = [
		['#%', 'The end of this link (#%) is not a valid web address, so it was not followed.'],
		['#%E0%A4%A', 'The end of this link (#%E0%A4%A) is not a valid web address, so it was not followed.'],
		['?mode=', 'This link asks for a view but names none: the text is shown as usual.'],
		[
			'?mode=bogus',
			'This link asks for a view called “bogus”, which this page does not have (it has marks, base, target, side): the text is shown as usual.'
		]
	];

	for (const [tail, said] of notFollowed) {
		test(`a case page opened at ${tail}`, async ({ page }) => {
			const errors = watchErrors(page);
			await page.goto(`/cases/bukharin-1938${tail}`);
			await expect(page.getByRole('status').filter({ hasText: said })).toBeVisible();
			await expect(page.getByRole('radio', { name: 'Marks on' })).toBeChecked();
			await page.getByRole('button', { name: 'Next change →' }).click();
			await expect(page.locator('.position')).toContainText('Change 1 of');
			expect(errors).toEqual([]);
		});
	}

	test('a case page opened with ?mode=marks, which is the default', async ({ page }) => {
		const errors = watchErrors(page);
		await page.goto('/cases/bukharin-1938?mode=marks');
		await page.getByRole('button', { name: 'Next change →' }).click();
		await expect(page.locator('.position')).toContainText('Change 1 of');
		await expect(page).toHaveURL(/\/cases\/bukharin-1938#c-/);
		expect(errors).toEqual([]);
	});

	test('the Compare page, with a saved comparison, opened at a broken link', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page);
		await pastePair(page, 'One two three.', 'One three.');
		await savedAs(page, 'One two three.');
		await page.goto('/compare?mode=bogus#%E0%A4%A');
		await expect(page.getByRole('status').filter({ hasText: 'bogus' })).toHaveText(
			`${notFollowed[3][1]} ${notFollowed[1][1]} Dismiss`
		);
		await page.getByRole('radio', { name: 'As published' }).check();
		await expect(page.locator('.text del')).toBeHidden();
		expect(errors).toEqual([]);
	});
});

test('the messages about saved work pass axe', async ({ page, context }) => {
	await open(page);
	await pastePair(page, 'One two three.', 'One three.');
	await savedAs(page, 'One two three.');
	const second = await context.newPage();
	await open(second);
	await spokenBox(second).fill('One two three four.');
	await expect(page.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
	await page.getByRole('button', { name: 'Start again' }).click();
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});
