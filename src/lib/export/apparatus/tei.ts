// TEI P5 export of an apparatus excerpt, parallel segmentation (Guidelines 12.2.3): the text the
// witnesses share, with an `<app>` at each place where they differ, a reading each.
//
// - Header as the pair export's (tei.ts): the case title and a subtitle naming the witnesses
//   (`titleStmt`), the permalink and export date (`publicationStmt`), every witness shown in
//   `listWit` (`<witness xml:id="nicolay" n="Nicolay">`: `@n` is its siglum; its label and what
//   the record says of it as in the pair's), the sources (`listBibl`), the encoding method, and in
//   `editorialDecl` how readings and white space are written and which witnesses were set aside.
// - Every reading is a `<rdg wit="#nicolay #hay">`, the base's first; none is a `<lem>`: the
//   apparatus records witnesses, it does not choose a text, and the base is only the witness the
//   places are counted on. A reading of nothing is an empty `<rdg wit="…"/>`. Each variant place's
//   `app` has an id, `app-2`, `app-3`…, numbered as the other formats number their entries (as
//   the page numbers its places).
// - Lossless: the text is in `<div xml:space="preserve">`, every character of it the witnesses'
//   own. Where witnesses write the same words with other white space (their own line breaks, a
//   CRLF file), the run of white space that differs is an `<app type="layout">` with a reading for
//   each way of writing it, so that the words read once; in a reading, the same `app` nests inside
//   the `rdg`. A carriage return is written `&#13;` (an XML parser reads a raw one as a line feed).
//   Each witness's text is what stands outside every `app` and in the readings that name it,
//   joined in order: src/lib/import/tei-apparatus.ts reads it back so, byte for byte.
// - Paragraphs: the text is cut into `<p>`s at each paragraph break all the witnesses share, the
//   break itself between them, as the witnesses write it.
// - A note stands at the end of its place: `<note xml:id="note-…" n="n1" target="#app-3">` on a
//   variant place, or pointing at an `<anchor xml:id="note-…-start"/>` where its place begins.
//   Its text is TEI, as in the pair export (`noteTei`).
// - Characters XML cannot hold at all (a form feed, a lone surrogate) become U+FFFD, as in every
//   export (escape.ts); the JSON export keeps them.
// Every text and attribute value is escaped first.

import { apparatusSubtitle, list } from './classic';
import { escapeXml } from '../escape';
import { noteTei, publication, teiDate, witness, xmlIds } from '../tei';
import type { ApparatusExcerpt } from '../../types';
import type { ApparatusReading } from '../../pipeline/apparatus';

/** Every TEI element this export writes, for documentation and for tests. */
export const APPARATUS_TEI_ELEMENTS = [
	'TEI',
	'teiHeader',
	'fileDesc',
	'titleStmt',
	'title',
	'publicationStmt',
	'publisher',
	'idno',
	'date',
	'sourceDesc',
	'listWit',
	'witness',
	'label',
	'desc',
	'listBibl',
	'bibl',
	'encodingDesc',
	'variantEncoding',
	'editorialDecl',
	'p',
	'profileDesc',
	'creation',
	'text',
	'body',
	'div',
	'app',
	'rdg',
	'anchor',
	'note',
	'hi',
	'ref',
	'code',
	'quote',
	'list',
	'item',
	'lb'
] as const;

/** Escapes text for the body, keeping a carriage return (a raw one reads as a line feed). */
const escape = (text: string) => escapeXml(text).replace(/\r/g, '&#13;');

/** A run of the text: shared by every witness it stands for, or markup (an `app`, a note). */
type Chunk = { text: string } | { xml: string };

