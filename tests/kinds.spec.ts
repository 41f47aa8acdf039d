// Kinds of change and the filter, as a reader uses them on the Gettysburg copies (Nicolay's first
// draft against the Bliss copy: 32 changes, of which 11 punctuation, 1 capitals, 1 spelling and 1
// layout, hidden by default).

import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
}

const count = (page: Page) => page.locator('.changes-nav .position');
const figure = (page: Page, name: string) =>
	page.locator('.figures div').filter({ hasText: name }).locator('dd');

test('hiding punctuation drops the count, is kept in the URL and on reload, and in the export', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await expect(count(page)).toHaveText('31 changes');
	await expect(figure(page, 'Changes')).toHaveText('31');
	expect(
		await page.evaluate(
			() => new Set([...document.querySelectorAll<HTMLElement>('.text [data-kind="punctuation"]')].map((m) => m.dataset.change)).size
		)
	).toBe(11);
	await page.locator('.kinds summary').click();
	const panel = page.locator('.kinds-panel');
	await expect(panel.getByRole('checkbox')).toHaveCount(7);
	await expect(panel.getByRole('checkbox', { name: /Layout/ })).not.toBeChecked();
	await panel.getByRole('checkbox', { name: /Punctuation/ }).uncheck();
	await expect(count(page)).toHaveText('20 changes');
	await expect(figure(page, 'Changes')).toHaveText('20');
	await expect(page).toHaveURL(/\/cases\/gettysburg\?hide=punctuation,layout$/);
	// No mark is left on a punctuation change ("that all men are created equal"), and the text
	// reads as Bliss has it.
	const changesOf = (kind: string) =>
		page.evaluate((kind) => {
			const marks = [...document.querySelectorAll<HTMLElement>(`.text :is(del, ins)[data-kind="${kind}"]`)];
			return new Set(marks.filter((m) => m.checkVisibility()).map((m) => m.dataset.change)).size;
		}, kind);
	expect(await changesOf('punctuation')).toBe(0);
	expect(await changesOf('rewording')).toBe(8);
	const shown = await page.locator('.text p').first().evaluate((p) => (p as HTMLElement).innerText.replace(/\s+/g, ' '));
	expect(shown).toContain('dedicated to the proposition that all men are created equal.');

	await page.reload();
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
	await expect(count(page)).toHaveText('20 changes');
	await page.locator('.kinds summary').click();
	await expect(panel.getByRole('checkbox', { name: /Punctuation/ })).not.toBeChecked();

	// The export leaves punctuation-only changes unmarked and says so.
	await page.getByRole('button', { name: 'Export the whole text…' }).click();
	await page.getByLabel('Format').selectOption({ label: 'Markdown' });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download/ }).click()
	]);
	const markdown = await readFile((await file.path())!, 'utf8');
	expect(markdown).toContain('Changes of these kinds are not marked: punctuation, layout.');
	// Punctuation changes read as Bliss has them, unmarked; the struck period of an addition stays.
	expect(markdown).toContain('dedicated to the proposition that all men are created equal.');
	expect(markdown).toContain('of the people, by the people, for the people');
	expect(markdown).not.toContain('~~"~~');
	expect(markdown).toContain('~~upon~~**[+on+]**');
	await page.keyboard.press('Escape');
	// Next change steps over the punctuation: twenty presses reach the last.
	for (let k = 0; k < 20; k++) await page.keyboard.press('n');
	await expect(count(page)).toContainText('Change 20 of 20');
});

test('one click hides punctuation, case and spelling; every kind comes back with another', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await page.locator('.kinds summary').click();
	await page.getByRole('button', { name: 'Hide punctuation, case and spelling' }).click();
	await expect(count(page)).toHaveText('18 changes');
	await expect(page).toHaveURL(/\?hide=spelling,case,punctuation,layout$/);
	await expect(page.locator('.figures-note.by-kind')).toContainText('Changes hidden: spelling, capitals, punctuation, layout.');
	await page.getByRole('button', { name: 'Show every kind' }).click();
	await expect(count(page)).toHaveText('32 changes');
	await expect(page).toHaveURL(/\?hide=none$/);
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('the filter panel works by keyboard', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await page.locator('.kinds summary').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('.kinds-panel')).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(page.locator('.kinds-panel input').first()).toBeFocused();
	await page.keyboard.press('Space');
	await expect(count(page)).not.toHaveText('31 changes');
});

