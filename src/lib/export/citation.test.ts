import { describe, expect, it } from 'vitest';
import { chicagoCitation, translatorsOf, witnessFacts } from './citation';
import { fixture } from '../test/excerpt-fixture';

describe('chicagoCitation', () => {
	it('cites the case, its kind and date, the site, permalink and access date, then the sources', () => {
		expect(chicagoCitation(fixture)).toBe(
			'“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, ' +
				'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, ' +
				'accessed 27 November 2026. Sources: Example Editor, ed., Trial Transcript (Moscow: ' +
				'Example Press, 1938). A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 ' +
				'(1996): 1–20.'
		);
	});

	it('says "Source" for one, and nothing when there are none', () => {
		const one = { ...fixture.citation, sources: ['A. Author, Book (1990)'] };
		expect(chicagoCitation({ ...fixture, citation: one })).toMatch(
			/accessed 27 November 2026\. Source: A\. Author, Book \(1990\)\.$/
		);
		const none = { ...fixture.citation, sources: [] };
		expect(chicagoCitation({ ...fixture, citation: none })).toMatch(
			/accessed 27 November 2026\.$/
		);
	});

	it('cites every witness of an apparatus excerpt, and each of their translators', () => {
		const { base, target, mode: _mode, blocks: _blocks, ...rest } = fixture;
		const third = { id: 'izvestia', label: 'Izvestia', siglum: 'Iz', language: 'en', translator: 'T. R.' };
		const excerpt = {
			...rest,
			witnesses: [
				{ ...base, siglum: 'S', description: 'What was said.' },
				{ ...target, siglum: 'P' },
				third
			],
			setAside: [],
			places: [],
			notes: []
		};
		expect(chicagoCitation(excerpt)).toBe(
			'“Bukharin’s final statement,” Redaction, 12 March 1938, translated by T. R., Pencilmarks, ' +
				'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November ' +
				'2026. Witnesses: As spoken: What was said. Izvestia: Translated by T. R. Sources: Example ' +
				'Editor, ed., Trial Transcript (Moscow: Example Press, 1938). A. N. Other & B. Someone, ' +
				'“The Pencil Marks,” Example Journal 1 (1996): 1–20.'
		);
	});

	it('puts no comma after a title that ends with its own stop', () => {
		expect(chicagoCitation({ ...fixture, title: 'Who struck it?' })).toMatch(
			/^“Who struck it\?” Redaction, /
		);
	});

	it('takes the access date from the excerpt, not the clock', () => {
		const citation = { ...fixture.citation, accessed: '1999-01-02' };
		expect(chicagoCitation({ ...fixture, citation })).toContain(', accessed 2 January 1999.');
	});

	// Issue 9: a reader's own comparison cited `…/compare#x=…`, which only their browser can open,
	// and named Pencilmarks as its publisher.
	it('cites a private comparison with what the reader gave, and says it is private', () => {
		const own = {
			...fixture,
			private: { people: ['Ann Author (speaker)', 'Ed Itor (editor)'] },
			citation: { sources: ['My own transcript'], permalink: '', accessed: '2026-11-27' }
		};
		expect(chicagoCitation(own)).toBe(
			'“Bukharin’s final statement,” Redaction, 12 March 1938, Ann Author (speaker); Ed Itor ' +
				'(editor). A private comparison, not published; exported 27 November 2026. Source: My ' +
				'own transcript.'
		);
		expect(chicagoCitation({ ...own, date: '', private: { people: [] } })).toBe(
			'“Bukharin’s final statement,” Redaction, n.d. A private comparison, not published; ' +
				'exported 27 November 2026. Source: My own transcript.'
		);
	});

	it('names the translator before the site, then says what each witness is', () => {
		const described = {
			...fixture,
			base: {
				id: 'spoken',
				label: 'As spoken',
				language: 'en',
				description: 'Passages of the stenogram, in translation.',
				translator: 'T. Ranslator'
			},
			target: {
				id: 'published',
				label: 'As published',
				language: 'en',
				description: 'The printed transcript',
				translator: 'T. Ranslator',
				written: 'March 1938',
				heldBy: 'A library.'
			},
			citation: { ...fixture.citation, sources: ['A. Author, Book (1990)'] }
		};
		expect(chicagoCitation(described)).toBe(
			'“Bukharin’s final statement,” Redaction, 12 March 1938, translated by T. Ranslator, ' +
				'Pencilmarks, https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, ' +
				'accessed 27 November 2026. Witnesses: As spoken: Passages of the stenogram, in ' +
				'translation. Translated by T. Ranslator. As published: The printed transcript. ' +
				'Translated by T. Ranslator. Written: March 1938. Held by: A library. Source: A. Author, ' +
				'Book (1990).'
		);
	});
});

describe('witnessFacts', () => {
	it('says what a witness is, who translated it, when it was written and who holds it', () => {
		expect(
			witnessFacts({
				description: 'A transcription.',
				translator: 'T. R.',
				written: 'About 29 February 1864',
				heldBy: 'Cornell University Library.'
			})
		).toEqual([
			{ kind: 'description', text: 'A transcription.' },
			{ kind: 'translation', text: 'Translated by T. R.' },
			{ kind: 'written', text: 'Written: About 29 February 1864.' },
			{ kind: 'held-by', text: 'Held by: Cornell University Library.' }
		]);
		expect(witnessFacts({ description: ' ' })).toEqual([]);
	});
});

describe('translatorsOf', () => {
	it('names each translator once, in order', () => {
		expect(translatorsOf([{ translator: 'B' }, {}, { translator: 'A' }, { translator: 'B' }])).toEqual(['B', 'A']);
	});
});
