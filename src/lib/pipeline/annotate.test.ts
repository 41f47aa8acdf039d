import { describe, expect, it } from 'vitest';
import { anchorAt, anchorFor, annotate, changeAnchor, findQuote, quotePlaces } from './annotate';
import { placeAttributions } from './attribute';
import { LaidText, pack } from './laid';
import { layout } from './layout';
import { compare } from './compare';

describe('findQuote', () => {
	it('finds a quote that occurs once, returning its offsets without the prefix', () => {
		expect(findQuote('a cat, a hat', { quote: 'hat' })).toEqual({ found: true, start: 9, end: 12 });
		expect(findQuote('a cat, a hat', { quote: 'at', prefix: 'h' })).toEqual({
			found: true,
			start: 10,
			end: 12
		});
	});

	it('reports how often an ambiguous quote occurs, and 0 for a missing or empty one', () => {
		expect(findQuote('a cat, a hat', { quote: 'at' })).toEqual({ found: false, count: 2 });
		expect(findQuote('a cat, a hat', { quote: 'dog' })).toEqual({ found: false, count: 0 });
		expect(findQuote('a cat', { quote: '' })).toEqual({ found: false, count: 0 });
		expect(findQuote('a  cat', { quote: '  ' })).toEqual({ found: false, count: 0 });
	});

	it('matches any run of whitespace with any run, as a quote copied from a PDF has other line breaks', () => {
		const text = 'This we\r\n  may not do.';
		expect(findQuote(text, { quote: 'we may not' })).toEqual({ found: true, start: 5, end: 18 });
		expect(findQuote('we may\nnot', { quote: 'we\n  may not' })).toEqual({ found: true, start: 0, end: 10 });
		// A header value is trimmed, so the space between prefix and quote may be left out.
		expect(findQuote(text, { prefix: 'This', quote: 'we', suffix: 'may' })).toEqual({
			found: true,
			start: 5,
			end: 7
		});
	});

	it('keeps whitespace that the quote itself starts or ends with in its offsets', () => {
		expect(findQuote('I said  it', { prefix: 'I', quote: ' said ', suffix: 'it' })).toEqual({
			found: true,
			start: 1,
			end: 8
		});
		expect(findQuote('I said it', { prefix: 'I ', quote: 'said', suffix: ' it' })).toEqual({
			found: true,
			start: 2,
			end: 6
		});
	});

	it('does not let a loose match stand for a different word', () => {
		expect(findQuote('the mat', { quote: 'them at' })).toEqual({ found: false, count: 0 });
		expect(findQuote('a.b a+b', { quote: 'a.b' })).toEqual({ found: true, start: 0, end: 3 });
	});
});

describe('quotePlaces', () => {
	it('lists every place, overlapping ones included, with the prefix and suffix around the quote', () => {
		expect(quotePlaces('aaa', { quote: 'aa' }).map((p) => p.start)).toEqual([0, 1]);
		expect(quotePlaces('This we\nmay do', { prefix: 'This', quote: 'we', suffix: 'may' })).toEqual([
			{ from: 0, start: 5, end: 7, to: 11 }
		]);
	});
});

describe('annotate', () => {
	const spoken = 'I accept it. I deny most of all the charge. This I admit.';
	const published = 'I accept it. This I admit.';
	const sides = {
		a: { id: 'spoken', label: 'As spoken', text: spoken },
		b: { id: 'published', label: 'As published', text: published }
	};
	const comparison = compare(spoken, published);
	const struck = comparison.segments.find((s) => s.kind === 'delete')!;

	it('anchors a note in the base and lists the change its passage overlaps', () => {
		const [note] = annotate(comparison, [{ id: 'n', anchor: { witness: 'spoken', quote: 'the charge' } }], sides);
		expect(note).toEqual({
			noteId: 'n',
			status: 'anchored',
			side: 'a',
			start: 32,
			end: 42,
			changes: [struck.id]
		});
	});

	it('places a note on a third witness wherever its quote stands in the pair', () => {
		const [note] = annotate(comparison, [{ id: 'n', anchor: { witness: 'draft', quote: 'This I admit.' } }], sides);
		expect(note).toEqual({ noteId: 'n', status: 'anchored', side: 'a', start: 44, end: 57, changes: [] });
	});

	it('anchors a note in the target; an edit beside (not inside) its passage is not listed', () => {
		const [note] = annotate(comparison, [{ id: 'n', anchor: { witness: 'published', quote: 'This I admit.' } }], sides);
		expect(note).toEqual({ noteId: 'n', status: 'anchored', side: 'b', start: 13, end: 26, changes: [] });
	});

	it('keeps case notes, and reports notes that no longer match instead of dropping them', () => {
		const notes = annotate(
			comparison,
			[
				{ id: 'case', anchor: null },
				{ id: 'gone', anchor: { witness: 'spoken', quote: 'never said' } },
				{ id: 'twice', anchor: { witness: 'spoken', quote: 'I a' } },
				{ id: 'other', anchor: { witness: 'draft', quote: 'x' } }
			],
			sides
		);
		expect(notes).toEqual([
			{ noteId: 'case', status: 'case', changes: [] },
			{ noteId: 'gone', status: 'unanchored', changes: [], problem: 'its quote is no longer found in “As spoken”' },
			{ noteId: 'twice', status: 'unanchored', changes: [], problem: 'its quote is found 2 times in “As spoken”' },
			{
				noteId: 'other',
				status: 'unanchored',
				changes: [],
				problem: 'its passage, in the “draft” witness, is in neither text of this comparison'
			}
		]);
	});
});

