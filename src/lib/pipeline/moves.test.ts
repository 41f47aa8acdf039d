import { describe, expect, it } from 'vitest';
import { compare } from './compare';
import { layout } from './layout';

// Four paragraphs of the kind a transcript has; the second moves to the end.
const P1 = 'The court will now hear the statement of the accused about the bloc.';
const P2 = 'I was in Berlin in 1932 and I met there with the representatives of the general staff.';
const P3 = 'Citizen judges, I have been in prison for over a year, and I have read a great deal.';
const P4 = 'Thus the whole picture of the conspiracy stands before the court in its full scope.';
const A = [P1, P2, P3, P4].join('\n\n');

/** The changes as `kind move-end: text` lines, with the other end's text for moves. */
function changes(a: string, b: string): string[] {
	const { segments } = compare(a, b);
	const byId = new Map(segments.map((s) => [s.id, s]));
	return segments
		.filter((s) => s.kind !== 'equal')
		.map((s) => {
			const text = (s.a || s.b).trim();
			if (!s.move) return `${s.kind}: ${text}`;
			const partner = byId.get(s.move.partner)!;
			return `${s.kind} ${s.move.end} (other end ${partner.move!.end}, ${partner.kind}): ${text}`;
		});
}

describe('findMoves', () => {
	it('pairs a paragraph struck in one place and added in another as one move', () => {
		const b = [P1, P3, P4, P2].join('\n\n');
		expect(changes(A, b)).toEqual([
			`delete from (other end to, insert): ${P2}`,
			`insert to (other end from, delete): ${P2}`
		]);
		const { stats } = compare(A, b);
		expect([stats.moves, stats.wordsMoved, stats.wordsStruck, stats.wordsAdded, stats.changes]).toEqual([
			1, 17, 0, 0, 2
		]);
		expect(stats.suppressedShare).toBe(0);
	});

	it('keeps the words changed on the way as changes inside the move', () => {
		const b = [P1, P3, P4, P2.replace('Berlin', 'Paris')].join('\n\n');
		const { segments, stats, aTokens, bTokens } = compare(A, b);
		const from = segments.find((s) => s.move?.end === 'from')!;
		const inner = from.move!.inner.map((e) => [
			e.kind,
			A.slice(aTokens.starts[e.aFrom], aTokens.starts[e.aTo]),
			b.slice(bTokens.starts[e.bFrom], bTokens.starts[e.bTo])
		]);
		expect(inner).toEqual([
			['insert', '', '\n\n'],
			['equal', 'I was in ', 'I was in '],
			['delete', 'Berlin', ''],
			['insert', '', 'Paris'],
			['equal', P2.slice(P2.indexOf(' in 1932')), P2.slice(P2.indexOf(' in 1932'))],
			['delete', '\n\n', '']
		]);
		expect([stats.moves, stats.wordsMoved, stats.wordsStruck, stats.wordsAdded]).toEqual([1, 16, 1, 1]);
	});

	it('lays out both ends as moved, linked to each other, with the changed word flagged', () => {
		const b = [P1, P3, P4, P2.replace('Berlin', 'Paris')].join('\n\n');
		const comparison = compare(A, b);
		const [from, to] = comparison.segments.filter((s) => s.move);
		const spans = layout(comparison).flatMap((block) => (block.kind === 'paragraph' ? block.spans : []));
		const moved = spans.filter((s) => s.move).map(({ kind, text, move, partner, changed }) => ({ kind, text, move, partner, changed }));
		expect(moved).toEqual([
			{ kind: 'delete', text: 'I was in ', move: 'from', partner: to.id, changed: undefined },
			{ kind: 'delete', text: 'Berlin', move: 'from', partner: to.id, changed: true },
			{ kind: 'delete', text: P2.slice(P2.indexOf(' in 1932')), move: 'from', partner: to.id, changed: undefined },
			{ kind: 'insert', text: 'I was in ', move: 'to', partner: from.id, changed: undefined },
			{ kind: 'insert', text: 'Paris', move: 'to', partner: from.id, changed: true },
			{ kind: 'insert', text: P2.slice(P2.indexOf(' in 1932')), move: 'to', partner: from.id, changed: undefined }
		]);
	});

	it('leaves passages under eight words as a cut and an addition', () => {
		const short = 'I met them in Berlin then.';
		const a = [P1, short, P3, P4].join('\n\n');
		const b = [P1, P3, P4, short].join('\n\n');
		expect(changes(a, b).map((c) => c.split(':')[0])).toEqual(['delete', 'insert']);
	});

	it('leaves a passage rewritten beyond a fifth of its words as a cut and an addition', () => {
		const rewritten = P2.replace('Berlin in 1932 and I met there', 'Paris in 1933 and we saw there');
		const b = [P1, P3, P4, rewritten].join('\n\n');
		expect(changes(A, b).map((c) => c.split(':')[0])).toEqual(['delete', 'insert']);
	});

	it('finds a passage whose place a new sentence took, although the two share "of the"', () => {
		// P2 makes way for a new sentence where it stood, and reappears after P4. Aligned against
		// the new sentence, P2 is in pieces (its "of the" kept as equal); the move takes it whole,
		// up to the full stop the two sentences share.
		const added = 'Nothing of the kind took place then, and the witness knows it well.';
		const b = [P1, added, P3, P4, P2].join('\n\n');
		expect(changes(A, b)).toEqual([
			`delete from (other end to, insert): ${P2.slice(0, -1)}`,
			`insert: ${added.slice(0, -1)}`,
			`insert to (other end from, delete): ${P2}`
		]);
	});
});
