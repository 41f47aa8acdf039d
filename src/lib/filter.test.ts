// The kinds of change hidden (modes.ts), end to end on a real comparison: what the reader steps
// through, what find and the changes-only view see, the figures, and what every export writes.

import { describe, expect, it } from 'vitest';
import { buildExcerpt } from './components/build-excerpt';
import { exportExcerpt } from './export';
import {
	DEFAULT_HIDDEN,
	hiddenLabel,
	hiddenParam,
	parseHidden,
	quietChanges,
	spanShowing,
	statsWith,
	WORDS_ONLY,
	type Hidden
} from './modes';
import { runsOf } from './pipeline/chunks';
import { find } from './pipeline/find';
import { LaidText } from './pipeline/laid';
import { Reader } from './reader.svelte';
import { readingData, workspaceView } from './view';
import { emptyWorkspace } from './workspace/defaults';
import type { ChangeKind } from './types';

const a = 'We hold these truths, that all men are created equal.\n\nThe court sat at noon.\n\nWe parted.';
const b = 'We hold these truths that all men are created Equal.\n\nThe court sat at one.\n\nWe parted.';
const reading = readingData(
	{ a: { id: 'spoken', label: 'A', text: a }, b: { id: 'published', label: 'B', text: b } },
	[]
);
const laid = new LaidText(reading.text, { a, b });
const kinds = (c: number) => laid.changeKindOf(c);
const set = (...list: ChangeKind[]): Hidden => new Set(list);

describe('the filter, on a comparison', () => {
	it('has a change of each kind the texts differ by', () => {
		expect(Array.from({ length: laid.changeCount }, (_, c) => kinds(c))).toEqual([
			'punctuation',
			'case',
			'rewording'
		]);
	});

	it('steps through the changes of the kinds shown, and counts them', () => {
		const reader = new Reader(laid);
		expect(reader.count).toBe(3);
		reader.hidden = WORDS_ONLY;
		expect(reader.count).toBe(1);
		expect(reader.step(1)).toBe(laid.change(2).id);
		expect(reader.step(1)).toBe(null);
		reader.hidden = set('rewording');
		reader.current = null;
		expect([reader.step(1), reader.step(1)]).toEqual([laid.change(0).id, laid.change(1).id]);
	});

	it('keeps the filter in the URL, the default (layout hidden) as no parameter', () => {
		const reader = new Reader(laid);
		const page = new URL('https://pencilmarks.example/compare');
		expect(reader.toUrl(page).search).toBe('');
		reader.hidden = WORDS_ONLY;
		expect(reader.toUrl(page).search).toBe('?hide=spelling,case,punctuation,layout');
		reader.hidden = new Set();
		expect(reader.toUrl(page).search).toBe('?hide=none');
		const back = new Reader(laid);
		expect(back.fromUrl(new URL(`${page}?hide=case,punctuation,nonsense`))).toEqual([
			'This link hides kinds of change this page does not have (“nonsense”): the others are hidden as asked.'
		]);
		expect([...back.hidden].sort()).toEqual(['case', 'punctuation']);
	});

	it('finds only the text the mode shows: a hidden kind’s other side is not there', () => {
		expect(find(laid, 'marks', 'truths,', set()).matches).toHaveLength(1);
		expect(find(laid, 'marks', 'truths,', set('punctuation')).matches).toEqual([]);
		expect(find(laid, 'base', 'truths,', set('punctuation')).matches).toHaveLength(1);
		expect(find(laid, 'side', 'truths,', set('punctuation')).matches).toHaveLength(1);
	});

	it('folds, in the changes-only view, a paragraph whose changes are all hidden', () => {
		expect(runsOf(laid, 'marks', 0, new Set(), set())).toEqual([
			{ from: 0, to: 2, folded: false },
			{ from: 2, to: 3, folded: true }
		]);
		expect(runsOf(laid, 'marks', 0, new Set(), WORDS_ONLY)).toEqual([
			{ from: 0, to: 1, folded: true },
			{ from: 1, to: 2, folded: false },
			{ from: 2, to: 3, folded: true }
		]);
	});

	it('leaves the hidden kinds out of the figures', () => {
		const all = statsWith(reading.stats, set());
		expect([all.changes, all.wordsStruck, all.wordsAdded]).toEqual([3, 2, 2]);
		const words = statsWith(reading.stats, WORDS_ONLY);
		expect([words.changes, words.wordsStruck, words.wordsAdded, words.suppressedShare]).toEqual([1, 1, 1, 1 / 17]);
	});
});

