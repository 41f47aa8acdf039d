// Three texts or more on the Compare page, read all at once: the apparatus of a case page, of the
// reader's own texts, collated in a worker; and the pair, one click away.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editParagraphs, generate, prng, render, vocabulary } from '../scripts/bench-data';
import { variantPlaces } from '../src/lib/pipeline/apparatus';
import { collate } from '../src/lib/pipeline/collate';
import { sideways, textOverlaps } from './overlaps';
import { workspaceFileOf } from './workspace-file';

const SPOKEN = 'We met at noon that day.';
const PUBLISHED = 'We met at one that day.';
const THIRD = 'We met at noon on that day.';

const box = (page: Page, name: string) => page.getByLabel(`Text of “${name}”`);
const status = (page: Page) => page.locator('.align-status');
const choice = (page: Page, name: 'All texts at once' | 'Two at a time') => page.getByRole('button', { name, exact: true });
/** The choice of the base, or of the pair. */
const chooser = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });
/** A witness's box among the witnesses shown. */
const shown = (page: Page, name: string) => page.getByRole('group', { name: 'Witnesses shown' }).getByRole('checkbox', { name });
/** The readings at each variant place the apparatus lists, one string a reading. */
const entry = (page: Page, i: number) => page.locator('.entries > ol > li').nth(i).locator('.readings li');

/** Types three versions of a sentence, the third in a text added for it. */
async function typeThree(page: Page, third = THIRD) {
	await box(page, 'As spoken').fill(SPOKEN);
	await box(page, 'As published').fill(PUBLISHED);
	await page.getByRole('button', { name: 'Add another version' }).click();
	await box(page, 'Version 3').fill(third);
}

test.beforeEach(async ({ page }) => {
	await page.goto('/compare');
	await expect(box(page, 'As spoken')).toBeEnabled();
});

test('three texts are read all at once: the places, a text set aside, another base, kept on reload', async ({ page }) => {
	// Two texts are a pair, with no choice to make.
	await box(page, 'As spoken').fill(SPOKEN);
	await box(page, 'As published').fill(PUBLISHED);
	await expect(status(page)).toContainText('Aligned in');
	await expect(choice(page, 'All texts at once')).toHaveCount(0);

	await page.getByRole('button', { name: 'Add another version' }).click();
	await box(page, 'Version 3').fill(THIRD);
	// Three are read all at once, against the base.
	await expect(choice(page, 'All texts at once')).toHaveAttribute('aria-pressed', 'true');
	await expect(status(page)).toHaveText(/^\s*Collated 3 texts in \d+ ms\.\s*$/);
	await expect(page.locator('.witnesses label')).toHaveText(['As spoken (base)', 'As published', 'Version 3']);
	await expect(page.locator('.apparatus-view .count')).toHaveText('2 places where they differ');
	await expect(page.locator('.entries > ol > li')).toHaveCount(2);
	await expect(entry(page, 0)).toHaveText(['noon: As spoken, Version 3', 'one: As published']);
	await expect(entry(page, 1)).toHaveText(['omitted: As spoken, As published', 'on: Version 3']);
	// Marked in the base's text, as a screen reader hears them too.
	await expect(page.locator('.text .place')).toHaveText(['noon, place 1', '‸text only some witnesses have, place 2']);

	// One text set aside: only the place where the others differ is left, and the URL says so.
	await shown(page, 'As published').uncheck();
	await expect(page.locator('.apparatus-view .count')).toHaveText('1 place where they differ');
	await expect(page.locator('.entries > ol > li')).toHaveCount(1);
	await expect(entry(page, 0)).toHaveText(['omitted: As spoken', 'on: Version 3']);
	await expect(page).toHaveURL(/\/compare\?without=published$/);
	// The keyboard goes to it (from outside the texts' boxes), and the reader sees every reading there.
	await page.locator('#entries-heading').click();
	await page.keyboard.press('n');
	await expect(page.locator('.apparatus-view .count')).toHaveText('Place 2, 1 of 1');
	await expect(page.locator('.entry.side .readings li')).toHaveText(['omitted: As spoken', 'on: Version 3']);
	await expect(page).toHaveURL(/\/compare\?without=published&place=2$/);

	// Another base: collated again against it; the text set aside stays aside.
	await chooser(page, 'Base').selectOption({ label: 'Version 3' });
	await expect(page.locator('.witnesses label')).toHaveText(['Version 3 (base)', 'As spoken', 'As published']);
	await expect(shown(page, 'As published')).not.toBeChecked();
	await expect(entry(page, 0)).toHaveText(['noon on: Version 3', 'noon: As spoken']);
	await shown(page, 'As published').check();
	await expect(entry(page, 0)).toHaveText(['noon on: Version 3', 'noon: As spoken', 'one: As published']);
	await page.getByRole('button', { name: 'Table' }).click();
	await expect(page.locator('.grid tbody th')).toHaveText(['Version 3', 'As spoken', 'As published']);
	await expect(page.locator('.grid tbody td bdi')).toHaveText(['noon on', 'noon', 'one']);
	await expect(page.locator('.grid tbody td.differs bdi')).toHaveText(['noon', 'one']);
	// (The place chosen stays in it, though against this base the texts differ at one place only.)
	await expect(page).toHaveURL(/\/compare\?view=table&place=2$/);

	await page.waitForTimeout(600); // the workspace is saved after a pause
	await page.reload();
	await expect(box(page, 'Version 3')).toHaveValue(THIRD);
	await expect(box(page, 'As spoken')).toHaveValue(SPOKEN);
	await expect(box(page, 'As published')).toHaveValue(PUBLISHED);
	await expect(choice(page, 'All texts at once')).toHaveAttribute('aria-pressed', 'true');
	await expect(chooser(page, 'Base')).toHaveValue('version');
	await expect(page.locator('.grid tbody th')).toHaveText(['Version 3', 'As spoken', 'As published']);

	// The pair, one click away: the base against the pair's target; kept on reload too.
	await choice(page, 'Two at a time').click();
	await expect(choice(page, 'Two at a time')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('.apparatus-view')).toHaveCount(0);
	await expect(status(page)).toContainText('Aligned in');
	await expect(chooser(page, 'Compare')).toHaveValue('version');
	await expect(chooser(page, 'with')).toHaveValue('published');
	await expect(page.locator('.text del')).toHaveText(['noon on']);
	await expect(page.locator('.text ins')).toHaveText(['one']);
	await page.waitForTimeout(600);
	await page.reload();
	await expect(choice(page, 'Two at a time')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator('.text ins')).toHaveText(['one']);
	await choice(page, 'All texts at once').click();
	await expect(page.locator('.grid tbody th')).toHaveText(['Version 3', 'As spoken', 'As published']);
});

