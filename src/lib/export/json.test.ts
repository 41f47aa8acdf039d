import { describe, expect, it } from 'vitest';
import { excerptWitnesses } from '../import/json';
import { code, fixture, hostile, inMode, moved, movedPart, withoutMoves } from '../test/excerpt-fixture';
import { excerptJson, rebuildWitnesses, toJson, type ExcerptJson } from './json';

const expected: ExcerptJson = {
	format: 'pencilmarks-excerpt',
	version: 2,
	case: {
		title: 'Bukharin’s final statement',
		slug: 'bukharin-1938',
		kind: 'Redaction',
		date: '1938-03-12'
	},
	witnesses: {
		base: { id: 'spoken', label: 'As spoken', language: 'en' },
		target: { id: 'published', label: 'As published', language: 'en' }
	},
	mode: 'marks',
	hidden: [],
	blocks: [
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: 'The accused ' },
				{ kind: 'delete', text: 'Bukharin ', change: 'c-aaaaaa' },
				{ kind: 'equal', text: 'pleads guilty to ' },
				{
					kind: 'delete',
					text: 'the sum total',
					change: 'c-bbbbbb',
					notes: ['01-sum'],
					noteMarkers: ['01-sum']
				},
				{ kind: 'insert', text: 'all', change: 'c-bbbbbb' },
				{ kind: 'equal', text: ' of the\ncrimes.' }
			]
		},
		{ kind: 'gap', inA: true, inB: true },
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: 'I was never in the ' },
				{ kind: 'equal', text: '[non-existent]', editorial: true },
				{ kind: 'equal', text: ' bloc' },
				{ kind: 'insert', text: ' abroad', change: 'c-cccccc' },
				{ kind: 'equal', text: '.' }
			]
		},
		{
			kind: 'paragraph',
			inA: true,
			inB: false,
			spans: [
				{
					kind: 'delete',
					text: 'I ask the court for mercy.',
					change: 'c-dddddd',
					notes: ['02-mercy'],
					noteMarkers: ['02-mercy']
				}
			]
		}
	],
	changes: [
		{ id: 'c-aaaaaa', kind: 'delete', a: 'Bukharin ', b: '' },
		{ id: 'c-bbbbbb', kind: 'replace', a: 'the sum total', b: 'all' },
		{ id: 'c-cccccc', kind: 'insert', a: '', b: ' abroad' },
		{ id: 'c-dddddd', kind: 'delete', a: 'I ask the court for mercy.', b: '' }
	],
	notes: [
		{
			id: '01-sum',
			number: 1,
			title: '“The sum total”',
			markdown: 'The phrase is struck in pencil.\nSee [the edition](https://example.org/edition).'
		},
		{ id: '02-mercy', number: 2, title: 'The plea', markdown: 'The whole paragraph is struck.' },
		{
			id: 'case',
			number: 3,
			title: 'About this case',
			markdown: 'Two witnesses of one statement.\n\nThe *spoken* text came out later.'
		}
	],
	citation: {
		text:
			'“Bukharin’s final statement,” Redaction, 12 March 1938, Pencilmarks, ' +
			'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb, accessed 27 November ' +
			'2026. Sources: Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938). ' +
			'A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20.',
		sources: [
			'Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938).',
			'A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20'
		],
		permalink: 'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb',
		accessed: '2026-11-27'
	}
};

