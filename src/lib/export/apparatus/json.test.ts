import { describe, expect, it } from 'vitest';
import { HOSTILE, hostileExcerpt, PERMALINK, uponExcerpt } from '../../test/apparatus-fixture';
import { chicagoCitation } from '../citation';
import { apparatusJson, apparatusJsonText, rebuildApparatus } from './json';

describe('apparatusJson', () => {
	it('holds the witnesses, every place with every reading, the notes and the citation, as version 3', () => {
		const excerpt = uponExcerpt(['nicolay', 'bancroft', 'bliss']);
		const json = apparatusJson(excerpt);
		expect(json.format).toBe('pencilmarks-excerpt');
		expect(json.version).toBe(3);
		expect(json.case).toEqual({
			title: 'The Gettysburg Address: five manuscript copies',
			slug: 'gettysburg',
			kind: 'Draft-to-final revision history',
			date: '1863-11-19'
		});
		expect(json.witnesses.map(({ id, label, siglum, language }) => [id, label, siglum, language])).toEqual([
			['nicolay', 'Nicolay copy (first draft)', 'Nicolay', 'en'],
			['bancroft', 'Bancroft copy', 'Bancroft', 'en'],
			['bliss', 'Bliss copy (final)', 'Bliss', 'en']
		]);
		expect(json.witnesses[1].heldBy).toBe('Cornell University Library.');
		expect(json.setAside).toEqual(['Hay copy (second draft)', 'Everett copy']);
		expect(json.places).toEqual([
			{ from: 0, to: 56, readings: [{ text: 'Four score and seven years ago our fathers brought forth', witnesses: ['nicolay', 'bancroft', 'bliss'], words: 10 }] },
			{ from: 56, to: 57, readings: [{ text: ',', witnesses: ['nicolay', 'bancroft', 'bliss'], words: 0 }] },
			{ from: 57, to: 58, readings: [{ text: ' ', witnesses: ['nicolay', 'bancroft', 'bliss'], words: 0 }] },
			{
				from: 58,
				to: 62,
				readings: [
					{ text: 'upon', witnesses: ['nicolay'], words: 1 },
					{ text: 'on', witnesses: ['bancroft', 'bliss'], words: 1 }
				]
			},
			{
				from: 62,
				to: 106,
				readings: [
					{
						text: ' this continent,\na new nation, conceived in ',
						witnesses: ['nicolay', 'bancroft', 'bliss'],
						words: 7,
						layout: {
							bancroft: ' this continent, a\nnew nation, conceived in ',
							bliss: ' this continent, a\nnew nation, conceived in '
						}
					}
				]
			},
			{
				from: 106,
				to: 113,
				readings: [
					{ text: 'liberty', witnesses: ['nicolay'], words: 1 },
					{ text: 'Liberty', witnesses: ['bancroft', 'bliss'], words: 1 }
				]
			},
			{ from: 113, to: 153, readings: [{ text: ', and dedicated to the proposition that ', witnesses: ['nicolay', 'bancroft', 'bliss'], words: 6 }] }
		]);
		expect(json.notes).toEqual([
			{ id: 'upon', number: 1, title: '“Upon” & “on”', markdown: 'The *fourth* copy reads “on”.', place: 3 }
		]);
		expect(json.citation).toEqual({
			text: chicagoCitation(excerpt),
			sources: excerpt.citation.sources,
			permalink: PERMALINK,
			accessed: '2026-12-02'
		});
	});

	it('rebuilds every witness shown, byte for byte, from the JSON alone', () => {
		const json = JSON.parse(apparatusJsonText(uponExcerpt()));
		expect(rebuildApparatus(json).map((w) => w.id)).toEqual(['nicolay', 'hay', 'everett', 'bancroft', 'bliss']);
		expect(rebuildApparatus(json)[3].text).toBe(
			'Four score and seven years ago our fathers brought forth, on this continent, a\nnew nation, ' +
				'conceived in Liberty, and dedicated to the proposition that '
		);
		const hostile = JSON.parse(apparatusJsonText(hostileExcerpt()));
		expect(rebuildApparatus(hostile)).toEqual(Object.entries(HOSTILE).map(([id, text]) => ({ id, text })));
	});

	it('writes tab-indented JSON with one trailing newline', () => {
		const text = apparatusJsonText(uponExcerpt());
		expect(text.startsWith('{\n\t"format": "pencilmarks-excerpt",\n\t"version": 3,\n')).toBe(true);
		expect(text.endsWith('}\n')).toBe(true);
	});
});
