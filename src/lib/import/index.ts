// Uploaded files to witness texts, for the Compare page: pure TypeScript that runs in the
// browser, in a worker and in Node. `extractText` is the whole pipeline, over the formats of
// `IMPORT_FORMATS` (formats.ts), which also give the page its labels and its file picker; the
// rest is for pages that check a file's size before reading it, let the user choose the encoding,
// or fill both sides of a comparison from one excerpt export.

export { checkBytes, checkSize, MAX_BYTES, sameText } from './check';
export {
	decode,
	detectEncoding,
	ENCODING_NAMES,
	ENCODINGS,
	type Confidence,
	type Decoded,
	type Detection,
	type Encoding
} from './decode';
export { TRACKED_WITNESSES, type TrackedChanges } from './docx';
export { ImportError } from './errors';
export { extractText, type Format, type ImportResult } from './extract';
export { IMPORT_ACCEPT, IMPORT_FORMAT_NAMES, IMPORT_FORMATS, type ImportFormat } from './formats';
export { excerptTexts, extractJsonWitnesses, type JsonWitnesses } from './json';
export { teiWitnesses } from './tei-apparatus';
export type { ImportedText } from './texts';
export { xmlProblem } from './xml';
