// Exports of an excerpt: one small pure serializer per format, all drawing from `show` (modes.ts),
// so each shows what the screen showed. The formats' conventions are in FORMATS.md.

import { fileStem } from './escape';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toTei } from './tei';
import { toText } from './text';
import type { Excerpt } from '../types';

export {
	APPARATUS_FORMATS,
	apparatusExcerpt,
	apparatusJson,
	exportApparatus,
	rebuildApparatus,
	type ApparatusFormat,
	type ApparatusJson
} from './apparatus';
export { chicagoCitation } from './citation';
export { excerptJson, rebuildWitnesses, type ExcerptJson } from './json';
export { TEI_ELEMENTS } from './tei';
export { toHtml, toJson, toMarkdown, toTei, toText };

export type ExportFormat = 'markdown' | 'html' | 'text' | 'tei' | 'json';

/** The formats, in the order a menu offers them, with their file extension and media type. */
export const FORMATS: Record<
	ExportFormat,
	{ label: string; extension: string; mime: string; write: (excerpt: Excerpt) => string }
> = {
	markdown: {
		label: 'Markdown',
		extension: 'md',
		mime: 'text/markdown;charset=utf-8',
		write: toMarkdown
	},
	html: { label: 'HTML page', extension: 'html', mime: 'text/html;charset=utf-8', write: toHtml },
	text: { label: 'Plain text', extension: 'txt', mime: 'text/plain;charset=utf-8', write: toText },
	tei: { label: 'TEI XML', extension: 'tei.xml', mime: 'application/tei+xml', write: toTei },
	json: { label: 'JSON', extension: 'json', mime: 'application/json', write: toJson }
};

/** Writes the excerpt in `format`, with a file name from the case (`bukharin-1938-excerpt.md`). */
export function exportExcerpt(
	excerpt: Excerpt,
	format: ExportFormat
): { filename: string; mime: string; body: string } {
	const { extension, mime, write } = FORMATS[format];
	return { filename: `${fileStem(excerpt.slug)}-excerpt.${extension}`, mime, body: write(excerpt) };
}
