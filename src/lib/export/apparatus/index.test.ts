import { describe, expect, it } from 'vitest';
import { hostileExcerpt, uponExcerpt } from '../../test/apparatus-fixture';
import { FORMATS } from '../index';
import { APPARATUS_FORMATS, apparatusMarkdown, apparatusTei, exportApparatus } from './index';

describe('exportApparatus', () => {
	it('offers the pair’s formats, in its order, with its labels, extensions and media types', () => {
		const strip = (formats: Record<string, { label: string; extension: string; mime: string }>) =>
			Object.entries(formats).map(([key, { label, extension, mime }]) => [key, label, extension, mime]);
		expect(strip(APPARATUS_FORMATS)).toEqual(strip(FORMATS));
	});

	it('names the file after the case and writes the format', () => {
		expect(exportApparatus(uponExcerpt(), 'markdown')).toEqual({
			filename: 'gettysburg-apparatus.md',
			mime: 'text/markdown;charset=utf-8',
			body: apparatusMarkdown(uponExcerpt())
		});
		expect(exportApparatus(hostileExcerpt(), 'tei')).toEqual({
			filename: 'hostile-case-apparatus.tei.xml',
			mime: 'application/tei+xml',
			body: apparatusTei(hostileExcerpt())
		});
	});
});
