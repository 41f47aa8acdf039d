import { describe, expect, it } from 'vitest';
import { formatByExtension, IMPORT_ACCEPT, IMPORT_FORMAT_NAMES, sniffFormat } from './formats';

describe('the import formats', () => {
	it('offer every extension they read to the file picker, and any text type', () => {
		expect(IMPORT_ACCEPT).toBe('.txt,.text,.md,.markdown,.tei,.xml,.html,.htm,.xhtml,.docx,.json,text/*');
	});

	it('name themselves in a sentence for the page that offers them', () => {
		expect(IMPORT_FORMAT_NAMES).toBe(
			'Plain text, Markdown, TEI XML, HTML, a Word document (.docx), or a Pencilmarks excerpt'
		);
	});

	it('tell a format by its extension, in any case', () => {
		expect(['TXT', 'md', 'xml', 'tei', 'XHTML', 'docx', 'json', 'srt', ''].map(formatByExtension)).toEqual([
			'text',
			'markdown',
			'tei',
			'tei',
			'html',
			'docx',
			'json',
			undefined,
			undefined
		]);
	});

	it('tell markup and our JSON by their start, and take anything else as plain text', () => {
		expect(sniffFormat('<TEI xmlns="http://www.tei-c.org/ns/1.0">')).toBe('tei');
		expect(sniffFormat('<?xml version="1.0"?><doc/>')).toBe('tei');
		expect(sniffFormat('<?xml version="1.0"?><html>')).toBe('html');
		expect(sniffFormat('<p>Hi</p>')).toBe('html');
		expect(sniffFormat('{"format": "pencilmarks-excerpt"}')).toBe('json');
		expect(sniffFormat('{"a": 1}')).toBe('text');
	});
});
