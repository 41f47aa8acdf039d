import { describe, expect, it } from 'vitest';
import { apparatusPath, apparatusUrl, caseApparatus, parseApparatusState, placeNotes } from './apparatus-view';
import { apparatusParagraphs, readingShown, variantPlaces, witnessText } from './pipeline/apparatus';
import { caseView } from './view';
import { collate } from './pipeline/collate';
import { loadCorpus } from './server/corpus';

const gettysburg = loadCorpus('corpus').find((c) => c.slug === 'gettysburg')!;
const note = (id: string, witness: string, quote: string) => ({
	id,
	title: id,
	html: '',
	markdown: '',
	anchor: { witness, quote }
});

describe('caseApparatus', () => {
	it('collates every copy against the case’s base, with their sigla, and places each note', () => {
		const view = caseApparatus(gettysburg);
		expect(view.witnesses.map((w) => [w.id, w.siglum])).toEqual([
			['nicolay', 'Nicolay'],
			['hay', 'Hay'],
			['everett', 'Everett'],
			['bancroft', 'Bancroft'],
			['bliss', 'Bliss']
		]);
		for (const w of gettysburg.witnesses) expect(witnessText(view.apparatus, w.id)).toBe(w.text);
		const underGod = view.notes.find((n) => n.noteId === '03-under-god')!;
		expect(underGod.status).toBe('anchored');
		expect(view.apparatus.places[underGod.place!].readings.map((r) => [readingShown(r.text), r.witnesses])).toEqual([
			['', ['nicolay', 'hay']],
			['under God,', ['everett', 'bancroft', 'bliss']]
		]);
		// The introduction first, then the notes as a reader meets them.
		expect(view.notes.map((n) => n.noteId)).toEqual([
			'00-the-copies',
			'01-gave-their-lives',
			'02-fitting-and-proper',
			'06-consecrated-it',
			'04-unfinished-work',
			'05-to-stand-here',
			'03-under-god'
		]);
		expect(view.notes.map((n) => n.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('with all copies but two set aside, reads as the pair does: Nicolay to Bliss, 32 changes', () => {
		// The pair's 32 changes (31 shown, and one of layout: a paragraph break where the other has a
		// space, which the apparatus gives as ¶).
		const view = caseApparatus(gettysburg);
		const places = variantPlaces(view.apparatus, new Set(['nicolay', 'bliss']));
		expect(places).toHaveLength(32);
		expect(caseView(gettysburg).stats.changes).toBe(32);
	});

	it('puts the base chosen first, the others in the case’s order', () => {
		const view = caseApparatus(gettysburg, 'bliss');
		expect(view.apparatus.witnesses).toEqual(['bliss', 'nicolay', 'hay', 'everett', 'bancroft']);
		expect(view.defaultBase).toBe('nicolay');
		expect(apparatusPath(view, 'bliss')).toBe('/cases/gettysburg/apparatus/bliss');
		expect(apparatusPath(view, 'nicolay')).toBe('/cases/gettysburg/apparatus');
	});
});

describe('placeNotes', () => {
	const witnesses = [
		{ id: 'a', text: 'We are met on a great field.\n\nIt is fitting.' },
		{ id: 'b', text: 'We are met on a great battle-field.\n\nIt is altogether fitting.' }
	];
	const apparatus = collate(witnesses);

	it('marks a passage all read alike where it ends, and one in a variant at its place', () => {
		const notes = placeNotes(apparatus, witnesses, [
			note('field', 'b', 'battle-field'),
			note('met', 'b', 'We are met'),
			note('lost', 'a', 'not there'),
			note('nowhere', 'c', 'We')
		]);
		expect(notes.map((n) => [n.noteId, n.number, n.status, n.place, n.at, n.problem])).toEqual([
			['met', 1, 'anchored', 0, 10, undefined],
			['field', 2, 'anchored', 1, undefined, undefined],
			['lost', 3, 'unanchored', undefined, undefined, 'quote not found once in a'],
			['nowhere', 4, 'unanchored', undefined, undefined, 'no witness “c” in this collation']
		]);
		expect(apparatusParagraphs(apparatus, new Set(['a', 'b']), [
			{ noteId: 'met', place: 0, at: 10 },
			{ noteId: 'field', place: 1 }
		])).toEqual([
			[
				{ kind: 'text', text: 'We are met' },
				{ kind: 'note', noteId: 'met' },
				{ kind: 'text', text: ' on a great ' },
				{ kind: 'place', place: 1, text: 'field' },
				{ kind: 'note', noteId: 'field' },
				{ kind: 'text', text: '.' }
			],
			[
				{ kind: 'text', text: 'It is ' },
				{ kind: 'place', place: 4, text: '' },
				{ kind: 'text', text: 'fitting.' }
			]
		]);
	});

	it('reads a place where only a witness set aside differs as agreed text', () => {
		expect(apparatusParagraphs(apparatus, new Set(['a']))).toEqual([
			[{ kind: 'text', text: 'We are met on a great field.' }],
			[{ kind: 'text', text: 'It is fitting.' }]
		]);
	});
});

describe('the apparatus view’s address', () => {
	const view = { witnesses: ['nicolay', 'hay', 'bliss'].map((id) => ({ id })) } as Parameters<typeof parseApparatusState>[1];

	it('reads the witnesses set aside, the table and the place, ignoring what names nothing', () => {
		const params = new URLSearchParams('without=bliss,nicolay,nobody&view=table&place=12');
		expect(parseApparatusState(params, view)).toEqual({ without: ['bliss'], table: true, place: 12 });
		expect(parseApparatusState(new URLSearchParams('place=-1&view=grid'), view)).toEqual({
			without: [],
			table: false,
			place: null
		});
	});

	it('writes them back readably, keeping the rest of the address', () => {
		const url = apparatusUrl(new URL('https://x.org/cases/g/apparatus?mode=side#note-1'), {
			without: ['hay', 'bliss'],
			table: true,
			place: 3
		});
		expect(url.href).toBe('https://x.org/cases/g/apparatus?mode=side&without=hay,bliss&view=table&place=3#note-1');
		expect(apparatusUrl(url, { without: [], table: false, place: null }).href).toBe(
			'https://x.org/cases/g/apparatus?mode=side#note-1'
		);
	});
});