describe('toJson', () => {
	it('writes the excerpt in the documented shape, tab-indented', () => {
		expect(toJson(fixture)).toBe(JSON.stringify(expected, null, '\t') + '\n');
	});

	it('carries each witness’s figures for the whole comparison, with percentages, when given', () => {
		const comparisonFigures = {
			base: { words: 242, common: 220, changed: 19, moved: 0, deleted: 3 },
			target: { words: 276, common: 220, changed: 46, moved: 0, inserted: 10 }
		};
		const json = excerptJson({ ...fixture, comparisonFigures });
		expect(JSON.stringify(json.comparisonFigures)).toBe(
			JSON.stringify({
				base: {
					words: 242,
					common: 220,
					deleted: 3,
					changed: 19,
					moved: 0,
					percent: { common: 90.9, deleted: 1.2, changed: 7.9, moved: 0 }
				},
				target: {
					words: 276,
					common: 220,
					inserted: 10,
					changed: 46,
					moved: 0,
					percent: { common: 79.7, inserted: 3.6, changed: 16.7, moved: 0 }
				}
			})
		);
		expect(json.version).toBe(2);
		// A file with them and a file without (written before them) read back the same.
		const withFigures = toJson({ ...fixture, comparisonFigures });
		expect(excerptWitnesses('x.json', withFigures)).toEqual(excerptWitnesses('x.json', toJson(fixture)));
		expect('comparisonFigures' in excerptJson(fixture)).toBe(false);
	});

	it('carries both witnesses in full whatever the mode, recording the mode', () => {
		for (const mode of ['base', 'target', 'side'] as const) {
			expect(excerptJson(inMode(mode))).toEqual({ ...expected, mode });
		}
	});

	it('leaves out references to notes left out of the export', () => {
		const json = excerptJson({ ...fixture, notes: [] });
		expect(json.notes).toEqual([]);
		expect(JSON.stringify(json.blocks)).not.toMatch(/notes|noteMarkers/);
	});

	it('keeps a paragraph break inside a change that runs over it', () => {
		const blocks = [
			{
				kind: 'paragraph' as const,
				inA: true,
				inB: true,
				spans: [
					{ kind: 'equal' as const, text: 'One ' },
					{ kind: 'delete' as const, text: 'two.', change: 'c-1' }
				]
			},
			{
				kind: 'paragraph' as const,
				inA: true,
				inB: true,
				spans: [
					{ kind: 'delete' as const, text: 'Three', change: 'c-1' },
					{ kind: 'insert' as const, text: 'Four', change: 'c-1' },
					{ kind: 'equal' as const, text: '.' }
				]
			}
		];
		expect(excerptJson({ ...fixture, blocks }).changes).toEqual([
			{ id: 'c-1', kind: 'replace', a: 'two.\n\nThree', b: 'Four' }
		]);
	});

	it('writes any text as JSON strings that read back exactly', () => {
		const json = JSON.parse(toJson(hostile)) as ExcerptJson;
		expect(json.case.title).toBe(hostile.title);
		expect(json.blocks).toEqual(excerptJson(hostile).blocks);
		expect(json.notes[0].markdown).toBe(hostile.notes[0].markdown);
	});
});

describe('rebuildWitnesses', () => {
	it('rebuilds both witnesses of the excerpt, paragraphs and gap markers included', () => {
		expect(rebuildWitnesses(JSON.parse(toJson(fixture)))).toEqual({
			a:
				'The accused Bukharin pleads guilty to the sum total of the\ncrimes.\n\n{gap}\n\n' +
				'I was never in the [non-existent] bloc.\n\nI ask the court for mercy.',
			b:
				'The accused pleads guilty to all of the\ncrimes.\n\n{gap}\n\n' +
				'I was never in the [non-existent] bloc abroad.'
		});
	});

	it('flags each kept line break, and rebuilds the lines as the witnesses have them', () => {
		const json: ExcerptJson = JSON.parse(toJson(code));
		const block = json.blocks[1];
		expect(block.kind === 'paragraph' && block.spans.filter((s) => s.line).map((s) => s.text)).toEqual([
			'\n',
			'\n\t',
			'\n',
			'\n'
		]);
		expect(rebuildWitnesses(json)).toEqual({
			a: 'Strike it:\n\n```js\nif (marks) {\n\tstrike();\n}\n```',
			b: 'Strike it:\n\n```js\nif (marks) {\n\tstrike(all);\n}\n```'
		});
	});

	it('writes each gap as the marker of the witness that has it', () => {
		const blocks = [
			{ kind: 'gap' as const, inA: true, inB: false, label: 'two pages missing' },
			{ kind: 'gap' as const, inA: false, inB: true }
		];
		expect(rebuildWitnesses(excerptJson({ ...fixture, blocks }))).toEqual({
			a: '{gap: two pages missing}',
			b: '{gap}'
		});
	});

	it('rebuilds hostile text exactly', () => {
		expect(rebuildWitnesses(JSON.parse(toJson(hostile)))).toEqual({
			a:
				'# Not a heading <script>alert(1)</script> & "q" \'s\' *a* _b_ ' +
				'~~x~~ [x](y) ]]> | `c` \\ $1 &amp; end\n\n1. Not a list\n\n- Not an item\n\n{gap: <lost> & "gone"}',
			b:
				'# Not a heading <script>alert(1)</script> & "q" \'s\' *a* _b_ ' +
				'<img src=x onerror=alert(1)> &amp; end\n\n1. Not a list\n\n- Not an item\n\n' +
				'{gap: <lost> & "gone"}'
		});
	});
});

