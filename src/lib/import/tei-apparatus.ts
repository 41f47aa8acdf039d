// A TEI apparatus in parallel segmentation to every witness's text: what stands outside every
// `<app>`, and in each `app` the reading that names the witness (`wit="#A #B"`), joined in order.
// Pencilmarks' own apparatus export (export/apparatus/tei.ts) reads back byte for byte; so does a
// hand-written edition:
//
//   <listWit><witness xml:id="A">Codex A</witness><witness xml:id="B">Codex B</witness></listWit>
//   …<p>in <app><lem wit="#A">principio</lem><rdg wit="#B">initio</rdg></app> erat</p>
//     ->   Codex A: "in principio erat"; Codex B: "in initio erat"
//
// - A reading names its witnesses by pointer (`#A`, or a bare `A`), or names a `<listWit
//   xml:id>`, which stands for its witnesses. A `<lem>` without `wit` is read by the witnesses no
//   reading of its `app` names; so is a `<lem>` by the witnesses nobody names (a negative
//   apparatus names only those that differ). An `app` with no `lem` leaves the witnesses it does
//   not name without text there, and a warning says so. Readings may nest, and `<rdgGrp>` groups
//   them.
// - White space: text under `xml:space="preserve"` (ours, on the `div` that holds the text) is the
//   witnesses' own, character for character, and elements add nothing to it. Anywhere else white
//   space is markup layout, as in any TEI file (tei.ts): paragraphs (`p`, `ab`, `l`…) are
//   separated by a blank line, `<lb/>` is a new line, `<gap/>` a `{gap}` paragraph; notes and
//   forme work are left out, and the editor's side of a `<choice>`.
// - The pair export's TEI reads back too: each witness of a change's readings, the marker a
//   redactor printed (`<gap reason="redacted"><desc>`) as printed, and a one-witness view
//   (`<div type="witness" corresp="#…">`) as that witness's text alone. A file in which fewer than
//   two witnesses have any text is read as one text (tei.ts).
// - Bad input is refused with the line to fix: XML that is not well-formed (xml.ts), a reading
//   that names no `<witness>`, an apparatus with no `<listWit>`, two witnesses with one id.

import { ElementType, parseDocument } from 'htmlparser2';
import { ImportError } from './errors';
import { Paragraphs } from './paragraphs';
import { DROPPED, EDITORIAL_CHOICES, local, PARAGRAPHS } from './tei';
import type { ImportedText } from './texts';
import { xmlProblem } from './xml';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

const isElement = (n: Node): n is Element => 'attribs' in n;

/**
 * Whether the XML may be an apparatus to read witness by witness: its readings name witnesses, or
 * it declares parallel segmentation and lists its witnesses (an apparatus where nothing varies has
 * no reading to name them).
 */
