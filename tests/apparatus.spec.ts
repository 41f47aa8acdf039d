// The apparatus of the Gettysburg copies: all five at once, against one base, as a reader uses it.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const apparatus = '/cases/gettysburg/apparatus';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// A script error leaves the page half updated while it still looks right: none may happen.
const errors: string[] = [];
test.beforeEach(({ page }) => {
	errors.length = 0;
	page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(() => expect(errors).toEqual([]));

/** Opens the apparatus and waits until it answers to keys and clicks. */
async function open(page: Page, url = apparatus) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next place', exact: true })).toBeEnabled();
}

/** The readings of the entry on screen for the place chosen, as the reader sees them. */
const readings = (page: Page) => page.locator('aside.entry:visible .readings li');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the base text reads with its places numbered, and every reading is listed below it', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'All 5 witnesses at once' }).click();
		await expect(page).toHaveURL(/\/cases\/gettysburg\/apparatus$/);
		await expect(page.locator('h1')).toHaveText('The Gettysburg Address: five manuscript copies');
		const upon = page.locator('.text a.place', { hasText: 'upon' });
		await expect(upon).toHaveAttribute('href', '#place-2');
		await expect(page.locator('#place-2 .readings li')).toHaveText([
			'upon: Nicolay, Hay, Everett',
			'on: Bancroft, Bliss'
		]);
		// A place where a copy adds what the base lacks: the base reads nothing there.
		await expect(page.locator('.entries li', { hasText: 'under God,' }).locator('.readings li')).toHaveText([
			'omitted: Nicolay, Hay',
			'under God,: Everett, Bancroft, Bliss'
		]);
		await expect(page.locator('.entries > ol > li')).toHaveCount(48);
		// Another base is a page of its own, and the pairs one link away.
		await page.getByRole('link', { name: 'Bliss copy (final)' }).click();
		await expect(page).toHaveURL(/\/cases\/gettysburg\/apparatus\/bliss$/);
		await expect(page.locator('#place-2 .readings li').first()).toContainText('Bliss');
		await page.getByRole('link', { name: 'Compare two at a time' }).click();
		await expect(page).toHaveURL(/\/cases\/gettysburg$/);
	});
});

test('a reader steps through the places, sets a copy aside, and the address keeps it all', async ({ page }) => {
	await page.setViewportSize({ width: 1400, height: 900 });
	await open(page);
	await page.locator('.text a.place', { hasText: 'upon' }).click();
	await expect(readings(page)).toHaveText(['upon: Nicolay, Hay, Everett', 'on: Bancroft, Bliss']);
	await expect(page).toHaveURL(/\?place=2$/);
	await page.keyboard.press('n');
	await expect(page.locator('.count')).toHaveText('Place 3, 3 of 48');
	await expect(readings(page)).toHaveText(['liberty: Nicolay', 'Liberty: Hay, Everett, Bancroft, Bliss']);
	await expect(page.locator('#at-3')).toBeFocused();
	await page.keyboard.press('p');
	await page.keyboard.press('p');
	await expect(page.locator('.count')).toHaveText('Place 1, 1 of 48');

	// Bliss set aside: its readings go, and the two places where only it differed with them; where
	// it agreed with one other copy, that copy now stands alone.
	await page.getByRole('checkbox', { name: 'Bliss' }).uncheck();
	await expect(page.locator('.count')).toHaveText('Place 1, 1 of 46');
	await page.keyboard.press('n');
	await expect(readings(page)).toHaveText(['upon: Nicolay, Hay, Everett', 'on: Bancroft']);
	await expect(page).toHaveURL(/\?without=bliss&place=2$/);

	await page.reload();
	await expect(page.getByRole('button', { name: 'Next place', exact: true })).toBeEnabled();
	await expect(page.getByRole('checkbox', { name: 'Bliss' })).not.toBeChecked();
	await expect(readings(page)).toHaveText(['upon: Nicolay, Hay, Everett', 'on: Bancroft']);
	await expect(page.getByRole('checkbox', { name: 'Nicolay (base)' })).toBeDisabled();
	await page.locator('details.figures summary').click();
	await expect(page.locator('details.figures summary')).toHaveText('46 places where the 4 witnesses shown differ');
	await expect(page.locator('details.figures tbody').first().locator('tr')).toHaveText([
		'Nicolay242242 (100%)24 places',
		'Hay269223 (83%)13 places',
		'Everett269214 (80%)6 places',
		'Bancroft271217 (80%)3 places'
	]);
});

