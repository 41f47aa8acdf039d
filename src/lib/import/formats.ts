// The kinds of file a reader can open as a witness text: for each, its extensions, how the page
// names it, how it is told from its content when the name does not say, and its reader. The
// mirror of export/index.ts's FORMATS: a format is added here, and the Compare page's file picker
// and labels follow. extract.ts runs them (check the bytes, tell the format, decode, read).

import { docxText, type TrackedChanges } from './docx';
import { ImportError } from './errors';
import { htmlText } from './html';
import { excerptTexts } from './json';
import { teiText } from './tei';
import { teiWitnesses } from './tei-apparatus';
import { heldTexts, type ImportedText } from './texts';

export type Format = 'text' | 'markdown' | 'html' | 'docx' | 'tei' | 'json';

/** What a reader gives: the witness text, and what the user should know about the reading. */
export interface Read {
	text: string;
	warnings: string[];
	/** A Word document's tracked changes: the texts before and after them, and who made each. */
	tracked?: TrackedChanges;
	/** Every text of a file that holds several (`text` is the first's). */
	texts?: ImportedText[];
}

export type ImportFormat = {
	/** How the Compare page names a text read from it: `From notes.docx, Word document`. */
	label: string;
	/** It in a sentence: `it was read as plain text`. */
	noun: string;
	/** File name endings, lowercase, without the dot. */
	extensions: string[];
	/** Whether a file whose name says nothing is this format, from the start of its text (markup
	 * and JSON announce themselves; the first format that claims a file has it). */
	sniff?: (start: string) => boolean;
} & (
	| { from: 'bytes'; read: (name: string, bytes: Uint8Array) => Read }
	| { from: 'text'; read: (name: string, text: string) => Read }
);

const asIs = (_name: string, text: string): Read => ({ text, warnings: [] });

/** The formats, in the order the file picker lists their extensions and sniffing asks them. */
export const IMPORT_FORMATS = {
	// Plain text and Markdown come out exactly as decoded: the comparison is lossless, so the
	// witness must be the user's file, CRLF and all.
	text: { label: 'plain text', noun: 'plain text', extensions: ['txt', 'text'], from: 'text', read: asIs },
	markdown: { label: 'Markdown', noun: 'Markdown', extensions: ['md', 'markdown'], from: 'text', read: asIs },
	// A TEI element, or XML that is not XHTML (which must then be TEI). An `.xml` or `.tei` file
	// that has no TEI in it but is XHTML is read as HTML (see extract.ts). An apparatus whose
	// readings name their witnesses gives every witness's text (tei-apparatus.ts).
	tei: {
		label: 'TEI XML (the text)',
		noun: 'TEI XML',
		extensions: ['tei', 'xml'],
		sniff: (start) =>
			(start.startsWith('<') && /<(?:[\w.-]+:)?TEI[\s>]/.test(start)) ||
			(start.startsWith('<?xml') && !/<html[\s>]/i.test(start)),
		from: 'text',
		read: (name: string, xml: string): Read => {
			const apparatus = teiWitnesses(name, xml);
			if (apparatus) return { text: apparatus.texts[0].text, texts: apparatus.texts, warnings: apparatus.warnings };
			const tei = teiText(xml);
			if (!tei) throw new ImportError(name, 'the file is TEI but has no <text> element');
			return tei;
		}
	},
	// Any other markup: a `<text>` alone is not TEI, as web pages have SVG `<text>`.
	html: {
		label: 'HTML (visible text)',
		noun: 'HTML',
		extensions: ['html', 'htm', 'xhtml'],
		sniff: (start) => start.startsWith('<'),
		from: 'text',
		read: (_name: string, html: string) => ({ text: htmlText(html), warnings: [] })
	},
	// A zip under any name is told apart from the bytes, before decoding (extract.ts).
	docx: {
		label: 'Word document',
		noun: 'a Word document (.docx)',
		extensions: ['docx'],
		from: 'bytes',
		read: docxText
	},
	json: {
		label: 'JSON export',
		noun: 'a Pencilmarks excerpt',
		extensions: ['json'],
		sniff: (start) => start.startsWith('{') && start.includes('"pencilmarks-excerpt"'),
		from: 'text',
		read: (name: string, json: string): Read => {
			const texts = excerptTexts(name, json);
			return { text: texts[0].text, texts, warnings: [heldTexts('The excerpt', texts)] };
		}
	}
} satisfies Record<Format, ImportFormat>;

/** The format a file name's extension gives, or undefined. */
export function formatByExtension(extension: string): Format | undefined {
	const formats = Object.keys(IMPORT_FORMATS) as Format[];
	return formats.find((f) => IMPORT_FORMATS[f].extensions.includes(extension.toLowerCase()));
}

/** The format of a file whose name says nothing, from its text; plain text, the one reading
 * that loses nothing, when no format claims it. */
export function sniffFormat(start: string): Format {
	const formats = Object.keys(IMPORT_FORMATS) as Format[];
	return formats.find((f) => (IMPORT_FORMATS[f] as ImportFormat).sniff?.(start)) ?? 'text';
}

/** The file picker's `accept`: every extension, and any text type. */
export const IMPORT_ACCEPT = [
	...Object.values(IMPORT_FORMATS).flatMap((f) => f.extensions.map((e) => `.${e}`)),
	'text/*'
].join(',');

/** The formats in a sentence, for the page that offers them: `Plain text, Markdown, …, or a
 * Pencilmarks excerpt`. */
export const IMPORT_FORMAT_NAMES = (() => {
	const nouns = Object.values(IMPORT_FORMATS).map((f) => f.noun);
	const list = `${nouns.slice(0, -1).join(', ')}, or ${nouns[nouns.length - 1]}`;
	return list[0].toUpperCase() + list.slice(1);
})();
