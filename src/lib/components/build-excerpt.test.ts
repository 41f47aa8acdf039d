import { describe, expect, it } from 'vitest';
import { chicagoCitation } from '$lib/export/citation';
import { LaidText } from '$lib/pipeline/laid';
import { getCase } from '$lib/server/corpus';
import { fixture, inMode } from '$lib/test/excerpt-fixture';
import { caseView } from '$lib/view';
import { buildExcerpt, shownWords } from './build-excerpt';

describe('buildExcerpt', () => {
	const excerptOf = (slug: string, pair?: { base: string; target: string }) => {
		const view = caseView(getCase(slug)!, pair);
		const text = LaidText.of(view.text, view.texts);
		return buildExcerpt(view, text, { start: 0, end: text.starts[1] }, {
			mode: 'marks',
			includeNotes: false,
			page: `https://pencilmarks.example/cases/${slug}`,
			accessed: '2026-12-02'
		});
	};

	it('describes both witnesses of the pair as the case does, and cites them', () => {
		const excerpt = excerptOf('gettysburg', { base: 'hay', target: 'bancroft' });
		expect(excerpt.target).toEqual({
			id: 'bancroft',
			label: 'Bancroft copy',
			description: 'Transcription of the Bancroft copy, the fourth of the five copies.',
			written:
				'About 29 February 1864, at George Bancroft’s request for the Baltimore Sanitary Fair; ' +
				'written on both sides of the paper, and so unusable for the facsimile book.',
			heldBy: 'Cornell University Library.'
		});
		const citation = chicagoCitation(excerpt);
		expect(citation.slice(citation.indexOf(' Witnesses: '), citation.indexOf(' Sources: '))).toBe(
			' Witnesses: Hay copy (second draft): Transcription of the Hay copy, the second draft, as a ' +
				'clean reading text: Lincoln’s own pencil corrections on this manuscript are already ' +
				'applied, so they do not show as changes. Written: Probably soon after Lincoln’s return ' +
				'from Gettysburg; Lincoln’s first revision. Held by: Library of Congress (given by John ' +
				'Hay’s descendants in 1916, with the Nicolay copy). Bancroft copy: Transcription of the ' +
				'Bancroft copy, the fourth of the five copies. Written: About 29 February 1864, at George ' +
				'Bancroft’s request for the Baltimore Sanitary Fair; written on both sides of the paper, ' +
				'and so unusable for the facsimile book. Held by: Cornell University Library.'
		);
	});

	it('cites a translation as translated, never as the speaker’s own English', () => {
		const excerpt = excerptOf('bukharin-1938');
		expect([excerpt.base.translator, excerpt.target.translator]).toEqual([
			'Paul R. Gregory',
			'Paul R. Gregory'
		]);
		expect(chicagoCitation(excerpt)).toMatch(
			/^“Bukharin’s final statement, 12 March 1938,” Redaction, 12 March 1938, translated by Paul R\. Gregory, Pencilmarks, https:\/\/pencilmarks\.example\/cases\/bukharin-1938#/
		);
	});
});

const drawn = (words: ReturnType<typeof shownWords>) =>
	words.map((w) => ({ none: w.text, struck: `-${w.text}`, added: `+${w.text}`, moved: `>${w.text}` })[
		w.mark
	]);

describe('shownWords', () => {
	// Issue 9: the export dialog's summary read "everlastingeternal", "1989, 19912007".
	it('keeps a rewrite apart: a word struck, then a word added', () => {
		const excerpt = {
			...fixture,
			blocks: [
				{
					kind: 'paragraph' as const,
					inA: true,
					inB: true,
					spans: [
						{ kind: 'equal' as const, text: 'In 1989, ' },
						{ kind: 'delete' as const, text: '1991', change: 'c-1', first: true },
						{ kind: 'insert' as const, text: '2007', change: 'c-1' },
						{ kind: 'equal' as const, text: ' and for ' },
						{ kind: 'delete' as const, text: 'everlasting', change: 'c-2', first: true },
						{ kind: 'insert' as const, text: 'eternal', change: 'c-2' },
						{ kind: 'equal' as const, text: 'ly.' }
					]
				}
			]
		};
		expect(drawn(shownWords(excerpt))).toEqual([
			'In',
			'1989,',
			'-1991',
			'+2007',
			'and',
			'for',
			'-everlasting',
			'+eternal',
			'ly.'
		]);
		expect(drawn(shownWords({ ...excerpt, mode: 'target' }))).toEqual([
			'In',
			'1989,',
			'2007',
			'and',
			'for',
			'eternally.'
		]);
	});

	it('ends a word at a paragraph’s end, and leaves out gaps', () => {
		expect(drawn(shownWords(inMode('base')))).toEqual(
			(
				'The accused Bukharin pleads guilty to the sum total of the crimes. I was never in the ' +
				'[non-existent] bloc. I ask the court for mercy.'
			).split(' ')
		);
		expect(drawn(shownWords(fixture)).slice(-9)).toEqual([
			'bloc',
			'+abroad',
			'.',
			'-I',
			'-ask',
			'-the',
			'-court',
			'-for',
			'-mercy.'
		]);
	});
});
