import { describe, expect, it } from 'vitest';
import { changeKinds, hiddenKind, isMode, MODES, modeLabel, showsBoth, showsGap, showsSpan, witnessShown } from './modes';

describe('modes', () => {
	it('are four, named as in links, and nothing else is one', () => {
		expect(MODES).toEqual(['marks', 'spoken', 'published', 'side']);
		expect(['marks', 'side', 'diff', '', null, 'Marks'].map(isMode)).toEqual([true, true, false, false, false, false]);
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
