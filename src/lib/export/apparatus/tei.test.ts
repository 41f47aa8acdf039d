import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { xmlProblem } from '../../import/xml';
import { collate } from '../../pipeline/collate';
import { hostileExcerpt, uponExcerpt } from '../../test/apparatus-fixture';
import { APPARATUS_TEI_ELEMENTS, apparatusTei } from './tei';

/** The names of the elements of a document, as the importer's parser reads it. */
function elementsOf(xml: string): Set<string> {
	const names = new Set<string>();
	const walk = (nodes: ReturnType<typeof parseDocument>['children']) => {
		for (const node of nodes) {
			if (!('attribs' in node)) continue;
			names.add(node.name);
			walk(node.children);
		}
	};
	walk(parseDocument(xml, { xmlMode: true }).children);
	return names;
}

describe('apparatusTei', () => {
	it('writes the shared text with an app at each variant place, a rdg per reading, and white space as written', () => {
		// Numbered as on screen, among all five copies: place 1 is where only the Everett copy differs.
		const tei = apparatusTei(uponExcerpt(['nicolay', 'bancroft', 'bliss']));
		expect(tei.slice(tei.indexOf('\t<text'))).toBe(
			'\t<text xml:lang="en">\n' +
				'\t\t<body>\n' +
				'\t\t\t<div xml:space="preserve"><p>Four score and seven years ago our fathers brought forth, ' +
				'<app xml:id="app-2"><rdg wit="#nicolay">upon</rdg><rdg wit="#bancroft #bliss">on</rdg></app>' +
				'<note xml:id="note-upon" n="n1" target="#app-2"><label>“Upon” &amp; “on”</label><p>The <hi rend="italic">fourth</hi> copy reads “on”.</p></note>' +
				' this continent,<app type="layout"><rdg wit="#nicolay">\n</rdg><rdg wit="#bancroft #bliss"> </rdg></app>' +
				'a<app type="layout"><rdg wit="#nicolay"> </rdg><rdg wit="#bancroft #bliss">\n</rdg></app>' +
				'new nation, conceived in <app xml:id="app-3"><rdg wit="#nicolay">liberty</rdg><rdg wit="#bancroft #bliss">Liberty</rdg></app>' +
				', and dedicated to the proposition that </p></div>\n' +
				'\t\t</body>\n' +
				'\t</text>\n' +
				'</TEI>\n'
		);
	});

	it('writes an empty reading as an empty rdg, and names the witnesses set aside', () => {
		const tei = apparatusTei(uponExcerpt(['nicolay', 'bancroft', 'bliss']));
		expect(tei.slice(tei.indexOf('\t\t\t<editorialDecl>'), tei.indexOf('</editorialDecl>'))).toBe(
			'\t\t\t<editorialDecl>\n' +
				'\t\t\t\t<p>Each place where the witnesses differ is an apparatus entry with a reading for each ' +
				'way they read it, naming the witnesses that read it, the base’s first; no reading is ' +
				'preferred. An empty reading: those witnesses have nothing there.</p>\n' +
				'\t\t\t\t<p>White space is the witnesses’ own, kept as they write it. Where witnesses write ' +
				'the same words with other white space (their own line breaks), an entry of type “layout” ' +
				'gives each way of writing it, so that each witness’s text is what stands outside the ' +
				'entries and in the readings that name it, character for character. A carriage return is ' +
				'written as a character reference.</p>\n' +
				'\t\t\t\t<p>Set aside, and not given here: Hay copy (second draft) and Everett copy.</p>\n\t\t\t'
		);
		const all = apparatusTei(uponExcerpt());
		expect(all).toContain(
			'<app xml:id="app-1"><rdg wit="#nicolay #hay #bancroft #bliss">,</rdg><rdg wit="#everett"/></app> ' +
				'<app xml:id="app-2"><rdg wit="#nicolay #hay #everett">upon</rdg><rdg wit="#bancroft #bliss">on</rdg></app>'
		);
		expect(all).not.toContain('Set aside');
	});

	it('heads the text with the title, the citation’s facts and every witness with its siglum', () => {
		const tei = apparatusTei(uponExcerpt());
		expect(tei.slice(0, tei.indexOf('\t\t\t<sourceDesc>'))).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n' +
				'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n' +
				'\t<teiHeader>\n' +
				'\t\t<fileDesc>\n' +
				'\t\t\t<titleStmt>\n' +
				'\t\t\t\t<title>The Gettysburg Address: five manuscript copies</title>\n' +
				'\t\t\t\t<title type="sub">Draft-to-final revision history, 19 November 1863: Nicolay copy (first draft) ' +
				'with the readings of Hay copy (second draft), Everett copy, Bancroft copy and Bliss copy (final)</title>\n' +
				'\t\t\t</titleStmt>\n' +
				'\t\t\t<publicationStmt>\n' +
				'\t\t\t\t<publisher>Pencilmarks</publisher>\n' +
				'\t\t\t\t<idno type="URI">https://pencilmarks.example/cases/gettysburg/apparatus#places-0-7</idno>\n' +
				'\t\t\t\t<date when="2026-12-02">2 December 2026</date>\n' +
				'\t\t\t</publicationStmt>\n'
		);
		expect(tei).toContain(
			'\t\t\t\t<listWit>\n\t\t\t\t\t<witness xml:id="nicolay" n="Nicolay"><label>Nicolay copy (first draft)</label>' +
				'<desc>Transcription of the Nicolay copy, the first draft. It has “We have come to dedicate” and no ' +
				'period after the quotation “all men are created equal”, both as in the manuscript.</desc>' +
				'<desc type="written">Written: First page in ink in Washington before 18 November 1863; second page ' +
				'in pencil later, possibly at Gettysburg.</desc><desc type="held-by">Held by: Library of Congress ' +
				'(given by John Hay’s descendants in 1916).</desc></witness>\n'
		);
		expect(tei).toContain('\t\t\t<variantEncoding method="parallel-segmentation" location="internal"/>\n');
		expect(tei).toContain('\t\t\t<creation><date when="1863-11-19">19 November 1863</date></creation>\n');
		expect(tei.match(/<witness /g)).toHaveLength(5);
		expect(tei.match(/<bibl>/g)).toHaveLength(3);
	});

	it('is well-formed XML with hostile text, CRLF kept as a reference, using only the elements it lists', () => {
		const hostile = apparatusTei(hostileExcerpt());
		for (const tei of [hostile, apparatusTei(uponExcerpt())]) {
			expect(xmlProblem(tei)).toBeNull();
			const listed: readonly string[] = APPARATUS_TEI_ELEMENTS;
			expect([...elementsOf(tei)].filter((e) => !listed.includes(e))).toEqual([]);
		}
		expect(hostile).not.toContain('\r');
		expect(hostile).toContain('<app type="layout"><rdg wit="#a">&#13;\n</rdg><rdg wit="#b">\n</rdg><rdg wit="#c"> </rdg></app>');
		expect(hostile).toContain('<witness xml:id="c" xml:lang="ru" n="C*">1st copy</witness>');
		expect(hostile).toContain('<rdg wit="#c" xml:lang="ru">an item</rdg>');
		expect(hostile).toContain('<app xml:id="app-4"><rdg wit="#a #c"/><rdg wit="#b"> &amp;amp; more</rdg></app>');
		expect(hostile).toContain('<publicationStmt>\n\t\t\t\t<p>A private comparison, not published; exported 2 December 2026.</p>');
	});

	it('points a note on text all share at an anchor where its place begins, and ends it before a break', () => {
		const collated = collate([
			{ id: 'a', text: 'Alpha.\n\nBeta' },
			{ id: 'b', text: 'Alpha.\n\nGamma' }
		]);
		const note = { id: 'alpha', title: 'Alpha', markdown: 'First.', html: '<p>First.</p>', place: 0 };
		const excerpt = { ...hostileExcerpt(['a', 'b']), places: collated.places, notes: [note] };
		const tei = apparatusTei(excerpt);
		expect(tei.slice(tei.indexOf('<div'), tei.indexOf('</div>'))).toBe(
			'<div xml:space="preserve"><p><anchor xml:id="note-alpha-start"/>Alpha.' +
				'<note xml:id="note-alpha" n="n1" target="#note-alpha-start"><label>Alpha</label><p>First.</p></note></p>' +
				'\n\n<p><app xml:id="app-1"><rdg wit="#a">Beta</rdg><rdg wit="#b">Gamma</rdg></app></p>'
		);
		expect(xmlProblem(tei)).toBeNull();
	});

	it('cuts the text into paragraphs at the breaks all the witnesses share, the break between them', () => {
		// Without the CRLF witness, the two left break their paragraphs alike.
		const excerpt = hostileExcerpt(['b', 'c']);
		const tei = apparatusTei({ ...excerpt, notes: [] });
		expect(tei.slice(tei.indexOf('<div'), tei.indexOf('</div>'))).toBe(
			'<div xml:space="preserve"><p><app xml:id="app-1"><rdg wit="#b">#</rdg><rdg wit="#c" xml:lang="ru">-</rdg></app> Not ' +
				'<app xml:id="app-2"><rdg wit="#b">a heading &lt;b&gt;x&lt;/b&gt;</rdg><rdg wit="#c" xml:lang="ru">an item</rdg></app>' +
				' &amp; &quot;q&quot; &apos;s&apos;<app type="layout"><rdg wit="#b">\n</rdg><rdg wit="#c"> </rdg></app>Ёлка ' +
				'<app xml:id="app-3"><rdg wit="#b">e\u0301 😀 ]]&gt; *a* _b_</rdg><rdg wit="#c" xml:lang="ru">😀 ]]&gt;</rdg></app></p>' +
				'\n\n<p>1. Not a list<app xml:id="app-4"><rdg wit="#b"> &amp;amp; more</rdg><rdg wit="#c"/></app></p>'
		);
	});
});
