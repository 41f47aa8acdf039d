import { describe, expect, it } from 'vitest';
import { changeKinds, hiddenKind, MODES, modeLabel, parseMode, showsBoth, showsGap, showsSpan, witnessShown } from './modes';

describe('modes', () => {
	it('are four, the clean ones named for the side they show', () => {
		expect(MODES).toEqual(['marks', 'base', 'target', 'side']);
	});

	it('are read by name, and nothing else is one', () => {
		expect(MODES.map(parseMode)).toEqual(['marks', 'base', 'target', 'side']);
		const others = ['diff', '', 'Marks', 'Base', 'toString', 'constructor', null, undefined, 1, {}];
		expect(others.map(parseMode)).toEqual(others.map(() => null));
	});

	it('read the clean modes’ former names, spoken and published, as base and target', () => {
		expect(['spoken', 'published'].map(parseMode)).toEqual(['base', 'target']);
		expect(['Spoken', ' published', 'as published'].map(parseMode)).toEqual([null, null, null]);
	});

	it('call the clean modes by their witness, and show that witness alone', () => {
		expect(MODES.map((m) => modeLabel(m, 'Nicolay copy', 'Bliss copy'))).toEqual([
			'Marks on',
			'Nicolay copy',
			'Bliss copy',
			'Side by side'
		]);
		expect(MODES.map(witnessShown)).toEqual([null, 'a', 'b', null]);
		expect(MODES.map(showsBoth)).toEqual([true, false, false, true]);
		expect(MODES.map(hiddenKind)).toEqual([null, 'insert', 'delete', null]);
	});

	it('say which spans, gaps and changes each shows', () => {
		expect(MODES.map((m) => ['equal', 'delete', 'insert'].filter((k) => showsSpan(m, k as 'equal')))).toEqual([
			['equal', 'delete', 'insert'],
			['equal', 'delete'],
			['equal', 'insert'],
			['equal', 'delete', 'insert']
		]);
		const onlyA = { inA: true, inB: false };
		expect(MODES.map((m) => showsGap(m, onlyA))).toEqual([true, true, false, true]);
		expect(MODES.map((m) => [...changeKinds(m)])).toEqual([['delete', 'insert'], ['delete'], ['insert'], ['delete', 'insert']]);
	});
});
