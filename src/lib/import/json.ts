// Pencilmarks' own JSON excerpt export read back: a pair's (`src/lib/export/json.ts`, format
// "pencilmarks-excerpt", versions 1 and 2) gives both witnesses of the excerpt, an apparatus's
// (`src/lib/export/apparatus/json.ts`, version 3) every witness, so a reader can reopen an excerpt
// someone sent them. The texts are rebuilt by the exporters' own `rebuildWitnesses` and
// `rebuildApparatus`, so the two cannot drift apart. Only the fields that rebuilding reads are
// checked; a file that is not ours fails on the first wrong field, named by its path:
// `blocks[2].spans[0].text`, `places[3].readings[1].witnesses[0]`.

import { rebuildApparatus, type ApparatusJson } from '../export/apparatus/json';
import { rebuildWitnesses, type ExcerptJson } from '../export/json';
import { checkBytes } from './check';
import { decode, type Encoding } from './decode';
import { ImportError } from './errors';
import type { ImportedText } from './texts';

export interface JsonWitnesses {
	/** The base witness's text and the target's. */
	a: string;
	b: string;
	/** Their labels, e.g. `As spoken`, `As published`. */
	labels: { a: string; b: string };
	/** Their language tags, where the file gives them (files written before them do not). */
	languages: { a?: string; b?: string };
}

/** Reads both witnesses from the bytes of an excerpt export. */
export function extractJsonWitnesses(
	bytes: Uint8Array,
	file = 'excerpt.json',
	encoding?: Encoding
): JsonWitnesses {
	checkBytes(file, bytes);
	return excerptWitnesses(file, decode(bytes, encoding, file).text);
}

/** Reads both witnesses from the text of an excerpt export of a pair (versions 1 and 2). */
export function excerptWitnesses(file: string, text: string): JsonWitnesses {
	return pairWitnesses(file, validate(file, parse(file, text)));
}

/**
 * Every text an excerpt export holds, with its label and language: a pair's two (versions 1 and
 * 2), or each witness of an apparatus (version 3), in the file's order.
 */
export function excerptTexts(file: string, text: string): ImportedText[] {
	const value = parse(file, text);
	const fields = excerpt(file, value, [1, 2, 3]);
	if (fields.version === 3) {
		const json = validateApparatus(file, fields);
		const rebuilt = rebuildApparatus(json);
		return json.witnesses.map((w, i) => {
			const read: ImportedText = { label: w.label, text: rebuilt[i].text };
			return typeof w.language === 'string' ? { ...read, language: w.language } : read;
		});
	}
	const { a, b, labels, languages } = pairWitnesses(file, validate(file, value));
	const read = (text: string, label: string, language?: string): ImportedText =>
		language === undefined ? { label, text } : { label, text, language };
	return [read(a, labels.a, languages.a), read(b, labels.b, languages.b)];
}

function parse(file: string, text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new ImportError(file, 'the file is not valid JSON', syntaxErrorLine(text, e));
	}
}

function pairWitnesses(file: string, json: ExcerptJson): JsonWitnesses {
	const { a, b } = rebuildWitnesses(json);
	const { base, target } = json.witnesses;
	const languages: JsonWitnesses['languages'] = {};
	if (typeof base.language === 'string') languages.a = base.language;
	if (typeof target.language === 'string') languages.b = target.language;
	return { a, b, labels: { a: base.label, b: target.label }, languages };
}

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const oneOf =
	(...values: unknown[]) =>
	(v: unknown) =>
		values.includes(v);

/** A checker of one field, named by its path, that gives back its value. */
function checker(file: string) {
	return <T>(v: unknown, path: string, ok: (v: unknown) => boolean, expected: string) => {
		if (!ok(v)) {
			throw new ImportError(file, `field ${path} is ${describe(v)}; expected ${expected}`);
		}
		return v as T;
	};
}

/** An excerpt export's top level, of one of `versions`; anything else is refused, saying why. */
function excerpt(file: string, value: unknown, versions: number[]): Fields {
	const check = checker(file);
	if (!isObject(value)) {
		throw new ImportError(
			file,
			`the top level is ${describe(value)}; expected an object with "format": ` +
				'"pencilmarks-excerpt"'
		);
	}
	const ours = '"pencilmarks-excerpt" (a Pencilmarks excerpt exported as JSON)';
	check(value.format, 'format', oneOf('pencilmarks-excerpt'), ours);
	const named = `${versions.slice(0, -1).join(', ')} or ${versions.at(-1)}`;
	check(value.version, 'version', oneOf(...versions), `${named}, the versions this Pencilmarks reads`);
	return value;
}

