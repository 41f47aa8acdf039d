import { describe, expect, it } from 'vitest';
import { compare } from '../pipeline/compare';
import { layout } from '../pipeline/layout';
import type { Block, Excerpt } from '../types';
import { fixture, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import {
	gapWords,
	legend,
	moveWords,
	partnerHref,
	show,
	writeParagraph,
	type ShownBlock,
	type ShownMove
} from './modes';

/**
 * Each block as a line: paragraphs with marks and markers drawn, gaps with their sides. A span of
 * a moved passage is `<from after: text>` (its end, and where the other end is), `!` after the end
 * when it is changed on the way, `#` before it when it is the first span of its change.
 */
function draw(blocks: ShownBlock[]): string[] {
	return blocks.map((b) =>
		b.kind === 'gap'
			? `{gap ${b.inA ? 'a' : ''}${b.inB ? 'b' : ''}${b.label ? `: ${b.label}` : ''}}`
			: b.spans
					.map((s) => {
						const move = s.move && `${s.first ? '#' : ''}${s.move.end}${s.changed ? '!' : ''}`;
						const marks = {
							struck: `[-${s.text}-]`,
							added: `{+${s.text}+}`,
							moved: `<${move} ${s.move?.other}: ${s.text}>`,
							none: s.text
						};
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

	it('shows the base alone, unmarked, in base', () => {
		expect(draw(show(inMode('base')).blocks)).toEqual([
			'The accused Bukharin pleads guilty to the sum total^01-sum of the crimes.',
			'{gap ab}',
			'I was never in the [non-existent] bloc.',
			'I ask the court for mercy.^02-mercy'
		]);
	});

	// Issue 9: the notes of struck passages kept their markers in the target alone, glued to the
	// next word ("[^1][^2]I, however"), as if they were notes on it.
	it('shows the target alone, unmarked, in target, without the markers of notes on struck text', () => {
		expect(draw(show(inMode('target')).blocks)).toEqual([
			'The accused pleads guilty to all of the crimes.',
			'{gap ab}',
			'I was never in the [non-existent] bloc abroad.'
		]);
	});

	it('numbers the notes on shown text first, then those on passages not shown', () => {
		expect(show(inMode('target')).notes.map((n) => [n.id, n.number, n.placed, n.hidden])).toEqual([
			['case', 1, false, false],
			['01-sum', 2, false, true],
			['02-mercy', 3, false, true]
		]);
		expect(show(inMode('marks')).notes.map((n) => [n.id, n.number, n.placed, n.hidden])).toEqual([
			['01-sum', 1, true, false],
			['02-mercy', 2, true, false],
			['case', 3, false, false]
		]);
	});

	it('moves the marker of a note partly shown to the end of what is shown of it', () => {
		const blocks = [
			para(
				{ kind: 'equal', text: 'It was ', notes: ['n'] },
				{ kind: 'delete', text: 'not', change: 'c-1', notes: ['n'], noteMarkers: ['n'] },
				{ kind: 'equal', text: ' so.' }
			)
		];
		expect(draw(show(excerpt('target', blocks, ['n'])).blocks)).toEqual(['It was^n so.']);
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
		expect(draw(show(excerpt('base', blocks)).blocks)).toEqual(joined);
		expect(draw(show(excerpt('target', [blocks[0], blocks[1], blocks[4]])).blocks)).toEqual([
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
		expect(draw(show(excerpt('base', blocks)).blocks)).toEqual(['{gap ab: x; y}']);
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
		const [shown] = show(excerpt('target', [gap(false, true)])).blocks;
		expect(shown.kind === 'gap' && gapWords(shown, excerpt('target', []))).toBe(
			'Text not available here.'
		);
	});

	it('never glues a marker to the word after it', () => {
		const blocks = [
			para({ kind: 'delete', text: 'Struck.', change: 'c-1', notes: ['n'], noteMarkers: ['n'] }),
			gap(true, true),
			para(
				{ kind: 'delete', text: 'Struck ', change: 'c-2', notes: ['m'], noteMarkers: ['m'] },
				{ kind: 'equal', text: 'I, however, ', notes: ['m'] },
				{ kind: 'equal', text: 'kept.' }
			)
		];
		const shown = show(excerpt('target', blocks, ['n', 'm']));
		expect(draw(shown.blocks)).toEqual(['{gap ab}', '^m I, however, kept.']);
		expect(shown.notes.map((n) => [n.id, n.number, n.placed, n.hidden])).toEqual([
			['m', 1, true, false],
			['n', 2, false, true]
		]);
	});

	it('keeps a note whose marker has nowhere to go, unplaced', () => {
		const blocks = [para({ kind: 'delete', text: 'Struck.', change: 'c-1', noteMarkers: ['n'] })];
		const shown = show(excerpt('target', blocks, ['n']));
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
		expect(draw(show(excerpt('base', blocks)).blocks)).toEqual(['The end.']);
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
		added: (s: string) => `{+${s}+}`,
		attribution: (words: string[]) => `(${words.join('; ')})`
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
		expect(legend(inMode('base'), f)).toBe('Shown as in As spoken, without marks.');
		expect(legend(inMode('target'), f)).toBe('Shown as in As published, without marks.');
	});
});

describe('show, with a moved passage', () => {
	it('has a fixture as the pipeline lays it out', () => {
		const P1 = 'I admit my guilt before the court.';
		const P2 = 'In 1932 I met the representatives of the general staff in Berlin.';
		const P3 = 'I have read a great deal in prison, citizen judges.';
		const a = [P1, P2, P3].join('\n\n');
		const b = [P1.replace('the court', 'this court'), P3, P2.replace('Berlin', 'Paris')];
		const layOut = layout(compare(a, b.join('\n\n')));
		const fields = (blocks: Block[]) =>
			blocks.map((block) =>
				block.kind === 'gap'
					? block
					: {
							...block,
							spans: block.spans.map(({ a: _a, b: _b, notes: _n, noteMarkers: _m, ...s }) => s)
						}
			);
		expect(fields(layOut)).toEqual(fields(moved.blocks));
	});

	it('marks both ends as moved in marks and side, each knowing where the other is', () => {
		const expected = [
			'I admit my guilt before [-the-]{+this+} court.',
			'<#from after: In 1932 I met the representatives of the general staff in >' +
				'<from! after: Berlin>^03-berlin<from after: .>',
			'I have read a great deal in prison, citizen judges.',
			'<#to before: In 1932 I met the representatives of the general staff in >' +
				'<to! before: Paris><to before: .>'
		];
		expect(draw(show(moved).blocks)).toEqual(expected);
		expect(draw(show({ ...moved, mode: 'side' }).blocks)).toEqual(expected);
	});

	it('says the other end is above or below, whichever way the passage moved', () => {
		const [p1, from, p3, to] = moved.blocks;
		const up = draw(show({ ...moved, blocks: [to, p1, p3, from] }).blocks);
		expect(up[0]).toMatch(/^<#to after: In 1932/);
		expect(up[3]).toMatch(/^<#from before: In 1932/);
	});

	it('says the other end is outside the excerpt when only one end is in it', () => {
		expect(draw(show(movedPart(2)).blocks)[1]).toBe(
			'<#from outside: In 1932 I met the representatives of the general staff in >' +
				'<from! outside: Berlin>^03-berlin<from outside: .>'
		);
		expect(draw(show(movedPart(-2)).blocks)[1]).toBe(
			'<#to outside: In 1932 I met the representatives of the general staff in >' +
				'<to! outside: Paris><to outside: .>'
		);
	});

	it('gives an end whose first span the excerpt cut off a first span, for links to land on', () => {
		const to = moved.blocks[3] as Extract<Block, { kind: 'paragraph' }>;
		const blocks = [moved.blocks[1], { ...to, spans: to.spans.slice(1) }];
		expect(draw(show({ ...moved, blocks }).blocks)[1]).toBe('<#to! before: Paris><to before: .>');
	});

	it('shows the clean views exactly as if nothing had moved', () => {
		for (const mode of ['base', 'target'] as const) {
			expect(show({ ...moved, mode })).toEqual(show(withoutMoves({ ...moved, mode })));
		}
		expect(draw(show({ ...moved, mode: 'base' }).blocks)).toEqual([
			'I admit my guilt before the court.',
			'In 1932 I met the representatives of the general staff in Berlin^03-berlin.',
			'I have read a great deal in prison, citizen judges.'
		]);
		expect(draw(show({ ...moved, mode: 'target' }).blocks)).toEqual([
			'I admit my guilt before this court.',
			'I have read a great deal in prison, citizen judges.',
			'In 1932 I met the representatives of the general staff in Paris.'
		]);
	});
});

describe('moveWords and partnerHref', () => {
	const move = (end: ShownMove['end'], other: ShownMove['other']): ShownMove => ({
		end,
		partner: 'c-2',
		other
	});

	it('say what happened to the passage here and where the other end is', () => {
		expect(
			(['before', 'after', 'outside'] as const).flatMap((other) => [
				moveWords(move('from', other)),
				moveWords(move('to', other))
			])
		).toEqual([
			'moved from here to above ↑',
			'moved here from above ↑',
			'moved from here to below ↓',
			'moved here from below ↓',
			'moved from here to a place outside this excerpt',
			'moved here from a place outside this excerpt'
		]);
		expect(moveWords(move('to', 'after'), true)).toBe('moved here from below ↓ (continued)');
	});

	it('link to the other end here, or else to it in the whole comparison online', () => {
		expect(partnerHref(move('from', 'after'), moved)).toBe('#c-2');
		expect(partnerHref(move('from', 'outside'), moved)).toBe(
			'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-2'
		);
		const citation = { ...moved.citation, permalink: 'javascript:alert(1)' };
		expect(partnerHref(move('to', 'outside'), { ...moved, citation })).toBeNull();
	});
});

/** A pen that writes each mark so that a test can read it. */
const pen = {
	text: (s: string) => s,
	struck: (s: string) => `[-${s}-]`,
	added: (s: string) => `{+${s}+}`,
	moved: (s: string, m: ShownMove) => `<${m.end}: ${s}>`,
	marker: (id: string) => `^${id}`,
	attribution: (words: string[]) => `(${words.join('; ')})`,
	line: (indent: string) => `¶${indent.length}`
};

describe('writeParagraph', () => {

	it('writes each kept line break apart from the marks, which start again on the next line', () => {
		const blocks = [
			para(
				{ kind: 'equal', text: 'if (x) {', a: 0, b: 0 },
				{ kind: 'equal', text: '\r\n\t', line: true, a: 8, b: 8 },
				{ kind: 'delete', text: 'one();', change: 'c-1', first: true, a: 11 },
				{ kind: 'delete', text: '\n\t', line: true, change: 'c-1', a: 17 },
				{ kind: 'delete', text: 'two();', change: 'c-1', a: 19 },
				{ kind: 'insert', text: 'three();', change: 'c-1', b: 11 },
				{ kind: 'equal', text: ' \\\n', line: true, a: 25, b: 19 },
				{ kind: 'equal', text: '}', a: 28, b: 22 }
			)
		];
		const shown = show(excerpt('marks', blocks)).blocks[0];
		expect(shown.kind === 'paragraph' && shown.spans.map((s) => [s.text, s.line])).toEqual([
			['if (x) {', undefined],
			['\n\t', true],
			['one();', undefined],
			['\n\t', true],
			['two();', undefined],
			['three();', undefined],
			// Markdown's mark of a hard break, and the line end's CR, are not text.
			['\n', true],
			['}', undefined]
		]);
		expect(shown.kind === 'paragraph' && writeParagraph(shown.spans, pen)).toBe(
			'if (x) {¶1[-one();-]¶1[-two();-]{+three();+}¶0}'
		);
		// Where the text before a line break is dropped, the line break stays.
		const target = show(excerpt('target', blocks)).blocks[0];
		expect(target.kind === 'paragraph' && writeParagraph(target.spans, pen)).toBe(
			'if (x) {¶1three();¶0}'
		);
	});

	it('writes each move apart from its neighbours, its markers and changed words inside it', () => {
		const blocks = [
			para(
				{ kind: 'delete', text: 'Cut ', change: 'c-1', first: true },
				{ kind: 'delete', text: 'gone ', change: 'c-2', first: true, move: 'from', partner: 'c-9' },
				{
					kind: 'delete',
					text: 'away',
					change: 'c-2',
					move: 'from',
					partner: 'c-9',
					changed: true,
					noteMarkers: ['n']
				},
				{ kind: 'delete', text: ' now', change: 'c-2', move: 'from', partner: 'c-9' },
				{ kind: 'insert', text: ' here', change: 'c-4', first: true, move: 'to', partner: 'c-3' },
				{ kind: 'equal', text: '.' }
			)
		];
		const [shown] = show(excerpt('marks', blocks, ['n'])).blocks;
		expect(shown.kind === 'paragraph' && writeParagraph(shown.spans, pen)).toBe(
			'[-Cut-] <from: gone [-away-]^n now> <to: here>.'
		);
	});
});

describe('legend, with a moved passage', () => {
	const f = {
		text: (s: string) => s,
		struck: (s: string) => `[-${s}-]`,
		added: (s: string) => s,
		attribution: (words: string[]) => `(${words.join('; ')})`
	};

	it('says how moved text is marked, in the modes that mark it', () => {
		expect(legend(moved, f)).toBe(
			'Shown with the marks: [-struck-] text is only in As spoken; added text is only in ' +
				'As published; moved text is marked “moved from here” where it stood in As spoken and ' +
				'“moved here” where it stands in As published.'
		);
		expect(legend({ ...moved, mode: 'target' }, f)).toBe(
			'Shown as in As published, without marks.'
		);
		expect(legend(fixture, f)).not.toContain('moved');
	});
});

describe('attributed changes', () => {
	const stalin = { hand: 'Stalin, pencil', cause: { id: 'political', label: 'Political' }, cert: 'probable' as const };
	const attributed: Excerpt = {
		...fixture,
		attributions: {
			'c-bbbbbb': stalin,
			'c-dddddd': { hand: 'Stalin, pencil', cert: 'certain' },
			// Nothing to say in words: no label.
			'c-cccccc': { date: '1938-03-13' }
		}
	};
	const written = (excerpt: Excerpt) =>
		show(excerpt).blocks.flatMap((b) => (b.kind === 'paragraph' ? [writeParagraph(b.spans, pen)] : []));

	it('labels each change after its last span, before the note marker there, in the modes that mark changes', () => {
		expect(written(attributed)).toEqual([
			'The accused [-Bukharin-] pleads guilty to [-the sum total-]^01-sum{+all+} (Stalin, pencil; Political; probable) of the crimes.',
			'I was never in the [non-existent] bloc {+abroad+}.',
			'[-I ask the court for mercy.-] (Stalin, pencil; certain)^02-mercy'
		]);
		expect(written({ ...attributed, mode: 'side' })).toEqual(written(attributed));
		expect(written({ ...attributed, mode: 'base' })).toEqual([
			'The accused Bukharin pleads guilty to the sum total^01-sum of the crimes.',
			'I was never in the [non-existent] bloc.',
			'I ask the court for mercy.^02-mercy'
		]);
	});

	it('labels a moved passage after it', () => {
		const blocks = [
			para(
				{ kind: 'delete', text: 'gone ', change: 'c-2', first: true, move: 'from', partner: 'c-9' },
				{ kind: 'delete', text: 'away', change: 'c-2', move: 'from', partner: 'c-9', changed: true },
				{ kind: 'equal', text: '.' }
			)
		];
		expect(written({ ...excerpt('marks', blocks), attributions: { 'c-2': { hand: 'Editor' } } })).toEqual([
			'<from: gone [-away-]> (Editor).'
		]);
	});

	it('says in the legend how changes are attributed, where the excerpt has a label', () => {
		expect(legend(attributed, pen)).toBe(
			'Shown with the marks: [-struck-] text is only in As spoken; {+added+} text is only in ' +
				'As published; who made a change, why and how sure follow it: (hand; cause; certainty).'
		);
		expect(legend({ ...fixture, attributions: { 'c-cccccc': { date: '1938-03-13' } } }, pen)).not.toContain('who');
		expect(legend({ ...attributed, mode: 'target' }, pen)).toBe('Shown as in As published, without marks.');
	});
});
