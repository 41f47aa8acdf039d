// Benchmark: `compare()` against plain jsdiff (`diffArrays` on the same token keys) on generated
// prose of 20 KB, 200 KB and 2 MB, lightly edited (1% of words), heavily edited (20%) and
// unrelated. Prints a Markdown table.
//
// Every measurement runs in a fresh Node process, so that one run's garbage and JIT state do not
// leak into the next, and so that peak memory can be read cleanly: a worker thread samples the
// process's resident set size every millisecond during the first call at full size, and the table
// shows its peak growth over the level just before that call (after a forced GC). Times are
// medians; tokenizing and comparing are timed alternately (see timeAlternately).
//
// Usage: npm run bench

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diffArrays, type ArrayChange } from 'diff';
import { compare } from '../src/lib/pipeline/compare';
import { tokenize } from '../src/lib/pipeline/tokenize';
import type { Token } from '../src/lib/types';
import { editedPair, unrelatedPair, type Pair } from './bench-data';

const KB = 1000;
const JSDIFF_TIMEOUT_MS = 60_000;

interface Job {
	name: string;
	size: number;
	/** Share of words edited; 1 for two unrelated texts. */
	share: number;
	seed: number;
	/** Why jsdiff is not run on this pair, if it is not. */
	skipJsdiff?: string;
	/** jsdiff is expected to hit its timeout here. */
	expectTimeout?: boolean;
}

const JOBS: Job[] = [];
for (const [label, size] of [
	['20 KB', 20 * KB],
	['200 KB', 200 * KB],
	['2 MB', 2000 * KB]
] as const) {
	JOBS.push({ name: `${label} light`, size, share: 0.01, seed: 11 });
	JOBS.push({
		name: `${label} heavy`,
		size,
		share: 0.2,
		seed: 12,
		expectTimeout: size >= 2000 * KB
	});
	JOBS.push({
		name: `${label} unrelated`,
		size,
		share: 1,
		seed: 13,
		expectTimeout: size >= 200 * KB,
		skipJsdiff:
			size === 2000 * KB
				? 'jsdiff already did not finish the 200 KB unrelated pair in 60 s, and its cost ' +
					'grows with length times edit distance'
				: undefined
	});
}

function makePair(job: Job): Pair {
	return job.share >= 1
		? unrelatedPair(job.name, job.size, job.seed)
		: editedPair(job.name, job.size, job.share, job.seed);
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
 * Median times (ms) of `f` and `g`, run alternately `runs` times after one untimed call each.
 * Alternately, so that both see the same heap: V8 sizes its young generation by recent history,
 * and a loop of tokenizing alone runs in a different heap than a loop of whole comparisons. No
 * forced GC between runs: with one before each, a 20 KB comparison took five times as long (the
 * forced full collection costs the next run its warmed-up state), so the runs would time that.
 */
function timeAlternately(f: () => void, g: () => void, runs: number): [number, number] {
	const fs: number[] = [];
	const gs: number[] = [];
	f();
	g();
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
	const runs = job.size >= 2000 * KB ? 7 : job.size >= 200 * KB ? 11 : 31;
	const [tokenizeMs, compareMs] = timeAlternately(
		() => {
			tokenize(pair.a);
			tokenize(pair.b);
		},
		() => compare(pair.a, pair.b),
		runs
	);
	return {
		tokenizeMs,
		compareMs,
		peakMb,
		words: result.stats.wordsA,
		changes: result.stats.changes,
		unchangedShare: result.stats.wordsUnchanged / result.stats.wordsA,
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

// ---------------------------------------------------------------------------------------------
// Parent side: run every job in a child and print the table

type ChildResult<T> = T | { error: string };

function runChild<T>(mode: 'ours' | 'jsdiff', job: Job): Promise<ChildResult<T>> {
	const args = [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), 'child', mode];
	const child = spawn(process.execPath, [...args, JSON.stringify(job)]);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d));
	child.stderr.on('data', (d: Buffer) => (stderr += d));
	return new Promise((resolve) => {
		child.on('close', (status) => {
			try {
				resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as T);
			} catch {
				const last = stderr.trim().split('\n').pop() || `exit ${status}`;
				resolve({ error: last.slice(0, 80) });
			}
		});
	});
}

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

