// Benchmark: `compare()` against plain jsdiff (`diffArrays` on the same token keys) on generated
// pairs of 20 KB, 200 KB and 2 MB, and (ours only) 10 MB: prose lightly edited (1% of words),
// heavily edited (20%) and unrelated, and the families of bench-families.ts that are hard to align
// (a trial transcript, a litany, tables of figures, verse with a refrain, moved paragraphs,
// near-duplicate paragraphs), each with about 5% and 20% of words edited. Then `collate()` on
// five witnesses of about 200 KB (a base and four edited copies, of prose and of each family),
// against jsdiff on the same four pairs. Prints a Markdown table for the pairs, one for the
// collations, and a summary against our targets.
//
// Every measurement runs in a fresh Node process, so that one run's garbage and JIT state do not
// leak into the next, and so that peak memory can be read cleanly: a worker thread samples the
// process's resident set size every millisecond during the first call at full size, and the table
// shows its peak growth over the level just before that call (after a forced GC). Times are
// medians; tokenizing and comparing are timed alternately (see timeAlternately).
//
// Usage: npm run bench [-- text]   (with a text, only the jobs whose name contains it)

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diffArrays, type ArrayChange } from 'diff';
import { apparatusFigures, witnessText } from '../src/lib/pipeline/apparatus';
import { collate } from '../src/lib/pipeline/collate';
import { compare } from '../src/lib/pipeline/compare';
import { scanPair, tokenize } from '../src/lib/pipeline/tokenize';
import type { Token } from '../src/lib/types';
import {
	editedPair,
	proseSource,
	unrelatedPair,
	witnessesOf,
	type Pair,
	type Witnesses
} from './bench-data';
import { FAMILIES, SOURCES, type Family } from './bench-families';

const KB = 1000;
const MB = 1000 * KB;
const JSDIFF_TIMEOUT_MS = 60_000;

interface Job {
	family: 'prose' | Family;
	/** `light`, `heavy` or `unrelated` for prose; the share edited for the other families. */
	variant: string;
	name: string;
	size: number;
	/** Share of words edited; 1 for two unrelated texts. */
	share: number;
	seed: number;
	/** Why jsdiff is not run on this pair, if it is not. */
	skipJsdiff?: string;
	/** jsdiff is expected to hit its timeout here. */
	expectTimeout?: boolean;
	/** Witnesses collated at once, the base's included; absent for a pair. */
	witnesses?: number;
}

const SIZES = [
	['20 KB', 20 * KB],
	['200 KB', 200 * KB],
	['2 MB', 2 * MB],
	['10 MB', 10 * MB]
] as const;

// Why jsdiff is not run; each becomes one footnote. Its cost grows with length times edit
// distance, so the figures at 200 KB and 2 MB tell where it cannot finish.
const SKIP_UNRELATED =
	'jsdiff already does not finish the 200 KB unrelated pair in 60 s, and its cost grows with ' +
	'length times edit distance';
const SKIP_2MB =
	'jsdiff is not run on the 2 MB pairs of these families: its cost grows with length times edit ' +
	'distance, so a 2 MB pair costs it about 100 times the 200 KB pair of the same family (ten ' +
	'times the length, ten times the edits), which takes seconds with 5% edited and tens of ' +
	'seconds with 20%. Tried once, the easiest of them (near-duplicate, 5%) did not finish in ' +
	'60 s, nor does the 2 MB prose pair with 20% edited (run, above)';
const SKIP_10MB =
	'jsdiff is not run at 10 MB: five times the length of the 2 MB pairs, where it takes tens of ' +
	'seconds with 5% edited and does not finish with 20%';

/** Where ours also runs at 10 MB: the cases that matter most and cost the most. */
const AT_10MB = new Set(['prose heavy', 'prose unrelated', 'transcript 5%', 'litany 5%']);

/** Collations: a base of this size and four edited copies, of every kind of pair but unrelated. */
const [COLLATED_LABEL, COLLATED_SIZE] = SIZES[1];
const COLLATED_WITNESSES = 5;
const SKIP_COLLATED_HEAVY =
	'jsdiff is not run on the collations with 20% edited: at 200 KB each such pair takes it 30 s ' +
	'or more, or does not finish in 60 s (pairs, above), and there are four';

