// A small excerpt, written by hand, that has one of everything an export must draw: equal text, a
// deletion, a rewrite, an insertion, the source's editorial matter, a gap in both witnesses, a
// paragraph only in the base, notes on struck text, and a note on the whole case. The wording is
// made up for the tests; it is not quoted from any source. For tests only: src/lib/test/ holds
// helpers that *.test.ts files import and the site never does.

import type { Excerpt } from '../types';

export const fixture: Excerpt = {
	title: 'Bukharin’s final statement',
	slug: 'bukharin-1938',
	kind: 'Redaction',
	date: '1938-03-12',
	authors: ['Nikolai Bukharin'],
	base: { id: 'spoken', label: 'As spoken', language: 'en' },
	target: { id: 'published', label: 'As published', language: 'en' },
	mode: 'marks',
	blocks: [
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: 'The accused ' },
				{ kind: 'delete', text: 'Bukharin ', change: 'c-aaaaaa', first: true },
				{ kind: 'equal', text: 'pleads guilty to ' },
				{
					kind: 'delete',
					text: 'the sum total',
					change: 'c-bbbbbb',
					first: true,
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
				{ kind: 'insert', text: ' abroad', change: 'c-cccccc', first: true },
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
					first: true,
					notes: ['02-mercy'],
					noteMarkers: ['02-mercy']
				}
			]
		}
	],
	notes: [
		{
			id: '01-sum',
			title: '“The sum total”',
			markdown: 'The phrase is struck in pencil.\nSee [the edition](https://example.org/edition).',
			html:
				'<p>The phrase is struck in pencil.\nSee <a href="https://example.org/edition" ' +
				'rel="noopener noreferrer">the edition</a>.</p>'
		},
		{
			id: '02-mercy',
			title: 'The plea',
			markdown: 'The whole paragraph is struck.',
			html: '<p>The whole paragraph is struck.</p>'
		},
		{
			id: 'case',
			title: 'About this case',
			markdown: 'Two witnesses of one statement.\n\nThe *spoken* text came out later.',
			html:
				'<p>Two witnesses of one statement.</p>\n' +
				'<p>The <em>spoken</em> text came out later.</p>'
		}
	],
	citation: {
		sources: [
			'Example Editor, ed., Trial Transcript (Moscow: Example Press, 1938).',
			'A. N. Other & B. Someone, “The Pencil Marks,” Example Journal 1 (1996): 1–20'
		],
		permalink: 'https://pencilmarks.example/cases/bukharin-1938?mode=marks#c-bbbbbb',
		accessed: '2026-11-27'
	}
};

/** The fixture in another mode. */
export function inMode(mode: Excerpt['mode']): Excerpt {
	return { ...fixture, mode };
}

/**
 * Text that means something in every output format, to show each export writes it literally:
 * markup, entities, quotes, Markdown emphasis and links, a heading and a list at a line's start,
 * the end of a CDATA section, and notes whose Markdown and HTML hold HTML.
 */
export const hostile: Excerpt = {
	...fixture,
	title: 'A <b>“bold”</b> & \'quoted\' "title"',
	authors: ['<Anon> & "Co"'],
	base: { id: '1st copy', label: 'Copy <1>', language: 'en' },
	target: { id: 'published', label: 'Print & "proof"', language: 'en' },
	blocks: [
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: '# Not a heading <script>alert(1)</script> & "q" \'s\' *a* _b_ ' },
				{ kind: 'delete', text: '~~x~~ [x](y) ]]> | `c` \\ $1', change: 'c-eeeeee', first: true },
				{ kind: 'insert', text: '<img src=x onerror=alert(1)>', change: 'c-eeeeee' },
				{ kind: 'equal', text: ' &amp; end', notes: ['n<1>'], noteMarkers: ['n<1>'] }
			]
		},
		{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: '1. Not a list' }] },
		{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: '- Not an item' }] },
		{ kind: 'gap', inA: true, inB: true, label: '<lost> & "gone"' }
	],
	notes: [
		{
			id: 'n<1>',
			title: 'A <i>note</i> & more',
			markdown: 'Raw <script>alert(2)</script> and <b>bold</b>, `<code>` and <https://ok.example>.',
			html: '<p>Raw and <strong>bold</strong>.</p>'
		}
	],
	citation: {
		sources: ['Source <one> & "two"'],
		permalink: 'https://pencilmarks.example/x?a=1&b=<2>',
		accessed: '2026-11-27'
	}
};

