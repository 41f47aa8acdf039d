import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixture as excerpt } from '../test/excerpt-fixture';
import { HOSTILE, hostileExcerpt } from '../test/apparatus-fixture';
import { apparatusJsonText } from '../export/apparatus/json';
import { apparatusTei } from '../export/apparatus/tei';
import { toJson } from '../export/json';
import { extractText, sameText, type ImportResult } from './index';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};
const ascii = {
	encoding: 'utf-8',
	confidence: 'certain',
	reason: 'plain ASCII, which reads the same in every encoding offered'
} as const;

const RUSSIAN =
	'Я опровергаю прежде всего свой якобы факт принадлежности к группе, сидящей на скамье ' +
	'подсудимых, ибо такой группы, как таковой, вовсе не было...\n\n' +
	'Это проверочный абзац, придуманный для тестов кодировки. Ёлка, щётка, подъезд и объём ' +
	'стоят здесь ради редких букв.\n';

describe('extractText', () => {
	it('reads plain text as decoded, unchanged', () => {
		expect(extractText('russian-koi8r.txt', fixture('russian-koi8r.txt'))).toEqual({
			text: RUSSIAN,
			format: 'text',
			encoding: 'koi8-r',
			confidence: 'likely',
			reason:
				'not UTF-8 (byte 0xF1 at offset 0); reads as Russian in KOI8-R ' +
				'(“Я опровергаю прежде”), not in Windows-1251 (“с ПРТПЧЕТЗБА РТЕЦДЕ”)',
			warnings: []
		} satisfies ImportResult);
		expect(extractText('utf16be-bom.txt', fixture('utf16be-bom.txt'))).toEqual({
			text: RUSSIAN,
			format: 'text',
			encoding: 'utf-16be',
			confidence: 'bom',
			reason: 'the file starts with the UTF-16BE byte order mark',
			warnings: []
		});
	});

	it('keeps CRLF line endings and Markdown as written', () => {
		expect(extractText('a.txt', utf8('One\r\n\r\nTwo\r\n'))).toEqual({
			text: 'One\r\n\r\nTwo\r\n',
			format: 'text',
			...ascii,
			warnings: []
		});
		expect(extractText('notes.md', utf8('# Title\n\n*Struck* <b>x</b>\n'))).toEqual({
			text: '# Title\n\n*Struck* <b>x</b>\n',
			format: 'markdown',
			...ascii,
			warnings: []
		});
	});

	it('decodes with the encoding the user chose', () => {
		const result = extractText('russian-koi8r.txt', fixture('russian-koi8r.txt'), {
			encoding: 'windows-1251'
		});
		expect([result.text.split(' ')[0], result.encoding, result.reason]).toEqual([
			'с',
			'windows-1251',
			'chosen by hand'
		]);
	});

	it('reads the HTML, TEI and Word samples', () => {
		expect(extractText('sample.html', fixture('sample.html'))).toMatchObject({
			format: 'html',
			...ascii,
			warnings: []
		});
		expect(extractText('sample.html', fixture('sample.html')).text.split('\n\n')[1]).toBe(
			'The chair opened the session & read the agenda\u00a0aloud.'
		);
		expect(extractText('sample.tei.xml', fixture('sample.tei.xml'))).toMatchObject({
			format: 'tei',
			...ascii,
			warnings: []
		});
		expect(extractText('sample.tei.xml', fixture('sample.tei.xml')).text.split('\n\n')[4]).toBe(
			'{gap}'
		);
		expect(extractText('sample.docx', fixture('sample.docx'))).toEqual({
			text: 'Q.\tWere you at the meeting of 3 May & after?\n\nA.\tI was not.\nЯ не был.',
			format: 'docx',
			warnings: []
		});
	});

	it('reads both texts of an excerpt export, the base as the text, and names the other', () => {
		const spoken =
			'The accused Bukharin pleads guilty to the sum total of the\ncrimes.\n\n{gap}\n\n' +
			'I was never in the [non-existent] bloc.\n\nI ask the court for mercy.';
		expect(extractText('excerpt.json', utf8(toJson(excerpt)))).toEqual({
			text: spoken,
			format: 'json',
			encoding: 'utf-8',
			confidence: 'certain',
			reason: 'valid UTF-8, with 12 characters beyond ASCII',
			warnings: ['The excerpt holds two texts: this is “As spoken”; the other is “As published”.'],
			texts: [
				{ label: 'As spoken', text: spoken, language: 'en' },
				{
					label: 'As published',
					text:
						'The accused pleads guilty to all of the\ncrimes.\n\n{gap}\n\n' +
						'I was never in the [non-existent] bloc abroad.',
					language: 'en'
				}
			]
		});
	});

	it('reads every text of an apparatus, exported as TEI or as JSON, the first as the text', () => {
		const texts = [
			{ label: 'Copy <1>', text: HOSTILE.a, language: 'en' },
			{ label: 'Print & "proof"', text: HOSTILE.b, language: 'en' },
			{ label: '1st copy', text: HOSTILE.c, language: 'ru' }
		];
		const tei = extractText('hostile-apparatus.tei.xml', utf8(apparatusTei(hostileExcerpt())));
		expect(tei).toMatchObject({ text: HOSTILE.a, format: 'tei', texts, warnings: [] });
		const json = extractText('hostile-apparatus.json', utf8(apparatusJsonText(hostileExcerpt())));
		expect(json).toMatchObject({
			text: HOSTILE.a,
			format: 'json',
			texts,
			warnings: ['The excerpt holds 3 texts: this is “Copy <1>”; the others are “Print & "proof"” and “1st copy”.']
		});
		// Without a name that says so, each is told from its content.
		expect(extractText('apparatus', utf8(apparatusTei(hostileExcerpt()))).texts).toEqual(texts);
		expect(extractText('apparatus', utf8(apparatusJsonText(hostileExcerpt()))).texts).toEqual(texts);
	});

	it('refuses a TEI apparatus that is not well-formed, naming the line', () => {
		const tei = apparatusTei(hostileExcerpt()).replace('</listWit>', '</listwit>');
		expect(message(() => extractText('broken.tei.xml', utf8(tei)))).toBe(
			'broken.tei.xml:17: the XML is not well-formed: </listwit> closes <listWit>, opened on line 13'
		);
	});

	it('tells the format from the content when the name has no extension', () => {
		const format = (name: string, text: string | Uint8Array) =>
			extractText(name, typeof text === 'string' ? utf8(text) : text).format;
		expect(format('page', '  <!doctype html><p>Hi</p>')).toBe('html');
		expect(format('page', '<svg><text>Hi</text></svg>')).toBe('html');
		expect(format('edition', '<?xml version="1.0"?><TEI><text><p>Hi</p></text></TEI>')).toBe('tei');
		expect(format('edition', '<TEI><text><p>Hi</p></text></TEI>')).toBe('tei');
		expect(format('page', '<?xml version="1.0"?><html><p>Hi</p></html>')).toBe('html');
		expect(format('excerpt', toJson(excerpt))).toBe('json');
		expect(format('notes', '{"a": 1}')).toBe('text');
		expect(format('transcript', 'Q. Hi')).toBe('text');
		expect(format('sample', fixture('sample.docx'))).toBe('docx');
	});

	it('reads a .xml as TEI, or as XHTML, and refuses other XML', () => {
		expect(extractText('a.xml', utf8('<TEI><text><p>Hi</p></text></TEI>')).format).toBe('tei');
		expect(extractText('a.xml', utf8('<html><p>Hi</p></html>')).format).toBe('html');
		expect(message(() => extractText('feed.xml', utf8('<rss><item>Hi</item></rss>')))).toBe(
			'feed.xml: the file is XML but not TEI: it has no <TEI> or <text>'
		);
		expect(message(() => extractText('feed', utf8('<?xml version="1.0"?><rss/>')))).toBe(
			'feed: the file is XML but not TEI: it has no <TEI> or <text>'
		);
	});

	it('reads a Word document whatever its name, saying so', () => {
		expect(extractText('sample.txt', fixture('sample.docx'))).toMatchObject({
			format: 'docx',
			warnings: ['The file is a Word document, despite its name, and was read as one.']
		});
	});

	it('gives a Word document’s tracked changes as two texts, with what to know about them', () => {
		const body =
			'<w:p><w:r><w:t xml:space="preserve">We met on </w:t></w:r>' +
			'<w:del w:id="1" w:author="A. Clerk" w:date="2024-05-02T09:30:00Z">' +
			'<w:r><w:delText>Monday</w:delText></w:r></w:del>' +
			'<w:ins w:id="2" w:author="A. Clerk" w:date="2024-05-02T09:30:00Z">' +
			'<w:r><w:t>Tuesday</w:t></w:r></w:ins></w:p>';
		const docx = zipSync({
			'word/document.xml': strToU8(
				'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
					`<w:body>${body}</w:body></w:document>`
			)
		});
		const misnamed = 'The file is a Word document, despite its name, and was read as one.';
		expect(extractText('minutes.doc', docx)).toEqual({
			text: 'We met on Tuesday',
			format: 'docx',
			warnings: [
				misnamed,
				'The document has tracked changes: it was read as if they were accepted (deleted ' +
					'text left out, inserted text kept).'
			],
			tracked: {
				original: 'We met on Monday',
				revised: 'We met on Tuesday',
				attributions: [
					{
						anchor: { witness: 'original', quote: 'Monday' },
						hand: 'A. Clerk',
						date: '2024-05-02T09:30:00Z',
						file: 'minutes.doc'
					}
				],
				warnings: [misnamed]
			}
		} satisfies ImportResult);
	});

	it('reads a file of unknown kind as text, saying so', () => {
		expect(extractText('hearing.srt', utf8('1\n00:00:01 --> 00:00:02\nHi\n'))).toEqual({
			text: '1\n00:00:01 --> 00:00:02\nHi\n',
			format: 'text',
			...ascii,
			warnings: ['“.srt” is not a kind of file Pencilmarks knows: it was read as plain text.']
		});
	});

	it('refuses each bad fixture with its own message', () => {
		const cases: [string, string][] = [
			['empty.txt', 'empty.txt: the file is empty'],
			['scan.png', 'scan.png: the file looks like a binary file (PNG image), not text'],
			[
				'not-a-docx.docx',
				'not-a-docx.docx: the file is not a Word document (.docx): it is not a zip archive'
			]
		];
		for (const [name, problem] of cases) {
			expect(message(() => extractText(name, fixture(name)))).toBe(problem);
		}
	});

	it('refuses UTF-8 that does not decode, RTF, and files with no text', () => {
		const cp1251 = fixture('russian-cp1251.txt');
		expect(message(() => extractText('a.txt', cp1251, { encoding: 'utf-8' }))).toBe(
			'a.txt:1: byte 0xDF at offset 0 is not valid UTF-8: choose another encoding, such as ' +
				'Windows-1251 or KOI8-R'
		);
		expect(message(() => extractText('a.rtf', utf8('{\\rtf1\\ansi Hi}')))).toBe(
			'a.rtf: the file is an RTF document, which Pencilmarks cannot read: save it as .docx or .txt'
		);
		expect(message(() => extractText('a.txt', utf8(' \r\n\t\n')))).toBe(
			'a.txt: the file holds only whitespace'
		);
		expect(message(() => extractText('a.html', utf8('<script>x()</script>')))).toBe(
			'a.html: the file has no text'
		);
		const blank = zipSync({
			'word/document.xml': strToU8('<w:document><w:body><w:p/></w:body></w:document>')
		});
		expect(message(() => extractText('a.docx', blank))).toBe('a.docx: the file has no text');
	});

	it('reads the long pair, which differs', () => {
		const spoken = extractText('long-spoken.txt', fixture('long-spoken.txt'));
		const published = extractText('long-published.txt', fixture('long-published.txt'));
		expect([spoken.text.length, published.text.length]).toEqual([2_000_860, 1_998_327]);
		expect([spoken.text.split('\n\n').length, published.text.split('\n\n').length]).toEqual([
			3664, 3662
		]);
		expect(spoken.text.slice(0, 40)).toBe('Of a tinpencha as the, tragrogalmi briga');
		expect(sameText(spoken.text, published.text)).toBe(false);
	});
});

describe('the import library', () => {
	it('uses no Node or DOM API, so it runs in a browser and a worker', () => {
		const dir = new URL('.', import.meta.url);
		const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
		expect(sources.length).toBe(15);
		for (const file of sources) {
			const source = readFileSync(new URL(file, dir), 'utf8');
			const apis = /node:|\bBuffer\b|\bfs\b|DOMParser|(?<![\w/])document\.|\bwindow\./g;
			expect([file, source.match(apis)]).toEqual([file, null]);
		}
	});
});
