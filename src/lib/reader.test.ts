import { describe, expect, it } from 'vitest';
import { fragmentOf, Reader, type ChangeRef, type Changes } from './reader.svelte';

const listOf = (refs: ChangeRef[]): Changes => ({
	changeCount: refs.length,
	change: (c) => refs[c],
	changeEdit: (c) => refs[c].kind,
	changeKindOf: (c) => refs[c].changeKind,
	changeIndex: (id) => refs.findIndex((r) => r.id === id)
});
const changes = listOf([
	{ id: 'c-1', kind: 'delete' },
	{ id: 'c-é', kind: 'insert' }
]);
const url = (tail: string) => new URL(`https://pencilmarks.example/cases/bukharin-1938${tail}`);

describe('fragmentOf', () => {
	it('decodes the fragment', () => {
		expect(fragmentOf(url('#c-%C3%A9'))).toBe('c-é');
		expect(fragmentOf(url(''))).toBe('');
	});

	// Issue 9: a malformed escape threw URIError and the page never became interactive.
	it('gives null for an escape that cannot be decoded', () => {
		expect(fragmentOf(url('#%'))).toBe(null);
		expect(fragmentOf(url('#%E0%A4%A'))).toBe(null);
	});
});

describe('Reader.fromUrl', () => {
	it('follows a known mode and change, saying nothing', () => {
		const reader = new Reader(changes);
		expect(reader.fromUrl(url('?mode=target#c-%C3%A9'))).toEqual([]);
		expect([reader.mode, reader.current]).toEqual(['target', 'c-é']);
		expect(new Reader(changes, 'side').fromUrl(url('?mode=marks'))).toEqual([]);
	});

	it('opens a link with a clean mode’s former name in that mode, and writes the new name', () => {
		const reader = new Reader(changes);
		expect(reader.fromUrl(url('?mode=published&context=2#c-1'))).toEqual([]);
		expect([reader.mode, reader.context, reader.current]).toEqual(['target', 2, 'c-1']);
		expect(reader.toUrl(url('?mode=published&context=2#c-1')).href).toBe(
			'https://pencilmarks.example/cases/bukharin-1938?mode=target&context=2#c-1'
		);
		const other = new Reader(changes);
		expect(other.fromUrl(url('?mode=spoken'))).toEqual([]);
		expect(other.mode).toBe('base');
		expect(other.toUrl(url('?mode=spoken')).search).toBe('?mode=base');
	});

	// Issue 9: links the page could not follow broke it; now it opens as usual and says so.
	it('keeps the defaults for what it cannot follow, and says what that was', () => {
		const reader = new Reader(changes, 'side');
		expect(reader.fromUrl(url('?mode=bogus#%E0%A4%A'))).toEqual([
			'This link asks for a view called “bogus”, which this page does not have ' +
				'(it has marks, base, target, side): the text is shown as usual.',
			'The end of this link (#%E0%A4%A) is not a valid web address, so it was not followed.'
		]);
		expect([reader.mode, reader.current]).toEqual(['side', null]);
		expect(reader.fromUrl(url('?mode='))).toEqual([
			'This link asks for a view but names none: the text is shown as usual.'
		]);
		expect(reader.mode).toBe('side');
	});
});

describe('Reader.step', () => {
	const four = listOf([
		{ id: 'c-1', kind: 'delete' },
		{ id: 'c-2', kind: 'insert' },
		{ id: 'c-3', kind: 'replace' },
		{ id: 'c-4', kind: 'insert' }
	]);

	it('steps through the changes the mode shows, stopping at the ends', () => {
		const reader = new Reader(four, 'target');
		expect([...reader.visible]).toEqual([1, 2, 3]);
		expect([reader.step(1), reader.step(1), reader.step(1), reader.step(1)]).toEqual(['c-2', 'c-3', 'c-4', null]);
		expect(reader.position).toBe(3);
		reader.mode = 'base';
		expect([...reader.visible]).toEqual([0, 2]);
		// c-4 is not shown in the base alone: position 0, and back from it is the last shown before it.
		expect(reader.position).toBe(0);
		expect(reader.step(-1)).toBe('c-3');
		expect(reader.position).toBe(2);
	});

	it('starts from either end when no change is current', () => {
		expect(new Reader(four).step(-1)).toBe('c-4');
		expect(new Reader(four).step(1)).toBe('c-1');
		expect(new Reader(listOf([])).step(1)).toBeNull();
	});

	it('from a change the mode hides, goes on to the next one it shows', () => {
		const reader = new Reader(four, 'base');
		reader.current = 'c-2';
		expect(reader.step(1)).toBe('c-3');
	});
});

describe('Reader context', () => {
	it('reads the changes-only view from the URL and writes it back', () => {
		const reader = new Reader(changes);
		expect(reader.fromUrl(url('?context=2'))).toEqual([]);
		expect(reader.context).toBe(2);
		expect(reader.toUrl(url('')).search).toBe('?context=2');
		reader.context = null;
		expect(reader.toUrl(url('?context=2')).search).toBe('');
	});

	it('says when the context asked for is not a number it can show', () => {
		const reader = new Reader(changes);
		expect(reader.fromUrl(url('?context=lots'))).toEqual([
			'This link asks for the changes with “lots” paragraphs of context, which is not a number from 0 to 20: the whole text is shown.'
		]);
		expect(reader.context).toBeNull();
	});
});
