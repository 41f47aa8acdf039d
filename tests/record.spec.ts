import { expect, test, type Page } from '@playwright/test';
import { headOf, readItem, type Head } from './reference-manager';

// The scholarly record as a reader's tools take it from the built site: what a reference manager
// saves from a case page, and what the page says of each witness.

/** Opens a page and waits until its scripts have run (the head a browser extension reads). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
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
