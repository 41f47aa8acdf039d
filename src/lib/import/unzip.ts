// Unzipping within limits, for a .docx and a zipped case. A zip bomb is a small archive that
// inflates to gigabytes (or one text over the limit packed small): inflating it whole, as
// `unzipSync` does, takes seconds and gigabytes before anything can be said about it. Here the
// archive is inflated as a stream, a small piece at a time, and each entry is checked twice:
// against the size its header declares, before any of it is inflated, and against the bytes
// actually inflated, as they come (a bomb may declare a small size). The first entry over a limit
// stops the reading, with a message naming it.

import { Unzip, UnzipInflate } from 'fflate';
import { showControls } from '../bidi';

export interface ZipLimits {
	/** The most bytes one entry may inflate to. */
	entry: number;
	/** The most bytes the entries read may inflate to, together. */
	total: number;
	/** What the limits are for, as the messages say it: "per text", "for a whole case". */
	entryWords: string;
	totalWords: string;
}

/** Why a zip cannot be read; `entry` is the entry at fault, when there is one. */
export class ZipError extends Error {
	constructor(
		/** What is wrong, in words, starting lowercase, naming the entry. */
		public problem: string,
		public entry?: string
	) {
		super(problem);
		this.name = 'ZipError';
	}
}

export interface Unzipped {
	/** The entries read, by their path in the zip. */
	files: Record<string, Uint8Array>;
	/** Entries whose data stops before its end: the archive is cut off inside them. */
	cutOff: string[];
}

/**
 * Compressed bytes inflated at a time. Deflate expands at most about 1032 times, so a piece never
 * inflates to much more than 16 MB before the sizes are checked again.
 */
const PIECE = 16 * 1024;
const MB = 1024 * 1024;

/** Local header and end of central directory signatures. */
const LOCAL = [0x50, 0x4b, 0x03, 0x04];
const END = [0x50, 0x4b, 0x05, 0x06];

/**
 * Inflates the entries of the zip that `wanted` keeps (folders and the rest are skipped unread),
 * within `limits`. Throws a `ZipError` naming the first entry over a limit, or saying what is
 * damaged.
 */
export function unzipWithin(
	bytes: Uint8Array,
	limits: ZipLimits,
	wanted: (name: string) => boolean = () => true
): Unzipped {
	if (!startsWith(bytes, LOCAL) && !startsWith(bytes, END)) {
		throw new ZipError('it is not a zip archive');
	}
	// Without its central directory, at the very end, a zip is cut off.
	if (lastIndexOf(bytes, END, Math.max(0, bytes.length - 0xffff - 22)) === -1) {
		throw new ZipError('it is a damaged zip archive (it is cut off before its end)');
	}
	const parts = new Map<string, Uint8Array[]>();
	const ended = new Set<string>();
	let total = 0;
	let failure: ZipError | null = null;
	/** The entry being inflated, to name it when the inflater fails. */
	let current: string | undefined;
	const fail = (problem: string, entry?: string) => {
		failure ??= new ZipError(problem, entry);
	};
	const failTotal = (shown: string, name: string) => {
		const limit = limits.total / MB;
		fail(
			`its files unpack to more than ${limit} MB in all (stopped at “${shown}”); ` +
				`the limit is ${limit} MB ${limits.totalWords}`,
			name
		);
	};
	/** What the entries read so far declare, together. */
	let declared = 0;

	const unzip = new Unzip((file) => {
		const { name } = file;
		// As messages name it: directional controls in a name would reorder the message.
		const shown = showControls(name);
		if (failure || name.endsWith('/') || !wanted(name)) return;
		if (file.originalSize !== undefined && file.originalSize > limits.entry) {
			return fail(
				`“${shown}” in it is ${megabytes(file.originalSize)} MB unpacked; the limit is ` +
					`${limits.entry / MB} MB ${limits.entryWords}`,
				name
			);
		}
		declared += file.originalSize ?? 0;
		if (declared > limits.total) return failTotal(shown, name);
		const chunks: Uint8Array[] = [];
		parts.set(name, chunks);
		current = name;
		let size = 0;
		file.ondata = (error, data, final) => {
			if (failure) return;
			if (error) return fail(`“${shown}” in it is damaged (${error.message})`, name);
			size += data.length;
			total += data.length;
			if (size > limits.entry) {
				file.terminate();
				return fail(
					`“${shown}” in it unpacks to more than ${limits.entry / MB} MB; the limit is ` +
						`${limits.entry / MB} MB ${limits.entryWords}`,
					name
				);
			}
			if (total > limits.total) {
				file.terminate();
				return failTotal(shown, name);
			}
			chunks.push(data);
			if (final) ended.add(name);
		};
		try {
			file.start();
		} catch {
			const method = file.compression;
			const problem = `“${shown}” in it is compressed in a way Pencilmarks cannot read`;
			fail(`${problem} (method ${method})`, name);
		}
	});
	unzip.register(UnzipInflate);
	try {
		for (let at = 0; at < bytes.length && !failure; at += PIECE) {
			unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
		}
	} catch (error) {
		const inEntry = current !== undefined && !ended.has(current);
		const where = inEntry
			? `“${showControls(current!)}” in it is damaged`
			: 'it is a damaged zip archive';
		fail(`${where} (${(error as Error).message})`, current);
	}
	if (failure) throw failure;

	const files: Record<string, Uint8Array> = {};
	for (const [name, chunks] of parts) files[name] = join(chunks);
	return { files, cutOff: [...parts.keys()].filter((name) => !ended.has(name)) };
}

/** Rounded up to a tenth, so a size just over a limit never reads as the limit itself. */
const megabytes = (bytes: number) => (Math.ceil((bytes / MB) * 10) / 10).toFixed(1);

function join(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** The last index of `needle` in `bytes` at or after `from`, or -1. */
function lastIndexOf(bytes: Uint8Array, needle: number[], from: number): number {
	for (let i = bytes.length - needle.length; i >= from; i--) {
		if (needle.every((b, k) => bytes[i + k] === b)) return i;
	}
	return -1;
}
