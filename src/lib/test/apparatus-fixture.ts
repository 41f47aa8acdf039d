// Apparatus excerpts for the apparatus exports' tests: the five Gettysburg copies of the corpus
// collated (their text is the corpus's, verbatim), and hostile texts written for the tests (made
// up, quoted from no source). For tests only.

import { apparatusExcerpt, type ApparatusCase } from '../export/apparatus/excerpt';
import { collate } from '../pipeline/collate';
import { getCase } from '../server/corpus';
import type { ApparatusExcerpt } from '../types';
import { caseView } from '../view';

const gettysburg = getCase('gettysburg')!;
/** The five copies collated, the Nicolay copy as the base: 48 variant places. */
export const fiveCopies = collate(gettysburg.witnesses.map(({ id, text }) => ({ id, text })));

export const PERMALINK = 'https://pencilmarks.example/cases/gettysburg/apparatus#places-0-7';

/**
 * Places 0 to 6 of the five copies: "Four score … brought forth, upon this continent, a new nation,
 * conceived in Liberty, and dedicated to the proposition that ": three variant places, the second
 * "upon"/"on", with a note on it.
 */
export function uponExcerpt(shown: Iterable<string> = fiveCopies.witnesses): ApparatusExcerpt {
	return apparatusExcerpt(caseView(gettysburg), fiveCopies, {
		shown: new Set(shown),
		from: 0,
		to: 7,
		notes: [
			{
				id: 'upon',
				title: '“Upon” & “on”',
				markdown: 'The *fourth* copy reads “on”.',
				html: '<p>The <em>fourth</em> copy reads “on”.</p>',
				place: 3
			}
		],
		permalink: PERMALINK,
		accessed: '2026-12-02'
	});
}

/** Every witness of texts with markup, entities, CRLF, Cyrillic, emoji and combining marks. */
export const HOSTILE = {
	a: '# Not a heading <script>alert(1)</script> & "q" \'s\'\r\nЁлка e\u0301 😀 ]]> *a* _b_\r\n\r\n1. Not a list',
	b: '# Not a heading <b>x</b> & "q" \'s\'\nЁлка e\u0301 😀 ]]> *a* _b_\n\n1. Not a list &amp; more',
	c: '- Not an item & "q" \'s\' Ёлка 😀 ]]>\n\n1. Not a list'
};

/**
 * The hostile texts collated, as an excerpt of those `shown` (all by default) from a reader's own
 * comparison, with hostile labels, sigla and note, and a fourth text set aside.
 */
export function hostileExcerpt(shown: Iterable<string> = ['a', 'b', 'c']): ApparatusExcerpt {
	const collated = collate(Object.entries(HOSTILE).map(([id, text]) => ({ id, text })));
	const view: ApparatusCase = {
		title: 'A <b>“bold”</b> & \'quoted\' "title"',
		slug: 'hostile case',
		kind: 'Comparison',
		date: '',
		authors: ['<Anon> & "Co"'],
		people: [],
		language: 'en',
		sources: [{ id: 'own', citation: '<Source> & "co"' }],
		witnesses: [
			{ id: 'a', label: 'Copy <1>', siglum: 'A&B', description: 'a.txt', source: 'own' },
			{ id: 'b', label: 'Print & "proof"', siglum: '<B>', description: 'b.txt', source: 'own' },
			{ id: 'c', label: '1st copy', siglum: 'C*', language: 'ru', description: 'c.txt', source: 'own' },
			{ id: 'd', label: 'Draft <0>', description: 'd.txt', source: 'own' }
		],
		private: true
	};
	return apparatusExcerpt(view, collated, {
		shown: new Set(shown),
		from: 0,
		to: collated.places.length,
		notes: [
			{
				id: 'n<1>',
				title: 'A <i>note</i> & more',
				markdown: 'Raw <script>alert(2)</script> and <b>bold</b>.',
				html: '<p>Raw and <strong>bold</strong>.</p>',
				place: 0
			}
		],
		permalink: '',
		accessed: '2026-12-02'
	});
}
