// Pencilmarks' own JSON excerpt export (`src/lib/export/json.ts`, format "pencilmarks-excerpt",
// version 1) read back: one file gives both witnesses of the excerpt, so a reader can reopen an
// excerpt someone sent them. The texts are rebuilt by the exporter's own `rebuildWitnesses`, so
// the two cannot drift apart. Only the fields that rebuilding reads are checked; a file that is
// not ours fails on the first wrong field, named by its path: `blocks[2].spans[0].text`.

import { rebuildWitnesses, type ExcerptJson } from '../export/json';
import { checkBytes } from './check';
import { decode, type Encoding } from './decode';
import { ImportError } from './errors';

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

/** Reads both witnesses from the text of an excerpt export. */
export function excerptWitnesses(file: string, text: string): JsonWitnesses {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		throw new ImportError(file, 'the file is not valid JSON', syntaxErrorLine(text, e));
	}
	const json = validate(file, value);
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

function validate(file: string, value: unknown): ExcerptJson {
	/** Checks one field, named by its path, and gives back its value. */
	const check = <T>(v: unknown, path: string, ok: (v: unknown) => boolean, expected: string) => {
		if (!ok(v)) {
			throw new ImportError(file, `field ${path} is ${describe(v)}; expected ${expected}`);
		}
		return v as T;
	};
	if (!isObject(value)) {
		throw new ImportError(
			file,
			`the top level is ${describe(value)}; expected an object with "format": ` +
				'"pencilmarks-excerpt"'
		);
	}
	const ours = '"pencilmarks-excerpt" (a Pencilmarks excerpt exported as JSON)';
	check(value.format, 'format', oneOf('pencilmarks-excerpt'), ours);
	check(value.version, 'version', oneOf(1, 2), '1 or 2, the versions this Pencilmarks reads');
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
