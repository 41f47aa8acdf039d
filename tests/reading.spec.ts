import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Opens a page and waits until it answers to keys and clicks (it reads without JavaScript too). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await expect(page.getByRole('button', { name: 'Next change →' })).toBeEnabled();
}

const bukharin = '/cases/bukharin-1938';
const struckDenial = 'such a group never existed!';
const struckResponsibility = 'I accept responsibility even for those crimes';

/** Fails the test on any console error or uncaught exception on the page. */
function watchConsole(page: Page) {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

async function chooseMode(page: Page, label: string) {
	await page.getByRole('radio', { name: label }).check();
}

test('the home page lists both cases with their suppression figures', async ({ page }) => {
	const errors = watchConsole(page);
	await page.goto('/');
	const cases = page.locator('.cases article');
	await expect(cases).toHaveCount(2);
	const titles = await page.locator('.cases h2').allTextContents();
	expect(titles.map((t) => t.trim())).toEqual([
		'The Gettysburg Address: five manuscript copies',
		'Bukharin’s final statement, 12 March 1938'
	]);
	await expect(cases.nth(1)).toContainText('12 March 1938');
	await expect(cases.nth(1)).toContainText('of the words of “As spoken” are struck in “As published” (50 of');
	expect(errors).toEqual([]);
});

test('the Bukharin page shows the denial struck through, in a <del>', async ({ page }) => {
	const errors = watchConsole(page);
	await open(page, bukharin);
	const denial = page.locator('del', { hasText: struckDenial });
	await expect(denial).toBeVisible();
	await expect(denial).toHaveCSS('text-decoration-line', 'line-through');
	await expect(page.locator('del', { hasText: struckResponsibility })).toBeVisible();
	// Kept passages are plain text, not marked.
	await expect(page.locator('.text')).toContainText('This I admit.');
	await expect(page.locator('del', { hasText: 'This I admit.' })).toHaveCount(0);
	// The editorial bracket is Gregory's, shown as editorial matter.
	await expect(page.locator('.editorial', { hasText: '[non-existent]' })).toBeVisible();
	// Gaps are structure, not struck text.
	await expect(page.locator('.gap').first()).toBeVisible();
	await expect(page.locator('del .gap, ins .gap')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('the header gives the figures: words struck, added, share suppressed', async ({ page }) => {
	await open(page, bukharin);
	const figures = page.locator('.figures');
	await expect(figures.locator('div').nth(0)).toHaveText(/Words struck\s*50/);
	await expect(figures.locator('div').nth(1)).toHaveText(/Words added\s*0/);
});

test('"As published" hides the struck passages, and survives a reload', async ({ page }) => {
	await open(page, bukharin);
	await chooseMode(page, 'As published');
	await expect(page).toHaveURL(/\?mode=target/);
	await expect(page.getByText(struckDenial)).toBeHidden();
	await expect(page.getByText('This I admit.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('radio', { name: 'As published' })).toBeChecked();
	await expect(page.getByText(struckDenial)).toBeHidden();
});

test('"As spoken" shows the struck passages as plain text, unmarked', async ({ page }) => {
	await open(page, bukharin);
	await chooseMode(page, 'As spoken');
	await expect(page).toHaveURL(/\?mode=base/);
	const denial = page.locator('del', { hasText: struckDenial });
	await expect(denial).toBeVisible();
	await expect(denial).toHaveCSS('text-decoration-line', 'none');
	await chooseMode(page, 'Marks on');
	await expect(page).not.toHaveURL(/mode=/);
	await expect(denial).toHaveCSS('text-decoration-line', 'line-through');
});

// Links cited before the clean modes were named for their side say `spoken` and `published`.
test('a link with a mode’s former name opens that mode, and the address then names it anew', async ({ page }) => {
	await open(page, `${bukharin}?mode=published`);
	await expect(page.getByRole('radio', { name: 'As published' })).toBeChecked();
	await expect(page.getByRole('radio', { checked: true })).toHaveCount(1);
	await expect(page.getByText(struckDenial)).toBeHidden();
	await expect(page.getByText(struckResponsibility)).toBeHidden();
	await expect(page.getByText('This I admit.')).toBeVisible();
	await expect(page).toHaveURL(/\/cases\/bukharin-1938\?mode=target$/);
	await chooseMode(page, 'As spoken');
	await expect(page).toHaveURL(/\/cases\/bukharin-1938\?mode=base$/);
	await expect(page.locator('del', { hasText: struckDenial })).toHaveCSS('text-decoration-line', 'none');

	await open(page, `${bukharin}?mode=spoken`);
	await expect(page.getByRole('radio', { name: 'As spoken' })).toBeChecked();
	await expect(page.locator('del', { hasText: struckDenial })).toBeVisible();
	await expect(page).toHaveURL(/\/cases\/bukharin-1938\?mode=base$/);
});

test('side by side puts the struck passage in the base column only', async ({ page }) => {
	await open(page, `${bukharin}?mode=side`);
	await expect(page.getByRole('radio', { name: 'Side by side' })).toBeChecked();
	const left = page.locator('p.side.a');
	const right = page.locator('p.side.b');
	await expect(left.filter({ hasText: struckDenial })).toHaveCount(1);
	await expect(right.filter({ hasText: struckDenial })).toHaveCount(0);
	// Paragraphs are aligned in rows: the last passage sits in one row on both sides.
	const row = page.locator('.row', { hasText: 'Comrade Chairman' });
	await expect(row.locator('p.side')).toHaveCount(2);
	const [a, b] = await row.locator('p.side').evaluateAll((ps) => ps.map((p) => p.getBoundingClientRect().top));
	expect(a).toBe(b);
});

test('next and previous change move the focus and the highlight, by key and by button', async ({ page }) => {
	await open(page, bukharin);
	const position = page.locator('.position');
	await expect(position).toHaveText('2 changes');
	await page.keyboard.press('n');
	await expect(position).toContainText('Change 1 of 2');
	const first = page.locator(':focus');
	await expect(first).toHaveClass(/current/);
	await expect(first).toContainText(struckResponsibility);
	await page.keyboard.press('n');
	await expect(position).toContainText('Change 2 of 2');
	await expect(page.locator(':focus')).toContainText(struckDenial);
	await expect(page.locator('.current')).not.toContainText(struckResponsibility);
	await page.getByRole('button', { name: '← Previous change' }).click();
	await expect(position).toContainText('Change 1 of 2');
	await expect(page.locator('.current').first()).toContainText(struckResponsibility);
	// The change is in the URL, so it can be shared and reopened.
	const id = await page.locator('.current').first().getAttribute('data-change');
	expect(page.url()).toContain(`#${id}`);
});

test('a note marker links to its note, and the note links back', async ({ page }) => {
	await open(page, bukharin);
	const marker = page.locator('a.note-ref').first();
	const href = await marker.getAttribute('href');
	expect(href).toMatch(/^#note-/);
	await marker.click();
	const note = page.locator(href!);
	await expect(note).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`${href}$`));
	await note.getByRole('link', { name: /Back to the text/ }).click();
	await expect(page).toHaveURL(/#ref-/);
	await expect(page.locator('a.note-ref').first()).toBeInViewport();
});

test('notes are reachable by keyboard from the text', async ({ page }) => {
	await open(page, bukharin);
	const marker = page.locator('a.note-ref').first();
	await marker.focus();
	await page.keyboard.press('Enter');
	const href = await marker.getAttribute('href');
	await expect(page).toHaveURL(new RegExp(`${href}$`));
});

for (const mode of ['marks', 'base', 'target', 'side']) {
	test(`axe finds no serious or critical violations (${mode})`, async ({ page }) => {
		await open(page, mode === 'marks' ? bukharin : `${bukharin}?mode=${mode}`);
		await expect(page.getByRole('radio', { name: 'Side by side' })).toBeEnabled();
		const results = await new AxeBuilder({ page }).analyze();
		const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}

test('axe finds no serious or critical violations on the home page', async ({ page }) => {
	await page.goto('/');
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the prerendered page reads, with the marks and the modes', async ({ page }) => {
		await page.goto(bukharin);
		await expect(page.locator('del', { hasText: struckDenial })).toBeVisible();
		// The mode's label in the toolbar (the legend names the witness too, each name isolated).
		const toolbar = page.getByRole('toolbar', { name: 'Reading controls' });
		await toolbar.getByText('As published', { exact: true }).click();
		await expect(page.getByText(struckDenial)).toBeHidden();
	});

	test('the base alone shows the struck passages unmarked, and marks on marks them again', async ({ page }) => {
		await page.goto(bukharin);
		const toolbar = page.getByRole('toolbar', { name: 'Reading controls' });
		const denial = page.locator('del', { hasText: struckDenial });
		await toolbar.getByText('As spoken', { exact: true }).click();
		await expect(denial).toBeVisible();
		await expect(denial).toHaveCSS('text-decoration-line', 'none');
		await toolbar.getByText('Marks on', { exact: true }).click();
		await expect(denial).toHaveCSS('text-decoration-line', 'line-through');
	});
});

test('the Gettysburg case compares the Nicolay draft with the Bliss copy', async ({ page }) => {
	const errors = watchConsole(page);
	await open(page, '/cases/gettysburg');
	await expect(page.locator('.kind').first()).toHaveText('Draft-to-final revision history');
	await expect(page.locator('ins', { hasText: 'under God' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('any two of the five Gettysburg copies can be compared, each pair at its own address', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	await page.getByLabel('Compare').selectOption({ label: 'Hay copy (second draft)' });
	await page.getByRole('button', { name: 'Show this pair' }).click();
	await expect(page).toHaveURL(/\/cases\/gettysburg\/hay\/bliss$/);
	await expect(page.getByRole('radio', { name: 'Hay copy (second draft)' })).toBeVisible();
	await expect(page).toHaveTitle('The Gettysburg Address: five manuscript copies: Hay copy (second draft) and Bliss copy (final) · Pencilmarks');
	// A note on the Bliss wording is placed; one on the Nicolay draft's wording cannot be, and says why.
	await expect(page.locator('.text .note', { hasText: 'under God' })).toBeVisible();
	await expect(page.locator('.stray-notes .note').first()).toContainText(
		'is in neither text of this comparison'
	);
	await expect(page.locator('ins', { hasText: 'under God' })).toBeVisible();
	// The way back: the default pair lives at the case's own address.
	await page.getByLabel('Compare').selectOption({ label: 'Nicolay copy (first draft)' });
	await page.getByRole('button', { name: 'Show this pair' }).click();
	await expect(page).toHaveURL(/\/cases\/gettysburg$/);
});

test('struck and added text are announced as such, not by colour alone', async ({ page }) => {
	await open(page, '/cases/gettysburg');
	const before = (selector: string) =>
		page.locator(selector).first().evaluate((el) => getComputedStyle(el, '::before').content);
	expect(await before('del')).toBe('" [struck: "');
	expect(await before('ins')).toBe('" [added: "');
	await expect(page.locator('ins').first()).toHaveCSS('text-decoration-line', 'underline');
});

test.describe('on a narrow screen', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('a note follows its paragraph instead of standing in a margin', async ({ page }) => {
		await open(page, bukharin);
		const row = page.locator('.row', { has: page.locator('del', { hasText: struckDenial }) });
		const text = await row.locator(':scope > p').boundingBox();
		const note = await row.locator('.margin').boundingBox();
		expect(note!.y).toBeGreaterThanOrEqual(text!.y + text!.height);
		expect(note!.x).toBeLessThan(text!.x + 40);
	});
});

test('on a wide screen a note stands in the margin beside its passage', async ({ page }) => {
	await open(page, bukharin);
	const row = page.locator('.row', { has: page.locator('del', { hasText: struckResponsibility }) });
	const text = await row.locator(':scope > p').boundingBox();
	const note = await row.locator('.margin').boundingBox();
	expect(note!.x).toBeGreaterThan(text!.x + text!.width);
	expect(Math.abs(note!.y - text!.y)).toBeLessThan(5);
});
