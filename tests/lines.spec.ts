// The structure of the source kept: a code block keeps its lines on screen and in the exports, a
// Markdown link is not the source's editorial matter, and the Bliss copy's signature and date
// stand on two lines.

import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

const readme = (command: string) =>
	[
		'# Pencil',
		'',
		'Install it, then strike [a word](https://example.org/strike):',
		'',
		'```sh',
		'npm install pencil',
		command,
		'```',
		'',
		'Read [the guide][guide] first.',
		'',
		'[guide]: https://example.org/guide',
		''
	].join('\n');

async function open(page: Page, index: number, name: string, text: string) {
	await page
		.locator('.text-input')
		.nth(index)
		.locator('input[type=file]')
		.setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
}

async function download(page: Page, format: string): Promise<string> {
	await page.getByLabel('Format').selectOption({ label: format });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download/ }).click()
	]);
	return readFile((await file.path())!, 'utf8');
}

test('a Markdown file with a code block keeps its lines on screen and in the exports', async ({
	page
}) => {
	await page.goto('/compare');
	await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	await open(page, 0, 'README.md', readme('pencil --strike'));
	await open(page, 1, 'README-new.md', readme('pencil --strike --all'));
	// A file with a fenced code block has its lines kept: the box says so, and can be unticked.
	// (Each text is named after its file.)
	await expect(page.getByRole('checkbox', { name: 'Lines matter in “README”' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Lines matter in “README-new”' })).toBeChecked();
	await expect(page.locator('.align-status')).toContainText('Aligned in');

	const code = page.locator('.text p', { hasText: 'npm install pencil' });
	await expect.poll(() => code.innerText()).toBe('```sh\nnpm install pencil\npencil --strike --all\n```');
	await expect(code.locator('ins')).toHaveText(' --all');
	// Neither the link nor the reference is the source's editorial matter.
	await expect(page.locator('.text .editorial')).toHaveCount(0);

	await page.getByRole('button', { name: 'Export the whole text…' }).click();
	await expect(page.getByRole('dialog', { name: 'Export an excerpt' })).toBeVisible();
	const md = await download(page, 'Markdown');
	expect(md).toContain(
		'\\`\\`\\`sh\\\nnpm install pencil\\\npencil --strike **[+--all+]**\\\n\\`\\`\\`\n'
	);
	const html = await download(page, 'HTML page');
	expect(html).toContain(
		'<p>```sh<br>\nnpm install pencil<br>\npencil --strike <ins id="c-'
	);
	const tei = await download(page, 'TEI XML');
	const lines = await page.evaluate((source) => {
		const doc = new DOMParser().parseFromString(source, 'application/xml');
		const ns = 'http://www.tei-c.org/ns/1.0';
		const code = [...doc.getElementsByTagNameNS(ns, 'p')].find((p) =>
			p.textContent!.includes('npm install')
		)!;
		return {
			error: doc.getElementsByTagName('parsererror').length,
			breaks: code.getElementsByTagNameNS(ns, 'lb').length,
			all: doc.getElementsByTagNameNS(ns, 'lb').length
		};
	}, tei);
	expect(lines).toEqual({ error: 0, breaks: 3, all: 3 });
	expect(tei).toContain('<p>```sh<lb/>npm install pencil<lb/>pencil --strike<app');
});

test('unticking “Lines matter” reads the text as wrapped prose again', async ({ page }) => {
	await page.goto('/compare');
	await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	await open(page, 0, 'README.md', readme('pencil --strike'));
	await open(page, 1, 'README-new.md', readme('pencil --strike --all'));
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	for (const label of ['README', 'README-new']) {
		await page.getByRole('checkbox', { name: `Lines matter in “${label}”` }).uncheck();
	}
	// Read as prose on both sides, the line ends are spaces again: no line break is drawn.
	await expect(page.locator('.text .line')).toHaveCount(0);
	const code = page.locator('.text p', { hasText: 'npm install pencil' });
	await expect(code).toHaveText('```sh npm install pencil pencil --strike --all ```');
	expect(await code.innerText()).not.toContain('\n');
});

test('the Bliss copy’s signature and date stand on two lines, without the backslash', async ({
	page
}) => {
	await page.goto('/cases/gettysburg');
	const signed = page.locator('.text p', { hasText: 'Abraham Lincoln' });
	await expect.poll(() => signed.innerText()).toMatch(/^Abraham Lincoln\s*\nNovember 19, 1863\.$/);
	await expect(signed).not.toContainText('\\');
});
