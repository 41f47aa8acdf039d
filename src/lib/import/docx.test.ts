import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentXml, repeated, zipOf } from '../../../tests/fixtures/zips';
import { placeAttributions } from '../pipeline/attribute';
import { compare } from '../pipeline/compare';
import { docxText, type TrackedChanges } from './docx';

const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url)));
/** A .docx holding only a body with these paragraphs (all a reader needs). */
const docx = (body: string) =>
	zipSync({
		'word/document.xml': strToU8(
			'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
				'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
				`<w:body>${body}</w:body></w:document>`
		)
	});
const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};

describe('docxText', () => {
	it('reads the sample document: runs joined, a tab, a line break, paragraphs apart', () => {
		expect(docxText('sample.docx', fixture('sample.docx'))).toEqual({
			text: 'Q.\tWere you at the meeting of 3 May & after?\n\nA.\tI was not.\nЯ не был.',
			warnings: []
		});
	});

	it('keeps the spaces of a run exactly, and drops empty paragraphs', () => {
		const body =
			'<w:p><w:r><w:t xml:space="preserve">  two  spaces </w:t></w:r></w:p>' +
			'<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>' +
			'<w:p><w:r><w:t>End</w:t><w:noBreakHyphen/><w:t>note</w:t></w:r></w:p>';
		expect(docxText('a.docx', docx(body)).text).toBe('  two  spaces \n\nEnd\u2011note');
	});

	it('reads tracked changes as accepted, and says so, and keeps the text before them too', () => {
		const body =
			'<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r>' +
			'<w:del w:author="Editor"><w:r><w:delText>sum total</w:delText></w:r></w:del>' +
			'<w:ins w:author="Editor"><w:r><w:t>whole</w:t></w:r></w:ins>' +
			'<w:moveFrom><w:r><w:t> moved</w:t></w:r></w:moveFrom></w:p>';
		expect(docxText('a.docx', docx(body))).toEqual({
			text: 'The whole',
			warnings: [
				'The document has tracked changes: it was read as if they were accepted (deleted ' +
					'text left out, inserted text kept).'
			],
			tracked: {
				original: 'The sum total moved',
				revised: 'The whole',
				attributions: [
					{ anchor: { witness: 'original', quote: 'sum total' }, hand: 'Editor', file: 'a.docx' },
					// Word names the author of every change; a document that does not is still read.
					{ anchor: { witness: 'original', quote: 'moved' }, file: 'a.docx' }
				],
				warnings: []
			}
		});
	});

	it('reads a text box once, not its fallback copy too', () => {
		const box = (text: string) =>
			`<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
		const body =
			'<w:p><w:r><mc:AlternateContent>' +
			`<mc:Choice Requires="wps">${box('In a box')}</mc:Choice>` +
			`<mc:Fallback>${box('In a box')}</mc:Fallback>` +
			'</mc:AlternateContent></w:r></w:p>';
		expect(docxText('a.docx', docx(body)).text).toBe('In a box');
	});

	it('refuses a file that is not a zip, a damaged zip, and a zip without a document', () => {
		expect(message(() => docxText('not-a-docx.docx', fixture('not-a-docx.docx')))).toBe(
			'not-a-docx.docx: the file is not a Word document (.docx): it is not a zip archive'
		);
		const cut = fixture('sample.docx').subarray(0, 200);
		expect(message(() => docxText('cut.docx', cut))).toBe(
			'cut.docx: the file is not a Word document (.docx): it is a damaged zip archive ' +
				'(it is cut off before its end)'
		);
		expect(message(() => docxText('a.docx', zipSync({ 'a.txt': strToU8('a') })))).toBe(
			'a.docx: the file is not a Word document (.docx): the zip archive has no word/document.xml'
		);
	});

	// Issue 9: a .docx bomb froze the page for 9 s, and its text came in over the limit.
	it('refuses a document that unpacks to more than the limit for a text, naming its part', () => {
		const paragraph = `<w:p><w:r><w:t>${'All work and no play. '.repeat(1000)}</w:t></w:r></w:p>`;
		const body = { name: 'word/document.xml', ...repeated(paragraph, 1300) };
		expect(message(() => docxText('bomb.docx', zipOf([body])))).toBe(
			'bomb.docx: “word/document.xml” in it is 27.4 MB unpacked; the limit is 25 MB per text'
		);
		expect(message(() => docxText('bomb.docx', zipOf([{ ...body, declared: 5000 }])))).toBe(
			'bomb.docx: “word/document.xml” in it unpacks to more than 25 MB; the limit is 25 MB per text'
		);
	});

	// Issue 9: a document.xml cut off imported part of the text, without a word.
	it('reads a document cut off short, and says where its text stops', () => {
		const xml = documentXml(
			'<w:p><w:r><w:t>First paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>The second is cut'
		);
		const cut = xml.slice(0, xml.indexOf('</w:body>'));
		expect(docxText('cut.docx', zipSync({ 'word/document.xml': strToU8(cut) }))).toEqual({
			text: 'First paragraph.\n\nThe second is cut',
			warnings: [
				'The document is cut off: word/document.xml stops before its end, so only its text up ' +
					'to “…First paragraph. The second is cut” was read. Open it in Word and save it ' +
					'again to read the rest, if Word can.'
			]
		});
	});
});

// Word's tracked changes as Word writes them (ECMA-376 Part 1, 17.13.5): each change an element
// with its author and date, around the runs it deleted (`w:del`, the text in `w:delText`),
// inserted (`w:ins`) or moved (`w:moveFrom`, `w:moveTo`), or in a paragraph's properties for its
// paragraph mark.
describe('docxText with tracked changes', () => {
	const anna = { author: 'Анна Петрова', date: '2024-05-02T09:30:00Z' };
	const smith = { author: 'J. Smith', date: '2024-05-03T14:05:00Z' };
	type Who = typeof anna;
	let id = 0;
	const by = (who: Who) => `w:id="${++id}" w:author="${who.author}" w:date="${who.date}"`;
	const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
	const deleted = (who: Who, text: string) =>
		`<w:del ${by(who)}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
	const inserted = (who: Who, text: string) => `<w:ins ${by(who)}>${run(text)}</w:ins>`;
	const paragraph = (...content: string[]) => `<w:p>${content.join('')}</w:p>`;
	/** A paragraph whose mark (the break after it) was inserted or deleted. */
	const markTracked = (change: 'ins' | 'del', who: Who, ...content: string[]) =>
		`<w:p><w:pPr><w:rPr><w:${change} ${by(who)}/></w:rPr></w:pPr>${content.join('')}</w:p>`;

	const tracked = (body: string) => docxText('notes.docx', docx(body)).tracked!;

	/** The changes a comparison of the two texts shows, each with the hand and date placed on it. */
	function changes({ original, revised, attributions }: TrackedChanges) {
		const comparison = compare(original, revised);
		const sides = {
			a: { id: 'original', label: 'Original', text: original },
			b: { id: 'revised', label: 'Revised', text: revised }
		};
		const placed = placeAttributions(comparison, attributions, sides);
		const problems = placed.filter((p) => p.problem).map((p) => p.problem);
		const shown = comparison.segments
			.filter((s) => s.id)
			.map((s) => {
				const on = placed.find((p) => p.change === s.id)?.attribution;
				return { kind: s.kind, a: s.a, b: s.b, hand: on?.hand, date: on?.date };
			});
		return { shown, problems };
	}

	it('gives both texts, and the changes Pencilmarks shows are Word’s, with authors and dates', () => {
		const body = [
			// A replacement: a deletion and an insertion side by side, one change.
			paragraph(run('We met on '), deleted(anna, 'Monday'), inserted(anna, 'Tuesday'), run(' in May.')),
			paragraph(run('I '), deleted(smith, 'never '), run('saw the letter.')),
			paragraph(run('The report was '), inserted(anna, 'very '), run('late.')),
			// A change inside a word, in a paragraph whose mark was inserted: a paragraph added after it.
			markTracked('ins', smith, run('The colo'), inserted(smith, 'u'), run('r was red.')),
			paragraph(inserted(smith, 'A paragraph added.')),
			paragraph(run('Он сказал: '), deleted(anna, 'нет'), inserted(anna, 'да'), run('.'))
		].join('');
		const result = tracked(body);
		expect(result.original).toBe(
			'We met on Monday in May.\n\nI never saw the letter.\n\nThe report was late.\n\n' +
				'The color was red.\n\nОн сказал: нет.'
		);
		expect(result.revised).toBe(
			'We met on Tuesday in May.\n\nI saw the letter.\n\nThe report was very late.\n\n' +
				'The colour was red.\n\nA paragraph added.\n\nОн сказал: да.'
		);
		// Pencilmarks compares words: Word's inserted "u" shows as the word it changed.
		expect(changes(result)).toEqual({
			shown: [
				{ kind: 'replace', a: 'Monday', b: 'Tuesday', hand: 'Анна Петрова', date: anna.date },
				{ kind: 'delete', a: 'never ', b: '', hand: 'J. Smith', date: smith.date },
				{ kind: 'insert', a: '', b: 'very ', hand: 'Анна Петрова', date: anna.date },
				{ kind: 'replace', a: 'color', b: 'colour', hand: 'J. Smith', date: smith.date },
				{ kind: 'insert', a: '', b: 'A paragraph added.\n\n', hand: 'J. Smith', date: smith.date },
				{ kind: 'replace', a: 'нет', b: 'да', hand: 'Анна Петрова', date: anna.date }
			],
			problems: []
		});
		expect(result.attributions.map((a) => a.anchor)).toEqual([
			{ witness: 'original', quote: 'Monday' },
			{ witness: 'original', quote: 'never' },
			{ witness: 'revised', quote: 'very' },
			{ witness: 'revised', quote: 'u', prefix: 'colo' },
			{ witness: 'revised', quote: 'A paragraph added.' },
			{ witness: 'original', quote: 'нет' }
		]);
		expect(result.attributions.every((a) => a.file === 'notes.docx')).toBe(true);
	});

	it('reads a moved passage as moved away in the original and to its place in the revised', () => {
		const moved = 'We stayed in all day and read the letters aloud. ';
		const body =
			paragraph(
				run('It rained. '),
				`<w:moveFrom ${by(smith)}>${run(moved)}</w:moveFrom>`,
				run('The river rose over the banks and the old bridge was closed to carts for a week.')
			) +
			paragraph(
				run('By Sunday the roads were dry again. '),
				`<w:moveTo ${by(smith)}>${run(moved)}</w:moveTo>`,
				run('Then we left.')
			);
		const result = tracked(body);
		const comparison = compare(result.original, result.revised);
		expect(comparison.segments.filter((s) => s.id).map((s) => [s.kind, s.move?.end])).toEqual([
			['delete', 'from'],
			['insert', 'to']
		]);
		expect(changes(result)).toEqual({
			shown: [
				{ kind: 'delete', a: moved, b: '', hand: 'J. Smith', date: smith.date },
				{ kind: 'insert', a: '', b: moved, hand: 'J. Smith', date: smith.date }
			],
			problems: []
		});
	});

	it('joins paragraphs where a paragraph mark was deleted, and splits where one was inserted', () => {
		const joined = tracked(markTracked('del', anna, run('One.')) + paragraph(run(' Two.')));
		expect([joined.original, joined.revised]).toEqual(['One.\n\n Two.', 'One. Two.']);
		// A change of white space only is quoted by the words on either side of it.
		expect(joined.attributions.map((a) => a.anchor)).toEqual([
			{ witness: 'original', quote: 'One.\n\n Two.' }
		]);
		expect(changes(joined).shown).toEqual([
			{ kind: 'replace', a: '\n\n ', b: ' ', hand: 'Анна Петрова', date: anna.date }
		]);
		const split = tracked(markTracked('ins', smith, run('One. ')) + paragraph(run('Two.')));
		expect([split.original, split.revised]).toEqual(['One. Two.', 'One. \n\nTwo.']);
		expect(changes(split).shown).toEqual([
			{ kind: 'replace', a: ' ', b: ' \n\n', hand: 'J. Smith', date: smith.date }
		]);
	});

	it('reads a paragraph deleted whole, its text and its mark, as one change', () => {
		const body =
			paragraph(run('Kept one.')) +
			markTracked('del', smith, deleted(smith, 'Gone entirely.')) +
			paragraph(run('Kept two.'));
		const result = tracked(body);
		expect([result.original, result.revised]).toEqual([
			'Kept one.\n\nGone entirely.\n\nKept two.',
			'Kept one.\n\nKept two.'
		]);
		expect(changes(result)).toEqual({
			shown: [{ kind: 'delete', a: 'Gone entirely.\n\n', b: '', hand: 'J. Smith', date: smith.date }],
			problems: []
		});
	});

	it('leaves out changes that change nothing a comparison shows', () => {
		const body =
			// A second space beside a first; an empty paragraph added; a passage inserted, then deleted.
			paragraph(run('We met.'), inserted(anna, ' '), run(' Fine.')) +
			markTracked('ins', anna) +
			paragraph(
				run('Then '),
				`<w:ins ${by(anna)}><w:del ${by(smith)}><w:r><w:delText>never </w:delText></w:r></w:del></w:ins>`,
				run('we left'),
				inserted(smith, '!')
			);
		const result = tracked(body);
		expect([result.original, result.revised]).toEqual([
			'We met. Fine.\n\nThen we left',
			'We met.  Fine.\n\nThen we left!'
		]);
		expect(changes(result)).toEqual({
			shown: [{ kind: 'insert', a: '', b: '!', hand: 'J. Smith', date: smith.date }],
			problems: []
		});
	});

	it('keeps a deletion and an insertion by two authors apart: the second is reported, not lost', () => {
		const replaced = [deleted(anna, 'Monday'), inserted(smith, 'Tuesday')];
		const body = paragraph(run('We met on '), ...replaced, run('.'));
		const result = tracked(body);
		expect(result.attributions.map((a) => [a.anchor.quote, a.hand])).toEqual([
			['Monday', 'Анна Петрова'],
			['Tuesday', 'J. Smith']
		]);
		const { shown, problems } = changes(result);
		expect(shown).toEqual([
			{ kind: 'replace', a: 'Monday', b: 'Tuesday', hand: 'Анна Петрова', date: anna.date }
		]);
		const [change] = compare(result.original, result.revised).segments.filter((s) => s.id);
		expect(problems).toEqual([
			`duplicate: change ${change.id} (“Monday” → “Tuesday”) already has an attribution`
		]);
	});

	it('gives one text when the changes leave nothing to compare', () => {
		const accepted = [
			'The document has tracked changes: it was read as if they were accepted (deleted ' +
				'text left out, inserted text kept).'
		];
		// All of it inserted: there is no text before the changes.
		expect(docxText('a.docx', docx(paragraph(inserted(anna, 'All new.'))))).toEqual({
			text: 'All new.',
			warnings: accepted
		});
		// Formatting changed, and a table row marked inserted: the text is the same either way.
		const formatting =
			'<w:tbl><w:tr><w:trPr><w:ins w:id="1" w:author="A"/></w:trPr><w:tc>' +
			paragraph(
				'<w:r><w:rPr><w:b/><w:rPrChange w:id="2" w:author="A"><w:rPr/></w:rPrChange></w:rPr>' +
					'<w:t>Cell.</w:t></w:r>'
			) +
			'</w:tc></w:tr></w:tbl>';
		expect(docxText('a.docx', docx(formatting))).toEqual({ text: 'Cell.', warnings: accepted });
	});
});
