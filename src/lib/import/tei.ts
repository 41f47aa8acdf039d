// TEI XML to witness text: the transcription in `<text>`, without the header around it or the
// editor's notes in it. Whitespace in TEI is markup layout, as in HTML; line and paragraph
// breaks come from elements.
//
//   <teiHeader>…</teiHeader><text><body><p>First
//     line<lb/>second<note>editor</note></p><gap/></body></text>   ->   First line\nsecond\n\n{gap}

import { Parser } from 'htmlparser2';
import { Paragraphs } from './paragraphs';

/** Elements that are paragraphs of the text: prose, anonymous blocks, verse lines, headings,
 * and a transcript's speaker labels, stage directions and list items. */
export const PARAGRAPHS = new Set(['p', 'ab', 'l', 'head', 'speaker', 'stage', 'item']);

/** Elements whose content is not the text: the editor's notes, and running heads and page
 * numbers (`fw`, forme work). */
export const DROPPED = new Set(['note', 'fw']);

/** In a `<choice>`, the editor's version, left out for the source's own (`sic`, `orig`, `abbr`). */
export const EDITORIAL_CHOICES = new Set(['corr', 'reg', 'expan']);

export interface TeiText {
	text: string;
	warnings: string[];
}

/** Whether the XML is a TEI document: it has a `<TEI>` or a `<text>` element. */
export function isTei(xml: string): boolean {
	return /<(?:[\w.-]+:)?(?:TEI|text)[\s/>]/.test(xml);
}

/**
 * The text of a TEI document's `<text>` elements: `p`, `ab`, `l`, `head` (and `speaker`,
 * `stage`, `item`) as paragraphs separated by a blank line, `<lb/>` a newline (none for
 * `break="no"`, a word broken over a line), `<gap/>` a paragraph `{gap}` (with its `<desc>`:
 * `{gap: two pages missing}`), and `<note>` and `<fw>` left out. In an apparatus (`<app>`), only
 * the first reading, `<lem>` or `<rdg>`, is read (an apparatus whose readings name their
 * witnesses is read witness by witness instead: tei-apparatus.ts). Returns null when there is no
 * `<text>`.
 */
export function teiText(xml: string): TeiText | null {
	const out = new Paragraphs();
	const warnings: string[] = [];
	// For each open element: its local name, and whether its content is left out.
	const open: { name: string; skip: boolean }[] = [];
	// For each open `<app>`, how many readings it has had.
	const apps: number[] = [];
	let texts = 0;
	let inText = 0;
	let gap: string[] | null = null;
	let inDesc = 0;
	const parser = new Parser(
		{
			onopentag(qualified, attributes) {
				const name = local(qualified);
				const parent = open.at(-1);
				if (name === 'text') {
					inText++;
					texts++;
				}
				// Outside `<text>` everything is left out; the outermost `<text>` starts afresh.
				const inherited = name === 'text' && inText === 1 ? false : (parent?.skip ?? false);
				let skip = !inText || inherited || DROPPED.has(name);
				if (parent?.name === 'choice' && EDITORIAL_CHOICES.has(name)) skip = true;
				if (name === 'app') apps.push(0);
				if ((name === 'lem' || name === 'rdg') && parent?.name === 'app') {
					apps[apps.length - 1]++;
					if (apps.at(-1)! > 1) skip = true;
					if (apps.at(-1) === 2 && !warnings.length) {
						warnings.push(
							'The text has an apparatus of readings (<app>): it was read with the ' +
								'first reading of each (<lem> or <rdg>).'
						);
					}
				}
				open.push({ name, skip });
				if (skip) return;
				if (name === 'gap') {
					out.paragraphBreak();
					gap = [];
				} else if (name === 'desc' && gap) inDesc++;
				else if (name === 'lb' && attributes.break !== 'no') out.lineBreak();
				else if (PARAGRAPHS.has(name)) out.paragraphBreak();
			},
			ontext(text) {
				if (open.at(-1)?.skip ?? true) return;
				if (gap) {
					if (inDesc) gap.push(text);
				} else out.flow(text);
			},
			onclosetag(qualified) {
				const name = local(qualified);
				const { skip } = open.pop()!;
				if (name === 'text') inText--;
				if (name === 'app') apps.pop();
				if (skip) return;
				if (name === 'desc' && inDesc) inDesc--;
				else if (name === 'gap' && gap) {
					const label = gap.join('').replace(/\s+/g, ' ').trim();
					out.verbatim(label ? `{gap: ${label}}` : '{gap}');
					out.paragraphBreak();
					gap = null;
				} else if (PARAGRAPHS.has(name)) out.paragraphBreak();
			}
		},
		{ xmlMode: true, decodeEntities: true }
	);
	parser.end(xml);
	return texts ? { text: out.text(), warnings } : null;
}

/** An element's name without its namespace prefix: `tei:p` is `p`. */
export function local(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}
