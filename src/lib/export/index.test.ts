import { describe, expect, it } from 'vitest';
import { fixture } from './fixture';
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
