import { describe, expect, it } from 'vitest';
import { compare } from './compare';

// Bukharin's final statement, 12 March 1938: the middle sentence is one Stalin struck.
const SPOKEN =
	'I accept responsibility even for those crimes about which I did not know. I deny most of all ' +
	'the prosecutor’s charge that I belonged to the group sitting on the court bench with me, ' +
	'because such a group never existed! This I admit.';
const STRUCK =
	'I deny most of all the prosecutor’s charge that I belonged to the group sitting on the court ' +
	'bench with me, because such a group never existed! ';
const PUBLISHED = SPOKEN.replace(STRUCK, '');

const marks = (a: string, b: string) =>
	compare(a, b).segments.map(({ kind, a, b }) => [kind, a, b]);

describe('compare', () => {
	it('finds a struck sentence as exactly one deletion of that sentence', () => {
		const { segments, stats } = compare(SPOKEN, PUBLISHED);
		expect(
			segments.filter((s) => s.kind !== 'equal').map(({ kind, a, b }) => [kind, a, b])
		).toEqual([['delete', STRUCK, '']]);
		expect(segments.map((s) => s.kind)).toEqual(['equal', 'delete', 'equal']);
		expect(stats.wordsStruck).toBe(27);
		expect(stats.changes).toBe(1);
	});

	it('finds the same sentence struck from the middle of a longer text, between paragraphs', () => {
		const before = 'Citizen judges! ' + 'I have been in prison for over a year. '.repeat(3);
		const after =
			'\n\nI bow my knees before the country, before the party, before the whole people.';
		const { segments } = compare(before + SPOKEN + after, before + PUBLISHED + after);
		expect(segments.filter((s) => s.kind !== 'equal').map(({ kind, a }) => [kind, a])).toEqual([
			['delete', STRUCK]
		]);
	});

	it('shows a rewritten phrase as one replacement', () => {
		expect(marks('I deny most of the charges here.', 'I admit all of these crimes here.')).toEqual([
			['equal', 'I ', 'I '],
			['replace', 'deny most of the charges', 'admit all of these crimes'],
			['equal', ' here.', ' here.']
		]);
	});

	it('shows a gap that only the target has as a gap, not an insertion', () => {
		expect(marks('One.\n\nTwo.', 'One.\n\n{gap: a page}\n\nTwo.')).toEqual([
			['equal', 'One.\n\n', 'One.\n\n'],
			['gap', '', '{gap: a page}\n\n'],
			['equal', 'Two.', 'Two.']
		]);
	});

	it('treats rewrapped lines and CRLF line ends as unchanged', () => {
		expect(marks('This I\nadmit.\n\nYes.', 'This I admit.\r\n\r\nYes.')).toEqual([
			['equal', 'This I\nadmit.\n\nYes.', 'This I admit.\r\n\r\nYes.']
		]);
	});

	it('compares empty witnesses', () => {
		expect(compare('', '').segments).toEqual([]);
		expect(marks('', 'Added.')).toEqual([['insert', '', 'Added.']]);
		expect(marks('Struck.', '')).toEqual([['delete', 'Struck.', '']]);
	});
});