/** Writes the apparatus excerpt as a TEI P5 document in parallel segmentation. */
export function apparatusTei(excerpt: ApparatusExcerpt): string {
	const ids = xmlIds();
	const base = excerpt.witnesses[0];
	const wits = new Map(excerpt.witnesses.map((w) => [w.id, ids(`w\u0000${w.id}`, w.id)]));
	const languages = new Map(excerpt.witnesses.map((w) => [w.id, w.language]));
	const wit = (witnesses: string[]) => `wit="${witnesses.map((w) => `#${wits.get(w)}`).join(' ')}"`;
	// A reading in another language than the text's (a translation's) says so.
	const lang = (witnesses: string[]) => {
		const language = languages.get(witnesses[0])!;
		const one = witnesses.every((w) => languages.get(w) === language);
		return one && language !== base.language ? ` xml:lang="${escapeXml(language)}"` : '';
	};
	const rdg = (witnesses: string[], inner: string, attributes = '') =>
		inner ? `<rdg ${wit(witnesses)}${attributes}>${inner}</rdg>` : `<rdg ${wit(witnesses)}${attributes}/>`;

	/** A reading (or the agreed text) as chunks: its words once, an `app type="layout"` where its
	 * witnesses write white space differently. */
	const written = (r: ApparatusReading): Chunk[] => {
		const own = r.witnesses.map((w) => r.layout?.[w] ?? r.text);
		if (own.every((t) => t === r.text)) return r.text ? [{ text: r.text }] : [];
		const layout = (texts: string[]) => {
			const groups = new Map<string, string[]>();
			texts.forEach((t, k) => groups.set(t, [...(groups.get(t) ?? []), r.witnesses[k]]));
			return { xml: `<app type="layout">${[...groups].map(([t, w]) => rdg(w, escape(t))).join('')}</app>` };
		};
		// Words and white space alternate; readings told apart by their words share the words.
		const pieces = own.map((t) => t.split(/(\s+)/));
		const words = pieces.every((p) => p.length === pieces[0].length && p.every((s, k) => k % 2 === 1 || s === pieces[0][k]));
		if (!words) return [layout(own)];
		return pieces[0].map((piece, k) => {
			const each = pieces.map((p) => p[k]);
			return each.every((s) => s === piece) ? { text: piece } : layout(each);
		});
	};
	const xmlOf = (chunks: Chunk[]) => chunks.map((c) => ('xml' in c ? c.xml : escape(c.text))).join('');

	const byPlace = new Map<number, { note: ApparatusExcerpt['notes'][number]; n: number }[]>();
	excerpt.notes.forEach((note, i) => byPlace.set(note.place, [...(byPlace.get(note.place) ?? []), { note, n: i + 1 }]));
	const chunks: Chunk[] = [];
	let variants = 0;
	excerpt.places.forEach((place, i) => {
		const notes = byPlace.get(i) ?? [];
		let target = '';
		if (place.readings.length > 1) {
			const number = excerpt.numbers?.[i] ?? ++variants;
			target = ids(`v\u0000${number}`, `app-${number}`);
			const readings = place.readings.map((r) => rdg(r.witnesses, xmlOf(written(r)), r.text ? lang(r.witnesses) : ''));
			chunks.push({ xml: `<app xml:id="${target}">${readings.join('')}</app>` });
		} else {
			if (notes.length) {
				target = ids(`a\u0000${notes[0].note.id}`, `note-${notes[0].note.id}-start`);
				chunks.push({ xml: `<anchor xml:id="${target}"/>` });
			}
			chunks.push(...written(place.readings[0]));
		}
		if (!notes.length) return;
		// The notes at the end of the place's words; white space after them (a paragraph break) after.
		const last = chunks.at(-1);
		let trail = '';
		if (last && 'text' in last) {
			trail = /\s*$/.exec(last.text)![0];
			last.text = last.text.slice(0, last.text.length - trail.length);
		}
		for (const { note, n } of notes) {
			const open = `<note xml:id="${ids(`n\u0000${note.id}`, `note-${note.id}`)}" n="n${n}" target="#${target}">`;
			chunks.push({ xml: `${open}<label>${escapeXml(note.title)}</label>${noteTei(note)}</note>` });
		}
		if (trail) chunks.push({ text: trail });
	});

	const witnesses = excerpt.witnesses.map(
		(w) => `\t\t\t\t\t${witness(w, wits.get(w.id)!, `${lang([w.id])} n="${escapeXml(w.siglum)}"`)}\n`
	);
	const bibls = excerpt.citation.sources.map((s) => `\t\t\t\t\t<bibl>${escapeXml(s)}</bibl>\n`);
	const sources = bibls.length ? `\t\t\t\t<listBibl>\n${bibls.join('')}\t\t\t\t</listBibl>\n` : '';
	const decl = [
		'Each place where the witnesses differ is an apparatus entry with a reading for each way they ' +
			'read it, naming the witnesses that read it, the base’s first; no reading is preferred. An ' +
			'empty reading: those witnesses have nothing there.',
		'White space is the witnesses’ own, kept as they write it. Where witnesses write the same ' +
			'words with other white space (their own line breaks), an entry of type “layout” gives each ' +
			'way of writing it, so that each witness’s text is what stands outside the entries and in ' +
			'the readings that name it, character for character. A carriage return is written as a ' +
			'character reference.',
		...(excerpt.setAside.length ? [`Set aside, and not given here: ${list(excerpt.setAside)}.`] : [])
	].map((p) => `\t\t\t\t<p>${escapeXml(p)}</p>\n`);

	return `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
	<teiHeader>
		<fileDesc>
			<titleStmt>
				<title>${escapeXml(excerpt.title)}</title>
				<title type="sub">${escapeXml(apparatusSubtitle(excerpt))}</title>
			</titleStmt>
			<publicationStmt>
				${publication(excerpt)}
			</publicationStmt>
			<sourceDesc>
				<listWit>
${witnesses.join('')}				</listWit>
${sources}			</sourceDesc>
		</fileDesc>
		<encodingDesc>
			<variantEncoding method="parallel-segmentation" location="internal"/>
			<editorialDecl>
${decl.join('')}			</editorialDecl>
		</encodingDesc>
		<profileDesc>
			<creation>${teiDate(excerpt.date)}</creation>
		</profileDesc>
	</teiHeader>
	<text xml:lang="${escapeXml(base.language)}">
		<body>
			<div xml:space="preserve">${paragraphs(chunks)}</div>
		</body>
	</text>
</TEI>
`;
}

/**
 * The chunks cut into `<p>`s at each paragraph break of the text all share (white space that
 * holds a blank line), the break itself written between them. A break inside an `app` (witnesses
 * break their paragraphs differently) stays inside its paragraph.
 */
function paragraphs(chunks: Chunk[]): string {
	let out = '';
	let open = false;
	const write = (xml: string) => {
		if (!open) out += '<p>';
		open = true;
		out += xml;
	};
	for (const chunk of chunks) {
		if ('xml' in chunk) {
			write(chunk.xml);
			continue;
		}
		let at = 0;
		for (const ws of chunk.text.matchAll(/\s+/g)) {
			if (!/\n[^\S\n]*\n/.test(ws[0].replace(/\r\n?/g, '\n'))) continue;
			if (ws.index > at) write(escape(chunk.text.slice(at, ws.index)));
			if (open) out += '</p>';
			open = false;
			out += escape(ws[0]);
			at = ws.index + ws[0].length;
		}
		if (at < chunk.text.length) write(escape(chunk.text.slice(at)));
	}
	return open ? `${out}</p>` : out;
}