describe('toJson, with a moved passage', () => {
	const P1 = 'I admit my guilt before the court.';
	const P2 = 'In 1932 I met the representatives of the general staff in Berlin.';
	const P3 = 'I have read a great deal in prison, citizen judges.';

	it('gives each end’s spans and change its move and partner, and flags the changed word', () => {
		const json = excerptJson(moved);
		expect(json.version).toBe(2);
		expect(json.blocks[1]).toEqual({
			kind: 'paragraph',
			inA: true,
			inB: false,
			spans: [
				{
					kind: 'delete',
					text: 'In 1932 I met the representatives of the general staff in ',
					change: 'c-0h2cml4',
					move: 'from',
					partner: 'c-023fnqd'
				},
				{
					kind: 'delete',
					text: 'Berlin',
					change: 'c-0h2cml4',
					move: 'from',
					partner: 'c-023fnqd',
					changed: true,
					notes: ['03-berlin'],
					noteMarkers: ['03-berlin']
				},
				{ kind: 'delete', text: '.', change: 'c-0h2cml4', move: 'from', partner: 'c-023fnqd' }
			]
		});
		expect(json.blocks[3]).toEqual({
			kind: 'paragraph',
			inA: false,
			inB: true,
			spans: [
				{
					kind: 'insert',
					text: 'In 1932 I met the representatives of the general staff in ',
					change: 'c-023fnqd',
					move: 'to',
					partner: 'c-0h2cml4'
				},
				{
					kind: 'insert',
					text: 'Paris',
					change: 'c-023fnqd',
					move: 'to',
					partner: 'c-0h2cml4',
					changed: true
				},
				{ kind: 'insert', text: '.', change: 'c-023fnqd', move: 'to', partner: 'c-0h2cml4' }
			]
		});
		expect(json.changes).toEqual([
			{ id: 'c-1rlwl8c', kind: 'replace', type: 'rewording', a: 'the', b: 'this' },
			{ id: 'c-0h2cml4', kind: 'delete', type: 'moved', a: P2, b: '', move: 'from', partner: 'c-023fnqd' },
			{
				id: 'c-023fnqd',
				kind: 'insert',
				type: 'moved',
				a: '',
				b: P2.replace('Berlin', 'Paris'),
				move: 'to',
				partner: 'c-0h2cml4'
			}
		]);
	});

	it('names a partner outside the excerpt, which is then not among its changes', () => {
		const json = excerptJson(movedPart(2));
		expect(json.changes.map((c) => [c.id, c.move, c.partner])).toEqual([
			['c-1rlwl8c', undefined, undefined],
			['c-0h2cml4', 'from', 'c-023fnqd']
		]);
	});

	it('carries the moves whatever the mode', () => {
		for (const mode of ['base', 'target', 'side'] as const) {
			expect(excerptJson({ ...moved, mode })).toEqual({ ...excerptJson(moved), mode });
		}
	});

	it('rebuilds both witnesses, each with the passage at its own place', () => {
		const texts = {
			a: [P1, P2, P3].join('\n\n'),
			b: [P1.replace('the', 'this'), P3, P2.replace('Berlin', 'Paris')].join('\n\n')
		};
		expect(rebuildWitnesses(JSON.parse(toJson(moved)))).toEqual(texts);
		// The importer reads it, and a file without the moves' fields (as before them) alike.
		const labels = { a: 'As spoken', b: 'As published' };
		const languages = { a: 'en', b: 'en' };
		expect(excerptWitnesses('x.json', toJson(moved))).toEqual({ ...texts, labels, languages });
		expect(excerptWitnesses('x.json', toJson(withoutMoves(moved)))).toEqual({
			...texts,
			labels,
			languages
		});
		expect(toJson(withoutMoves(moved))).not.toMatch(/"(move|partner|changed)"/);
	});
});
