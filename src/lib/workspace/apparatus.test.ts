import { describe, expect, it } from 'vitest';
import { collate } from '../pipeline/collate';
import { witnessText } from '../pipeline/apparatus';
import {
	collationNotice,
	collationProblem,
	collationTexts,
	sameTexts,
	workspaceApparatus,
	type Collation
} from './apparatus';
import { emptyWorkspace } from './defaults';
import type { Workspace } from './types';

/** Three versions of a sentence: the second changes a word, the third adds one. */
function three(): Workspace {
	const ws = emptyWorkspace();
	ws.meta.title = 'A meeting';
	ws.meta.people = ['Jane Doe (witness)'];
	ws.texts[0] = { ...ws.texts[0], text: 'We met at noon that day.', language: 'en' };
	ws.texts[1] = { ...ws.texts[1], text: 'We met at one that day.', origin: 'minutes.txt', language: 'en' };
	ws.texts.push({ id: 'version', label: 'Version 3', text: 'We met at noon on that day.', origin: 'pasted', language: 'und' });
	return ws;
}

/** The workspace's texts collated as the worker collates them. */
function collated(ws: Workspace): Collation {
	const texts = collationTexts(ws);
	return { texts, apparatus: collate(texts.map(({ id, text }) => ({ id, text }))) };
}

const note = (id: string, quote: string | null, witness = 'spoken') => ({
	id,
	title: `Note ${id}`,
	markdown: `On ${quote}.`,
	html: `<p>On ${quote}.</p>`,
	anchor: quote === null ? null : { witness, quote }
});

describe('collationTexts', () => {
	it('puts the base first, then the other texts in the workspace’s order', () => {
		const ws = three();
		ws.base = 'published';
		ws.texts[2].lines = true;
		expect(collationTexts(ws)).toStrictEqual([
			{ id: 'published', text: 'We met at one that day.', lines: false },
			{ id: 'spoken', text: 'We met at noon that day.', lines: false },
			{ id: 'version', text: 'We met at noon on that day.', lines: true }
		]);
	});

	it('takes the first text as the base when the workspace’s names none of its texts', () => {
		const ws = three();
		ws.base = 'gone';
		expect(collationTexts(ws).map((t) => t.id)).toEqual(['spoken', 'published', 'version']);
	});
});

describe('sameTexts', () => {
	it('tells apart texts that differ in their words, their lines, their order or their number', () => {
		const texts = collationTexts(three());
		const copy = () => texts.map((t) => ({ ...t }));
		expect(sameTexts(texts, copy())).toBe(true);
		const edited = copy();
		edited[1].text += ' ';
		expect(sameTexts(texts, edited)).toBe(false);
		const lines = copy();
		lines[2].lines = true;
		expect(sameTexts(texts, lines)).toBe(false);
		expect(sameTexts(texts, copy().reverse())).toBe(false);
		expect(sameTexts(texts, copy().slice(1))).toBe(false);
	});
});

describe('collationProblem', () => {
	it('is null when every text has words', () => {
		expect(collationProblem(three().texts)).toBe(null);
	});

	it('names the empty texts (white space is empty too), and says what to do', () => {
		const ws = three();
		ws.texts[2].text = ' \n';
		expect(collationProblem(ws.texts)).toBe(
			'“Version 3” is empty: give it a text, or remove it, to see all the texts at once.'
		);
		ws.texts[0].text = '';
		expect(collationProblem(ws.texts)).toBe(
			'“As spoken” and “Version 3” are empty: give them texts, or remove them, to see all the texts at once.'
		);
		ws.texts.push({ ...ws.texts[2], id: 'version-4', label: 'Version 4' });
		expect(collationProblem(ws.texts)).toBe(
			'“As spoken”, “Version 3” and “Version 4” are empty: give them texts, or remove them, to see all the texts at once.'
		);
		ws.texts[1].text = '';
		expect(collationProblem(ws.texts)).toBe('Give the 4 texts to see them all at once.');
	});
});

