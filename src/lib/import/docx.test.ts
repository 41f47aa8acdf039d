import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxText } from './docx';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));
/** A .docx holding only a body with these paragraphs (all a reader needs). */
const docx = (body: string) =>
	zipSync({
		'word/document.xml': strToU8(
			'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
				'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
				`<w:body>${body}</w:body></w:document>`
		)
	});
const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};

describe('docxText', () => {
	it('reads the sample document: runs joined, a tab, a line break, paragraphs apart', () => {
		expect(docxText('sample.docx', fixture('sample.docx'))).toEqual({
			text: 'Q.\tWere you at the meeting of 3 May & after?\n\nA.\tI was not.\nЯ не был.',
			warnings: []
		});
	});

	it('keeps the spaces of a run exactly, and drops empty paragraphs', () => {
		const body =
			'<w:p><w:r><w:t xml:space="preserve">  two  spaces </w:t></w:r></w:p>' +
			'<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>' +
			'<w:p><w:r><w:t>End</w:t><w:noBreakHyphen/><w:t>note</w:t></w:r></w:p>';
		expect(docxText('a.docx', docx(body)).text).toBe('  two  spaces \n\nEnd\u2011note');
	});

	it('reads tracked changes as accepted, and says so', () => {
		const body =
			'<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r>' +
			'<w:del w:author="Editor"><w:r><w:delText>sum total</w:delText></w:r></w:del>' +
			'<w:ins w:author="Editor"><w:r><w:t>whole</w:t></w:r></w:ins>' +
			'<w:moveFrom><w:r><w:t> moved</w:t></w:r></w:moveFrom></w:p>';
		expect(docxText('a.docx', docx(body))).toEqual({
			text: 'The whole',
			warnings: [
				'The document has tracked changes: it was read as if they were accepted (deleted ' +
					'text left out, inserted text kept).'
			]
		});
	});

	it('reads a text box once, not its fallback copy too', () => {
		const box = (text: string) =>
			`<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
		const body =
			'<w:p><w:r><mc:AlternateContent>' +
			`<mc:Choice Requires="wps">${box('In a box')}</mc:Choice>` +
			`<mc:Fallback>${box('In a box')}</mc:Fallback>` +
			'</mc:AlternateContent></w:r></w:p>';
		expect(docxText('a.docx', docx(body)).text).toBe('In a box');
	});

	it('refuses a file that is not a zip, a damaged zip, and a zip without a document', () => {
		expect(message(() => docxText('not-a-docx.docx', fixture('not-a-docx.docx')))).toBe(
			'not-a-docx.docx: the file is not a Word document (.docx): it is not a zip archive'
		);
		const cut = fixture('sample.docx').subarray(0, 200);
		expect(message(() => docxText('cut.docx', cut))).toBe(
			'cut.docx: the file is not a Word document (.docx): it is a damaged zip archive ' +
				'(invalid zip data)'
		);
		expect(message(() => docxText('a.docx', zipSync({ 'a.txt': strToU8('a') })))).toBe(
			'a.docx: the file is not a Word document (.docx): the zip archive has no word/document.xml'
		);
	});
});