function buildJobs(): Job[] {
	const jobs: Job[] = [];
	const add = (family: Job['family'], variant: string, share: number, seed: number): void => {
		for (const [label, size] of SIZES) {
			const kind = `${family} ${variant}`;
			if (size === 10 * MB && !AT_10MB.has(kind)) continue;
			const job: Job = { family, variant, name: `${label} ${kind}`, size, share, seed };
			if (size === 10 * MB) job.skipJsdiff = SKIP_10MB;
			else if (share >= 1) {
				job.expectTimeout = size >= 200 * KB;
				if (size >= 2 * MB) job.skipJsdiff = SKIP_UNRELATED;
			} else if (size >= 2 * MB && family !== 'prose') {
				job.skipJsdiff = SKIP_2MB;
			} else if (share >= 0.2 && size >= 2 * MB) {
				job.expectTimeout = true;
			}
			jobs.push(job);
		}
		if (share >= 1) return;
		// Of the same seed, so that the first copy is the 200 KB pair's target.
		jobs.push({
			family,
			variant,
			name: `${COLLATED_WITNESSES} × ${COLLATED_LABEL} ${family} ${variant}`,
			size: COLLATED_SIZE,
			share,
			seed,
			witnesses: COLLATED_WITNESSES,
			skipJsdiff: share >= 0.2 ? SKIP_COLLATED_HEAVY : undefined
		});
	};
	add('prose', 'light', 0.01, 11);
	add('prose', 'heavy', 0.2, 12);
	add('prose', 'unrelated', 1, 13);
	let seed = 21;
	for (const family of Object.keys(FAMILIES) as Family[]) {
		add(family, '5%', 0.05, seed++);
		add(family, '20%', 0.2, seed++);
	}
	return jobs;
}

const JOBS = buildJobs();

/**
 * jsdiff takes tens of seconds here, or hits its timeout: heavy edits at 200 KB and up (its cost
 * grows with length times edit distance).
 */
const isLong = (job: Job): boolean =>
	job.expectTimeout === true || (job.share >= 0.2 && job.size >= 200 * KB);

function makePair(job: Job): Pair {
	if (job.family !== 'prose') return FAMILIES[job.family](job.name, job.size, job.share, job.seed);
	return job.share >= 1
		? unrelatedPair(job.name, job.size, job.seed)
		: editedPair(job.name, job.size, job.share, job.seed);
}

function makeWitnesses(job: Job): Witnesses {
	const make = job.family === 'prose' ? proseSource : SOURCES[job.family];
	return witnessesOf(make, job.name, job.size, job.share, job.seed, job.witnesses! - 1);
}

// ---------------------------------------------------------------------------------------------
// Child side: one measurement

interface OursResult {
	tokenizeMs: number;
	compareMs: number;
	peakMb: number;
	words: number;
	changes: number;
	unchangedShare: number;
	/** Shares of base words that the engine reports as moved, or in rough stretches, if it does. */
	movedShare: number;
	roughShare: number;
	editedShare: number;
	bytes: number;
}

