import { describe, expect, it } from 'vitest';
import { collate } from '../../pipeline/collate';
import { witnessText } from '../../pipeline/apparatus';
import { getCase } from '../../server/corpus';
import { caseView } from '../../view';
import { apparatusExcerpt, type ApparatusCase } from './excerpt';

const gettysburg = getCase('gettysburg')!;
const view = caseView(gettysburg);
const apparatus = collate(gettysburg.witnesses.map(({ id, text }) => ({ id, text })));
const all = new Set(apparatus.witnesses);
const options = { permalink: 'https://pencilmarks.example/cases/gettysburg/apparatus', accessed: '2026-12-02' };

describe('apparatusExcerpt', () => {
	it('takes whole places, every witness described as the case describes it, with its siglum', () => {
		const excerpt = apparatusExcerpt(view, apparatus, { ...options, shown: all, from: 2, to: 5 });
		expect(excerpt.places.map((p) => p.readings.map((r) => [r.text, r.witnesses.join(' ')]))).toEqual([
			[[' ', 'nicolay hay everett bancroft bliss']],
			[
				['upon', 'nicolay hay everett'],
				['on', 'bancroft bliss']
			],
			[[' this continent,\na new nation, conceived in ', 'nicolay hay everett bancroft bliss']]
		]);
		expect(excerpt.witnesses.map((w) => [w.id, w.siglum, w.label])).toEqual([
			['nicolay', 'Nicolay', 'Nicolay copy (first draft)'],
			['hay', 'Hay', 'Hay copy (second draft)'],
			['everett', 'Everett', 'Everett copy'],
			['bancroft', 'Bancroft', 'Bancroft copy'],
			['bliss', 'Bliss', 'Bliss copy (final)']
		]);
		expect(excerpt.witnesses[3]).toEqual({
			id: 'bancroft',
			label: 'Bancroft copy',
			siglum: 'Bancroft',
			language: 'en',
			description: 'Transcription of the Bancroft copy, the fourth of the five copies.',
			written:
				'About 29 February 1864, at George Bancroft’s request for the Baltimore Sanitary Fair; ' +
				'written on both sides of the paper, and so unusable for the facsimile book.',
			heldBy: 'Cornell University Library.'
		});
		expect(excerpt.setAside).toEqual([]);
		expect(excerpt.citation).toEqual({
			sources: gettysburg.sources.map((s) => s.citation),
			permalink: 'https://pencilmarks.example/cases/gettysburg/apparatus',
			accessed: '2026-12-02'
		});
		expect(excerpt).toMatchObject({
			title: 'The Gettysburg Address: five manuscript copies',
			slug: 'gettysburg',
			kind: 'Draft-to-final revision history',
			date: '1863-11-19',
			authors: ['Abraham Lincoln']
		});
	});

	it('gives the readings of the witnesses shown only, names those set aside, and rebuilds each shown', () => {
		const shown = new Set(['hay', 'bancroft', 'bliss']);
		const excerpt = apparatusExcerpt(view, apparatus, { ...options, shown, from: 0, to: apparatus.places.length });
		expect(excerpt.witnesses.map((w) => w.id)).toEqual(['hay', 'bancroft', 'bliss']);
		expect(excerpt.setAside).toEqual(['Nicolay copy (first draft)', 'Everett copy']);
		expect(excerpt.places[3].readings).toEqual([
			{ text: 'upon', witnesses: ['hay'], words: 1 },
			{ text: 'on', witnesses: ['bancroft', 'bliss'], words: 1 }
		]);
		// Hay's reading first: it is the base of this excerpt, though not the first in the apparatus.
		const comma = apparatus.places.findIndex((p) => p.readings.some((r) => r.text === ',' && r.witnesses.join() === 'hay'));
		expect(apparatus.places[comma].readings.map((r) => [r.text, r.witnesses])).toEqual([
			['', ['nicolay', 'everett', 'bancroft', 'bliss']],
			[',', ['hay']]
		]);
		expect(excerpt.places[comma].readings).toEqual([
			{ text: ',', witnesses: ['hay'], words: 0 },
			{ text: '', witnesses: ['bancroft', 'bliss'], words: 0 }
		]);
		const whole = { witnesses: excerpt.witnesses.map((w) => w.id), places: excerpt.places };
		for (const id of shown) expect(witnessText(whole, id)).toBe(gettysburg.witnesses.find((w) => w.id === id)!.text);
	});

	it('keeps the notes of the places exported, counted from the excerpt’s first place, in order', () => {
		const note = (id: string, place: number) => ({ id, title: id, markdown: id, html: `<p>${id}</p>`, place });
		const notes = [note('later', 4), note('before', 1), note('upon', 3), note('after', 5)];
		const excerpt = apparatusExcerpt(view, apparatus, { ...options, shown: all, from: 2, to: 5, notes });
		expect(excerpt.notes.map((n) => [n.id, n.place])).toEqual([
			['upon', 1],
			['later', 2]
		]);
	});

	it('cites a reader’s own comparison as private: no permalink, its people, and only labels', () => {
		const own: ApparatusCase = {
			...view,
			private: true,
			people: ['Ann Author (speaker)'],
			witnesses: [
				{ id: 'a', label: 'Draft', description: 'draft.txt', source: 'own' },
				{ id: 'b', label: 'Draft', description: 'pasted', source: 'own', language: 'de' }
			]
		};
		const pair = collate([
			{ id: 'a', text: 'We met at noon.' },
			{ id: 'b', text: 'We met at one.' }
		]);
		const excerpt = apparatusExcerpt(own, pair, { ...options, shown: new Set(['a', 'b']), from: 0, to: 9 });
		expect(excerpt.witnesses).toEqual([
			{ id: 'a', label: 'Draft', siglum: 'Draft', language: 'en' },
			{ id: 'b', label: 'Draft', siglum: 'Draft 2', language: 'de' }
		]);
		expect(excerpt.private).toEqual({ people: ['Ann Author (speaker)'] });
		expect(excerpt.citation.permalink).toBe('');
		expect(excerpt.places).toHaveLength(pair.places.length);
	});

	it('refuses an excerpt with no witness shown', () => {
		expect(() => apparatusExcerpt(view, apparatus, { ...options, shown: new Set(['x']), from: 0, to: 1 })).toThrow(
			'An apparatus excerpt needs a witness shown; none of the apparatus is.'
		);
	});
});
