// Exporting from the Compare page, where the comparison is the reader's own (issue 9).

import { readFile } from 'node:fs/promises';
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

// Bukharin's words at the trial, in Russian as the decoder's fixtures quote them, and the same
// passage in Paul R. Gregory's English (corpus/bukharin-1938): a translation and its original.
const RUSSIAN =
	'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на скамье ' +
	'подсудимых, ибо такой группы, как таковой, вовсе не было...';
const ENGLISH =
	'I deny most of all the prosecutor’s charge that I belonged to the group sitting on the court ' +
	'bench with me, because such a group never existed!';

const textFile = (name: string, text: string) => ({
	name,
	mimeType: 'text/plain',
	buffer: Buffer.from(text)
});
/** The language field of a text: a box with a list of common tags. */
const languageOf = (page: Page, name: string) =>
	page.getByRole('combobox', { name: `Language of “${name}”` });
const openInto = (page: Page, index: number, file: ReturnType<typeof textFile>) =>
	page.locator('.text-input').nth(index).locator('input[type=file]').setInputFiles(file);

/** Opens the export dialog on the whole text and downloads it in `format`, as text. */
async function exported(page: Page, format: string): Promise<string> {
	const dialog = page.getByRole('dialog', { name: 'Export an excerpt' });
	if (!(await dialog.isVisible())) {
		await page.getByRole('button', { name: 'Export the whole text…' }).click();
	}
	await dialog.getByLabel('Format').selectOption({ label: format });
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('button', { name: /^Download/ }).click()
	]);
	return readFile((await file.path())!, 'utf8');
}

test('a translation: the texts are named after their files, in the languages guessed, of the kind given', async ({
	page
}) => {
	await page.goto('/compare');
	await expect(spokenBox(page)).toBeEnabled();
	// A new comparison assumes no date and no kind.
	await expect(page.getByLabel('Date of the event')).toHaveValue('');
	await expect(page.getByLabel('Kind of comparison')).toHaveValue('');
	await openInto(page, 0, textFile('stenogram-1938.txt', RUSSIAN));
	await openInto(page, 1, textFile('gregory.en.txt', ENGLISH));
	await expect(page.getByLabel('Text of “stenogram-1938”')).toHaveValue(RUSSIAN);
	await expect(page.getByLabel('Text of “gregory.en”')).toHaveValue(ENGLISH);
	await expect(languageOf(page, 'stenogram-1938')).toHaveValue('ru');
	await expect(languageOf(page, 'gregory.en')).toHaveValue('en');
	await page.getByLabel('Kind of comparison').fill('Translation');
	await expect(page.locator('.align-status')).toContainText('Aligned in');

	// The reading view is in the original's language, the translation's words in theirs.
	await expect(page.locator('article.compare-reading')).toHaveAttribute('lang', 'ru');
	await expect(page.locator('.text ins').first()).toHaveAttribute('lang', 'en');
	await expect(page.locator('.text del').first()).not.toHaveAttribute('lang', /./);
	const toolbar = page.getByRole('toolbar', { name: 'Reading controls' });
	await toolbar.getByText('Side by side', { exact: true }).click();
	await expect(page.locator('.text p.side.b').first()).toHaveAttribute('lang', 'en');
	await expect(page.locator('.text p.side.a').first()).not.toHaveAttribute('lang', /./);
	await toolbar.getByText('Marks on', { exact: true }).click();

	const tei = await exported(page, 'TEI XML');
	expect(tei).toContain(
		'<witness xml:id="spoken" xml:lang="ru">stenogram-1938</witness>\n' +
			'\t\t\t\t\t<witness xml:id="published" xml:lang="en">gregory.en</witness>'
	);
	expect(tei).toContain('<title type="sub">Translation: stenogram-1938 against gregory.en</title>');
	expect(tei).toContain('<creation><date>n.d.</date></creation>');
	expect(tei).toContain('<text xml:lang="ru">');
	expect(tei).toContain('<rdg wit="#published" xml:lang="en">I deny most of all');

	const html = await exported(page, 'HTML page');
	expect(html).toContain('<html lang="ru">');
	expect(html).toMatch(/<ins [^>]*lang="en">I deny most of all/);
	expect(html).not.toMatch(/citation_date|DC\.date/);
	expect(html).toContain('<p class="subtitle">Translation: stenogram-1938 against gregory.en</p>');

	const json = JSON.parse(await exported(page, 'JSON'));
	expect(json.witnesses).toEqual({
		base: { id: 'spoken', label: 'stenogram-1938', language: 'ru' },
		target: { id: 'published', label: 'gregory.en', language: 'en' }
	});
	expect(json.case).toMatchObject({ kind: 'Translation', date: '' });
	expect(json.citation.text).toMatch(
		/^“Untitled comparison,” Translation, n\.d\. A private comparison, not published; exported \d+ \w+ \d{4}\./
	);

	const text = await exported(page, 'Plain text');
	expect(text.split('\n').slice(0, 2)).toEqual([
		'Untitled comparison',
		'Translation: stenogram-1938 against gregory.en'
	]);
});

test('a language the reader corrects, a name they typed and a date they gave reach the exports', async ({
	page
}) => {
	await page.goto('/compare');
	await expect(spokenBox(page)).toBeEnabled();
	await page.getByRole('textbox', { name: 'Name' }).first().fill('Transcript');
	await openInto(page, 0, textFile('hearing.txt', 'Ich weiß es nicht, sagte er.'));
	await openInto(page, 1, textFile('record.txt', 'Ich weiß es nicht.'));
	// The typed name stays; the other text takes its file's. German is not guessed: undetermined.
	await expect(page.getByLabel('Text of “Transcript”')).toHaveValue('Ich weiß es nicht, sagte er.');
	const language = languageOf(page, 'Transcript');
	await expect(language).toHaveValue('und');
	await expect(languageOf(page, 'record')).toHaveValue('und');

	// A malformed tag is named, and the exports do not write it.
	await language.fill('German');
	const problem = page.locator('.text-input').first().locator('.error');
	await expect(problem).toHaveText(
		'“German” is not a language tag: write one such as en, ru or pt-BR (und if it is not known).'
	);
	await expect(language).toHaveAttribute('aria-invalid', 'true');
	await expect(language).toHaveAccessibleDescription(
		'“German” is not a language tag: write one such as en, ru or pt-BR (und if it is not known).'
	);
	await expect(page.locator('.align-status')).toContainText('Aligned in');
	expect(await exported(page, 'HTML page')).toContain('<html lang="und">');
	await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

	await language.fill('de');
	await expect(problem).toHaveCount(0);
	await languageOf(page, 'record').fill('de');
	await page.getByLabel('Date of the event').fill('1938-03-12');
	const tei = await exported(page, 'TEI XML');
	expect(tei).toContain('<witness xml:id="spoken">Transcript</witness>');
	expect(tei).toContain('<text xml:lang="de">');
	expect(tei).toContain('<creation><date when="1938-03-12">12 March 1938</date></creation>');
	// No kind given: a Comparison.
	expect(tei).toContain('<title type="sub">Comparison, 12 March 1938: Transcript against record</title>');
	const html = await exported(page, 'HTML page');
	expect(html).toContain('<html lang="de">');
	expect(html).not.toMatch(/ lang="(?!de")/);
	expect(html).toContain('<meta name="citation_date" content="1938-03-12">');
	const markdown = await exported(page, 'Markdown');
	expect(markdown).toMatch(/“Untitled comparison,” Comparison, 12 March 1938\. A private comparison/);
});