interface JsdiffResult {
	ms: number;
	finished: boolean;
	peakMb: number;
	changes: number;
	unchangedShare: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function median(xs: number[]): number {
	const s = [...xs].sort((x, y) => x - y);
	return s[s.length >> 1];
}

/**
 * Median times (ms) of `f` and `g`, run alternately `runs` times after one untimed call each
 * (unless `warmUp` is false, when the caller has just made that call).
 * Alternately, so that both see the same heap: V8 sizes its young generation by recent history,
 * and a loop of tokenizing alone runs in a different heap than a loop of whole comparisons. No
 * forced GC between runs: with one before each, a 20 KB comparison took five times as long (the
 * forced full collection costs the next run its warmed-up state), so the runs would time that.
 */
function timeAlternately(
	f: () => void,
	g: () => void,
	runs: number,
	warmUp = true
): [number, number] {
	const fs: number[] = [];
	const gs: number[] = [];
	if (warmUp) {
		f();
		g();
	}
	for (let r = 0; r < runs; r++) {
		for (const [h, times] of [
			[f, fs],
			[g, gs]
		] as const) {
			const t0 = performance.now();
			h();
			times.push(performance.now() - t0);
		}
	}
	return [median(fs), median(gs)];
}

const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const peak = new Float64Array(workerData.peak);
const stop = new Int32Array(workerData.stop);
parentPort.postMessage('ready');
while (Atomics.load(stop, 0) === 0) {
	const rss = process.memoryUsage.rss();
	if (rss > peak[0]) peak[0] = rss;
	Atomics.wait(stop, 0, 0, 1);
}
`;

/** Peak growth of the resident set size (MB) while `f` runs. */
async function peakMemory(f: () => void): Promise<number> {
	const peakBuffer = new SharedArrayBuffer(8);
	const stopBuffer = new SharedArrayBuffer(4);
	const worker = new Worker(SAMPLER, {
		eval: true,
		workerData: { peak: peakBuffer, stop: stopBuffer }
	});
	await once(worker, 'message');
	gc();
	const before = process.memoryUsage.rss();
	const peak = new Float64Array(peakBuffer);
	peak[0] = before;
	f();
	const after = process.memoryUsage.rss();
	Atomics.store(new Int32Array(stopBuffer), 0, 1);
	Atomics.notify(new Int32Array(stopBuffer), 0);
	await worker.terminate();
	return (Math.max(peak[0], after) - before) / 1e6;
}

async function measureOurs(job: Job): Promise<OursResult> {
	// Warm the JIT on a small pair first, as a long-running page or worker would be.
	const warm = editedPair('warm-up', 20 * KB, 0.1, 99);
	for (let r = 0; r < 5; r++) compare(warm.a, warm.b);
	const pair = makePair(job);
	// Memory first, while the heap is still fresh; this is also the first call at this size.
	let result = compare(warm.a, warm.b);
	const peakMb = await peakMemory(() => {
		result = compare(pair.a, pair.b);
	});
	// Fewer runs at the larger sizes keep the benchmark short: at 10 MB one timed run, after the
	// memory run as the warm-up, so its times vary more than the medians of the smaller sizes.
	const huge = job.size >= 10 * MB;
	const runs = huge ? 1 : job.size >= 2 * MB ? 5 : job.size >= 200 * KB ? 11 : 31;
	const [tokenizeMs, compareMs] = timeAlternately(
		() => scanPair(pair.a, pair.b),
		() => compare(pair.a, pair.b),
		runs,
		!huge
	);
	// Counts that the engine being changed has begun to report; read without relying on its types.
	const optionalStats = result.stats as { wordsMoved?: number; wordsRough?: number };
	return {
		tokenizeMs,
		compareMs,
		peakMb,
		words: result.stats.wordsA,
		changes: result.stats.changes,
		unchangedShare: result.stats.wordsUnchanged / result.stats.wordsA,
		movedShare: (optionalStats.wordsMoved ?? 0) / result.stats.wordsA,
		roughShare: (optionalStats.wordsRough ?? 0) / result.stats.wordsA,
		editedShare: pair.editedShare,
		bytes: pair.a.length
	};
}

async function measureJsdiff(job: Job): Promise<JsdiffResult> {
	diffArrays(['a', 'b', 'c'], ['a', 'c', 'd']);
	const pair = makePair(job);
	// Keep only what the run and the counting need, so that the memory baseline holds no tokens.
	let aTokens: Token[] | undefined = tokenize(pair.a);
	const aKeys = aTokens.map((t) => t.key);
	const aIsWord = Uint8Array.from(aTokens, (t) => (t.kind === 'word' ? 1 : 0));
	aTokens = undefined;
	const bKeys = tokenize(pair.b).map((t) => t.key);
	let changes: ArrayChange<string>[] | undefined;
	let ms = 0;
	const peakMb = await peakMemory(() => {
		const t0 = performance.now();
		changes = diffArrays(aKeys, bKeys, { timeout: JSDIFF_TIMEOUT_MS });
		ms = performance.now() - t0;
	});
	if (changes === undefined) {
		return { ms, finished: false, peakMb, changes: 0, unchangedShare: 0 };
	}
	// Fast runs are timed again for a median, like ours.
	if (ms < 2000) {
		const times = [ms];
		for (let r = 0; r < 4; r++) {
			const t0 = performance.now();
			diffArrays(aKeys, bKeys);
			times.push(performance.now() - t0);
		}
		ms = median(times);
	}
	// A change is a run of removed and added chunks between two unchanged ones, as in ours.
	let count = 0;
	let unchanged = 0;
	let i = 0;
	let inChange = false;
	for (const c of changes) {
		if (c.added || c.removed) {
			if (!inChange) count++;
			inChange = true;
			if (c.removed) i += c.count;
			continue;
		}
		inChange = false;
		for (let k = i; k < i + c.count; k++) unchanged += aIsWord[k];
		i += c.count;
	}
	const words = aIsWord.reduce((n, w) => n + w, 0);
	return { ms, finished: true, peakMb, changes: count, unchangedShare: unchanged / words };
}

interface CollationResult {
	/** The four comparisons with the base that collate() makes, timed alone. */
	compareMs: number;
	collateMs: number;
	peakMb: number;
	/** The base's. */
	words: number;
	bytes: number;
	/** The copies' mean. */
	editedShare: number;
	places: number;
	variants: number;
	/** Witnesses that the apparatus rebuilds byte for byte. */
	rebuilt: number;
}

interface CollationJsdiffResult {
	/** The four pairs, one after the other. */
	ms: number;
	/** Pairs it finished within its timeout. */
	finished: number;
	peakMb: number;
}

async function measureCollation(job: Job): Promise<CollationResult> {
	const warm = witnessesOf(proseSource, 'warm-up', 20 * KB, 0.1, 99, job.witnesses! - 1);
	const ids = warm.texts.map((_, k) => (k === 0 ? 'base' : `copy ${k}`));
	const witnesses = (w: Witnesses) => w.texts.map((text, k) => ({ id: ids[k], text }));
	for (let r = 0; r < 5; r++) collate(witnesses(warm));
	const made = makeWitnesses(job);
	const all = witnesses(made);
	const [base, ...copies] = made.texts;
	let apparatus = collate(witnesses(warm));
	const peakMb = await peakMemory(() => {
		apparatus = collate(all);
	});
	// Fewer runs than a 200 KB pair's: each is five texts, and four comparisons.
	const [compareMs, collateMs] = timeAlternately(
		() => copies.forEach((copy) => compare(base, copy)),
		() => collate(all),
		5
	);
	const shown = new Set(ids);
	const figures = apparatusFigures(apparatus, shown);
	return {
		compareMs,
		collateMs,
		peakMb,
		words: figures.witnesses[0].words,
		bytes: base.length,
		editedShare: made.editedShares.reduce((sum, x) => sum + x, 0) / copies.length,
		places: apparatus.places.length,
		variants: figures.variants,
		rebuilt: all.filter((w) => witnessText(apparatus, w.id) === w.text).length
	};
}

async function measureCollationJsdiff(job: Job): Promise<CollationJsdiffResult> {
	diffArrays(['a', 'b', 'c'], ['a', 'c', 'd']);
	const keys = (text: string): string[] => tokenize(text).map((t) => t.key);
	const [base, ...copies] = makeWitnesses(job).texts.map(keys);
	let finished = 0;
	let ms = 0;
	const peakMb = await peakMemory(() => {
		for (const copy of copies) {
			const t0 = performance.now();
			if (diffArrays(base, copy, { timeout: JSDIFF_TIMEOUT_MS }) !== undefined) finished++;
			ms += performance.now() - t0;
		}
	});
	// Fast runs are timed again for a median, like a pair's.
	if (ms < 2000) {
		const times = [ms];
		for (let r = 0; r < 4; r++) {
			const t0 = performance.now();
			for (const copy of copies) diffArrays(base, copy);
			times.push(performance.now() - t0);
		}
		ms = median(times);
	}
	return { ms, finished, peakMb };
}

// ---------------------------------------------------------------------------------------------
// Parent side: run every job in a child and print the table

type ChildResult<T> = T | { error: string };

/**
 * A child is killed after this long: jsdiff stops itself at its timeout, but an engine being
 * changed may hang on some family, and the rest of the table is still worth having.
 */
const CHILD_LIMIT_MS = 240_000;

function runChild<T>(mode: 'ours' | 'jsdiff', job: Job): Promise<ChildResult<T>> {
	const args = [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), 'child', mode];
	const child = spawn(process.execPath, [...args, JSON.stringify(job)]);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d));
	child.stderr.on('data', (d: Buffer) => (stderr += d));
	const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
	return new Promise((resolve) => {
		child.on('close', (status, signal) => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
			} catch {
				// V8's out-of-memory report ends with a native stack, so look for it by name.
				const error = /heap out of memory/.test(stderr)
					? 'out of memory'
					: signal === 'SIGKILL'
						? `killed after ${CHILD_LIMIT_MS / 1000} s`
						: stderr.trim().split('\n').pop() || `exit ${status}`;
				resolve({ error: error.slice(0, 80) });
			}
		});
	});
}

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
const sizeLabel = (bytes: number): string =>
	bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / KB).toFixed(0)} KB`;
const pairLabel = (job: Job): string =>
	`${SIZES.find(([, bytes]) => bytes === job.size)![0]}, ${job.variant}`;
/** What ours reports besides unchanged words: moved passages, rough stretches. */
const besides = (o: OursResult): string => {
	const parts: string[] = [];
	// A share under 0.01% would print as 0.00%, which reads as none.
	const small = (x: number): string => (x < 0.0001 ? '< 0.01%' : pct(x));
	if (o.movedShare > 0) parts.push(`${small(o.movedShare)} moved`);
	if (o.roughShare > 0) parts.push(`${small(o.roughShare)} rough`);
	return parts.length > 0 ? ` (${parts.join(', ')})` : '';
};
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

// Targets, printed beside the figures they concern.
const TARGET_HEAVY_2MB_MS = 250;
const TARGET_10MB_MS = 1500;
const TARGET_SHARE_POINTS = 0.5;
const TARGET_COLLATION_MS = 1000;

async function main(filter: string | undefined): Promise<void> {
	const started = performance.now();
	const jobs = JOBS.filter((j) => filter === undefined || j.name.includes(filter));
	// A pair's results, or a collation's (a job with `witnesses`).
	const ours = new Map<Job, ChildResult<OursResult | CollationResult>>();
	const js = new Map<Job, ChildResult<JsdiffResult | CollationJsdiffResult>>();
	// One measurement at a time, so that none disturbs another's timing...
	for (const job of jobs) {
		process.stderr.write(`${job.name}: ours\n`);
		ours.set(job, await runChild<OursResult | CollationResult>('ours', job));
	}
	for (const job of jobs.filter((j) => !j.skipJsdiff && !isLong(j))) {
		process.stderr.write(`${job.name}: jsdiff\n`);
		js.set(job, await runChild<JsdiffResult | CollationJsdiffResult>('jsdiff', job));
	}
	// ...except the long jsdiff runs (tens of seconds, or the timeout), which run two at a time,
	// each on a core of its own, to keep the benchmark short. Their times are the less exact.
	const long = jobs.filter((j) => !j.skipJsdiff && isLong(j));
	let next = 0;
	const lane = async (): Promise<void> => {
		while (next < long.length) {
			const job = long[next++];
			process.stderr.write(`${job.name}: jsdiff, side by side\n`);
			js.set(job, await runChild<JsdiffResult>('jsdiff', job));
		}
	};
	await Promise.all([lane(), lane()]);

	const rows: string[] = [];
	const footnotes = new Map<string, string>();
	const footnote = (reason: string): string => {
		if (!footnotes.has(reason)) footnotes.set(reason, SUPERSCRIPTS[footnotes.size]);
		return footnotes.get(reason)!;
	};
	/** Per family, the largest gap in unchanged share (points) on edited pairs, and where. */
	const worstGap = new Map<string, { points: number; pair: string }>();
	let worstUnrelatedGap = 0;
	let heavy2mbMs = NaN;
	let slowest10mb = { ms: -1, pair: '' };
	const failures: string[] = [];
	const pairs = jobs.filter((job) => job.witnesses === undefined);
	for (const job of pairs) {
		const o = ours.get(job) as ChildResult<OursResult>;
		const j = js.get(job) as ChildResult<JsdiffResult> | undefined;
		const pair = `${job.family} ${job.variant}`;
		if ('error' in o) {
			failures.push(`${job.name}: ${o.error}`);
			const cells = COLUMNS.map(() => '–');
			cells.splice(0, 3, job.family, pairLabel(job), `failed: ${o.error}`);
			rows.push(tableRow(cells));
			continue;
		}
		if (job.name === '2 MB prose heavy') heavy2mbMs = o.compareMs;
		if (job.size >= 10 * MB && o.compareMs > slowest10mb.ms) {
			slowest10mb = { ms: o.compareMs, pair };
		}
		let jsTime: string;
		let vsJs = '–';
		let jsChanges = '–';
		let jsShare = '–';
		let gap = '–';
		let jsPeak = '–';
		if (j === undefined) {
			jsTime = `not run${footnote(job.skipJsdiff ?? 'not selected')}`;
		} else if ('error' in j) {
			jsTime = `failed: ${j.error}`;
		} else if (!j.finished) {
			jsTime = `did not finish in ${JSDIFF_TIMEOUT_MS / 1000} s`;
			vsJs = `< ${(o.compareMs / j.ms).toFixed(4)}`;
			jsPeak = `${j.peakMb.toFixed(0)} MB`;
		} else {
			jsTime = ms(j.ms) + (isLong(job) ? ' (side by side)' : '');
			vsJs = (o.compareMs / j.ms).toFixed(j.ms > 100 * o.compareMs ? 4 : 2);
			jsChanges = String(j.changes);
			jsShare = pct(j.unchangedShare);
			// Words kept, in place or moved, against jsdiff's kept words: see the note under the table.
			const points = (o.unchangedShare + o.movedShare - j.unchangedShare) * 100;
			gap = signed(points);
			jsPeak = `${j.peakMb.toFixed(0)} MB`;
			if (job.share >= 1) worstUnrelatedGap = Math.max(worstUnrelatedGap, Math.abs(points));
			// The target is to keep no fewer words than jsdiff (to half a point); more is moves.
			else if (points < (worstGap.get(job.family)?.points ?? Infinity)) {
				worstGap.set(job.family, { points, pair: job.name });
			}
		}
		rows.push(
			tableRow([
				job.family,
				pairLabel(job),
				sizeLabel(o.bytes),
				String(o.words),
				pct(o.editedShare),
				ms(o.tokenizeMs),
				ms(o.compareMs),
				(o.compareMs / o.tokenizeMs).toFixed(2),
				jsTime,
				vsJs,
				`${o.changes} / ${jsChanges}`,
				`${pct(o.unchangedShare)}${besides(o)} / ${jsShare}`,
				gap,
				`${o.peakMb.toFixed(0)} MB / ${jsPeak}`
			])
		);
	}
	const pairFootnotes = [...footnotes];

	const collations = jobs.filter((job) => job.witnesses !== undefined);
	const collationRows: string[] = [];
	let slowestCollation = { ms: -1, pair: '' };
	const notRebuilt: string[] = [];
	for (const job of collations) {
		const o = ours.get(job) as ChildResult<CollationResult>;
		const j = js.get(job) as ChildResult<CollationJsdiffResult> | undefined;
		const label = `${job.witnesses} × ${sizeLabel(job.size)}, ${job.variant}`;
		if ('error' in o) {
			failures.push(`${job.name}: ${o.error}`);
			const cells = COLLATION_COLUMNS.map(() => '–');
			cells.splice(0, 3, job.family, label, `failed: ${o.error}`);
			collationRows.push(tableRow(cells));
			continue;
		}
		if (o.collateMs > slowestCollation.ms) {
			slowestCollation = { ms: o.collateMs, pair: `${job.family} ${job.variant}` };
		}
		if (o.rebuilt < job.witnesses!) notRebuilt.push(job.name);
		const copies = job.witnesses! - 1;
		let jsTime: string;
		let vsJs = '–';
		let jsPeak = '–';
		if (j === undefined) {
			jsTime = `not run${footnote(job.skipJsdiff ?? 'not selected')}`;
		} else if ('error' in j) {
			jsTime = `failed: ${j.error}`;
		} else {
			// Where a pair did not finish, its time is the timeout's: jsdiff would take longer.
			const bound = j.finished < copies;
			const timeout = `${copies - j.finished} of ${copies} did not finish in ${JSDIFF_TIMEOUT_MS / 1000} s`;
			jsTime = ms(j.ms) + (bound ? ` (${timeout})` : '');
			vsJs = (bound ? '< ' : '') + (o.collateMs / j.ms).toFixed(j.ms > 100 * o.collateMs ? 4 : 2);
			jsPeak = `${j.peakMb.toFixed(0)} MB`;
		}
		collationRows.push(
			tableRow([
				job.family,
				label,
				sizeLabel(o.bytes),
				String(o.words),
				pct(o.editedShare),
				ms(o.compareMs),
				ms(o.collateMs),
				(o.collateMs / o.compareMs).toFixed(2),
				jsTime,
				vsJs,
				String(o.places),
				String(o.variants),
				`${o.rebuilt} of ${job.witnesses}`,
				`${o.peakMb.toFixed(0)} MB / ${jsPeak}`
			])
		);
	}

	const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');
	const summary: string[] = [];
	if (!Number.isNaN(heavy2mbMs)) {
		summary.push(
			`- 2 MB prose with 20% edited: ${ms(heavy2mbMs)} (target: under ` +
				`${TARGET_HEAVY_2MB_MS} ms; ${mark(heavy2mbMs < TARGET_HEAVY_2MB_MS)}).`
		);
	}
	if (slowest10mb.ms >= 0) {
		summary.push(
			`- Slowest 10 MB pair: ${slowest10mb.pair}, ${ms(slowest10mb.ms)} (target: any 10 MB pair ` +
				`under ${ms(TARGET_10MB_MS)}; ${mark(slowest10mb.ms < TARGET_10MB_MS)}).`
		);
	}
	if (pairs.length > 0) {
		summary.push(
			`- Words kept against jsdiff, lowest difference over the edited pairs where jsdiff ` +
				`finished (target: no more than ${TARGET_SHARE_POINTS} points below):`
		);
	}
	for (const family of new Set(pairs.map((j) => j.family))) {
		const w = worstGap.get(family);
		summary.push(
			w === undefined
				? `  - ${family}: jsdiff finished no edited pair.`
				: `  - ${family}: ${signed(w.points)} points (${w.pair}; ` +
						`${mark(w.points >= -TARGET_SHARE_POINTS)}).`
		);
	}
	if (worstUnrelatedGap > 0) {
		summary.push(
			`- On unrelated pairs, ${worstUnrelatedGap.toFixed(2)} points: jsdiff's unchanged words ` +
				`are common words that two unrelated sentences happen to share, and ours shows a ` +
				`rewrite, on purpose.`
		);
	}
	if (slowestCollation.ms >= 0) {
		summary.push(
			`- Slowest collation of ${COLLATED_WITNESSES} witnesses of ${COLLATED_LABEL}: ` +
				`${slowestCollation.pair}, ${ms(slowestCollation.ms)} (target: under ` +
				`${ms(TARGET_COLLATION_MS)}; ${mark(slowestCollation.ms < TARGET_COLLATION_MS)}).`,
			notRebuilt.length === 0
				? `- Every witness of every collation rebuilt byte for byte from its apparatus (met).`
				: `- Witnesses NOT rebuilt from the apparatus in: ${notRebuilt.join('; ')}.`
		);
	}
	if (failures.length > 0) summary.push(`- Failed: ${failures.join('; ')}.`);
	summary.push(
		`- Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s ` +
			`on Node ${process.versions.node}.`
	);
	const collationFootnotes = [...footnotes].slice(pairFootnotes.length);
	const collationTable =
		collations.length === 0
			? []
			: [
					tableRow(COLLATION_COLUMNS),
					tableRow(COLLATION_COLUMNS.map((_, k) => (k < 2 ? '---' : '---:'))),
					...collationRows,
					'',
					...collationFootnotes.map(([reason, sup]) => `${sup} ${reason}.`),
					...(collationFootnotes.length > 0 ? [''] : []),
					`Collations: a base and four copies of it, each edited as the pair of the same ` +
						`family and share is (the first copy is that pair's target, the others are edited ` +
						`from seeds of their own), collated by collate(). "4 × compare()" is the four ` +
						`comparisons with the base that collate() makes, timed alone, alternating with ` +
						`collate(), so "collate / compare" is what merging them into an apparatus adds; ` +
						`medians of five runs after a warm-up. jsdiff is diffArrays on the same token keys ` +
						`for the same four pairs, one after the other, each with a ` +
						`${JSDIFF_TIMEOUT_MS / 1000} s timeout. "Words" are the base's; "words edited" is ` +
						`the copies' mean. A place is a stretch of the base, or a point where a copy adds ` +
						`text, with what each witness reads there; a variant place has more than one ` +
						`reading. "Rebuilt" counts the witnesses that witnessText() rebuilds from the ` +
						`apparatus byte for byte.`,
					''
				];
	const pairTable =
		pairs.length === 0
			? []
			: [
					tableRow(COLUMNS),
					tableRow(COLUMNS.map((_, k) => (k < 2 ? '---' : '---:'))),
					...rows,
					'',
					...pairFootnotes.map(([reason, sup]) => `${sup} ${reason}.`),
					'',
					`Each measurement runs in a fresh Node process. Times are medians over several runs after a ` +
						`warm-up (at 10 MB: one run, after the memory run), tokenizing and compare() ` +
						`alternating; compare() includes tokenizing. jsdiff is diffArrays on the same token keys ` +
						`with a ${JSDIFF_TIMEOUT_MS / 1000} s timeout, timed once when it takes over 2 s; its ` +
						`long runs (heavy edits at 200 KB and up) run two at a time. "Words edited" is the share ` +
						`of base words the generator edited. "Unchanged words" is the share of base words in ` +
						`unchanged text (ours after clean-up; in brackets, the words ours reports as moved or ` +
						`in rough stretches, which are not counted as unchanged); a change is a run of deletions ` +
						`and insertions between unchanged text. The difference compares the words ours keeps, ` +
						`unchanged or moved, with the words jsdiff keeps: a moved word is not struck, and an ` +
						`edit script such as jsdiff's can only keep it in place or strike it. Peak RSS growth is sampled every millisecond ` +
						`from a worker thread during the first full-size call, over the level before it; memory ` +
						`V8 already holds is reused without growing it, so small figures are floors.`,
					''
				];
	const out = [...pairTable, ...collationTable, ...summary];
	console.log(out.join('\n'));
}

const SUPERSCRIPTS = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const COLUMNS = [
	'family',
	'pair',
	'size',
	'words',
	'words edited',
	'tokenize both',
	'compare()',
	'compare / tokenize',
	'jsdiff',
	'compare / jsdiff',
	'changes (ours / jsdiff)',
	'unchanged words (ours / jsdiff)',
	'difference (points)',
	'peak RSS growth (ours / jsdiff)'
];
const COLLATION_COLUMNS = [
	'family',
	'witnesses',
	'size',
	'words',
	'words edited',
	'4 × compare()',
	'collate()',
	'collate / compare',
	'jsdiff, 4 pairs',
	'collate / jsdiff',
	'places',
	'variant places',
	'rebuilt',
	'peak RSS growth (ours / jsdiff)'
];
const tableRow = (cells: string[]): string => `| ${cells.join(' | ')} |`;

const [mode, kind, jobJson] = process.argv.slice(2);
if (mode === 'child') {
	const job = JSON.parse(jobJson) as Job;
	const result =
		job.witnesses === undefined
			? kind === 'ours'
				? await measureOurs(job)
				: await measureJsdiff(job)
			: kind === 'ours'
				? await measureCollation(job)
				: await measureCollationJsdiff(job);
	console.log(JSON.stringify(result));
} else {
	await main(mode);
}
