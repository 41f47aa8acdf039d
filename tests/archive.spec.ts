// Archive-scale pairs on the Compare page, measured as a reader meets them: two generated texts of
// 4 MB (and of 20 MB) dropped one after the other. The test prints the figures the README reports
// (time to a readable page, the longest main-thread task, elements, heap, next change and mode
// switch) and checks what must hold on any machine: the page holds a bounded number of elements,
// every change is reachable, and the reader's place and the text are right.

import { expect, test, type Page } from '@playwright/test';
import { editedPair } from '../scripts/bench-data';

/** Marks the moment a file is chosen, and keeps every long main-thread task, from the start. */
async function instrument(page: Page) {
	await page.addInitScript(() => {
		const tasks: { start: number; duration: number }[] = [];
		(window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
		document.addEventListener('change', (event) => {
			if ((event.target as HTMLInputElement).type === 'file') performance.mark('pencilmarks:drop');
		}, true);
	});
}

/** The longest task since `from` (ms on the page's clock). */
const longestSince = (page: Page, from: number) =>
	page.evaluate(
		(from) =>
			Math.max(
				0,
				...(window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
					.filter((t) => t.start >= from)
					.map((t) => t.duration)
			),
		from
	);

async function heapMB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('Performance.enable');
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1e6;
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

/** Drops the pair and measures the page until it is readable, then as the reader works. */
async function measure(page: Page, size: number, seed: number) {
	const pair = editedPair('archive', size, 0.2, seed);
	await page.goto('/compare');
	await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	const inputs = page.locator('.text-input input[type=file]');
	await inputs.nth(0).setInputFiles(file('spoken.txt', pair.a));
	await expect(page.locator('.text-input').first()).toContainText('From spoken.txt');
	await inputs.nth(1).setInputFiles(file('published.txt', pair.b));
	await expect(page.locator('.align-status')).toContainText('readable', { timeout: 120_000 });

	const loading = await page.evaluate(() => {
		const at = (name: string) => performance.getEntriesByName(name).at(-1)!.startTime;
		return { drop: at('pencilmarks:drop'), readable: at('pencilmarks:readable') };
	});
	const longestLoading = await longestSince(page, loading.drop);
	const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
	const heap = await heapMB(page);

	// The reader works: next change five times, three mode switches, changes only, find.
	const before = await page.evaluate(() => performance.now());
	const work = await page.evaluate(async () => {
		const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
		const until = async (done: () => boolean) => {
			for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => requestAnimationFrame(r));
		};
		const next = document.querySelector<HTMLButtonElement>('.changes-nav button:last-of-type')!;
		const steps: number[] = [];
		for (let k = 0; k < 5; k++) {
			const was = document.activeElement;
			const start = performance.now();
			next.click();
			await until(() => document.activeElement !== was && document.activeElement?.hasAttribute('data-change') === true);
			await frame();
			steps.push(performance.now() - start);
		}
		// Let a smooth scroll end before looking where the change is.
		for (let i = 0, y = -1; i < 300 && scrollY !== y; i++) {
			y = scrollY;
			await frame();
		}
		const focused = document.activeElement!.getBoundingClientRect();
		const onScreen = focused.top >= 0 && focused.bottom <= innerHeight;
		const radio = (mode: string) => document.querySelector<HTMLInputElement>(`input[value="${mode}"]`)!;
		const switchTo = async (mode: string) => {
			const start = performance.now();
			radio(mode).click();
			await frame();
			return performance.now() - start;
		};
		const modes = {
			target: await switchTo('target'),
			side: await switchTo('side'),
			marks: await switchTo('marks')
		};
		let start = performance.now();
		document.querySelector<HTMLInputElement>('.changes-only input')!.click();
		await frame();
		const changesOnly = performance.now() - start;
		const folds = document.querySelectorAll('.fold').length;
		const box = document.querySelector<HTMLInputElement>('.find input')!;
		start = performance.now();
		box.value = 'the court';
		box.dispatchEvent(new Event('input', { bubbles: true }));
		await until(() => /match/.test(document.querySelector('.find-count')!.textContent ?? ''));
		const find = performance.now() - start;
		return { steps, onScreen, modes, changesOnly, folds, find, elements: document.getElementsByTagName('*').length };
	});
	const longestWorking = await longestSince(page, before);
	const changes = await page.locator('.figures div').filter({ hasText: 'Changes' }).locator('dd').textContent();
	return { pair, loading, longestLoading, elements, heap, work, longestWorking, changes: Number(changes) };
}

function report(label: string, size: number, m: Awaited<ReturnType<typeof measure>>): string {
	const ms = (n: number) => `${Math.round(n)} ms`;
	const mb = (text: string) => `${(text.length / 1e6).toFixed(1)} MB`;
	return (
		`${label} (${mb(m.pair.a)} + ${mb(m.pair.b)}, ${m.changes} changes): readable ${ms(m.loading.readable - m.loading.drop)} after the second file was chosen; ` +
		`longest main-thread task ${ms(m.longestLoading)} while loading, ${ms(m.longestWorking)} while reading; ` +
		`${m.elements} elements (${m.work.elements} after the reader's work); JS heap ${m.heap.toFixed(0)} MB (${(m.heap / ((m.pair.a.length + m.pair.b.length) / 1e6)).toFixed(1)}x the texts); ` +
		`next change ${m.work.steps.map(Math.round).join(', ')} ms; switch to the target alone ${ms(m.work.modes.target)}, side by side ${ms(m.work.modes.side)}, marks ${ms(m.work.modes.marks)}; ` +
		`changes only ${ms(m.work.changesOnly)} (${m.work.folds} folds drawn); find ${ms(m.work.find)}`
	);
}

test.describe.configure({ mode: 'serial' });
// A trace takes snapshots of the page on its main thread at every step: it would be measured too.
test.use({ trace: 'off' });

test('a 4 MB pair is readable in seconds and stays responsive (figures reported)', async ({ page }) => {
	test.setTimeout(240_000);
	await instrument(page);
	const m = await measure(page, 4_000_000, 8);
	const line = report('4 MB pair', 4_000_000, m);
	test.info().annotations.push({ type: 'performance', description: line });
	console.log(line);
	expect(m.elements).toBeLessThan(50_000);
	expect(m.work.elements).toBeLessThan(50_000);
	// Five presses of "next change" land on the first five changes, each on screen.
	await expect(page.locator('.changes-nav .position')).toContainText(`Change 5 of ${m.changes}`);
	expect(m.work.onScreen).toBe(true);

	// A note on a passage: the texts are not aligned again, only the note placed.
	await page.evaluate(() => {
		const seen: string[] = [];
		(window as unknown as { stages: string[] }).stages = seen;
		const status = document.querySelector('.align-status')!;
		new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
	});
	await page.locator('.text .row p').first().click({ clickCount: 3 });
	await page.getByRole('button', { name: 'Add a note on the selection…' }).click();
	await page.getByRole('dialog').getByLabel('Title').fill('On the first paragraph');
	const noted = await page.evaluate(() => performance.now());
	await page.getByRole('dialog').getByRole('button', { name: 'Save note' }).click();
	await expect(page.locator('.text .note', { hasText: 'On the first paragraph' })).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('.align-status')).toContainText('readable');
	const placed = await page.evaluate(
		(noted) => ({
			ms: performance.getEntriesByName('pencilmarks:readable').at(-1)!.startTime - noted,
			stages: (window as unknown as { stages: string[] }).stages.join(' | ')
		}),
		noted
	);
	const note = `4 MB pair: a note placed and the text drawn again ${Math.round(placed.ms)} ms after it was saved`;
	test.info().annotations.push({ type: 'performance', description: note });
	console.log(note);
	expect(placed.stages).not.toContain('Aligning the texts');
	await reload(page, '4 MB pair');
	// The changes-only view was in the URL, and comes back with the page.
	await expect(page.locator('.changes-only input')).toBeChecked();
});

/** Reloads the page: the workspace is read back and aligned again, and drawn, without a long freeze. */
async function reload(page: Page, label: string) {
	await page.reload();
	await expect(page.locator('.align-status')).toContainText('readable', { timeout: 120_000 });
	const readable = await page.evaluate(() => performance.getEntriesByName('pencilmarks:readable').at(-1)!.startTime);
	const longest = await longestSince(page, 0);
	const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
	const line = `${label} after a reload: readable ${Math.round(readable)} ms after the page began to load; longest main-thread task ${Math.round(longest)} ms; ${elements} elements`;
	test.info().annotations.push({ type: 'performance', description: line });
	console.log(line);
	expect(elements).toBeLessThan(50_000);
}

test('a 20 MB pair is readable and stays responsive (figures reported)', async ({ page }) => {
	test.setTimeout(300_000);
	await instrument(page);
	const m = await measure(page, 20_000_000, 9);
	const line = report('20 MB pair', 20_000_000, m);
	test.info().annotations.push({ type: 'performance', description: line });
	console.log(line);
	expect(m.elements).toBeLessThan(50_000);
	expect(m.work.elements).toBeLessThan(50_000);
	expect(m.work.onScreen).toBe(true);
	await reload(page, '20 MB pair');
});
