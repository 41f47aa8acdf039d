import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflated, repeated, zipOf } from '../../../tests/fixtures/zips';
import { unzipWithin, ZipError, type ZipLimits } from './unzip';

const MB = 1024 * 1024;
const limits: ZipLimits = { entry: 2 * MB, total: 3 * MB, entryWords: 'per text', totalWords: 'in all' };
const problem = (run: () => void) => {
	try {
		run();
	} catch (e) {
		return e instanceof ZipError ? [e.problem, e.entry] : (e as Error).message;
	}
	return 'no error';
};

describe('unzipWithin', () => {
	it('reads what unzipSync reads, folders left out', () => {
		const zip = zipSync({ 'a/': new Uint8Array(), 'a/b.txt': strToU8('b'.repeat(5000)), 'c.txt': strToU8('c') });
		const { 'a/': _folder, ...files } = unzipSync(zip);
		expect(unzipWithin(zip, limits)).toEqual({ files, cutOff: [] });
		expect(unzipWithin(zip, limits, (name) => name === 'c.txt').files).toEqual({ 'c.txt': strToU8('c') });
	});

	// Issue 9: a zip of 1.7 MB inflating to 1.1 GB took 15 s and 2.6 GB, and a text of 40 MB
	// packed small got round the 25 MB limit.
	it('refuses an entry that declares more than the limit, before inflating it', () => {
		const bomb = zipOf([deflated('case.txt', 'x'), { name: 'big.txt', ...repeated(new Uint8Array(MB), 1100) }]);
		expect(problem(() => unzipWithin(bomb, limits))).toEqual([
			'“big.txt” in it is 1100.0 MB unpacked; the limit is 2 MB per text',
			'big.txt'
		]);
	});

	it('refuses an entry that inflates to more than the limit, whatever it declares', () => {
		const bomb = { name: 'small.txt', ...repeated('All work and no play. '.repeat(1000), 100), declared: 10 };
		expect(problem(() => unzipWithin(zipOf([bomb]), limits))).toEqual([
			'“small.txt” in it unpacks to more than 2 MB; the limit is 2 MB per text',
			'small.txt'
		]);
	});

	it('refuses entries that together inflate to more than the limit, naming where it stopped', () => {
		const entries = ['a.txt', 'b.txt'].map((name) => ({
			name,
			...repeated(new Uint8Array(MB / 2), 4)
		}));
		expect(problem(() => unzipWithin(zipOf(entries), limits))).toEqual([
			'its files unpack to more than 3 MB in all (stopped at “b.txt”); the limit is 3 MB in all',
			'b.txt'
		]);
	});

	it('refuses entries that together declare more than the limit, before inflating them', () => {
		const entries = ['a.txt', 'b.txt'].map((name) => ({
			...deflated(name, 'short'),
			declared: 1.5 * MB + 1
		}));
		expect(problem(() => unzipWithin(zipOf(entries), limits))).toEqual([
			'its files unpack to more than 3 MB in all (stopped at “b.txt”); the limit is 3 MB in all',
			'b.txt'
		]);
	});

	it('skips entries not wanted without inflating them', () => {
		const zip = zipOf([deflated('keep.txt', 'kept'), { name: 'big.txt', ...repeated(new Uint8Array(MB), 100) }]);
		expect(unzipWithin(zip, limits, (name) => name === 'keep.txt').files).toEqual({
			'keep.txt': strToU8('kept')
		});
	});

	it('says what is wrong with a file that is not a zip, or is cut off or damaged', () => {
		expect(problem(() => unzipWithin(strToU8('plain text'), limits))).toEqual([
			'it is not a zip archive',
			undefined
		]);
		const zip = zipSync({ 'a.txt': strToU8('a'.repeat(1000)) });
		expect(problem(() => unzipWithin(zip.subarray(0, 40), limits))).toEqual([
			'it is a damaged zip archive (it is cut off before its end)',
			undefined
		]);
		const damaged = zipOf([{ name: 'a.txt', deflated: new Uint8Array([0xff, 0xff, 0xff]), size: 10 }]);
		expect(problem(() => unzipWithin(damaged, limits))).toEqual([
			'“a.txt” in it is damaged (invalid block type)',
			'a.txt'
		]);
	});
});