test('the table shows each copy’s reading at each place, and another base re-reads them all', async ({ page }) => {
	await open(page, `${apparatus}?place=2`);
	await page.getByRole('button', { name: 'Table' }).click();
	await expect(page).toHaveURL(/\?view=table&place=2$/);
	const table = page.getByRole('region', { name: 'Alignment table' });
	await expect(table.locator('tbody th')).toHaveText(['Nicolay', 'Hay', 'Everett', 'Bancroft', 'Bliss']);
	// Forty places at a time, and the page says which.
	await expect(table.locator('thead th')).toHaveCount(41);
	await expect(page.locator('.table-window')).toContainText('Places 1 to 40: 40 of the 48 where they differ');
	// The column of place 2: the last two differ from the base, and say so in bold.
	const column = table.locator('tbody tr td:nth-child(3)');
	await expect(column).toHaveText(['upon', 'upon', 'upon', 'on (not the base’s)', 'on (not the base’s)']);
	await expect(column.nth(3)).toHaveCSS('font-weight', '700');
	await expect(column.nth(0)).toHaveCSS('font-weight', '400');
	await page.keyboard.press('n');
	await expect(page.locator('#col-3')).toBeFocused();
	await page.getByRole('button', { name: 'Later places' }).click();
	await expect(page.locator('.table-window')).toContainText('Places 41 to 48: 8 of the 48 where they differ');
	await expect(table.locator('thead th')).toHaveText(['Witness', ...'41 42 43 44 45 46 47 48'.split(' ').map((n) => `Place ${n}`)]);
	// Choosing a place pages the table to it.
	await page.keyboard.press('n');
	await expect(page.locator('#col-4')).toBeFocused();
	await expect(page.locator('.table-window')).toContainText('Places 1 to 40');

	await page.getByRole('combobox', { name: /^Base/ }).selectOption('bliss');
	await page.getByRole('button', { name: 'Collate against it' }).click();
	await expect(page).toHaveURL(/\/cases\/gettysburg\/apparatus\/bliss\?view=table&place=4$/);
	await expect(page.getByRole('region', { name: 'Alignment table' }).locator('tbody th')).toHaveText([
		'Bliss',
		'Nicolay',
		'Hay',
		'Everett',
		'Bancroft'
	]);
});

test('a note stands at its place, and the pair page leads here', async ({ page }) => {
	await page.goto('/cases/gettysburg');
	await page.getByRole('link', { name: 'All 5 at once' }).click();
	await expect(page).toHaveURL(/\/cases\/gettysburg\/apparatus$/);
	await expect(page.getByRole('button', { name: 'Next place', exact: true })).toBeEnabled();
	const marker = page.locator('#ref-03-under-god');
	await expect(marker).toHaveText('[note 7]');
	// The marker follows the place where the later copies add “under God”.
	const place = page.locator('.text a.place').filter({ has: page.locator('xpath=following-sibling::a[1][@id="ref-03-under-god"]') });
	await expect(place).toHaveCount(1);
	await place.click();
	await expect(page.locator('aside.entry:visible .entry-note-title')).toHaveText('Note 7: “under God” is added');
	await expect(page.locator('aside.entry:visible .entry-note-body')).toContainText('“under God” is not in the first two drafts.');
	await marker.click();
	await expect(page).toHaveURL(/#note-03-under-god$/);
	await expect(page.locator('#note-03-under-god h3')).toHaveText('7 “under God” is added');
});

test('axe finds no violations in the text, the table and the export dialog', async ({ page }) => {
	await open(page, `${apparatus}?place=2`);
	await page.locator('details.figures summary').click();
	const text = await new AxeBuilder({ page }).withTags(WCAG).include('main').analyze();
	expect(text.violations).toEqual([]);
	await page.getByRole('button', { name: 'Table' }).click();
	const grid = await new AxeBuilder({ page }).withTags(WCAG).include('main').analyze();
	expect(grid.violations).toEqual([]);
	await page.getByRole('button', { name: 'Export…' }).click();
	await expect(page.getByRole('dialog', { name: 'Export the apparatus' })).toBeVisible();
	const dialog = await new AxeBuilder({ page }).withTags(WCAG).include('dialog').analyze();
	expect(dialog.violations).toEqual([]);
});

test('a copy set aside and then taken as the base is shown, as a base always is', async ({ page }) => {
	await open(page, `${apparatus}?without=bliss`);
	await page.getByRole('combobox', { name: /^Base/ }).selectOption('bliss');
	await page.getByRole('button', { name: 'Collate against it' }).click();
	await expect(page).toHaveURL(/\/cases\/gettysburg\/apparatus\/bliss$/);
	await expect(page.getByRole('checkbox', { name: 'Bliss (base)' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Nicolay' })).toBeChecked();
	await expect(page.locator('.count')).toHaveText('45 places where they differ');
});

test('the places chosen are exported with the copies shown: a classic apparatus, or TEI to read back', async ({ page }) => {
	await open(page, `${apparatus}?without=hay&place=2`);
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export the apparatus' });
	await expect(dialog.locator('.what')).toHaveText(
		'5 places where the witnesses differ (1 to 5), with the readings of Nicolay, Everett, Bancroft, Bliss; set aside: Hay copy (second draft).'
	);
	// The place with its sentence around it, and its entry in the classic form.
	const preview = dialog.locator('pre.preview');
	await expect(preview).toContainText('Four score and seven years ago our fathers brought forth,[^1] upon[^2] this continent,');
	await expect(preview).toContainText('[^2]: upon Nicolay, Everett] on Bancroft, Bliss');
	await dialog.getByRole('combobox', { name: /^Format/ }).selectOption('tei');
	const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download/ }).click()]);
	expect(file.suggestedFilename()).toBe('gettysburg-apparatus.tei.xml');
	const tei = await readFile((await file.path())!, 'utf8');
	expect(tei).toContain('<app xml:id="app-2"><rdg wit="#nicolay #everett">upon</rdg><rdg wit="#bancroft #bliss">on</rdg></app>');
	expect(tei).not.toContain('#hay');

	await dialog.getByRole('radio', { name: 'The whole text' }).check();
	await expect(dialog.locator('.what')).toContainText('41 places where the witnesses differ (1 to 48)');
});
