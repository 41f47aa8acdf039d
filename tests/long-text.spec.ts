// A long text on the Compare page (400 KB, drawn in chunks near the screen): what a reader does
// with it works whether or not the part they go to is drawn. The expected figures come from the
// same pipeline, run here on the same generated pair.

import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { editedPair } from '../scripts/bench-data';
import { runsOf, paragraphsIn } from '../src/lib/pipeline/chunks';
import { find } from '../src/lib/pipeline/find';
import { LaidText } from '../src/lib/pipeline/laid';
import { readingData } from '../src/lib/view';
import { workspaceFile } from './workspace-file';

const pair = editedPair('long', 400_000, 0.002, 5);
const laid = new LaidText(
	readingData({ a: { id: 'spoken', label: 'As spoken', text: pair.a }, b: { id: 'published', label: 'As published', text: pair.b } }, [])
		.text,
	{ a: pair.a, b: pair.b }
);

async function openPair(page: Page, texts: { a: string; b: string } = pair) {
	await page.goto('/compare');
	await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	await page.locator('.workspace input[type=file]').setInputFiles(workspaceFile(texts.a, texts.b));
	await expect(page.locator('.align-status')).toContainText('readable', { timeout: 60_000 });
}

test.describe('a long text of paragraphs', () => {
test.beforeEach(async ({ page }) => {
	await openPair(page);
});

test('a long text is drawn in part, and the last change is one key away', async ({ page }) => {
	// The chunks near the screen are drawn; one box of the right height stands for the rest.
	await expect(page.locator('.text .spacer')).toHaveCount(1);
	expect(await page.locator('.text .chunk').count()).toBeLessThan(10);
	expect(await page.locator('.text .row').count()).toBeLessThan(laid.blockCount / 5);
	// "Previous" from no change goes to the last one, far below anything drawn at first.
	await page.keyboard.press('p');
	await expect(page.locator('.changes-nav .position')).toContainText(`Change ${laid.changeCount} of ${laid.changeCount}`);
	const last = laid.change(laid.changeCount - 1).id;
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('data-change', last);
	await expect(focused).toBeInViewport();
	await expect(page).toHaveURL(new RegExp(`#${last}$`));
	// Past the last there is no next; back from it, the one before.
	await page.keyboard.press('n');
	await expect(page.locator(':focus')).toHaveAttribute('data-change', last);
	await page.keyboard.press('p');
	await expect(page.locator(':focus')).toHaveAttribute('data-change', laid.change(laid.changeCount - 2).id);
	await expect(page.locator(':focus')).toBeInViewport();
});

test('find searches the whole text, drawn or not, and marks each match in turn', async ({ page }) => {
	// A word that is rare in the text: its matches are spread over chunks not yet drawn.
	const query = 'court';
	const expected = find(laid, 'marks', query).matches;
	expect(expected.length).toBeGreaterThan(3);
	const box = page.getByRole('searchbox', { name: 'Find in the text' });
	await box.fill(query);
	await expect(page.locator('.find-count')).toHaveText(`${expected.length} matches`);
	await box.press('Enter');
	await expect(page.locator('.find-count')).toHaveText(`1 of ${expected.length}`);
	await box.press('Shift+Enter');
	await expect(page.locator('.find-count')).toHaveText(`${expected.length} of ${expected.length}`);
	// The last match is marked, on screen, and the focus stays in the box for the next search.
	const marked = await page.evaluate(() => {
		const range = [...CSS.highlights.get('find')!][0] as Range;
		const rect = range.getBoundingClientRect();
		return { text: range.toString(), onScreen: rect.top >= 0 && rect.bottom <= innerHeight };
	});
	expect(marked).toEqual({ text: laid.slice(expected.at(-1)!.start, expected.at(-1)!.end), onScreen: true });
	await expect(box).toBeFocused();
	await box.fill('no such words here');
	await expect(page.locator('.find-count')).toHaveText('No matches');
	// Ctrl+F comes to this box on a text the browser's own find cannot see whole.
	await page.locator('.text').click();
	await page.keyboard.press('Control+f');
	await expect(box).toBeFocused();
});

test('changes only folds the unchanged paragraphs, opens a fold, and exports the folds', async ({ page }) => {
	const runs = runsOf(laid, 'marks', 2);
	const firstFold = runs.find((r) => r.folded)!;
	const count = paragraphsIn(laid, firstFold.from, firstFold.to);
	await page.getByLabel('Changes only').check();
	await expect(page).toHaveURL(/[?&]context=2/);
	const fold = page.locator('.fold button').first();
	await expect(fold).toHaveText(`… ${count} unchanged ${count === 1 ? 'paragraph' : 'paragraphs'} …: show ${count === 1 ? 'it' : 'them'}`);
	expect(await page.locator('.text .row').count()).toBeLessThan(laid.blockCount);

	// The export of the changes writes each fold where it stands.
	await page.getByRole('button', { name: 'Export the changes…' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.locator('.what')).toContainText('the changes only with 2 paragraphs around each');
	const download = page.waitForEvent('download');
	await dialog.getByRole('button', { name: 'Download Markdown' }).click();
	const markdown = await readFile(await (await download).path(), 'utf8');
	const folds = runs.filter((r) => r.folded).map((r) => paragraphsIn(laid, r.from, r.to));
	expect(markdown.match(/\*\(… \d+ unchanged paragraphs? left out …\)\*/g)).toEqual(
		folds.map((n) => `*(… ${n} unchanged ${n === 1 ? 'paragraph' : 'paragraphs'} left out …)*`)
	);
	await dialog.getByRole('button', { name: 'Close' }).click();

	// Opening the fold shows its paragraphs where it was.
	await fold.click();
	await expect(page.locator(`.text .row[data-block="${firstFold.from}"]`)).toBeVisible();
	await expect(page.locator(`.fold[data-block="${firstFold.from}"]`)).toHaveCount(0);

	// Fewer paragraphs of context: more folds, in the URL too.
	await page.getByLabel('Paragraphs of context around each change').selectOption('0');
	await expect(page).toHaveURL(/[?&]context=0/);
	const none = runsOf(laid, 'marks', 0).find((r) => r.folded)!;
	await expect(page.locator('.fold').first()).toHaveAttribute('data-block', String(none.from));
	await page.getByLabel('Changes only').uncheck();
	await expect(page).not.toHaveURL(/context=/);
	await expect(page.locator('.fold')).toHaveCount(0);
});

test('a printout of a long text holds the selected paragraph, or says it holds only part', async ({ page }) => {
	// Nothing selected: too long to print whole, the printout says which part it holds.
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.print-only')).toContainText(`of ${laid.blockCount}, the part on screen`);
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await page.emulateMedia({ media: 'screen' });
	await expect(page.locator('.print-only')).toHaveCount(0);

	// A paragraph selected: the printout holds it alone.
	await page.locator('.text .row p').nth(2).click({ clickCount: 3 });
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.text .row')).toHaveCount(1);
	await expect(page.locator('.text .row')).toHaveAttribute('data-block', '2');
	await expect(page.locator('.print-only')).toHaveCount(0);
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await page.emulateMedia({ media: 'screen' });
	expect(await page.locator('.text .row').count()).toBeGreaterThan(1);
});

test('axe finds no serious violations with the folds and the find box', async ({ page }) => {
	await page.getByLabel('Changes only').check();
	await page.getByRole('searchbox', { name: 'Find in the text' }).fill('court');
	const results = await new AxeBuilder({ page }).include('.compare-reading').analyze();
	expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
});

// The same pair without a blank line: one paragraph of 400,000 characters, drawn in pieces.
test('a text that is one long paragraph is drawn in pieces, and every change is reachable', async ({ page }) => {
	const one = { a: pair.a.replaceAll('\n\n', ' '), b: pair.b.replaceAll('\n\n', ' ') };
	const oneLaid = new LaidText(
		readingData({ a: { id: 'spoken', label: 'As spoken', text: one.a }, b: { id: 'published', label: 'As published', text: one.b } }, []).text,
		one
	);
	expect(oneLaid.blockCount).toBe(1);
	await openPair(page, one);
	expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);
	expect(await page.locator('.text .row').count()).toBeLessThan(10);
	await page.keyboard.press('p');
	const last = oneLaid.change(oneLaid.changeCount - 1).id;
	await expect(page.locator(':focus')).toHaveAttribute('data-change', last);
	await expect(page.locator(':focus')).toBeInViewport();
	await expect(page.locator('.changes-nav .position')).toContainText(`Change ${oneLaid.changeCount} of ${oneLaid.changeCount}`);
	// Find reaches the middle of the paragraph.
	const expected = find(oneLaid, 'marks', 'court').matches;
	const box = page.getByRole('searchbox', { name: 'Find in the text' });
	await box.fill('court');
	await expect(page.locator('.find-count')).toHaveText(`${expected.length} matches`);
	for (let k = 0; k <= expected.length / 2; k++) await box.press('Enter');
	const middle = expected[Math.floor(expected.length / 2)];
	const marked = () =>
		page.evaluate(() => {
			const range = [...(CSS.highlights.get('find') ?? [])][0] as Range | undefined;
			const rect = range?.getBoundingClientRect();
			return { text: range?.toString(), onScreen: !!rect && rect.top >= 0 && rect.bottom <= innerHeight };
		});
	await expect.poll(marked).toEqual({ text: oneLaid.slice(middle.start, middle.end), onScreen: true });
});
