import { describe, expect, it } from 'vitest';
import { fixture, inMode } from '../test/excerpt-fixture';
import type { Excerpt } from '../types';
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

	it('writes an empty date in JSON, and n.d. in its citation', () => {
		const json = JSON.parse(toJson(undated));
		expect(json.case.date).toBe('');
		expect(json.citation.text.startsWith(`${citation} Sources: Example Editor`)).toBe(true);
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

describe('an excerpt whose witnesses are in different languages (a translation)', () => {
	const translated = (excerpt: Excerpt): Excerpt => ({
		...excerpt,
		base: { ...excerpt.base, language: 'ru' },
		target: { ...excerpt.target, language: 'en' }
	});

	it('writes TEI in the base’s language, each witness and the target’s readings in their own', () => {
		const tei = toTei(translated(fixture));
		expect(tei).toContain(
			'\t\t\t\t\t<witness xml:id="spoken" xml:lang="ru">As spoken</witness>\n' +
				'\t\t\t\t\t<witness xml:id="published" xml:lang="en">As published</witness>\n'
		);
		expect(tei).toContain('\t<text xml:lang="ru">\n');
		expect(tei).toContain(
			'<app xml:id="c-bbbbbb"><rdg wit="#spoken">the sum total</rdg>' +
				'<rdg wit="#published" xml:lang="en">all</rdg></app>'
		);
		expect(tei).toContain('<rdg wit="#spoken"/><rdg wit="#published" xml:lang="en"> abroad</rdg>');
		expect(toTei(translated(inMode('target')))).toContain(
			'\t\t\t<div type="witness" corresp="#published" xml:lang="en">\n'
		);
		expect(toTei(translated(inMode('base')))).toContain(
			'\t\t\t<div type="witness" corresp="#spoken">\n'
		);
	});

	it('writes TEI with one language only, on the text, when the witnesses share it', () => {
		const tei = toTei(fixture);
		expect(tei).toContain('<witness xml:id="spoken">As spoken</witness>');
		expect(tei).toContain('\t<text xml:lang="en">\n');
		expect(tei.match(/xml:lang/g)).toHaveLength(1);
	});

	it('writes HTML in the base’s language, with the target’s text marked in its own', () => {
		const html = toHtml(translated(fixture));
		expect(html).toContain('<!doctype html>\n<html lang="ru">\n');
		expect(html).toContain('<ins data-change="c-bbbbbb" lang="en">all</ins>');
		expect(html).toContain('<ins id="c-cccccc" data-change="c-cccccc" lang="en">abroad</ins>');
		expect(html).not.toContain('<del lang');
		const side = toHtml(translated(inMode('side')));
		expect(side).toContain('\n<p lang="en">The accused pleads guilty to <ins data-change="c-bbbbbb">all</ins>');
		expect(side).toContain('\n<p>The accused <del id="c-aaaaaa"');
		const target = toHtml(translated(inMode('target')));
		expect(target).toContain('\n<main class="text" lang="en">\n');
		expect(toHtml(fixture)).not.toMatch(/<(?!html)[^>]* lang=/);
	});

	it('writes each witness’s language in JSON', () => {
		expect(JSON.parse(toJson(translated(fixture))).witnesses).toEqual({
			base: { id: 'spoken', label: 'As spoken', language: 'ru' },
			target: { id: 'published', label: 'As published', language: 'en' }
		});
	});

	it('says the kind the reader chose in every format', () => {
		const licences = { ...fixture, kind: 'Licence versions' };
		expect(toText(licences).split('\n')[1]).toBe(
			'Licence versions, 12 March 1938: As spoken against As published'
		);
		expect(toMarkdown(licences)).toContain('“Bukharin’s final statement,” Licence versions, 12 March 1938');
		expect(toHtml(licences)).toContain('<p class="subtitle">Licence versions, 12 March 1938:');
		expect(toTei(licences)).toContain('<title type="sub">Licence versions, 12 March 1938:');
		expect(JSON.parse(toJson(licences)).case.kind).toBe('Licence versions');
	});
});