async function main(): Promise<void> {
	const started = performance.now();
	const ours = new Map<Job, ChildResult<OursResult>>();
	const js = new Map<Job, ChildResult<JsdiffResult>>();
	// One measurement at a time, so that none disturbs another's timing...
	for (const job of JOBS) {
		process.stderr.write(`${job.name}: ours\n`);
		ours.set(job, await runChild<OursResult>('ours', job));
	}
	for (const job of JOBS.filter((j) => !j.skipJsdiff && !j.expectTimeout)) {
		process.stderr.write(`${job.name}: jsdiff\n`);
		js.set(job, await runChild<JsdiffResult>('jsdiff', job));
	}
	// ...except the jsdiff runs expected to hit the timeout, which run side by side, each on a
	// core of its own, to keep the benchmark within a few minutes.
	const slow = JOBS.filter((j) => !j.skipJsdiff && j.expectTimeout);
	process.stderr.write(`${slow.map((j) => j.name).join(', ')}: jsdiff, side by side\n`);
	const slowResults = await Promise.all(slow.map((j) => runChild<JsdiffResult>('jsdiff', j)));
	slow.forEach((j, k) => js.set(j, slowResults[k]));

	const rows: string[] = [];
	const notes: string[] = [];
	let heavy2mbRatio = NaN;
	let unrelated2mbMs = NaN;
	let worstShareGap = 0;
	let worstShareGapEdited = 0;
	for (const job of JOBS) {
		const o = ours.get(job)!;
		if ('error' in o) throw new Error(`${job.name}: ${o.error}`);
		const j = js.get(job);
		const ratioTok = o.compareMs / o.tokenizeMs;
		if (job.name === '2 MB heavy') heavy2mbRatio = ratioTok;
		if (job.name === '2 MB unrelated') unrelated2mbMs = o.compareMs;
		let jsTime: string;
		let vsJs = '–';
		let jsChanges = '–';
		let jsShare = '–';
		let gap = '–';
		let jsPeak = '–';
		if (j === undefined) {
			jsTime = `not run${SUPERSCRIPTS[notes.length]}`;
			notes.push(`${SUPERSCRIPTS[notes.length]} ${job.name}: ${job.skipJsdiff}.`);
		} else if ('error' in j) {
			jsTime = `failed: ${j.error}`;
		} else if (!j.finished) {
			jsTime = `did not finish in ${JSDIFF_TIMEOUT_MS / 1000} s`;
			vsJs = `< ${(o.compareMs / j.ms).toFixed(4)}`;
			jsPeak = `${j.peakMb.toFixed(0)} MB`;
		} else {
			jsTime = ms(j.ms) + (job.expectTimeout ? ' (side by side)' : '');
			vsJs = (o.compareMs / j.ms).toFixed(2);
			jsChanges = String(j.changes);
			jsShare = pct(j.unchangedShare);
			const points = (o.unchangedShare - j.unchangedShare) * 100;
			gap = `${points >= 0 ? '+' : ''}${points.toFixed(2)}`;
			jsPeak = `${j.peakMb.toFixed(0)} MB`;
			worstShareGap = Math.max(worstShareGap, Math.abs(points));
			if (job.share < 1) worstShareGapEdited = Math.max(worstShareGapEdited, Math.abs(points));
		}
		rows.push(
			tableRow([
				job.name,
				`${(o.bytes / KB).toFixed(0)} KB`,
				String(o.words),
				pct(o.editedShare),
				ms(o.tokenizeMs),
				ms(o.compareMs),
				ratioTok.toFixed(2),
				jsTime,
				vsJs,
				`${o.changes} / ${jsChanges}`,
				`${pct(o.unchangedShare)} / ${jsShare}`,
				gap,
				`${o.peakMb.toFixed(0)} MB / ${jsPeak}`
			])
		);
	}
	const out = [
		tableRow(COLUMNS),
		tableRow(COLUMNS.map((_, k) => (k === 0 ? '---' : '---:'))),
		...rows,
		'',
		...notes,
		'',
		`Each measurement runs in a fresh Node process. Times are medians over several runs after a ` +
			`warm-up, tokenizing and compare() alternating; compare() includes tokenizing. jsdiff is ` +
			`diffArrays on the same token keys with a ${JSDIFF_TIMEOUT_MS / 1000} s timeout, timed once ` +
			`when it takes over 2 s; the runs expected to time out run side by side. "Unchanged words" ` +
			`is the share of base words in unchanged text (ours after clean-up); a change is a run of ` +
			`deletions and insertions between unchanged text. Peak RSS growth is sampled every ` +
			`millisecond from a worker thread during the first full-size call, over the level before ` +
			`it; memory V8 already holds is reused without growing it, so small figures are floors.`,
		'',
		`- 2 MB heavy: compare() takes ${heavy2mbRatio.toFixed(2)}x the tokenizing time ` +
			`(target: under 3x).`,
		`- Unchanged-word share within ${worstShareGapEdited.toFixed(2)} points of jsdiff on the edited ` +
			`pairs where jsdiff finishes (target: within 1); ${worstShareGap.toFixed(2)} points on the ` +
			`unrelated ones, where jsdiff's unchanged words are common words that two unrelated ` +
			`sentences happen to share, and ours shows a rewrite.`,
		`- 2 MB unrelated: ${ms(unrelated2mbMs)} (target: under 2 s).`,
		`- Whole benchmark: ${((performance.now() - started) / 1000).toFixed(0)} s ` +
			`on Node ${process.versions.node}.`
	];
	console.log(out.join('\n'));
}

const SUPERSCRIPTS = ['¹', '²', '³', '⁴'];
const COLUMNS = [
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
const tableRow = (cells: string[]): string => `| ${cells.join(' | ')} |`;

const [mode, kind, jobJson] = process.argv.slice(2);
if (mode === 'child') {
	const job = JSON.parse(jobJson) as Job;
	const result = kind === 'ours' ? await measureOurs(job) : await measureJsdiff(job);
	console.log(JSON.stringify(result));
} else {
	await main();
}
