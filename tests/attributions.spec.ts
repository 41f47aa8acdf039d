// Who made a change, why and how sure: on the case page (the Bukharin cuts that changes.txt
// attributes to Stalin's pencil), and on the Compare page (a Word document's tracked changes, and
// what the reader says of a change).

import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';

const bukharin = '/cases/bukharin-1938';
const denial =
	'I deny most of all the prosecutor’s charge that I belonged to the group sitting on the court bench with me, because such a group never existed!';

/** The WCAG 2.1 A and AA rules, which axe checks. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Opens a page and waits until it answers to keys and clicks. */
async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
}

/** The badges in the text, as the page draws them: their words, from CSS. */
const badges = (page: Page) =>
	page
		.locator('.text .badge')
		.evaluateAll((all) => all.map((b) => [b.getAttribute('data-badge'), getComputedStyle(b, '::before').content]));

/** Downloads the export in `format` from the open export dialog. */
async function download(page: Page, format: string): Promise<string> {
	await page.getByLabel('Format').selectOption({ label: format });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download/ }).click()
	]);
	return readFile((await file.path())!, 'utf8');
}

test.describe('the Bukharin case', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('each cut has a badge in words, read out as an attribution, and the figures count by hand and cause', async ({
		page
	}) => {
		await open(page, bukharin);
		expect(await badges(page)).toEqual([
			['Stalin, pencil · certain', '"Stalin, pencil · certain" / "Attribution: " "Stalin, pencil · certain"'],
			[
				'Stalin, pencil · Political · probable',
				'"Stalin, pencil · Political · probable" / "Attribution: " "Stalin, pencil · Political · probable"'
			]
		]);
		await expect(page.locator('.text p', { hasText: 'such a group never existed' })).toMatchAriaSnapshot(`
			- paragraph:
			  - text: "Attribution: Stalin, pencil · Political · probable"
			  - deletion
			  - link /Note 2/
		`);
		await expect(page.getByLabel('Words struck, by hand')).toHaveText(/Struck by Stalin, pencil\s*50/);
		await expect(page.getByLabel('Words struck, by cause')).toHaveText(
			/Struck, cause: Political\s*27\s*Struck, no cause given\s*23/
		);
		const card = page.locator('.note', { hasText: 'Struck: “such a group never existed”' });
		await expect(card.locator('.attribution dt')).toHaveText(['Hand', 'Cause', 'Certainty', 'Source']);
		await expect(card.locator('.attribution dd')).toHaveText([
			'Stalin, pencil',
			'Political',
			'probable',
			'Gregory, Paul R. “Martyred for Communism.” Hoover Digest (Hoover Institution). ' +
				'https://hoover.org/research/martyred-communism.'
		]);
		const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
		expect(results.violations.map((v) => v.id)).toEqual([]);
	});

	test('a badge is never selected or copied as the witness’s words', async ({ page }) => {
		await open(page, bukharin);
		const paragraph = page.locator('.text p', { hasText: 'such a group never existed' });
		await paragraph.click({ clickCount: 3 });
		await page.keyboard.press('Control+C');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		// The paragraph's own text: the struck passage and its note's number, and no badge.
		expect(copied.trim()).toBe(`${denial}2`);
		expect(await page.evaluate(() => getSelection()!.toString().trim())).toBe(`${denial}2`);
		// The selection maps to the passage exactly, as if there were no badge.
		await page.getByRole('button', { name: 'Export selection…' }).click();
		await expect(page.locator('.export .what')).toContainText(
			'27 words, from “I deny most of…” to “…a group never existed!”, with the marks.'
		);
		await expect(page.locator('pre.preview')).toContainText(
			`~~${denial}~~ *\\[Stalin, pencil; Political; probable\\]*[^1]`
		);
	});

	test('a clean witness shows no badges', async ({ page }) => {
		await open(page, bukharin);
		await page.getByRole('radio', { name: 'As spoken' }).check();
		await expect(page.locator('.text .badge').first()).toBeHidden();
		await expect(page.getByText(denial)).toBeVisible();
		await page.getByRole('radio', { name: 'Marks on' }).check();
		await expect(page.locator('.text .badge').first()).toBeVisible();
	});
});