describe('collationNotice', () => {
	const labels = { spoken: 'As spoken', published: 'As published', 'version': 'Version 3' };

	it('says nothing of texts that differ', () => {
		expect(collationNotice(collated(three()), labels)).toBe(null);
	});

	it('names each text that is the same as an earlier one', () => {
		const ws = three();
		ws.texts[2].text = ws.texts[0].text;
		expect(collationNotice(collated(ws), labels)).toBe(
			'“Version 3” is the same text as “As spoken”: they share every reading.'
		);
		ws.base = 'version';
		expect(collationNotice(collated(ws), labels)).toBe(
			'“As spoken” is the same text as “Version 3”: they share every reading.'
		);
	});

	it('says when all are identical, or differ only in white space', () => {
		const ws = three();
		for (const t of ws.texts) t.text = 'We met at noon.';
		expect(collationNotice(collated(ws), labels)).toBe('The 3 texts are identical: no differences.');
		ws.texts[1].text = 'We met\nat noon.';
		expect(collationNotice(collated(ws), labels)).toBe(
			'No differences in the words: the 3 texts differ only in white space or line endings.'
		);
	});
});

describe('workspaceApparatus', () => {
	it('makes each text a witness, the base first, with its label as its siglum', () => {
		const ws = three();
		ws.base = 'version';
		const view = workspaceApparatus(ws, collated(ws), []);
		expect(view.witnesses).toStrictEqual([
			{ id: 'version', label: 'Version 3', language: 'und', siglum: 'Version 3', description: 'pasted', source: 'own' },
			{ id: 'spoken', label: 'As spoken', language: 'en', siglum: 'As spoken', description: 'pasted', source: 'own' },
			{ id: 'published', label: 'As published', language: 'en', siglum: 'As published', description: 'minutes.txt', source: 'own' }
		]);
		expect(view).toMatchObject({
			slug: 'a-meeting',
			title: 'A meeting',
			people: ['Jane Doe (witness)'],
			authors: ['Jane Doe'],
			kind: 'Comparison',
			language: 'und',
			defaultBase: 'version',
			sources: [{ id: 'own', citation: 'Supplied by the person who made this comparison.' }],
			private: true
		});
		expect(view.apparatus.witnesses).toEqual(['version', 'spoken', 'published']);
		// Every text is rebuilt from the apparatus as it was given.
		for (const t of ws.texts) expect(witnessText(view.apparatus, t.id)).toBe(t.text);
	});

	it('shows the texts’ labels as they are now, and a text removed since by its id', () => {
		const ws = three();
		const collation = collated(ws);
		ws.texts[1].label = 'Minutes';
		ws.texts.splice(2, 1);
		expect(workspaceApparatus(ws, collation, []).witnesses.map((w) => [w.siglum, w.language])).toEqual([
			['As spoken', 'en'],
			['Minutes', 'en'],
			['version', 'und']
		]);
	});

	/** The notes of the three texts: one on the whole, four anchored (one in no text). */
	const notes = () => [
		note('whole', null),
		note('day', 'that day', 'published'),
		note('on', 'noon on', 'version'),
		note('noon', 'noon'),
		note('gone', 'midnight')
	];

	it('places each note at its place in the texts as collated, and says why one stands nowhere', () => {
		const ws = three();
		const collation = collated(ws);
		// Typed since the collation: the notes are placed in the texts it was made from.
		ws.texts[0].text = 'Something else.';
		const placed = workspaceApparatus(ws, collation, notes()).notes;
		expect(
			Object.fromEntries(placed.map(({ noteId, status, place, at, html, problem }) => [noteId, { status, place, at, html, problem }]))
		).toStrictEqual({
			noon: { status: 'anchored', place: 1, at: undefined, html: '<p>On noon.</p>', problem: undefined },
			on: { status: 'anchored', place: 3, at: undefined, html: '<p>On noon on.</p>', problem: undefined },
			// In a place all read alike, after the quote: where it ends in the base's text there.
			day: { status: 'anchored', place: 4, at: 8, html: '<p>On that day.</p>', problem: undefined },
			whole: { status: 'case', place: undefined, at: undefined, html: '<p>On null.</p>', problem: undefined },
			gone: {
				status: 'unanchored',
				place: undefined,
				at: undefined,
				html: '<p>On midnight.</p>',
				problem: 'quote not found once in spoken'
			}
		});
	});

	it('numbers the notes on the whole first, then in reading order, those that stand nowhere after', () => {
		const ws = three();
		const placed = workspaceApparatus(ws, collated(ws), notes()).notes;
		expect(placed.map((n) => [n.number, n.noteId])).toEqual([
			[1, 'whole'],
			[2, 'noon'],
			[3, 'on'],
			[4, 'day'],
			[5, 'gone']
		]);
	});
});