describe('spanShowing', () => {
	const span = (kind: 'delete' | 'insert', changeKind: ChangeKind) => ({ kind, changeKind });
	it('draws a hidden kind as the text the mode reads, each column its own', () => {
		const quiet = set('punctuation');
		const shows = (mode: 'marks' | 'base' | 'target' | 'side') => [
			spanShowing(mode, quiet, span('delete', 'punctuation')),
			spanShowing(mode, quiet, span('insert', 'punctuation')),
			spanShowing(mode, quiet, span('delete', 'cut'))
		];
		expect(shows('marks')).toEqual(['none', 'plain', 'marked']);
		expect(shows('target')).toEqual(['none', 'plain', 'none']);
		expect(shows('base')).toEqual(['plain', 'none', 'plain']);
		expect(shows('side')).toEqual(['plain', 'plain', 'marked']);
	});

	it('reads the filter from a link, and writes it back in the kinds’ order', () => {
		expect(parseHidden(null)).toEqual({ hidden: DEFAULT_HIDDEN, unknown: [] });
		expect(parseHidden('none')).toEqual({ hidden: new Set(), unknown: [] });
		expect(hiddenParam(set('layout', 'case', 'cut'))).toBe('cut,case,layout');
		expect(hiddenParam(DEFAULT_HIDDEN)).toBe(null);
		expect(hiddenLabel(set('layout', 'case'))).toBe('Changes hidden: capitals, layout.');
		expect(hiddenLabel(set())).toBe('');
	});
});

describe('exports, with kinds hidden', () => {
	const ws = emptyWorkspace();
	const [base, target] = ws.texts;
	const view = workspaceView(ws, { base, target }, reading, { a, b }, []);
	const excerpt = (hidden: Hidden, mode: 'marks' | 'side' = 'marks') =>
		buildExcerpt(view, laid, { start: 0, end: laid.length }, {
			mode,
			hidden,
			includeNotes: false,
			page: 'https://pencilmarks.example/compare',
			accessed: '2026-12-02'
		});

	it('writes a hidden kind unmarked, as the target has it, and names the filter', () => {
		const text = exportExcerpt(excerpt(WORDS_ONLY), 'text').body;
		expect(text).toContain('We hold these truths that all men are created Equal.');
		expect(text).toContain('Changes of these kinds are not marked: spelling, capitals, punctuation, layout.');
		const markdown = exportExcerpt(excerpt(WORDS_ONLY), 'markdown').body;
		expect(markdown).toContain('We hold these truths that all men are created Equal.\n\nThe court sat at ~~noon~~');
		const tei = exportExcerpt(excerpt(WORDS_ONLY), 'tei').body;
		expect(tei).toContain(
			'<editorialDecl>\n\t\t\t\t<p>Changes of these kinds are not marked, and read as the text shown: spelling, capitals, punctuation, layout.</p>\n\t\t\t</editorialDecl>'
		);
		expect(tei).toContain('<p>We hold these truths that all men are created Equal.</p>');
		const json = JSON.parse(exportExcerpt(excerpt(WORDS_ONLY), 'json').body);
		expect(json.hidden).toEqual(['spelling', 'case', 'punctuation', 'layout']);
		expect(json.changes.map((c: { type: string }) => c.type)).toEqual(['punctuation', 'case', 'rewording']);
	});

	it('marks every change with nothing hidden, and names no filter', () => {
		const text = exportExcerpt(excerpt(set()), 'text').body;
		expect(text).not.toContain('not marked');
		const markdown = exportExcerpt(excerpt(set()), 'markdown').body;
		expect(markdown).toContain('We hold these truths~~,~~ that all men are created ~~equal~~**[+Equal+]**.');
	});

	it('gives each column of side by side its own text of a hidden kind, in HTML', () => {
		const html = exportExcerpt(excerpt(set('punctuation', 'case'), 'side'), 'html').body;
		expect(html).toContain(
			'<p>We hold these truths<span id="c-1ylclyr" data-change="c-1ylclyr">,</span> that all men are created <span id="c-1gtnxsk" data-change="c-1gtnxsk">equal</span>.</p>\n' +
				'<p>We hold these truths that all men are created Equal.</p>'
		);
		expect(html).toContain('Changes of these kinds are not marked: capitals, punctuation.</p>');
	});
});

