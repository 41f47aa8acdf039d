// Exporting from the Compare page, where the comparison is the reader's own (issue 9).

import { expect, test, type Page } from '@playwright/test';

const spokenBox = (page: Page) => page.getByLabel('Text of “As spoken”');
const publishedBox = (page: Page) => page.getByLabel('Text of “As published”');

test('an export of a private comparison cites what the reader gave, with no link', async ({
	page
}) => {
	await page.goto('/compare');
	await expect(spokenBox(page)).toBeEnabled();
	await page.getByLabel('Title').fill('My hearing');
	await page.getByLabel('Date of the event').fill('');
	await spokenBox(page).fill('We met at noon. I deny it all.');
	await publishedBox(page).fill('We met at noon.');
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	await page.getByRole('button', { name: 'Export the whole text…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export an excerpt' });
	await expect(dialog).toBeVisible();
	const preview = await dialog.locator('pre.preview').textContent();
	expect(preview).toMatch(
		/\n“My hearing,” [^\n]*, n\.d\. A private comparison, not published; exported \d+ \w+ \d{4}\./
	);
	expect(preview).not.toMatch(/undefined|Invalid Date/);
	expect(preview).not.toMatch(/\/compare|#x=|Pencilmarks,/);
	await expect(dialog.getByRole('button', { name: 'Copy link to this excerpt' })).toHaveCount(0);
	await expect(dialog).toContainText('This comparison is private');
});