export function mayBeApparatus(xml: string): boolean {
	return (
		/<(?:[\w.-]+:)?(?:rdg|lem)\s[^>]*\bwit\s*=/.test(xml) ||
		(/<(?:[\w.-]+:)?variantEncoding\s[^>]*method\s*=\s*["']parallel-segmentation["']/.test(xml) &&
			/<(?:[\w.-]+:)?listWit[\s>]/.test(xml))
	);
}

/**
 * Every witness's text, in the order of the `<listWit>`, with its label (its `<label>`, or what the
 * `<witness>` says, or its siglum `@n`, or its id) and language (its `xml:lang`, or the text's).
 * Null when the file is no apparatus of two witnesses or more that have text: a TEI file to read
 * as one text (tei.ts). Throws an `ImportError` naming the problem and its line.
 */
export function teiWitnesses(file: string, source: string): { texts: ImportedText[]; warnings: string[] } | null {
	if (!mayBeApparatus(source)) return null;
	// An XML parser reads every line end as a line feed (XML 1.0, 2.11); a carriage return that is
	// the text's own is written `&#13;`, and stays.
	const xml = source.replace(/\r\n?/g, '\n');
	const problem = xmlProblem(xml);
	if (problem) throw new ImportError(file, `the XML is not well-formed: ${problem.problem}`, problem.line);
	const lineOf = (n: Node) => xml.slice(0, n.startIndex ?? 0).split('\n').length;
	const parsed = parseDocument(xml, { xmlMode: true, withStartIndices: true });
	const elements = (nodes: Node[], out: Element[] = []): Element[] => {
		for (const node of nodes) {
			if (!isElement(node)) continue;
			out.push(node);
			elements(node.children, out);
		}
		return out;
	};
	const all = elements(parsed.children);
	const named = (name: string) => all.filter((e) => local(e.name) === name);

	// The witnesses, and the groups (`listWit xml:id`) that stand for several.
	const witnesses = named('witness').filter((w) => w.parent && isElement(w.parent) && local(w.parent.name) === 'listWit');
	const index = new Map<string, number[]>();
	witnesses.forEach((w, i) => {
		const id = w.attribs['xml:id'];
		if (!id) throw new ImportError(file, 'a <witness> has no xml:id, so no reading can name it', lineOf(w));
		if (index.has(id)) throw new ImportError(file, `two <witness> elements have the xml:id “${id}”`, lineOf(w));
		index.set(id, [i]);
	});
	for (const group of named('listWit')) {
		const id = group.attribs['xml:id'];
		if (id && !index.has(id)) index.set(id, witnesses.flatMap((w, i) => (contains(group, w) ? [i] : [])));
	}
	/** The witnesses an element names in `attribute` (`wit`, or a one-witness view's `corresp`). */
	const witOf = (reading: Element, attribute = 'wit'): number[] | null => {
		const value = reading.attribs[attribute];
		if (value === undefined) return null;
		const tag = `<${local(reading.name)} ${attribute}="${value}">`;
		if (witnesses.length === 0) {
			throw new ImportError(
				file,
				`the apparatus names its witnesses (${tag}) but the file has no <listWit> of <witness> elements to say who they are`,
				lineOf(reading)
			);
		}
		return value
			.trim()
			.split(/\s+/)
			.filter(Boolean)
			.flatMap((pointer) => {
				const found = index.get(pointer.replace(/^#/, ''));
				if (!found) {
					throw new ImportError(file, `${tag} names “${pointer}”, which is no <witness> of the <listWit>`, lineOf(reading));
				}
				return found;
			});
	};

	const texts = named('text').filter((t) => !ancestors(t).some((a) => local(a.name) === 'text'));
	// The witnesses' own white space, or markup layout (see above): one or the other, for the file.
	const exact = texts.some((t) => elements(t.children).some((e) => e.attribs['xml:space'] === 'preserve'));
	const own = witnesses.map(() => '');
	const flowing = witnesses.map(() => new Paragraphs());
	const warnings: string[] = [];

	const walk = (nodes: Node[], set: number[], preserve: boolean, parent: string) => {
		for (const node of nodes) {
			if (node.type === ElementType.Text) {
				const text = node.data;
				if (!exact) set.forEach((i) => flowing[i].flow(text));
				else if (preserve) set.forEach((i) => (own[i] += text));
				else if (/\S/.test(text)) set.forEach((i) => (own[i] += text.replace(/\s+/g, ' ')));
				continue;
			}
			if (node.type === ElementType.CDATA) {
				walk(node.children, set, preserve, parent);
				continue;
			}
			if (!isElement(node)) continue;
			const name = local(node.name);
			const space = node.attribs['xml:space'];
			const keep = space === 'preserve' || (space !== 'default' && preserve);
			if (DROPPED.has(name) || name === 'teiHeader') continue;
			if (parent === 'choice' && EDITORIAL_CHOICES.has(name)) continue;
			if (name === 'app') {
				app(node, set, keep);
			} else if (name === 'lem' || name === 'rdg') {
				// A reading outside an `app`: read by the witnesses it names.
				const wit = witOf(node);
				walk(node.children, wit ? set.filter((i) => wit.includes(i)) : set, keep, name);
			} else if (name === 'gap' && node.attribs.reason === 'redacted') {
				// The marker a redactor printed in place of the words (the pair export's): as printed.
				walk(node.children.filter((c) => isElement(c) && local(c.name) === 'desc'), set, keep, name);
			} else if (name === 'gap') {
				const desc = textOf(node.children.filter((c) => isElement(c) && local(c.name) === 'desc'));
				const marker = desc ? `{gap: ${desc}}` : '{gap}';
				if (exact) set.forEach((i) => (own[i] += marker));
				else {
					set.forEach((i) => {
						flowing[i].paragraphBreak();
						flowing[i].verbatim(marker);
						flowing[i].paragraphBreak();
					});
				}
			} else if (name === 'lb' && !exact) {
				if (node.attribs.break !== 'no') set.forEach((i) => flowing[i].lineBreak());
			} else {
				// One witness's text alone (the pair export's `<div type="witness" corresp="#spoken">`).
				const only = node.attribs.type === 'witness' ? witOf(node, 'corresp') : null;
				const readers = only ? set.filter((i) => only.includes(i)) : set;
				const paragraph = !exact && PARAGRAPHS.has(name);
				if (paragraph) readers.forEach((i) => flowing[i].paragraphBreak());
				walk(node.children, readers, keep, name);
				if (paragraph) readers.forEach((i) => flowing[i].paragraphBreak());
			}
		}
	};
	const app = (entry: Element, set: number[], preserve: boolean) => {
		const readings = readingsOf(entry);
		const wits = readings.map((r) => witOf(r));
		const namedHere = new Set(wits.flatMap((w) => w ?? []));
		const unnamed = set.filter((i) => !namedHere.has(i));
		// Who reads what nobody names: the `lem`, or, in an `app` that names no one, its first reading.
		const lemma = readings.findIndex((r) => local(r.name) === 'lem');
		const fallback = lemma !== -1 ? lemma : namedHere.size === 0 ? 0 : -1;
		if (fallback === -1 && unnamed.length && warnings.length === 0) {
			warnings.push(
				`The apparatus entry on line ${lineOf(entry)} has no reading for ` +
					`${unnamed.map((i) => labelOf(witnesses[i])).join(', ')}, and no <lem> to stand for ` +
					'them: they were read with nothing there.'
			);
		}
		readings.forEach((reading, k) => {
			const wit = wits[k];
			const readers = set.filter((i) => (wit?.includes(i) ?? false) || (k === fallback && unnamed.includes(i)));
			const space = reading.attribs['xml:space'];
			walk(reading.children, readers, space === 'preserve' || (space !== 'default' && preserve), 'rdg');
		});
	};
	const everyone = witnesses.map((_, i) => i);
	for (const text of texts) walk(text.children, everyone, text.attribs['xml:space'] === 'preserve', 'text');

	const textLanguage = texts[0]?.attribs['xml:lang'];
	const read = witnesses.map((w, i): ImportedText => {
		const language = w.attribs['xml:lang'] ?? textLanguage;
		const text = exact ? own[i] : flowing[i].text();
		return language ? { label: labelOf(w), text, language } : { label: labelOf(w), text };
	});
	// A file with the text of one witness only (the pair export's view of one) is that text.
	if (read.filter((t) => t.text !== '').length < 2) return null;
	return { texts: read, warnings };
}

/** The readings of an `app`, in order, those grouped in a `rdgGrp` too. */
function readingsOf(app: Element): Element[] {
	return app.children.filter(isElement).flatMap((child) => {
		const name = local(child.name);
		if (name === 'rdgGrp') return readingsOf(child);
		return name === 'lem' || name === 'rdg' ? [child] : [];
	});
}

/** What a `<witness>` is called: its `<label>`, or else its words, its siglum (`@n`) or its id. */
function labelOf(witness: Element): string {
	const label = witness.children.find((c): c is Element => isElement(c) && local(c.name) === 'label');
	return (
		textOf(label ? [label] : witness.children) ||
		witness.attribs.n?.trim() ||
		witness.attribs['xml:id']
	);
}

/** The words of some nodes, white space collapsed. */
function textOf(nodes: Node[]): string {
	const words = (n: Node): string =>
		n.type === ElementType.Text ? n.data : 'children' in n ? n.children.map(words).join('') : '';
	return nodes.map(words).join('').replace(/\s+/g, ' ').trim();
}

function ancestors(n: Node): Element[] {
	const out: Element[] = [];
	for (let p = n.parent; p && isElement(p as Node); p = p.parent) out.push(p as Element);
	return out;
}

function contains(group: Element, n: Node): boolean {
	return ancestors(n).includes(group);
}
