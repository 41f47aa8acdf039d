import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { headOf, readItem, type Head } from './reference-manager';

// The scholarly record as a reader's tools take it from the built site: what a reference manager
// saves from a case page, what the page says of each witness, the figures for each text, and the
// notes as a TEI reader gets them.

/** Opens a page and waits until its scripts have run (the head a browser extension reads). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
}

/** Exports the paragraph holding `text` in `format`, as a reader does, and reads the file. */
async function exportParagraph(page: Page, text: string, format: string): Promise<string> {
	await page.locator('.text p', { hasText: text }).click({ clickCount: 3 });
	await page.getByRole('button', { name: 'Export selection…' }).click();
	await page.getByLabel('Format').selectOption({ label: format });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download/ }).click()
	]);
	return readFile((await file.path())!, 'utf8');
}

test('a reference manager saves the Bukharin page as Bukharin’s words in Gregory’s translation', async ({ page }) => {
	await open(page, '/cases/bukharin-1938');
	expect(readItem(await headOf(page))).toEqual({
		title: 'Bukharin’s final statement, 12 March 1938',
		creators: [
			{ firstName: 'Nikolai', lastName: 'Bukharin', creatorType: 'author' },
			{ firstName: 'Paul R.', lastName: 'Gregory', creatorType: 'translator' }
		],
		date: '1938-03-12',
		url: new URL('/cases/bukharin-1938', page.url()).href,
		language: 'en',
		publisher: 'Pencilmarks',
		abstractNote: 'Redaction, 12 March 1938: As spoken against As published'
	});
});

test('a reference manager saves a pair’s page as that pair, at its own address', async ({ page }) => {
	await open(page, '/cases/gettysburg/hay/bliss?mode=side');
	expect(readItem(await headOf(page))).toEqual({
		title:
			'The Gettysburg Address: five manuscript copies: Hay copy (second draft) and Bliss copy (final)',
		creators: [{ firstName: 'Abraham', lastName: 'Lincoln', creatorType: 'author' }],
		date: '1863-11-19',
		url: new URL('/cases/gettysburg/hay/bliss', page.url()).href,
		language: 'en',
		publisher: 'Pencilmarks',
		abstractNote:
			'Draft-to-final revision history, 19 November 1863: Hay copy (second draft) against Bliss copy (final)'
	});
	// One canonical link, to the pair without the view mode; every source cited.
	const head = await headOf(page);
	expect(head.links.filter((l) => l.rel === 'canonical').map((l) => l.href)).toEqual([
		'/cases/gettysburg/hay/bliss'
	]);
	expect(head.meta.filter((m) => m.name === 'DC.source').map((m) => m.content)).toEqual([
		expect.stringMatching(/^writercoder\. “draftsync\.”/),
		expect.stringMatching(/^Cornell University Library\. “In Lincoln’s hand\.”/),
		expect.stringMatching(/^Cornell University Library\. “The Five Copies\.”/)
	]);
});

test('the same page read without JavaScript gives the same record', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/cases/bukharin-1938');
	const item = readItem(await headOf(page));
	expect(item.creators.map((c) => [c.lastName, c.creatorType])).toEqual([
		['Bukharin', 'author'],
		['Gregory', 'translator']
	]);
	expect(item.url).toBe(new URL('/cases/bukharin-1938', page.url()).href);
	await context.close();
});

// The rule that decides how a translation is described: a test of the reader above, not of the site.
test('the reader drops every other creator once a page gives a citation_author, as Zotero does', () => {
	const head: Head = {
		url: 'https://example.org/a',
		lang: 'en',
		title: 'A',
		links: [],
		meta: [
			{ name: 'citation_author', property: null, content: 'Nikolai Bukharin' },
			{ name: 'z.translators', property: null, content: 'Paul R. Gregory' },
			{ name: 'DC.contributor', property: null, content: 'Paul R. Gregory' }
		]
	};
	expect(readItem(head).creators).toEqual([
		{ firstName: 'Nikolai', lastName: 'Bukharin', creatorType: 'author' }
	]);
	const withoutHighwire = { ...head, meta: head.meta.slice(1) };
	expect(readItem(withoutHighwire).creators).toEqual([
		{ firstName: 'Paul R.', lastName: 'Gregory', creatorType: 'author' },
		{ firstName: 'Paul R.', lastName: 'Gregory', creatorType: 'translator' }
	]);
});