describe('a redaction marker, in TEI', () => {
	it('is a gap the redactor made, its marker kept, not editorial text of the witness', () => {
		const x = 'The minister met John Smith in Paris.';
		const y = 'The minister met [REDACTED] in Paris.';
		const placed = readingData({ a: { id: 'spoken', label: 'A', text: x }, b: { id: 'published', label: 'B', text: y } }, []);
		const text = new LaidText(placed.text, { a: x, b: y });
		const ws = emptyWorkspace();
		const [base, target] = ws.texts;
		const view = workspaceView(ws, { base, target }, placed, { a: x, b: y }, []);
		const excerpt = buildExcerpt(view, text, { start: 0, end: text.length }, {
			mode: 'marks',
			includeNotes: false,
			page: '',
			accessed: '2026-12-02'
		});
		expect(exportExcerpt(excerpt, 'tei').body).toContain(
			'The minister met <app xml:id="' +
				text.change(0).id +
				'" type="placeholder"><rdg wit="#spoken">John Smith</rdg><rdg wit="#published"><gap reason="redacted"><desc>[REDACTED]</desc></gap></rdg></app> in Paris.'
		);
	});
});

describe('hiding changes by hand or cause', () => {
	const attributions = {
		[laid.change(0).id]: { hand: 'Jefferson', cause: { id: 'style' } },
		[laid.change(2).id]: { hand: 'Franklin' }
	};

	it('makes quiet the changes of a hand or a cause hidden, whatever their kind', () => {
		const by = (hands: string[], causes: string[]) => quietChanges(attributions, { hands: new Set(hands), causes: new Set(causes) });
		expect([...by(['Franklin'], [])]).toEqual([laid.change(2).id]);
		expect([...by([], ['style'])]).toEqual([laid.change(0).id]);
		expect([...by([], [])]).toEqual([]);
	});

	it('leaves them out of navigation, find and the folds, as a hidden kind', () => {
		const reader = new Reader(laid);
		reader.quiet = new Set([2]);
		expect(reader.count).toBe(2);
		expect([reader.step(1), reader.step(1), reader.step(1)]).toEqual([laid.change(0).id, laid.change(1).id, null]);
		expect(find(laid, 'marks', 'noon', set(), new Set([2])).matches).toEqual([]);
		expect(find(laid, 'marks', 'noon', set(), new Set()).matches).toHaveLength(1);
		expect(runsOf(laid, 'marks', 0, new Set(), set(), new Set([2]))).toEqual([
			{ from: 0, to: 1, folded: false },
			{ from: 1, to: 3, folded: true }
		]);
	});

	it('writes them unmarked in every export, and names the hands and causes hidden', () => {
		const ws = emptyWorkspace();
		const [base, target] = ws.texts;
		const view = workspaceView(ws, { base, target }, reading, { a, b }, []);
		const excerpt = buildExcerpt(view, laid, { start: 0, end: laid.length }, {
			mode: 'marks',
			hidden: set(),
			quiet: new Set([laid.change(2).id]),
			hiddenBy: { hands: ['Franklin'], causes: [] },
			includeNotes: false,
			page: '',
			accessed: '2026-12-02'
		});
		const text = exportExcerpt(excerpt, 'text').body;
		expect(text).toContain('The court sat at one.');
		expect(text).toContain('Changes made by Franklin are not marked.');
		expect(exportExcerpt(excerpt, 'tei').body).toContain('<p>Changes made by Franklin are not marked.</p>');
		expect(JSON.parse(exportExcerpt(excerpt, 'json').body).hiddenBy).toEqual({ hands: ['Franklin'], causes: [] });
	});
});