test('an empty text, or one the same as another, is said plainly', async ({ page }) => {
	await typeThree(page, '');
	await expect(status(page)).toHaveText(
		'“Version 3” is empty: give it a text, or remove it, to see all the texts at once.'
	);
	await expect(page.locator('.apparatus-view')).toHaveCount(0);
	await box(page, 'Version 3').fill(PUBLISHED);
	await expect(status(page)).toContainText(
		'“Version 3” is the same text as “As published”: they share every reading.'
	);
	await expect(entry(page, 0)).toHaveText(['noon: As spoken', 'one: As published, Version 3']);
	await page.getByRole('button', { name: 'Remove' }).nth(2).click();
	// Two texts again: the pair.
	await expect(status(page)).toContainText('Aligned in');
	await expect(page.locator('.apparatus-view')).toHaveCount(0);
});

test('the apparatus of the Compare page passes axe, in text and in a table', async ({ page }) => {
	await typeThree(page);
	await expect(page.locator('.entries > ol > li')).toHaveCount(2);
	await page.locator('#entries-heading').click();
	await page.keyboard.press('n');
	for (const layout of ['Text', 'Table']) {
		await page.getByRole('button', { name: layout, exact: true }).click();
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	}
});

for (const width of [390, 1024, 1400]) {
	test(`no text overlaps other text on the apparatus of three texts at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await typeThree(page);
		await expect(page.locator('.entries > ol > li')).toHaveCount(2);
		// A place chosen: its readings beside the text, or below its paragraph on a narrow screen.
		await page.getByRole('button', { name: 'Next place' }).click();
		await expect(page.locator('.apparatus-view .count')).toHaveText('Place 1, 1 of 2');
		expect(await textOverlaps(page)).toEqual([]);
		expect(await sideways(page)).toBe(0);
	});
}

test('five texts of 200 KB are collated off the page, every place found (figures reported)', async ({ page }) => {
	test.setTimeout(120_000);
	// A text and four copies of it, each with about 2% of its words edited.
	const v = vocabulary();
	const random = prng(7);
	const base = generate(v, random, 200_000);
	const texts = [render(base), ...[1, 2, 3, 4].map(() => render(editParagraphs(v, random, base, 0.02).target))];
	const ids = ['first', 'second', 'third', 'fourth', 'fifth'];
	const apparatus = collate(
		texts.map((text, i) => ({ id: ids[i], text, scan: { lines: 'wrapped', brackets: 'editorial' } })),
		{ precise: true }
	);
	const places = variantPlaces(apparatus, new Set(ids)).length;

	await page.addInitScript(() => {
		const tasks: number[] = [];
		(window as unknown as { longTasks: number[] }).longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push(entry.duration);
		}).observe({ type: 'longtask', buffered: true });
	});
	await page.reload();
	await expect(box(page, 'As spoken')).toBeEnabled();
	const file = workspaceFileOf(
		texts.map((text, i) => ({ id: ids[i], label: `Copy ${i + 1}`, text, origin: `${ids[i]}.txt` }))
	);
	await page.locator('.workspace input[type=file]').setInputFiles(file);
	await expect(status(page)).toContainText(/Collated 5 texts in/, { timeout: 60_000 });
	await expect(page.locator('.apparatus-view .count')).toHaveText(`${places} places where they differ`);
	// Drawn in steps, a task each: every place in the text and in the list once it has finished.
	await expect(page.locator('.apparatus-view .drawing')).toHaveCount(0, { timeout: 30_000 });
	await expect(page.locator('.apparatus-view .text a.place')).toHaveCount(places);
	await expect(page.locator('.apparatus-view .entries > ol > li')).toHaveCount(places);
	const said = (await status(page).textContent())!.trim();
	const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
	const line = `Five texts of 200 KB: “${said}”; longest main-thread task ${Math.round(longest)} ms; ${places} places`;
	test.info().annotations.push({ type: 'performance', description: line });
	console.log(line);
});

test('a reader’s own apparatus is exported as theirs: private, with no link', async ({ page }) => {
	await typeThree(page);
	await expect(status(page)).toContainText('Collated 3 texts in');
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export the apparatus' });
	await expect(dialog.locator('.what')).toHaveText(
		'2 places where the witnesses differ (1 to 2), with the readings of As spoken, As published, Version 3.'
	);
	const preview = dialog.locator('pre.preview');
	// The word "on" Version 3 adds after "noon" is given with the word before it.
	await expect(preview).toContainText('We met at noon[^1][^2] that day.');
	await expect(preview).toContainText('[^1]: noon As spoken, Version 3] one As published');
	await expect(preview).toContainText('[^2]: noon As spoken, As published] noon on Version 3');
	await expect(preview).toContainText('A private comparison, not published; exported');
	await expect(preview).not.toContainText('http');
});