test('Sources and witnesses says when each copy was written and who holds it, and on whose word', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await page.locator('summary', { hasText: 'Sources and witnesses' }).click();
	const bancroft = page.locator('details.sources li', { hasText: 'Bancroft copy.' });
	await expect(bancroft).toContainText(
		'Written: About 29 February 1864, at George Bancroft’s request for the Baltimore Sanitary Fair;'
	);
	await expect(bancroft).toContainText('Held by: Cornell University Library.');
	await expect(bancroft.locator('cite')).toHaveText([
		/^writercoder\. “draftsync\.”/,
		/^Cornell University Library\. “In Lincoln’s hand\.”/,
		/^Cornell University Library\. “The Five Copies\.”/
	]);
});

test('the figures for each text are in the header, and the JSON export carries the same', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await page.locator('summary', { hasText: 'Figures for each text' }).click();
	const rows = page.locator('.witness-figures tbody tr');
	const cells = async (i: number) => (await rows.nth(i).locator('th, td').allTextContents()).map((t) => t.trim());
	expect(await cells(0)).toEqual(['Nicolay copy (first draft)', '242', '220 (90.9%)', '3 deleted (1.2%)', '19 (7.9%)']);
	expect(await cells(1)).toEqual(['Bliss copy (final)', '276', '220 (79.7%)', '10 inserted (3.6%)', '46 (16.7%)']);

	const json = JSON.parse(await exportParagraph(page, 'Four score and seven years ago', 'JSON'));
	expect(json.comparisonFigures).toEqual({
		base: {
			words: 242,
			common: 220,
			deleted: 3,
			changed: 19,
			moved: 0,
			percent: { common: 90.9, deleted: 1.2, changed: 7.9, moved: 0 }
		},
		target: {
			words: 276,
			common: 220,
			inserted: 10,
			changed: 46,
			moved: 0,
			percent: { common: 79.7, inserted: 3.6, changed: 16.7, moved: 0 }
		}
	});
});

test('a TEI export writes a note’s emphasis and link as TEI elements, in a well-formed document', async ({ page }) => {
	await open(page, '/cases/bukharin-1938');
	const xml = await exportParagraph(page, 'such a group never existed', 'TEI XML');
	const note = await page.evaluate((source) => {
		const doc = new DOMParser().parseFromString(source, 'application/xml');
		const ns = 'http://www.tei-c.org/ns/1.0';
		const found = doc.getElementsByTagNameNS(ns, 'note')[0];
		return {
			errors: doc.getElementsByTagName('parsererror').length,
			italic: [...found.getElementsByTagNameNS(ns, 'hi')].map((h) => [h.getAttribute('rend'), h.textContent]),
			links: [...found.getElementsByTagNameNS(ns, 'ref')].map((r) => [r.getAttribute('target'), r.textContent]),
			text: found.textContent
		};
	}, xml);
	expect(note.errors).toBe(0);
	expect(note.italic).toEqual([['italic', 'Hoover Digest']]);
	expect(note.links).toEqual([
		['https://hoover.org/research/martyred-communism', 'https://hoover.org/research/martyred-communism']
	]);
	expect(note.text).not.toMatch(/_Hoover|<https/);
});

test('the header, with its sources and its figures open, passes axe', async ({ page }) => {
	await open(page, '/cases/gettysburg/hay/bliss');
	await page.locator('summary', { hasText: 'Sources and witnesses' }).click();
	await page.locator('summary', { hasText: 'Figures for each text' }).click();
	const results = await new AxeBuilder({ page }).include('.case-header').analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});
