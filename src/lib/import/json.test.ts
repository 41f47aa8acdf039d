import { describe, expect, it } from 'vitest';
import { fixture, hostile, inMode } from '../test/excerpt-fixture';
import { excerptJson, toJson } from '../export/json';
import { excerptWitnesses, extractJsonWitnesses } from './json';

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
