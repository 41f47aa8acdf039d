import { describe, expect, it } from 'vitest';
import { collate } from '../../pipeline/collate';
import { getCase } from '../../server/corpus';
import type { ApparatusExcerpt } from '../../types';
import { caseView } from '../../view';
import { apparatusLegend, apparatusSubtitle, classicApparatus, collapse, siglaKey } from './classic';
import { apparatusExcerpt } from './excerpt';
import { entryText } from './text';

const gettysburg = getCase('gettysburg')!;
const apparatus = collate(gettysburg.witnesses.map(({ id, text }) => ({ id, text })));
const five = apparatusExcerpt(caseView(gettysburg), apparatus, {
	shown: new Set(apparatus.witnesses),
	from: 0,
	to: apparatus.places.length,
	permalink: 'https://pencilmarks.example/cases/gettysburg/apparatus',
	accessed: '2026-12-02'
});

/** An excerpt of texts collated here, each witness its id as siglum and label. */
function excerptOf(texts: Record<string, string>, languages: Record<string, string> = {}): ApparatusExcerpt {
	const collated = collate(Object.entries(texts).map(([id, text]) => ({ id, text })));
	return {
		title: 'T',
		slug: 't',
		kind: 'Comparison',
		date: '',
		authors: [],
		witnesses: collated.witnesses.map((id) => ({ id, label: id, siglum: id, language: languages[id] ?? 'en' })),
		setAside: [],
		places: collated.places,
		notes: [],
		citation: { sources: [], permalink: '', accessed: '2026-12-02' }
	};
}

describe('classicApparatus', () => {
	it('gives the 48 variant places of the five Gettysburg copies, each as a reader can take it in', () => {
		const { entries } = classicApparatus(five);
		expect(entries).toHaveLength(48);
		const shown = (n: number) => entryText(entries[n - 1]);
		expect(shown(2)).toBe('upon Nicolay, Hay, Everett] on Bancroft, Bliss');
		expect(entries[1]).toEqual({
			number: 2,
			place: 3,
			readings: [
				{ text: 'upon', sigla: ['Nicolay', 'Hay', 'Everett'] },
				{ text: 'on', sigla: ['Bancroft', 'Bliss'] }
			]
		});
		// A comma only: shown beside the word before it.
		expect(shown(1)).toBe('forth, Nicolay, Hay, Bancroft, Bliss] forth Everett');
		expect(entries[0].context).toBe('before');
		// Words one witness adds: where they stand, by the word before them.
		expect(shown(8)).toBe('met Nicolay, Everett, Bancroft, Bliss] met here Hay');
		expect(shown(42)).toBe('nation, Nicolay, Hay] nation, under God, Everett, Bancroft, Bliss');
		// Words the others have not: omitted.
		expect(shown(13)).toBe('died Nicolay] (omitted) Hay, Everett, Bancroft, Bliss');
		expect(entries[12].readings[1]).toEqual({ text: '', empty: 'omitted', sigla: ['Hay', 'Everett', 'Bancroft', 'Bliss'] });
		// Three readings; a paragraph break as ¶; a line break as a space.
		expect(shown(24)).toBe('hallow, Nicolay] hallow Hay; hallow— Everett, Bancroft, Bliss');
		expect(shown(30)).toBe('here. ¶ Nicolay] here. Hay, Everett, Bancroft, Bliss');
		expect(shown(17)).toBe(
			'This we may, in all propriety Nicolay] It is altogether fitting and proper that we should Hay, Everett, Bancroft, Bliss'
		);
	});

	it('writes the base’s text in paragraphs, each mark after the word it follows', () => {
		const { paragraphs } = classicApparatus(five);
		expect(paragraphs).toHaveLength(3);
		expect(paragraphs[0]).toEqual([
			'Four score and seven years ago our fathers brought forth,',
			{ variant: 1 },
			' upon',
			{ variant: 2 },
			' this continent,\na new nation, conceived in liberty',
			{ variant: 3 },
			', and dedicated to the proposition that "',
			{ variant: 4 },
			'all\nmen are created equal"',
			{ variant: 5 }
		]);
		// The Bliss copy's signature, only in it, is marked after the last word of the base.
		expect(paragraphs[2].slice(-2)).toEqual([' for the people, shall not perish from the earth.', { variant: 48 }]);
	});

	it('gives a reading with the word after it when no word stands before it in the excerpt', () => {
		const { entries, paragraphs } = classicApparatus(excerptOf({ a: 'nation shall', b: ', under God, nation shall' }));
		expect(entries.map(entryText)).toEqual(['nation a] , under God, nation b']);
		expect(entries[0].context).toBe('after');
		expect(paragraphs).toEqual([[{ variant: 1 }, 'nation shall']]);
	});

	it('says a reading of white space alone is a space, when there is no word to show it by', () => {
		const excerpt = excerptOf({ a: 'hallow this', b: 'hallow—this' });
		const { entries } = classicApparatus({ ...excerpt, places: excerpt.places.slice(1, 2) });
		expect(entries.map(entryText)).toEqual(['(a space) a] — b']);
		expect(entries[0].readings[0].empty).toBe('space');
	});

	it('says which readings are in another language than the base’s', () => {
		const { entries } = classicApparatus(excerptOf({ a: 'We met here.', b: 'Wir trafen uns hier.' }, { b: 'de' }));
		expect(entries[0].readings.map((r) => r.language)).toEqual([undefined, 'de']);
	});

	it('puts a note’s mark after its place, after the variant’s', () => {
		const note = { id: 'n', title: 'N', markdown: 'n', html: '', place: 3 };
		const { paragraphs } = classicApparatus({ ...five, places: five.places.slice(0, 5), notes: [note] });
		expect(paragraphs[0].slice(2, 5)).toEqual([' upon', { variant: 2 }, { note: 1 }]);
	});
});

