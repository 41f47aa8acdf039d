import { describe, expect, it } from 'vitest';
import { cutShown } from '../pipeline/excerpt';
import { runsOf } from '../pipeline/chunks';
import { LaidText } from '../pipeline/laid';
import type { Block, Excerpt } from '../types';
import { excerptJson, rebuildWitnesses, toHtml, toMarkdown, toTei, toText } from './index';

// An export of the changes only: five paragraphs, a change in the second, the others folded away
// with no context; a gap in the witnesses after the first is never folded away.
const same = (text: string): Block => ({ kind: 'paragraph', inA: true, inB: true, spans: [{ kind: 'equal', text }] });
const laid = LaidText.fromBlocks([
	same('First.'),
	{ kind: 'gap', inA: true, inB: true, label: 'a page lost' },
	{
		kind: 'paragraph',
		inA: true,
		inB: true,
		spans: [
			{ kind: 'equal', text: 'We met at ' },
			{ kind: 'delete', text: 'noon', change: 'c-1', first: true },
			{ kind: 'insert', text: 'one', change: 'c-1' },
			{ kind: 'equal', text: '.' }
		]
	},
	same('Third.'),
	same('Fourth.'),
	same('Fifth.')
]);
const blocks = cutShown(laid, { start: 0, end: laid.length }, runsOf(laid, 'marks', 0));

const excerpt: Excerpt = {
	title: 'Folds',
	slug: 'folds',
	kind: 'Test',
	date: '2024-05-01',
	authors: [],
	base: { id: 'a', label: 'A', language: 'en' },
	target: { id: 'b', label: 'B', language: 'en' },
	mode: 'marks',
	blocks,
	notes: [],
	citation: { sources: [], permalink: 'https://example.org/x', accessed: '2026-12-02' }
};

describe('an export of the changes only', () => {
	it('cuts the shown paragraphs and puts one block in place of each run folded away', () => {
		expect(blocks.map((b) => (b.kind === 'gap' ? b : b.spans.map((s) => s.text).join('')))).toEqual([
			{ kind: 'gap', inA: true, inB: true, omitted: 1 },
			{ kind: 'gap', inA: true, inB: true, label: 'a page lost' },
			'We met at noonone.',
			{ kind: 'gap', inA: true, inB: true, omitted: 3 }
		]);
	});

	it('writes the folds in every format, apart from the gap in the witnesses', () => {
		expect(toMarkdown(excerpt)).toContain(
			'*(… 1 unchanged paragraph left out …)*\n\n*(Text not available here: a page lost.)*'
		);
		expect(toMarkdown(excerpt)).toContain('*(… 3 unchanged paragraphs left out …)*');
		expect(toText(excerpt)).toContain('(… 3 unchanged paragraphs left out …)');
		expect(toHtml(excerpt)).toContain('<p class="gap">… 3 unchanged paragraphs left out …</p>');
		expect(toTei(excerpt)).toContain('<gap reason="unchanged" quantity="3" unit="paragraph"/>');
		expect(toTei(excerpt)).toContain('<gap reason="unavailable"><desc>a page lost</desc></gap>');
		const json = excerptJson(excerpt);
		expect(json.blocks.filter((b) => b.kind === 'gap')).toEqual([
			{ kind: 'gap', inA: true, inB: true, omitted: 1 },
			{ kind: 'gap', inA: true, inB: true, label: 'a page lost' },
			{ kind: 'gap', inA: true, inB: true, omitted: 3 }
		]);
		expect(rebuildWitnesses(json).a).toBe(
			'{gap: 1 unchanged paragraph left out}\n\n{gap: a page lost}\n\nWe met at noon.\n\n{gap: 3 unchanged paragraphs left out}'
		);
	});
});
