import { describe, expect, it } from 'vitest';
import type { Block, Excerpt } from '../types';
import { fixture, inMode } from './fixture';
import { gapWords, legend, show, type ShownBlock } from './modes';

/** Each block as a line: paragraphs with marks and markers drawn, gaps with their sides. */
function draw(blocks: ShownBlock[]): string[] {
	return blocks.map((b) =>
		b.kind === 'gap'
			? `{gap ${b.inA ? 'a' : ''}${b.inB ? 'b' : ''}${b.label ? `: ${b.label}` : ''}}`
			: b.spans
					.map((s) => {
						const marks = { struck: `[-${s.text}-]`, added: `{+${s.text}+}`, none: s.text };
						return marks[s.mark] + s.markers.map((m) => `^${m}`).join('');
					})
					.join('')
	);
}

const excerpt = (mode: Excerpt['mode'], blocks: Block[], noteIds: string[] = []): Excerpt => ({
	...fixture,
	mode,
	blocks,
	notes: noteIds.map((id) => ({ id, title: id, markdown: id, html: `<p>${id}</p>` }))
});

const para = (...spans: Extract<Block, { kind: 'paragraph' }>['spans']): Block => ({
	kind: 'paragraph',
	inA: spans.some((s) => s.kind !== 'insert'),
	inB: spans.some((s) => s.kind !== 'delete'),
	spans
});
const gap = (inA: boolean, inB: boolean, label?: string): Block => ({
	kind: 'gap',
	inA,
	inB,
	...(label ? { label } : {})
});