describe('the words around the apparatus', () => {
	it('collapses white space: a line break is a space, a paragraph break ¶', () => {
		expect(collapse(' a\nb \r\n\r\n c\t')).toBe('a b ¶ c');
	});

	it('names the base and the witnesses whose readings are given, and what each mark means', () => {
		expect(apparatusSubtitle(five)).toBe(
			'Draft-to-final revision history, 19 November 1863: Nicolay copy (first draft) with the ' +
				'readings of Hay copy (second draft), Everett copy, Bancroft copy and Bliss copy (final)'
		);
		const aside = { ...five, setAside: ['Hay copy (second draft)', 'Everett copy'], notes: [] };
		expect(apparatusLegend(aside, { text: (s) => s, em: (s) => `_${s}_` })).toBe(
			'The text is that of Nicolay copy (first draft), the base. A number after a word marks a ' +
				'place where the witnesses differ; its entry gives the base’s reading with the sigla of ' +
				'the witnesses that read it, then “]”, then each other reading with its sigla. _omitted_: ' +
				'those witnesses have nothing there. Where the base’s reading has no words (only ' +
				'punctuation, or nothing where others add words), each reading is given with the word ' +
				'before it. Line breaks are shown as spaces, a paragraph break as ¶. Set aside, and not ' +
				'given here: Hay copy (second draft) and Everett copy.'
		);
	});

	it('keys each siglum to its witness’s label and what the record says of it', () => {
		expect(siglaKey(five)[2]).toEqual({
			siglum: 'Everett',
			words:
				'Everett copy. Transcription of the Everett copy, the third of the five copies. Written: ' +
				'February–March 1864, for the Metropolitan Fair in New York, at Edward Everett’s request. ' +
				'Held by: Abraham Lincoln Presidential Library and Museum, Springfield, Illinois.'
		});
		const own = { ...five, witnesses: [{ id: 'a', label: 'Draft', siglum: 'Draft', language: 'en' }] };
		expect(siglaKey(own)).toEqual([{ siglum: 'Draft', words: '' }]);
	});
});