test('a redaction marker stands over the words it hides, counted as struck, never as added', async ({ page }) => {
	await page.goto('/compare');
	const base = page.getByLabel('Text of “As spoken”');
	await expect(base).toBeEnabled();
	await base.fill('The minister met John Smith in Paris on Tuesday.');
	await page.getByLabel('Text of “As published”').fill('The minister met [REDACTED] in Paris on Tuesday.');
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	const marker = page.locator('.text ins.placeholder');
	await expect(marker).toHaveText('[REDACTED]');
	await expect(marker).toHaveAttribute('data-kind', 'placeholder');
	await expect(marker).toHaveAttribute('data-hides', '2 words hidden');
	await expect(page.locator('.text del[data-kind="placeholder"]')).toHaveText('John Smith');
	const hides = await page.locator('.text .hides').evaluate((e) => getComputedStyle(e, '::before').content);
	expect(hides).toBe('"2 words hidden"');
	const figure = (name: string) => page.locator('.figures div').filter({ has: page.locator('dt', { hasText: name }) }).locator('dd');
	await expect(figure('Words struck')).toHaveText('2');
	await expect(figure('Words added')).toHaveText('0');
	await page.locator('.kinds summary').click();
	await expect(page.locator('.kinds-panel label', { hasText: 'Placeholder' })).toContainText('1');
});

test('the change map shows where the changes shown stand, and takes the reader there by keyboard', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	const map = page.getByRole('navigation', { name: 'Change map' });
	const marks = map.getByRole('link');
	const said = await marks.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
	// Every one of the 31 changes shown is in exactly one mark, in reading order.
	const ranges = said.map((s) => s!.match(/^Changes? (\d+)(?: to (\d+))? of 31, \d+% into the text$/)!);
	expect(ranges[0][1]).toBe('1');
	expect(Number(ranges.at(-1)![2] ?? ranges.at(-1)![1])).toBe(31);
	for (let k = 1; k < ranges.length; k++) {
		expect(Number(ranges[k][1])).toBe(Number(ranges[k - 1][2] ?? ranges[k - 1][1]) + 1);
	}
	// The last mark, by keyboard: the reader lands on the first change it holds.
	await marks.last().focus();
	await page.keyboard.press('Enter');
	await expect(count(page)).toContainText(`Change ${ranges.at(-1)![1]} of 31`);
	await expect(page.locator('.text .current').first()).toBeInViewport();
	// Hiding punctuation redraws the map with the 20 left.
	await page.locator('.kinds summary').click();
	await page.locator('.kinds-panel').getByRole('checkbox', { name: /Punctuation/ }).uncheck();
	await expect(marks.last()).toHaveAttribute('aria-label', /of 20, /);
});

test('changes can be hidden by their hand or their cause, in the URL, the figures and the export', async ({ page }) => {
	await open(page, '/cases/bukharin-1938');
	await expect(count(page)).toHaveText('2 changes');
	await expect(figure(page, 'Words struck')).toHaveText('50');
	await page.locator('.kinds summary').click();
	const panel = page.locator('.kinds-panel');
	await panel.getByRole('checkbox', { name: /for political reasons/ }).uncheck();
	await expect(count(page)).toHaveText('1 change');
	await expect(figure(page, 'Words struck')).toHaveText('23');
	await expect(page).toHaveURL(/\/cases\/bukharin-1938\?hide-cause=political$/);
	// The passage struck for political reasons reads as the published text has it: not there.
	await expect(page.locator('.text del:visible', { hasText: 'such a group never existed' })).toHaveCount(0);
	await expect(page.locator('.text del:visible', { hasText: 'I accept responsibility' })).toHaveCount(1);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
	await expect(count(page)).toHaveText('1 change');
	await page.getByRole('button', { name: 'Export the whole text…' }).click();
	await page.getByLabel('Format').selectOption({ label: 'Plain text' });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: /^Download/ }).click()
	]);
	const text = await readFile((await file.path())!, 'utf8');
	expect(text).toContain('Changes made for Political are not marked.');
	expect(text).not.toContain('[-such a group never existed');
	await page.keyboard.press('Escape');
	await page.locator('.kinds summary').click();
	await panel.getByRole('checkbox', { name: /by Stalin, pencil/ }).uncheck();
	await expect(count(page)).toHaveText('0 changes');
	await expect(page).toHaveURL(/\?hide-hand=Stalin%2C\+pencil&hide-cause=political$|\?hide-hand=Stalin,\+pencil&hide-cause=political$/);
});
