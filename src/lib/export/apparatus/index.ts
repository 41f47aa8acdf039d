// Exports of an apparatus excerpt (every witness at once): one small pure serializer per format,
// as for a pair (../index.ts), from an `ApparatusExcerpt` that `apparatusExcerpt` builds from what
// is on screen. The formats' conventions are in ../FORMATS.md, "Apparatus exports".

import { fileStem } from '../escape';
import type { ApparatusExcerpt } from '../../types';
import { apparatusHtml } from './html';
import { apparatusJsonText } from './json';
import { apparatusMarkdown } from './markdown';
import { apparatusTei } from './tei';
import { apparatusText } from './text';

export { apparatusExcerpt, type ApparatusCase, type ApparatusExcerptOptions, type PlacedNote } from './excerpt';
export { apparatusJson, rebuildApparatus, type ApparatusJson } from './json';
export { APPARATUS_TEI_ELEMENTS } from './tei';
export { apparatusHtml, apparatusJsonText, apparatusMarkdown, apparatusTei, apparatusText };

/** The formats an apparatus is exported in: the pair's (`ExportFormat`, ../index.ts). */
export type ApparatusFormat = 'markdown' | 'html' | 'text' | 'tei' | 'json';

/** The formats, in the order a menu offers them (as the pair's), with extension and media type. */
export const APPARATUS_FORMATS: Record<
	ApparatusFormat,
	{ label: string; extension: string; mime: string; write: (excerpt: ApparatusExcerpt) => string }
> = {
	markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown;charset=utf-8', write: apparatusMarkdown },
	html: { label: 'HTML page', extension: 'html', mime: 'text/html;charset=utf-8', write: apparatusHtml },
	text: { label: 'Plain text', extension: 'txt', mime: 'text/plain;charset=utf-8', write: apparatusText },
	tei: { label: 'TEI XML', extension: 'tei.xml', mime: 'application/tei+xml', write: apparatusTei },
	json: { label: 'JSON', extension: 'json', mime: 'application/json', write: apparatusJsonText }
};

/** Writes the excerpt in `format`, with a file name from the case: `gettysburg-apparatus.tei.xml`. */
export function exportApparatus(
	excerpt: ApparatusExcerpt,
	format: ApparatusFormat
): { filename: string; mime: string; body: string } {
	const { extension, mime, write } = APPARATUS_FORMATS[format];
	return { filename: `${fileStem(excerpt.slug)}-apparatus.${extension}`, mime, body: write(excerpt) };
}
