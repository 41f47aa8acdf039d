import { describe, expect, it } from 'vitest';
import { getCase } from './server/corpus';
import { caseView, pagePath, pageTitle, readingData, workspaceView } from './view';
import { emptyWorkspace } from './workspace/defaults';

const sides = (a: string, b: string) => ({
	a: { id: 'a', label: 'A', text: a },
	b: { id: 'b', label: 'B', text: b }
});

describe('readingData', () => {
	// A refrain first in one text and last in the other, amid text the two do not share: a stretch
	// the aligner cannot follow and reports (see align.test.ts), after two shared paragraphs.
	const refrain = 'Lord, have mercy. Christ, have mercy. '.repeat(50);
	const junk = (seed: string, separator: string) =>
		Array.from({ length: 1000 }, (_, k) => `${seed}${(k * 7919) % 10007}`).join(separator);
	const before = 'The court is in session.\n\nThe accused may speak.\n\n';

	it('places each rough stretch at the block where it begins, with its word counts', () => {
		const reading = readingData(sides(before + refrain + junk('a', ' '), before + junk('b', '—') + ' ' + refrain), []);
		expect(reading.rough).toEqual([{ block: 2, wordsA: 1300, wordsB: 1300, reason: 'repetitive' }]);
		expect(reading.stats.roughStretches).toBe(1);
	});

	it('leaves nothing rough when asked to align precisely', () => {
		const reading = readingData(
			sides(before + refrain + junk('a', ' '), before + junk('b', '—') + ' ' + refrain),
			[],
			{ precise: true }
		);
		expect(reading.rough).toEqual([]);
		expect(reading.stats.wordsUnchanged).toBe(300 + 9);
	}, 30_000);
});

describe('workspaceView', () => {
	it('is a private view of the pair on screen, cited as supplied by the reader when no source is given', () => {
		const ws = emptyWorkspace('2024-05-01');
		ws.meta.title = 'Minutes of the board';
		ws.meta.people = ['Ada Lovelace (secretary)', 'Charles Babbage'];
		ws.texts[0] = { ...ws.texts[0], text: 'We met at noon.', origin: 'draft.txt' };
		ws.texts[1] = { ...ws.texts[1], text: 'We met at one.', origin: 'pasted' };
		const texts = { a: ws.texts[0].text, b: ws.texts[1].text };
		const reading = readingData(sides(texts.a, texts.b), []);
		const view = workspaceView(ws, { base: ws.texts[0], target: ws.texts[1] }, reading, texts, []);
		expect({
			slug: view.slug,
			authors: view.authors,
			sources: view.sources,
			witnesses: view.witnesses.map((w) => w.description),
			pair: [view.base.id, view.target.id],
			private: view.private,
			texts: view.texts,
			changes: view.stats.changes
		}).toEqual({
			slug: 'minutes-of-the-board',
			authors: ['Ada Lovelace'],
			sources: [{ id: 'own', citation: 'Supplied by the person who made this comparison.' }],
			witnesses: ['draft.txt', 'pasted'],
			pair: [ws.texts[0].id, ws.texts[1].id],
			private: true,
			texts,
			changes: 1
		});
	});
});

describe('pagePath and pageTitle', () => {
	it('give the case’s own address and title to its own pair, and name any other pair', () => {
		const gettysburg = getCase('gettysburg')!;
		const own = caseView(gettysburg);
		const other = caseView(gettysburg, { base: 'hay', target: 'bliss' });
		expect([pagePath(own), pageTitle(own)]).toEqual([
			'/cases/gettysburg',
			'The Gettysburg Address: five manuscript copies'
		]);
		expect([pagePath(other), pageTitle(other)]).toEqual([
			'/cases/gettysburg/hay/bliss',
			'The Gettysburg Address: five manuscript copies: Hay copy (second draft) and Bliss copy (final)'
		]);
		expect(pagePath(other, 'nicolay', 'bliss')).toBe('/cases/gettysburg');
	});

	it('give each witness the case’s translator when it names none of its own', () => {
		const bukharin = getCase('bukharin-1938')!;
		const [spoken, published] = bukharin.witnesses;
		const view = caseView({
			...bukharin,
			translator: 'A. Translator',
			witnesses: [{ ...spoken, translator: undefined }, published]
		});
		expect(view.witnesses.map((w) => w.translator)).toEqual(['A. Translator', 'Paul R. Gregory']);
	});
});