describe('anchorFor', () => {
	const spoken = 'We met. I deny it all. We parted. I deny it.';
	const published = 'We met. We parted. I deny it. We agreed.';
	const sides = {
		a: { id: 'spoken', label: 'As spoken', text: spoken },
		b: { id: 'published', label: 'As published', text: published }
	};
	const blocks = new LaidText(pack(layout(compare(spoken, published))), { a: spoken, b: published });
	const aligned = blocks.slice(0, blocks.length);
	const rangeOfText = (text: string, from = 0) => {
		const start = aligned.indexOf(text, from);
		return { start, end: start + text.length };
	};

	it('quotes the base, with context words until the passage is found once', () => {
		// "deny it" and "I deny it" each occur twice in the base: a word after settles it.
		expect(anchorFor(blocks, rangeOfText('deny it'), sides)).toEqual({
			witness: 'spoken',
			quote: 'deny it',
			prefix: 'I ',
			suffix: ' all.'
		});
		const anchor = anchorFor(blocks, rangeOfText('deny it', aligned.indexOf('parted')), sides)!;
		expect(anchor.quote).toBe('deny it');
		expect(findQuote(spoken, anchor)).toEqual({ found: true, start: 36, end: 43 });
	});

	it('quotes the target for a passage only the target has', () => {
		expect(anchorFor(blocks, rangeOfText('agreed'), sides)).toEqual({
			witness: 'published',
			quote: 'agreed'
		});
	});

	it('returns null for a passage of white space only', () => {
		expect(anchorFor(blocks, rangeOfText(' '), sides)).toBeNull();
	});
});

describe('changeAnchor', () => {
	const spoken =
		'I accept it. I deny most of all the charge. We met in May. The sum total of it.\n\nThis I admit.';
	const published = 'I accept it. We met in May. The whole of it. This I admit. We agreed.';
	const sides = {
		a: { id: 'spoken', label: 'As spoken', text: spoken },
		b: { id: 'published', label: 'As published', text: published }
	};
	const comparison = compare(spoken, published);
	const laid = new LaidText(pack(layout(comparison)), { a: spoken, b: published });
	const ids = comparison.segments.filter((s) => s.id).map((s) => s.id!);

	it('quotes the words a change strikes, else those it adds, and white space by the words around it', () => {
		expect(ids.map((id) => changeAnchor(laid, id, sides))).toEqual([
			{ witness: 'spoken', quote: 'I deny most of all the charge.' },
			{ witness: 'spoken', quote: 'sum total' },
			// The paragraph break of the base is no span of the layout: the space that joins the
			// two paragraphs in the target is.
			{ witness: 'published', quote: 'it. This' },
			{ witness: 'published', quote: 'We agreed.' }
		]);
	});

	it('gives an anchor that lands on its own change', () => {
		const attributions = ids.map((id) => ({ anchor: changeAnchor(laid, id, sides)! }));
		expect(placeAttributions(comparison, attributions, sides).map((p) => p.change)).toEqual(ids);
	});

	it('adds context, never more quote, when the words occur twice', () => {
		const a = 'I deny it. We met. I deny it. We parted.';
		const b = 'I deny it. We met. We parted.';
		const twice = compare(a, b);
		const [id] = twice.segments.filter((s) => s.id).map((s) => s.id!);
		const pair = { a: { id: 'a', label: 'A', text: a }, b: { id: 'b', label: 'B', text: b } };
		expect(changeAnchor(new LaidText(pack(layout(twice)), { a, b }), id, pair)).toEqual({
			witness: 'a',
			quote: 'I deny it.',
			prefix: 'met. '
		});
	});

	it('is null for a change that is not in the text', () => {
		expect(changeAnchor(laid, 'c-nothere', sides)).toBeNull();
	});
});

describe('anchorAt', () => {
	const text = 'The cats sat. The cat sat. Кошки спали.';

	it('quotes the passage, with words of context until it is found once', () => {
		expect(anchorAt(text, 33, 38, 'w')).toEqual({ witness: 'w', quote: 'спали' });
		// Part of a word: the rest of the word is the first context. As prefix and quote may meet
		// with white space between them, `cat` + `s` also stands in “cat sat”: one more word settles it.
		expect(anchorAt(text, 7, 8, 'w')).toEqual({ witness: 'w', quote: 's', prefix: 'cat', suffix: ' sat.' });
	});

	it('returns null for white space, which no quote can hold', () => {
		expect(anchorAt(text, 13, 14, 'w')).toBeNull();
	});
});
