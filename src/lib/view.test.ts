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

describe('readingData, placing attributions', () => {
	it('says where each attribution landed, in the order given, with the words of its change', () => {
		const reading = readingData(sides('We met at noon that day. I deny it all. We parted.', 'We met at one that day. We parted.'), [], {
			attributions: [
				{ anchor: { witness: 'a', quote: 'deny it' } },
				{ anchor: { witness: 'b', quote: 'one' } },
				{ anchor: { witness: 'b', quote: 'parted' } }
			]
		});
		const ids = reading.comparison.segments.filter((s) => s.id).map((s) => s.id);
		expect(ids).toHaveLength(2);
		expect(reading.attributions).toEqual([
			{ change: ids[1], wordsStruck: 4, wordsAdded: 0 },
			{ change: ids[0], wordsStruck: 1, wordsAdded: 1 },
			{ problem: 'quote is on no change' }
		]);
	});
});

describe('caseView', () => {
	const bukharin = getCase('bukharin-1938')!;
	const gregory = bukharin.sources.find((s) => s.id === 'gregory');

	it('puts the case’s attributions on their changes, the cause and source as the case names them', () => {
		const view = caseView(bukharin);
		expect(view.unplaced).toEqual([]);
		expect(view.attributions).toEqual({
			'c-0o1rrmc': { hand: 'Stalin, pencil', cert: 'certain', source: gregory, wordsStruck: 23, wordsAdded: 0 },
			'c-1rnyxzw': {
				hand: 'Stalin, pencil',
				cause: { id: 'political', label: 'Political' },
				cert: 'probable',
				source: gregory,
				wordsStruck: 27,
				wordsAdded: 0
			}
		});
	});

	it('places them on the pair the other way round too, where the cuts read as additions', () => {
		const view = caseView(bukharin, { base: 'published', target: 'spoken' });
		expect(view.unplaced).toEqual([]);
		expect(Object.values(view.attributions).map((a) => [a.cert, a.wordsStruck, a.wordsAdded])).toEqual([
			['certain', 0, 23],
			['probable', 0, 27]
		]);
	});
});

describe('workspaceView', () => {
	it('is a private view of the pair on screen, cited as supplied by the reader when no source is given', () => {
		const ws = emptyWorkspace();
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

	it('is in the base text’s language, each witness in its own, and of the kind the reader gave', () => {
		const ws = emptyWorkspace();
		ws.texts[0] = { ...ws.texts[0], text: 'Я не знаю.', language: 'ru' };
		ws.texts[1] = { ...ws.texts[1], text: 'I do not know.', language: 'en' };
		ws.texts.push({ id: 'draft', label: 'Draft', text: '', origin: 'pasted', language: 'Russian' });
		const texts = { a: ws.texts[0].text, b: ws.texts[1].text };
		const reading = readingData(sides(texts.a, texts.b), []);
		const view = (kind: string) =>
			workspaceView(
				{ ...ws, meta: { ...ws.meta, kind } },
				{ base: ws.texts[0], target: ws.texts[1] },
				reading,
				texts,
				[]
			);
		expect(view('')).toMatchObject({
			language: 'ru',
			kind: 'Comparison',
			base: { id: 'spoken', label: 'As spoken', language: 'ru' },
			target: { id: 'published', label: 'As published', language: 'en' }
		});
		// A tag that is not one is written as undetermined.
		expect(view('').witnesses.map((w) => w.language)).toEqual(['ru', 'en', 'und']);
		expect(view(' Translation ').kind).toBe('Translation');
	});

	it('shows the reader’s attributions on their changes, their causes named from their words, and those that could not be placed', () => {
		const ws = emptyWorkspace();
		ws.texts[0] = { ...ws.texts[0], text: 'We met at noon that day. I deny it all.' };
		ws.texts[1] = { ...ws.texts[1], text: 'We met at one that day.' };
		ws.attributions = [
			{ id: 'attribution-1', anchor: { witness: 'spoken', quote: 'deny' }, hand: 'Editor', cause: 'Data protection' },
			{ id: 'attribution-2', anchor: { witness: 'published', quote: 'one' }, cert: 'conjectural', date: '2024-05-02' },
			{ id: 'attribution-3', anchor: { witness: 'spoken', quote: 'We met' }, hand: 'Editor' }
		];
		const texts = { a: ws.texts[0].text, b: ws.texts[1].text };
		const reading = readingData(
			{ a: { id: 'spoken', label: 'As spoken', text: texts.a }, b: { id: 'published', label: 'As published', text: texts.b } },
			[],
			{ attributions: ws.attributions }
		);
		const [rewording, cut] = reading.comparison.segments.filter((s) => s.id).map((s) => s.id!);
		const view = workspaceView(ws, { base: ws.texts[0], target: ws.texts[1] }, reading, texts, [], ws.attributions);
		expect(view.attributions).toEqual({
			[cut]: {
				id: 'attribution-1',
				hand: 'Editor',
				cause: { id: 'data-protection', label: 'Data protection' },
				wordsStruck: 4,
				wordsAdded: 0
			},
			[rewording]: { id: 'attribution-2', cert: 'conjectural', date: '2024-05-02', wordsStruck: 1, wordsAdded: 1 }
		});
		expect(view.unplaced).toEqual([
			{ id: 'attribution-3', anchor: { witness: 'spoken', quote: 'We met' }, hand: 'Editor', problem: 'quote is on no change' }
		]);
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
