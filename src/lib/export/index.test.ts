import { describe, expect, it } from 'vitest';
import { fixture } from '../test/excerpt-fixture';
import { exportExcerpt, FORMATS, toHtml, toJson, toMarkdown, toTei, toText } from './index';

describe('exportExcerpt', () => {
	it('names the file after the case and gives its media type', () => {
		const files = (Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((format) => {
			const { filename, mime } = exportExcerpt(fixture, format);
			return [format, filename, mime];
		});
		expect(files).toEqual([
			['markdown', 'bukharin-1938-excerpt.md', 'text/markdown;charset=utf-8'],
			['html', 'bukharin-1938-excerpt.html', 'text/html;charset=utf-8'],
			['text', 'bukharin-1938-excerpt.txt', 'text/plain;charset=utf-8'],
			['tei', 'bukharin-1938-excerpt.tei.xml', 'application/tei+xml'],
			['json', 'bukharin-1938-excerpt.json', 'application/json']
		]);
	});

	it('writes the body with the format’s serializer', () => {
		expect(exportExcerpt(fixture, 'markdown').body).toBe(toMarkdown(fixture));
		expect(exportExcerpt(fixture, 'html').body).toBe(toHtml(fixture));
		expect(exportExcerpt(fixture, 'text').body).toBe(toText(fixture));
		expect(exportExcerpt(fixture, 'tei').body).toBe(toTei(fixture));
		expect(exportExcerpt(fixture, 'json').body).toBe(toJson(fixture));
	});

	it('keeps a file name safe whatever the slug', () => {
		expect(exportExcerpt({ ...fixture, slug: '../a b/' }, 'text').filename).toBe('a-b-excerpt.txt');
		const empty = exportExcerpt({ ...fixture, slug: '' }, 'text');
		expect(empty.filename).toBe('pencilmarks-excerpt.txt');
	});
});

// Issue 9: a cleared date gave "undefined Invalid Date 0" in every export, `<date when="">` in TEI.
describe('an excerpt without a date', () => {
	const undated = { ...fixture, date: '' };
	const citation =
		'“Bukharin’s final statement,” Redaction, n.d., Pencilmarks, ' +
		'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November 2026.';

	it('says "n.d." in the citation and leaves the date out of the subtitle', () => {
		const text = toText(undated);
		expect(text.split('\n').slice(0, 2)).toEqual([
			'Bukharin’s final statement',
			'Redaction: As spoken against As published'
		]);
		expect(text).toContain(`Cite as: ${citation}`);
		expect(toMarkdown(undated)).toContain('\n\nRedaction: As spoken against As published\n\n');
	});

	it('writes TEI without @when, and HTML without a date in its metadata', () => {
		const tei = toTei(undated);
		expect(tei).toContain('\t\t\t<creation><date>n.d.</date></creation>\n');
		expect(tei).toContain('<date when="2026-11-27">27 November 2026</date>');
		expect(tei).not.toContain('when=""');
		const html = toHtml(undated);
		expect(html).not.toMatch(/citation_date|DC\.date/);
		expect(html).toContain('<p class="subtitle">Redaction: As spoken against As published</p>');
	});

	it('never writes "undefined" or "Invalid Date"', () => {
		for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
			expect([format, exportExcerpt(undated, format).body]).not.toEqual([
				format,
				expect.stringMatching(/undefined|Invalid Date|NaN/)
			]);
		}
	});
});

describe('an excerpt of a private comparison', () => {
	const own = {
		...fixture,
		private: { people: ['Ann Author (speaker)'] },
		citation: { ...fixture.citation, permalink: '' }
	};

	it('names no publisher and gives no address, in HTML and TEI', () => {
		const html = toHtml(own);
		expect(html).not.toMatch(/citation_publisher|citation_public_url|DC\.publisher|DC\.identifier/);
		expect(html).toContain(
			'<p>“Bukharin’s final statement,” Redaction, 12 March 1938, Ann Author (speaker). A private ' +
				'comparison, not published; exported 27 November 2026.'
		);
		const tei = toTei(own);
		expect(tei).toContain(
			'\t\t\t<publicationStmt>\n\t\t\t\t<p>A private comparison, not published; exported 27 ' +
				'November 2026.</p>\n\t\t\t</publicationStmt>\n'
		);
		expect(tei).not.toMatch(/<publisher>|<idno/);
		for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
			expect([format, exportExcerpt(own, format).body]).not.toEqual([
				format,
				expect.stringMatching(/Pencilmarks,|https?:\/\/pencilmarks/)
			]);
		}
	});
});