/** A .docx whose body is `body`, as Word writes one with tracked changes. */
function docx(body: string): Buffer {
	const xml =
		'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
		`<w:body>${body}</w:body></w:document>`;
	return Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) }));
}
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const del = (author: string, text: string) =>
	`<w:del w:id="1" w:author="${author}" w:date="2024-05-02T09:30:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const ins = (author: string, text: string) =>
	`<w:ins w:id="2" w:author="${author}" w:date="2024-05-02T09:30:00Z">${run(text)}</w:ins>`;

test.describe('the Compare page', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto('/compare');
		await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	});

	test('a Word document’s tracked changes by two authors fill the pair, each change with its author', async ({
		page
	}) => {
		const body =
			`<w:p>${run('The committee met at ')}${del('Ann Smith', 'noon')}${ins('Ann Smith', 'one')}${run(' on Monday.')}</w:p>` +
			`<w:p>${run('We agreed to close the file')}${del('Bob', ' and the minister lied')}${run('.')}</w:p>` +
			`<w:p>${run('The vote was taken')}${ins('Ann Smith', ' unanimously')}${run('.')}</w:p>`;
		await page
			.locator('.text-input')
			.first()
			.locator('input[type=file]')
			.setInputFiles({ name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: docx(body) });
		await expect(page.getByRole('status').filter({ hasText: 'Word’s tracked changes' })).toContainText(
			'Word’s tracked changes: 3 changes by 2 authors, read as two versions, “minutes.docx (original)” and ' +
				'“minutes.docx (revised)”.'
		);
		await expect(page.getByLabel('Text of “minutes.docx (original)”')).toHaveValue(
			'The committee met at noon on Monday.\n\nWe agreed to close the file and the minister lied.\n\nThe vote was taken.'
		);
		await expect(page.getByLabel('Text of “minutes.docx (revised)”')).toHaveValue(
			'The committee met at one on Monday.\n\nWe agreed to close the file.\n\nThe vote was taken unanimously.'
		);
		await expect(page.locator('.align-status')).toContainText('Aligned in');
		await expect(page.locator('.text del')).toHaveText(['noon', ' and the minister lied']);
		await expect(page.locator('.text ins')).toHaveText(['one', ' unanimously']);
		expect((await badges(page)).map(([words]) => words)).toEqual(['Ann Smith', 'Bob', 'Ann Smith']);
		await expect(page.getByLabel('Words struck, by hand')).toHaveText(/Struck by Ann Smith\s*1\s*Struck by Bob\s*4/);

		await page.getByRole('button', { name: 'Export the whole text…' }).click();
		const tei = await download(page, 'TEI XML');
		const parsed = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'application/xml');
			const ns = 'http://www.tei-c.org/ns/1.0';
			const all = (name: string) => [...doc.getElementsByTagNameNS(ns, name)];
			return {
				error: doc.getElementsByTagName('parsererror').length,
				apps: all('app').map((a) => a.getAttribute('type')),
				hands: all('rdg').flatMap((r) => (r.hasAttribute('hand') ? [[r.getAttribute('wit'), r.getAttribute('hand')]] : [])),
				notes: all('handNote').map((h) => [h.getAttribute('xml:id'), h.textContent])
			};
		}, tei);
		expect(parsed).toEqual({
			error: 0,
			apps: ['rewording', 'cut', 'addition'],
			hands: [
				['#published', '#hand-ann-smith'],
				['#published', '#hand-bob'],
				['#published', '#hand-ann-smith']
			],
			notes: [
				['hand-ann-smith', 'Ann Smith'],
				['hand-bob', 'Bob']
			]
		});
	});

	test('the reader says who made the current change, why and how sure: shown, kept, and exported', async ({
		page
	}) => {
		await page.getByLabel('Text of “As spoken”').fill('We met at noon. I deny it all. We parted as friends.');
		await page.getByLabel('Text of “As published”').fill('We met at noon. We parted as comrades.');
		await expect(page.locator('.align-status')).toContainText('Aligned in');
		await page.getByRole('button', { name: 'Next change →' }).click();
		await page.getByRole('button', { name: 'Who made this change…' }).click();
		const form = page.getByRole('dialog', { name: 'Who made this change, why, and how sure' });
		await expect(form).toContainText('The change on “I deny it all.” in As spoken');
		await form.getByRole('button', { name: 'Save' }).click();
		await expect(form.getByRole('alert')).toHaveText('Say who made the change, or why, or both.');
		await form.getByLabel('Hand (who made it)').fill('The editor');
		await form.getByLabel('Cause (why)').fill('Politics');
		await form.getByLabel('Certainty').selectOption('probable');
		const results = await new AxeBuilder({ page }).include('dialog').withTags(WCAG).analyze();
		expect(results.violations.map((v) => v.id)).toEqual([]);
		await form.getByRole('button', { name: 'Save' }).click();
		await expect(form).toBeHidden();
		await expect.poll(() => badges(page).then((b) => b.map(([words]) => words))).toEqual([
			'The editor · Politics · probable'
		]);

		// Saved with the workspace: there after a reload, and offered again as a cause.
		await page.reload();
		await expect.poll(() => badges(page).then((b) => b.map(([words]) => words))).toEqual([
			'The editor · Politics · probable'
		]);
		await page.getByRole('button', { name: 'Next change →' }).click();
		await page.getByRole('button', { name: 'Next change →' }).click();
		await page.getByRole('button', { name: 'Who made this change…' }).click();
		await expect(form.locator('datalist option')).toHaveAttribute('value', 'Politics');
		await form.getByRole('button', { name: 'Cancel' }).click();

		// The change on screen is the current one: its paragraph is exported.
		await page.getByRole('button', { name: 'Export this change…' }).click();
		await page.getByLabel('Format').selectOption({ label: 'Plain text' });
		await expect(page.locator('pre.preview')).toContainText(
			'We met at noon. [-I deny it all.-] [The editor; Politics; probable] We parted as [-friends-]{+comrades+}.'
		);
		await page.keyboard.press('Escape');

		// The words it quotes edited away: shown apart, with why, to be mended or removed.
		await page.getByLabel('Text of “As spoken”').fill('We met at noon. I denied it all. We parted as friends.');
		const unplaced = page.getByRole('region', { name: 'Attributions not placed in this text' });
		await expect(unplaced.getByRole('listitem')).toContainText(
			'The editor · Politics · probable, on “I deny it all.” in As spoken: not placed: ' +
				'quote not found in witness "spoken".'
		);
		await expect(page.locator('.text .badge')).toHaveCount(0);
		await unplaced.getByRole('button', { name: 'Remove the attribution on “I deny it all.”' }).click();
		await expect(unplaced).toBeHidden();
	});
});