describe('show', () => {
	it('shows both witnesses with marks in marks and side, unwrapping single newlines', () => {
		const expected = [
			'The accused [-Bukharin -]pleads guilty to [-the sum total-]^01-sum{+all+} of the crimes.',
			'{gap ab}',
			'I was never in the [non-existent] bloc{+ abroad+}.',
			'[-I ask the court for mercy.-]^02-mercy'
		];
		expect(draw(show(inMode('marks')).blocks)).toEqual(expected);
		expect(draw(show(inMode('side')).blocks)).toEqual(expected);
	});

	it('shows the base alone in spoken, unmarked', () => {
		expect(draw(show(inMode('spoken')).blocks)).toEqual([
			'The accused Bukharin pleads guilty to the sum total^01-sum of the crimes.',
			'{gap ab}',
			'I was never in the [non-existent] bloc.',
			'I ask the court for mercy.^02-mercy'
		]);
	});

	it('shows the target alone in published, moving markers of struck text to where it was', () => {
		expect(draw(show(inMode('published')).blocks)).toEqual([
			'The accused pleads guilty to^01-sum all of the crimes.',
			'{gap ab}',
			'I was never in the [non-existent] bloc abroad.^02-mercy'
		]);
	});

	it('numbers every exported note in order, and says which have a marker', () => {
		expect(show(inMode('published')).notes.map((n) => [n.id, n.number, n.placed])).toEqual([
			['01-sum', 1, true],
			['02-mercy', 2, true],
			['case', 3, false]
		]);
	});

	it('flags editorial matter and keeps change ids and first spans', () => {
		const [first, , third] = show(fixture).blocks;
		expect(first.kind === 'paragraph' && first.spans[1]).toEqual({
			text: 'Bukharin ',
			mark: 'struck',
			editorial: false,
			change: 'c-aaaaaa',
			first: true,
			notes: [],
			markers: []
		});
		expect(third.kind === 'paragraph' && third.spans[1].editorial).toBe(true);
	});

	it('drops the gaps only the other witness has, and runs of gaps become one', () => {
		const blocks = [
			para({ kind: 'equal', text: 'One.' }),
			gap(true, false, 'a lost page'),
			gap(false, true),
			gap(true, true, 'a lost page'),
			para({ kind: 'equal', text: 'Two.' })
		];
		const joined = ['One.', '{gap ab: a lost page}', 'Two.'];
		expect(draw(show(excerpt('marks', blocks)).blocks)).toEqual(joined);
		expect(draw(show(excerpt('spoken', blocks)).blocks)).toEqual(joined);
		expect(draw(show(excerpt('published', [blocks[0], blocks[1], blocks[4]])).blocks)).toEqual([
			'One.',
			'Two.'
		]);
	});

	it('joins gaps that a dropped paragraph separated, with both labels', () => {
		const blocks = [
			gap(true, true, 'x'),
			para({ kind: 'insert', text: 'Added.', change: 'c-1' }),
			gap(true, true, 'y')
		];
		expect(draw(show(excerpt('spoken', blocks)).blocks)).toEqual(['{gap ab: x; y}']);
		expect(draw(show(excerpt('marks', blocks)).blocks)).toEqual([
			'{gap ab: x}',
			'{+Added.+}',
			'{gap ab: y}'
		]);
	});

	it('says whose text a one-sided gap lacks, in a two-witness mode only', () => {
		const [marks] = show(excerpt('marks', [gap(false, true, 'two pages')])).blocks;
		expect(marks.kind === 'gap' && gapWords(marks, excerpt('marks', []))).toBe(
			'Text of As published not available here: two pages.'
		);
		const [published] = show(excerpt('published', [gap(false, true)])).blocks;
		expect(published.kind === 'gap' && gapWords(published, excerpt('published', []))).toBe(
			'Text not available here.'
		);
	});

	it('moves the marker of a dropped first paragraph to the start of the next one', () => {
		const blocks = [
			para({ kind: 'delete', text: 'Struck.', change: 'c-1', notes: ['n'], noteMarkers: ['n'] }),
			gap(true, true),
			para({ kind: 'equal', text: 'Kept.' })
		];
		expect(draw(show(excerpt('published', blocks, ['n'])).blocks)).toEqual(['{gap ab}', '^nKept.']);
	});

	it('keeps a note whose marker has nowhere to go, unplaced', () => {
		const blocks = [para({ kind: 'delete', text: 'Struck.', change: 'c-1', noteMarkers: ['n'] })];
		const shown = show(excerpt('published', blocks, ['n']));
		expect(shown.blocks).toEqual([]);
		expect(shown.notes.map((n) => [n.id, n.placed])).toEqual([['n', false]]);
	});

	it('leaves out the markers of notes left out of the export', () => {
		expect(draw(show({ ...fixture, notes: [] }).blocks)[0]).toBe(
			'The accused [-Bukharin -]pleads guilty to [-the sum total-]{+all+} of the crimes.'
		);
	});

	it('leaves one space where dropped text stood between two spaces', () => {
		const blocks = [
			para(
				{ kind: 'equal', text: 'The ' },
				{ kind: 'insert', text: 'very', change: 'c-1' },
				{ kind: 'equal', text: ' end.' }
			)
		];
		expect(draw(show(excerpt('spoken', blocks)).blocks)).toEqual(['The end.']);
	});

	it('drops a paragraph of whitespace only', () => {
		const blocks = [para({ kind: 'equal', text: ' ' }), para({ kind: 'equal', text: 'Text.' })];
		expect(draw(show(excerpt('marks', blocks)).blocks)).toEqual(['Text.']);
	});
});

describe('legend', () => {
	const f = {
		text: (s: string) => s,
		struck: (s: string) => `[-${s}-]`,
		added: (s: string) => `{+${s}+}`
	};

	it('says what each mode shows', () => {
		expect(legend(inMode('marks'), f)).toBe(
			'Shown with the marks: [-struck-] text is only in As spoken; ' +
				'{+added+} text is only in As published.'
		);
		expect(legend(inMode('side'), f)).toBe(
			'Shown side by side on screen, here in one text with the marks: ' +
				'[-struck-] text is only in As spoken; {+added+} text is only in As published.'
		);
		expect(legend(inMode('side'), f, true)).toBe(
			'Shown side by side, with the marks: ' +
				'[-struck-] text is only in As spoken; {+added+} text is only in As published.'
		);
		expect(legend(inMode('spoken'), f)).toBe('Shown as in As spoken, without marks.');
		expect(legend(inMode('published'), f)).toBe('Shown as in As published, without marks.');
	});
});
