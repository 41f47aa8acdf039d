import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, hostile, inMode } from '../test/excerpt-fixture';
import { HOSTILE, hostileExcerpt, uponExcerpt } from '../test/apparatus-fixture';
import { apparatusExcerpt } from '../export/apparatus/excerpt';
import { apparatusJsonText } from '../export/apparatus/json';
import { excerptJson, toJson } from '../export/json';
import { collate } from '../pipeline/collate';
import { excerptTexts, excerptWitnesses, extractJsonWitnesses } from './json';

const utf8 = (text: string) => new TextEncoder().encode(text);
const message = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return (e as Error).message;
	}
	return 'no error';
};
/** The fixture's JSON with one change made to it. */
const altered = (change: (json: Record<string, unknown>) => void) => {
	const json = JSON.parse(toJson(fixture));
	change(json);
	return JSON.stringify(json);
};

describe('extractJsonWitnesses', () => {
	it('reads both witnesses and their labels back from an excerpt export', () => {
		expect(extractJsonWitnesses(utf8(toJson(fixture)), 'bukharin-1938-excerpt.json')).toEqual({
			a:
				'The accused Bukharin pleads guilty to the sum total of the\ncrimes.\n\n{gap}\n\n' +
				'I was never in the [non-existent] bloc.\n\nI ask the court for mercy.',
			b:
				'The accused pleads guilty to all of the\ncrimes.\n\n{gap}\n\n' +
				'I was never in the [non-existent] bloc abroad.',
			labels: { a: 'As spoken', b: 'As published' },
			languages: { a: 'en', b: 'en' }
		});
	});

	it('reads each witness’s language, where the file gives it', () => {
		const translation = altered((json) => {
			const witnesses = json.witnesses as Record<string, Record<string, unknown>>;
			witnesses.target.language = 'ru';
			delete witnesses.base.language;
		});
		expect(excerptWitnesses('x.json', translation).languages).toEqual({ b: 'ru' });
	});

	it('reads markup and quotes in the texts literally', () => {
		const { labels, a } = extractJsonWitnesses(utf8(toJson(hostile)));
		expect(labels).toEqual({ a: 'Copy <1>', b: 'Print & "proof"' });
		expect(a.startsWith('# Not a heading <script>alert(1)</script> & "q"')).toBe(true);
	});

	it('checks the bytes first', () => {
		expect(message(() => extractJsonWitnesses(new Uint8Array(0), 'x.json'))).toBe(
			'x.json: the file is empty'
		);
	});
});

describe('excerptWitnesses', () => {
	it('names the line of a syntax error', () => {
		const text = '{\n  "format": "pencilmarks-excerpt",\n}';
		expect(message(() => excerptWitnesses('x.json', text))).toBe(
			'x.json:3: the file is not valid JSON'
		);
	});

	it('says which field is wrong in JSON that is not an excerpt', () => {
		const cases: [string, string][] = [
			[
				'[1, 2]',
				'the top level is an array; expected an object with "format": "pencilmarks-excerpt"'
			],
			[
				'{"name": "package"}',
				'field format is missing; expected "pencilmarks-excerpt" (a Pencilmarks excerpt ' +
					'exported as JSON)'
			],
			[
				altered((j) => (j.format = 'other')),
				'field format is "other"; expected "pencilmarks-excerpt" (a Pencilmarks excerpt ' +
					'exported as JSON)'
			],
			[
				altered((j) => (j.version = 3)),
				'field version is 3; expected 1 or 2, the versions this Pencilmarks reads'
			],
			[altered((j) => delete j.witnesses), 'field witnesses is missing; expected an object'],
			[
				altered((j) => ((j.witnesses as { target: { label: unknown } }).target.label = null)),
				'field witnesses.target.label is null; expected a string'
			],
			[altered((j) => (j.blocks = {})), 'field blocks is an object; expected an array'],
			[
				altered((j) => ((j.blocks as { kind: string }[])[1].kind = 'figure')),
				'field blocks[1].kind is "figure"; expected "paragraph" or "gap"'
			],
			[
				altered((j) => delete (j.blocks as { inB?: boolean }[])[3].inB),
				'field blocks[3].inB is missing; expected true or false'
			],
			[
				altered((j) => ((j.blocks as { spans: { text: unknown }[] }[])[2].spans[4].text = 5)),
				'field blocks[2].spans[4].text is 5; expected a string'
			],
			[
				altered((j) => ((j.blocks as { spans: { kind: string }[] }[])[0].spans[0].kind = 'x')),
				'field blocks[0].spans[0].kind is "x"; expected "equal", "delete" or "insert"'
			]
		];
		for (const [text, problem] of cases) {
			expect(message(() => excerptWitnesses('x.json', text))).toBe(`x.json: ${problem}`);
		}
	});

	it('reads what the exporter writes in every mode', () => {
		for (const mode of ['marks', 'base', 'target', 'side'] as const) {
			const json = JSON.stringify(excerptJson({ ...fixture, mode }));
			expect(excerptWitnesses('x.json', json).labels).toEqual({
				a: 'As spoken',
				b: 'As published'
			});
		}
	});

	it('reads an excerpt exported when the clean modes were called spoken and published', () => {
		const now = excerptWitnesses('x.json', toJson(inMode('target')));
		for (const mode of ['spoken', 'published']) {
			expect(excerptWitnesses('x.json', altered((j) => (j.mode = mode)))).toEqual(now);
		}
	});
});