function validate(file: string, json: unknown): ExcerptJson {
	const check = checker(file);
	const value = excerpt(file, json, [1, 2]);
	const witnesses = check<Fields>(value.witnesses, 'witnesses', isObject, 'an object');
	for (const side of ['base', 'target']) {
		const witness = check<Fields>(witnesses[side], `witnesses.${side}`, isObject, 'an object');
		check(witness.label, `witnesses.${side}.label`, isString, 'a string');
	}
	const blocks = check<unknown[]>(value.blocks, 'blocks', Array.isArray, 'an array');
	blocks.forEach((item, i) => {
		const at = `blocks[${i}]`;
		const block = check<Fields>(item, at, isObject, 'an object');
		check(block.kind, `${at}.kind`, oneOf('paragraph', 'gap'), '"paragraph" or "gap"');
		check(block.inA, `${at}.inA`, isBoolean, 'true or false');
		check(block.inB, `${at}.inB`, isBoolean, 'true or false');
		if (block.kind === 'gap') {
			check(block.label, `${at}.label`, (v) => v === undefined || isString(v), 'a string');
			return;
		}
		const spans = check<unknown[]>(block.spans, `${at}.spans`, Array.isArray, 'an array');
		spans.forEach((item, k) => {
			const where = `${at}.spans[${k}]`;
			const span = check<Fields>(item, where, isObject, 'an object');
			const kinds = '"equal", "delete" or "insert"';
			check(span.kind, `${where}.kind`, oneOf('equal', 'delete', 'insert'), kinds);
			check(span.text, `${where}.text`, isString, 'a string');
		});
	});
	return value as unknown as ExcerptJson;
}

/**
 * An apparatus (version 3): its witnesses, each with an id given once and a label; its places, each
 * reading with its text, the witnesses that read it (each witness in one reading of each place),
 * and the exact text of those that write it otherwise (`layout`).
 */
function validateApparatus(file: string, value: Fields): ApparatusJson {
	const check = checker(file);
	const isArray = Array.isArray;
	const witnesses = check<unknown[]>(value.witnesses, 'witnesses', isArray, 'an array');
	const ids = new Set<string>();
	witnesses.forEach((item, i) => {
		const witness = check<Fields>(item, `witnesses[${i}]`, isObject, 'an object');
		const id = check<string>(witness.id, `witnesses[${i}].id`, isString, 'a string');
		check(id, `witnesses[${i}].id`, (v) => !ids.has(v as string), 'an id no other witness has');
		ids.add(id);
		check(witness.label, `witnesses[${i}].label`, isString, 'a string');
	});
	const places = check<unknown[]>(value.places, 'places', isArray, 'an array');
	const known = `the id of a witness in "witnesses"`;
	places.forEach((item, p) => {
		const at = `places[${p}]`;
		const place = check<Fields>(item, at, isObject, 'an object');
		const readings = check<unknown[]>(place.readings, `${at}.readings`, isArray, 'an array');
		const seen = new Set<string>();
		readings.forEach((item, r) => {
			const where = `${at}.readings[${r}]`;
			const reading = check<Fields>(item, where, isObject, 'an object');
			check(reading.text, `${where}.text`, isString, 'a string');
			const readers = check<unknown[]>(reading.witnesses, `${where}.witnesses`, isArray, 'an array');
			readers.forEach((id, k) => {
				const path = `${where}.witnesses[${k}]`;
				check(id, path, (v) => isString(v) && ids.has(v as string), known);
				check(id, path, (v) => !seen.has(v as string), `a witness that no other reading of ${at} names`);
				seen.add(id as string);
			});
			if (reading.layout === undefined) return;
			const layout = check<Fields>(reading.layout, `${where}.layout`, isObject, 'an object');
			for (const [id, text] of Object.entries(layout)) {
				check(id, `${where}.layout key`, (v) => readers.includes(v), 'a witness of the reading');
				check(text, `${where}.layout.${id}`, isString, 'a string');
			}
		});
		const missing = [...ids].find((id) => !seen.has(id));
		if (missing !== undefined) {
			throw new ImportError(file, `field ${at}.readings gives no reading for the witness "${missing}"; expected one for each`);
		}
	});
	return value as unknown as ApparatusJson;
}

/** A value as a message shows it: `"other-format"`, `2`, `an array`, `missing`. */
function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'object') return 'an object';
	const shown = JSON.stringify(v);
	return shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;
}

/**
 * The line of a JSON syntax error, from the engine's message: V8 and JavaScriptCore give a
 * character position, Firefox a line.
 */
function syntaxErrorLine(text: string, error: unknown): number | undefined {
	const message = String((error as Error)?.message ?? '');
	const line = /line (\d+)/.exec(message);
	if (line) return Number(line[1]);
	const position = /position (\d+)/.exec(message);
	if (!position) return undefined;
	return text.slice(0, Number(position[1])).split('\n').length;
}
