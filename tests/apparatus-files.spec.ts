import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { apparatusHtml } from '../src/lib/export/apparatus/html';
import { hostileExcerpt, uponExcerpt } from '../src/lib/test/apparatus-fixture';

// A hand-written TEI edition in parallel segmentation, three witnesses (made up for the test).
const EDITION = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>In principio</title></titleStmt>
      <sourceDesc>
        <listWit>
          <witness xml:id="A">Codex A</witness>
          <witness xml:id="B">Codex B</witness>
          <witness xml:id="C">Codex C</witness>
        </listWit>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text xml:lang="la">
    <body>
      <p>In <app><lem wit="#A #C">principio</lem><rdg wit="#B">initio</rdg></app> erat
        verbum<app><lem/><rdg wit="#C">, et verbum</rdg></app>.</p>
    </body>
  </text>
</TEI>
`;

const input = (page: Page, index: number) => page.locator('.text-input').nth(index);
const open = (page: Page, index: number, name: string, xml: string) =>
	input(page, index).locator('input[type=file]').setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml) });

test.describe('the Compare page', () => {
	test.beforeEach(async ({ page }) => {
		await page.goto('/compare');
		await expect(page.getByLabel('Text of “As spoken”')).toBeEnabled();
	});

	test('a TEI apparatus gives every witness as a text of its own, read all at once or two at a time', async ({ page }) => {
		await page.getByLabel('Text of “As published”').fill('My own words.');
		await open(page, 1, 'edition.tei.xml', EDITION);
		await expect(page.getByLabel('Text of “Codex A”')).toHaveValue('In principio erat verbum.');
		await expect(page.getByLabel('Text of “Codex B”')).toHaveValue('In initio erat verbum.');
		await expect(page.getByLabel('Text of “Codex C”')).toHaveValue('In principio erat verbum, et verbum.');
		await expect(page.locator('.text-input')).toHaveCount(3);
		// Three texts: the apparatus of all of them, as the edition has it.
		await expect(page.locator('.align-status')).toContainText('Collated 3 texts in');
		await expect(page.locator('.entries > ol > li .readings')).toHaveText([
			'principio: Codex A, Codex Cinitio: Codex B',
			// The aligner matches A's "verbum" to C's last, so C adds "verbum, et" before it (the
			// same text as ", et verbum" after it).
			'omitted: Codex A, Codex Bverbum, et: Codex C'
		]);
		await page.getByRole('button', { name: 'Two at a time' }).click();
		await expect(page.locator('.align-status')).toContainText('Aligned in');
		await expect(page.locator('.text del')).toHaveText(['principio']);
		await expect(page.locator('.text ins')).toHaveText(['initio']);
	});

	test('a TEI apparatus that is not well-formed is refused with its line, and the texts stay', async ({ page }) => {
		await page.getByLabel('Text of “As spoken”').fill('My own words.');
		await open(page, 0, 'broken.tei.xml', EDITION.replace('initio</rdg>', 'initio</lem>'));
		await expect(input(page, 0).getByRole('alert')).toHaveText(
			'broken.tei.xml:17: the XML is not well-formed: </lem> closes <rdg>, opened on line 17'
		);
		await expect(page.getByLabel('Text of “As spoken”')).toHaveValue('My own words.');
		await expect(page.locator('.text-input')).toHaveCount(2);
	});
});

test('the apparatus exported as HTML reads as a page: marks and entries linked both ways, axe clean', async ({ page }) => {
	await page.setContent(apparatusHtml(uponExcerpt()));
	await page.getByRole('link', { name: 'Variant 2', exact: true }).click();
	await expect(page.locator('#v-2')).toHaveText('upon Nicolay, Hay, Everett] on Bancroft, Bliss ↩');
	await page.getByRole('link', { name: 'Back to variant 2 in the text' }).click();
	await expect(page).toHaveURL(/#v-2-ref$/);
	await page.getByRole('link', { name: 'Note n1: “Upon” & “on”' }).click();
	await expect(page).toHaveURL(/#note-upon$/);
	for (const html of [apparatusHtml(uponExcerpt()), apparatusHtml(hostileExcerpt())]) {
		await page.setContent(html);
		expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
	}
});
