import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentXml, repeated, zipOf } from '../../../tests/fixtures/zips';
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
				'(it is cut off before its end)'
		);
		expect(message(() => docxText('a.docx', zipSync({ 'a.txt': strToU8('a') })))).toBe(
			'a.docx: the file is not a Word document (.docx): the zip archive has no word/document.xml'
		);
	});

	// Issue 9: a .docx bomb froze the page for 9 s, and its text came in over the limit.
	it('refuses a document that unpacks to more than the limit for a text, naming its part', () => {
		const paragraph = `<w:p><w:r><w:t>${'All work and no play. '.repeat(1000)}</w:t></w:r></w:p>`;
		const body = { name: 'word/document.xml', ...repeated(paragraph, 1300) };
		expect(message(() => docxText('bomb.docx', zipOf([body])))).toBe(
			'bomb.docx: “word/document.xml” in it is 27.4 MB unpacked; the limit is 25 MB per text'
		);
		expect(message(() => docxText('bomb.docx', zipOf([{ ...body, declared: 5000 }])))).toBe(
			'bomb.docx: “word/document.xml” in it unpacks to more than 25 MB; the limit is 25 MB per text'
		);
	});

	// Issue 9: a document.xml cut off imported part of the text, without a word.
	it('reads a document cut off short, and says where its text stops', () => {
		const xml = documentXml(
			'<w:p><w:r><w:t>First paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>The second is cut'
		);
		const cut = xml.slice(0, xml.indexOf('</w:body>'));
		expect(docxText('cut.docx', zipSync({ 'word/document.xml': strToU8(cut) }))).toEqual({
			text: 'First paragraph.\n\nThe second is cut',
			warnings: [
				'The document is cut off: word/document.xml stops before its end, so only its text up ' +
					'to “…First paragraph. The second is cut” was read. Open it in Word and save it ' +
					'again to read the rest, if Word can.'
			]
		});
	});
});
