import { describe, expect, it } from 'vitest';
import { compare } from './compare';

const ids = (a: string, b: string) =>
	compare(a, b)
		.segments.filter((s) => s.id !== undefined)
		.map((s) => ({ a: s.a, b: s.b, id: s.id }));

const A = 'I accept responsibility even for those crimes about which I did not know. ';
const B = 'I deny most of all the prosecutor’s charge that I belonged to the group. ';
const C = 'This I admit. And I say it here before the court and the whole world.';

describe('assignIds', () => {
	it('gives each change c- and seven base-36 digits, and nothing else an id', () => {
		const { segments } = compare(A + B + C, A + C);
		expect(segments.map((s) => s.id)).toEqual([undefined, 'c-1bp3ggs', undefined]);
	});

	it('gives the same texts the same ids on every run', () => {
		expect(ids(A + B + C, A + 'I deny it. ' + C)).toEqual(ids(A + B + C, A + 'I deny it. ' + C));
	});

	it('keeps a change’s id when the texts are edited elsewhere', () => {
		const before = ids(A + B + C, A + C);
		const farEdit = ids(A.replace('crimes', 'acts') + B + C, A.replace('crimes', 'acts') + C);
		expect(farEdit.map((c) => c.id)).toEqual(before.map((c) => c.id));
		const farChange = ids(A + B + C, A + C.replace('whole world', 'world'));
		expect(farChange).toHaveLength(2);
		expect(farChange[0].id).toBe(before[0].id);
	});

	it('changes the id when the words just around the change change', () => {
		const before = ids(A + B + C, A + C);
		const near = ids(A + B + C.replace('This', 'That'), A + C.replace('This', 'That'));
		expect(near[0].id).not.toBe(before[0].id);
	});

	it('numbers changes that hash alike -2, -3 in text order', () => {
		const same = 'one two three X four five six. ';
		const result = ids(same.repeat(3), same.replace('X ', '').repeat(3));
		expect(result.map((c) => c.a)).toEqual(['X ', 'X ', 'X ']);
		const [first, second, third] = result.map((c) => c.id!);
		expect(second).toBe(`${first}-2`);
		expect(third).toBe(`${first}-3`);
	});
});