describe('excerptTexts', () => {
	/** The apparatus excerpt's JSON with one change made to it. */
	const changed = (change: (json: Record<string, any>) => void) => {
		const json = JSON.parse(apparatusJsonText(uponExcerpt()));
		change(json);
		return JSON.stringify(json);
	};

	it('reads every witness of an apparatus (version 3), with its label and language', () => {
		expect(excerptTexts('x.json', apparatusJsonText(hostileExcerpt()))).toEqual([
			{ label: 'Copy <1>', text: HOSTILE.a, language: 'en' },
			{ label: 'Print & "proof"', text: HOSTILE.b, language: 'en' },
			{ label: '1st copy', text: HOSTILE.c, language: 'ru' }
		]);
		expect(excerptTexts('x.json', apparatusJsonText(uponExcerpt(['hay', 'bliss'])))).toEqual([
			{
				label: 'Hay copy (second draft)',
				text:
					'Four score and seven years ago our fathers brought forth, upon this continent,\na new nation, ' +
					'conceived in Liberty, and dedicated to the proposition that ',
				language: 'en'
			},
			{
				label: 'Bliss copy (final)',
				text:
					'Four score and seven years ago our fathers brought forth, on this continent, a\nnew nation, ' +
					'conceived in Liberty, and dedicated to the proposition that ',
				language: 'en'
			}
		]);
	});

	it('reads a pair (versions 1 and 2) as its two texts, exactly as before', () => {
		const pair = excerptWitnesses('x.json', toJson(fixture));
		expect(excerptTexts('x.json', toJson(fixture))).toEqual([
			{ label: 'As spoken', text: pair.a, language: 'en' },
			{ label: 'As published', text: pair.b, language: 'en' }
		]);
		const old = altered((j) => {
			j.version = 1;
			delete (j.witnesses as Record<string, Record<string, unknown>>).base.language;
		});
		expect(excerptTexts('x.json', old)[0]).toEqual({ label: 'As spoken', text: pair.a });
	});

	it('says which field of an apparatus is wrong', () => {
		const cases: [string, string][] = [
			[changed((j) => (j.version = 4)), 'field version is 4; expected 1, 2 or 3, the versions this Pencilmarks reads'],
			[changed((j) => (j.witnesses = {})), 'field witnesses is an object; expected an array'],
			[changed((j) => (j.witnesses[1].id = 'nicolay')), 'field witnesses[1].id is "nicolay"; expected an id no other witness has'],
			[changed((j) => delete j.witnesses[2].label), 'field witnesses[2].label is missing; expected a string'],
			[changed((j) => (j.places[3].readings[1].text = null)), 'field places[3].readings[1].text is null; expected a string'],
			[
				changed((j) => (j.places[3].readings[1].witnesses[0] = 'lincoln')),
				'field places[3].readings[1].witnesses[0] is "lincoln"; expected the id of a witness in "witnesses"'
			],
			[
				changed((j) => j.places[3].readings[1].witnesses.push('hay')),
				'field places[3].readings[1].witnesses[2] is "hay"; expected a witness that no other reading of places[3] names'
			],
			[
				changed((j) => j.places[3].readings[1].witnesses.pop()),
				'field places[3].readings gives no reading for the witness "bliss"; expected one for each'
			],
			[
				changed((j) => (j.places[4].readings[0].layout = { hay: 5 })),
				'field places[4].readings[0].layout.hay is 5; expected a string'
			],
			[
				changed((j) => (j.places[4].readings[0].layout = { lincoln: 'x' })),
				'field places[4].readings[0].layout key is "lincoln"; expected a witness of the reading'
			]
		];
		for (const [text, problem] of cases) expect(message(() => excerptTexts('x.json', text))).toBe(`x.json: ${problem}`);
	});

	it('reads 2 to 6 hostile witnesses, collated and exported, back byte for byte', () => {
		const word = fc.constantFrom('the', 'court', 'Ёлка', 'e\u0301', '😀', '—', ',', '<', '&', ']]>', '"', '\u000c', '\ud800', 'a');
		const space = fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t', '\r');
		const text = fc
			.array(fc.tuple(word, space), { maxLength: 30 })
			.map((parts) => parts.map(([w, s]) => w + s).join(''));
		fc.assert(
			fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), (texts) => {
				const witnesses = texts.map((t, i) => ({ id: `w${i}`, text: t }));
				const apparatus = collate(witnesses);
				const view = {
					...hostileView,
					witnesses: witnesses.map((w) => ({ id: w.id, label: w.id, description: '', source: 'own' }))
				};
				const shown = new Set(apparatus.witnesses);
				const excerpt = apparatusExcerpt(view, apparatus, { shown, from: 0, to: apparatus.places.length, permalink: '', accessed: '2026-12-02' });
				expect(excerptTexts('x.json', apparatusJsonText(excerpt)).map((t) => t.text)).toEqual(texts);
			}),
			{ numRuns: 200 }
		);
	});
});

const hostileView = {
	title: 'Random',
	slug: 'random',
	kind: 'Comparison',
	date: '',
	authors: [],
	people: [],
	language: 'en',
	sources: [],
	private: true
};
