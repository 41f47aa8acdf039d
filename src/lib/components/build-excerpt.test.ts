import { describe, expect, it } from 'vitest';
import { chicagoCitation } from '$lib/export/citation';
import { excerptJson, toHtml, toMarkdown, toTei, toText } from '$lib/export';
import { widenToParagraphs } from '$lib/pipeline/excerpt';
import { LaidText } from '$lib/pipeline/laid';
import { getCase } from '$lib/server/corpus';
import { fixture, inMode } from '$lib/test/excerpt-fixture';
import type { ViewMode } from '$lib/types';
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
			language: 'en',
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

describe('buildExcerpt, of a passage whose change is attributed', () => {
	// Bukharin's denial that the bloc existed, which Stalin's pencil struck (changes.txt).
	const view = caseView(getCase('bukharin-1938')!);
	const laid = LaidText.of(view.text, view.texts);
	const at = laid.slice(0, laid.length).indexOf('such a group never existed');
	const range = widenToParagraphs(laid, { start: at, end: at + 1 });
	const denial =
		'I deny most of all the prosecutor’s charge that I belonged to the group sitting on the court ' +
		'bench with me, because such a group never existed!';
	const excerpt = (mode: ViewMode = 'marks') =>
		buildExcerpt(view, laid, range, {
			mode,
			includeNotes: false,
			page: 'https://pencilmarks.example/cases/bukharin-1938',
			accessed: '2026-11-27'
		});
	const lines = (text: string) => text.split('\n');

	it('carries what is said of the changes in it, and only of those', () => {
		expect(excerpt().attributions).toEqual({
			'c-1rnyxzw': {
				hand: 'Stalin, pencil',
				cause: { id: 'political', label: 'Political' },
				cert: 'probable',
				source: view.sources[0]
			}
		});
		const plain = buildExcerpt(view, laid, widenToParagraphs(laid, { start: 0, end: 1 }), {
			mode: 'marks',
			includeNotes: false,
			page: '',
			accessed: '2026-11-27'
		});
		expect(plain).not.toHaveProperty('attributions');
	});

	it('TEI: the kind on the app; the hand, cause and certainty on the reading the cut made', () => {
		const tei = lines(toTei(excerpt()));
		expect(tei.slice(tei.indexOf('\t\t<profileDesc>'), tei.indexOf('\t\t</profileDesc>') + 1)).toEqual([
			'\t\t<profileDesc>',
			'\t\t\t<creation><date when="1938-03-12">12 March 1938</date></creation>',
			'\t\t\t<handNotes>',
			'\t\t\t\t<handNote xml:id="hand-stalin-pencil">Stalin, pencil</handNote>',
			'\t\t\t</handNotes>',
			'\t\t</profileDesc>'
		]);
		expect(tei[tei.indexOf('\t\t<body>') + 1]).toBe(
			`\t\t\t<p><app xml:id="c-1rnyxzw" type="cut"><rdg wit="#spoken">${denial}</rdg>` +
				'<rdg wit="#published" hand="#hand-stalin-pencil" cause="political" cert="medium"/></app></p>'
		);
	});

	it('Markdown and plain text: a bracketed label after the change, which the legend explains', () => {
		expect(lines(toMarkdown(excerpt())).slice(4, 7)).toEqual([
			'Shown with the marks: ~~struck~~ text is only in As spoken; **[+added+]** text is only in ' +
				'As published; who made a change, why and how sure follow it: *\\[hand; cause; certainty\\]*.',
			'',
			`~~${denial}~~ *\\[Stalin, pencil; Political; probable\\]*`
		]);
		expect(lines(toText(excerpt())).slice(2, 5)).toEqual([
			'Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in ' +
				'As published; who made a change, why and how sure follow it: [hand; cause; certainty].',
			'',
			`[-${denial}-] [Stalin, pencil; Political; probable]`
		]);
	});

	it('HTML: a visible label after the change', () => {
		expect(lines(toHtml(excerpt()))).toContain(
			`<p><del id="c-1rnyxzw" data-change="c-1rnyxzw">${denial}</del> ` +
				'<span class="attribution">[Stalin, pencil; Political; probable]</span></p>'
		);
	});

	it('JSON: the attribution on its change, the cause with its label and the source with its citation', () => {
		expect(excerptJson(excerpt()).changes).toEqual([
			{
				id: 'c-1rnyxzw',
				kind: 'delete',
				type: 'cut',
				a: denial,
				b: '',
				attribution: {
					hand: 'Stalin, pencil',
					cause: { id: 'political', label: 'Political' },
					cert: 'probable',
					source: {
						id: 'gregory',
						citation:
							'Gregory, Paul R. “Martyred for Communism.” Hoover Digest (Hoover Institution). ' +
							'https://hoover.org/research/martyred-communism.',
						url: 'https://hoover.org/research/martyred-communism'
					}
				}
			}
		]);
	});

	it('labels nothing in a clean witness, which shows no marks', () => {
		expect(toText(excerpt('base'))).not.toContain('[Stalin, pencil');
		expect(toTei(excerpt('base'))).not.toMatch(/hand|cause=|cert=/);
	});
});