/**
 * An excerpt with a moved passage, as `layout(compare(a, b))` lays it out (see modes.test.ts) for
 * a base "P1 P2 P3" and a target "P1' P3 P2'": P2 moved to the end, "Berlin" became "Paris" on the
 * way, and P1 has a rewrite of its own. A note is on the word changed inside the move.
 */
export const moved: Excerpt = {
	...fixture,
	blocks: [
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: 'I admit my guilt before ' },
				{ kind: 'delete', text: 'the', change: 'c-1rlwl8c', changeKind: 'rewording', first: true },
				{ kind: 'insert', text: 'this', change: 'c-1rlwl8c', changeKind: 'rewording' },
				{ kind: 'equal', text: ' court.' }
			]
		},
		{
			kind: 'paragraph',
			inA: true,
			inB: false,
			spans: [
				{
					kind: 'delete',
					text: 'In 1932 I met the representatives of the general staff in ',
					change: 'c-0h2cml4',
					changeKind: 'moved',
					first: true,
					move: 'from',
					partner: 'c-023fnqd'
				},
				{
					kind: 'delete',
					text: 'Berlin',
					change: 'c-0h2cml4',
					changeKind: 'moved',
					move: 'from',
					partner: 'c-023fnqd',
					changed: true,
					notes: ['03-berlin'],
					noteMarkers: ['03-berlin']
				},
				{
					kind: 'delete',
					text: '.',
					change: 'c-0h2cml4',
					changeKind: 'moved',
					move: 'from',
					partner: 'c-023fnqd'
				}
			]
		},
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [{ kind: 'equal', text: 'I have read a great deal in prison, citizen judges.' }]
		},
		{
			kind: 'paragraph',
			inA: false,
			inB: true,
			spans: [
				{
					kind: 'insert',
					text: 'In 1932 I met the representatives of the general staff in ',
					change: 'c-023fnqd',
					changeKind: 'moved',
					first: true,
					move: 'to',
					partner: 'c-0h2cml4'
				},
				{
					kind: 'insert',
					text: 'Paris',
					change: 'c-023fnqd',
					changeKind: 'moved',
					move: 'to',
					partner: 'c-0h2cml4',
					changed: true
				},
				{
					kind: 'insert',
					text: '.',
					change: 'c-023fnqd',
					changeKind: 'moved',
					move: 'to',
					partner: 'c-0h2cml4'
				}
			]
		}
	],
	notes: [
		{
			id: '03-berlin',
			title: 'Berlin or Paris',
			markdown: 'The city is changed in ink.',
			html: '<p>The city is changed in ink.</p>'
		}
	]
};

/** The moved excerpt cut to its first `n` blocks, or (negative `n`) its last: one end only. */
export function movedPart(n: number, mode: Excerpt['mode'] = 'marks'): Excerpt {
	const blocks = n < 0 ? moved.blocks.slice(n) : moved.blocks.slice(0, n);
	const markers = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.spans : []));
	const marked = new Set(markers.flatMap((s) => s.noteMarkers ?? []));
	return { ...moved, mode, blocks, notes: moved.notes.filter((n) => marked.has(n.id)) };
}

/** The excerpt as it would be without moves: each end a plain delete or insert. */
export function withoutMoves(excerpt: Excerpt): Excerpt {
	const blocks = excerpt.blocks.map((b) =>
		b.kind === 'gap'
			? b
			: { ...b, spans: b.spans.map(({ move: _m, partner: _p, changed: _c, ...span }) => span) }
	);
	return { ...excerpt, blocks };
}

/**
 * A fenced code block whose lines matter, with one word added on its indented second line: each
 * format must keep the lines and the indentation, and draw no fence as its own markup.
 */
export const code: Excerpt = {
	...fixture,
	notes: [],
	blocks: [
		{ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text: 'Strike it:' }] },
		{
			kind: 'paragraph',
			inA: true,
			inB: true,
			spans: [
				{ kind: 'equal', text: '```js' },
				{ kind: 'equal', text: '\n', line: true },
				{ kind: 'equal', text: 'if (marks) {' },
				{ kind: 'equal', text: '\n\t', line: true },
				{ kind: 'equal', text: 'strike(' },
				{ kind: 'insert', text: 'all', change: 'c-ffffff', first: true },
				{ kind: 'equal', text: ');' },
				{ kind: 'equal', text: '\n', line: true },
				{ kind: 'equal', text: '}' },
				{ kind: 'equal', text: '\n', line: true },
				{ kind: 'equal', text: '```' }
			]
		}
	]
};
