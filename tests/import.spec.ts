// Hostile files on the Compare page (issue 9): zip and .docx bombs, a text over the limit packed
// small, a document cut off. Each is built here, not stored.

import { expect, test, type Page } from '@playwright/test';
import { deflated, documentXml, repeated, zipOf } from './fixtures/zips';

const spokenBox = (page: Page) => page.getByLabel('Text of “As spoken”');
const firstInput = (page: Page) => page.locator('.text-input').first();
const file = (name: string, bytes: Uint8Array) => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: Buffer.from(bytes)
});

test.beforeEach(async ({ page }) => {
	await page.goto('/compare');
	await expect(spokenBox(page)).toBeEnabled();
});

test('a .docx bomb is stopped at the limit, off the main thread, and the text is kept', async ({
	page
}) => {
	await spokenBox(page).fill('My own words.');
	const paragraph = `<w:p><w:r><w:t>${'All work and no play. '.repeat(1000)}</w:t></w:r></w:p>`;
	// About 110 MB of XML in half a megabyte, declaring 5 kB.
	const body = { name: 'word/document.xml', ...repeated(paragraph, 5000), declared: 5000 };
	// Inflated in a worker of its own: the page never stops answering (it froze for 9 s).
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	await firstInput(page).locator('input[type=file]').setInputFiles(file('bomb.docx', zipOf([body])));
	await expect(firstInput(page).getByRole('alert')).toHaveText(
		'bomb.docx: “word/document.xml” in it unpacks to more than 25 MB; the limit is 25 MB per text'
	);
	await expect(spokenBox(page)).toHaveValue('My own words.');
	expect(workers.filter((url) => /\/import\.worker[^/]*\.js$/.test(url))).toHaveLength(1);
});

test('a zipped case with a text over the limit packed small is refused, naming the file', async ({
	page
}) => {
	await spokenBox(page).fill('Still here.');
	const big = { name: 'bomb/spoken.txt', ...repeated('I admit my guilt. '.repeat(1000), 2500) };
	const zip = zipOf([deflated('bomb/case.txt', 'title: A bomb\n'), big]);
	await page.locator('.workspace input[type=file]').setInputFiles(file('bomb.zip', zip));
	await expect(page.locator('.workspace-message')).toHaveText(
		'Could not import bomb.zip: This zip cannot be imported: “bomb/spoken.txt” in it is 43.0 MB ' +
			'unpacked; the limit is 25 MB per file. Your workspace is unchanged.'
	);
	await expect(spokenBox(page)).toHaveValue('Still here.');
});

test('a Word document cut off short is read, with a warning saying where it stops', async ({
	page
}) => {
	const xml = documentXml('<w:p><w:r><w:t>First paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>Cut');
	const cut = xml.slice(0, xml.indexOf('</w:body>'));
	const docx = zipOf([deflated('word/document.xml', cut)]);
	await firstInput(page).locator('input[type=file]').setInputFiles(file('cut.docx', docx));
	// Named after its file.
	await expect(page.getByLabel('Text of “cut”')).toHaveValue('First paragraph.\n\nCut');
	await expect(firstInput(page).getByRole('alert')).toHaveText(
		'The document is cut off: word/document.xml stops before its end, so only its text up to ' +
			'“…First paragraph. Cut” was read. Open it in Word and save it again to read the rest, ' +
			'if Word can.'
	);
});

test('right-to-left controls in a name or a file name reorder nothing around them', async ({
	page
}) => {
	const name = page.locator('.text-input').first().getByLabel('Name');
	await name.fill('Copy \u202eA');
	// The label reads "Text of “Copy A”" with the name isolated: its closing quote stays last.
	const label = firstInput(page).locator('label span', { hasText: 'Text of' });
	const last = await label.evaluate((element) => {
		let rightmost = { right: -Infinity, char: '' };
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.parentElement!.closest('textarea')) continue;
			for (let i = 0; i < node.textContent!.length; i++) {
				const range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const box = range.getBoundingClientRect();
				if (box.width > 0 && box.right > rightmost.right) {
					rightmost = { right: box.right, char: node.textContent![i] };
				}
			}
		}
		return rightmost.char;
	});
	expect(last).toBe('”');
	const box = await label.locator('bdi').boundingBox();
	const quote = await label.boundingBox();
	// One line: the name stands between the quotes, not on a line of its own.
	expect(box!.y).toBeLessThan(quote!.y + 5);
	// A file name shows its controls, so that "invoice\u202Etxt.exe" does not pass for a text.
	await firstInput(page).locator('input[type=file]').setInputFiles({
		name: 'invoice\u202etxt.exe',
		mimeType: 'text/plain',
		buffer: Buffer.alloc(0)
	});
	await expect(firstInput(page).getByRole('alert')).toHaveText(
		'invoice[U+202E]txt.exe: the file is empty'
	);
});
