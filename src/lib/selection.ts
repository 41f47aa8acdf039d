// Between the browser's text selection and positions in the aligned text (pipeline/excerpt.ts).
// Every span of the reading view carries its position in `data-o`, so a selection maps to
// positions in any mode, and a position range maps back to a selection.

import { alignedText, blockStarts, snapToWords, type Range as TextRange } from './pipeline/excerpt';
import type { Block } from './types';

function spansIn(container: Element): HTMLElement[] {
	return [...container.querySelectorAll<HTMLElement>('[data-o]')];
}

/** The positions the selection covers inside `container`, or null when it covers none. */
export function selectionToRange(container: Element, selection: Selection | null): TextRange | null {
	if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
	const range = selection.getRangeAt(0);
	if (!range.intersectsNode(container)) return null;
	// Most selections start and end inside text spans: read their positions directly, without
	// looking at every span of a long text.
	const spanOf = (node: Node) =>
		(node.nodeType === Node.TEXT_NODE ? node.parentElement : null)?.closest<HTMLElement>('[data-o]');
	const startSpan = spanOf(range.startContainer);
	const endSpan = spanOf(range.endContainer);
	if (startSpan && endSpan && container.contains(startSpan) && container.contains(endSpan)) {
		const start = Number(startSpan.dataset.o) + range.startOffset;
		const end = Number(endSpan.dataset.o) + range.endOffset;
		return end > start ? { start, end } : null;
	}
	const touched = spansIn(container).filter((el) => range.intersectsNode(el) && el.checkVisibility());
	if (touched.length === 0) return null;
	const first = touched[0];
	const last = touched[touched.length - 1];
	const at = (el: HTMLElement) => Number(el.dataset.o);
	const start = first.contains(range.startContainer) ? at(first) + range.startOffset : at(first);
	const end = last.contains(range.endContainer)
		? at(last) + range.endOffset
		: at(last) + (last.textContent ?? '').length;
	return end > start ? { start, end } : null;
}

/** Selects the positions `range` in `container` (visible text only) and returns the DOM range. */
export function selectRange(container: Element, range: TextRange): globalThis.Range | null {
	const visible = spansIn(container).filter((el) => el.checkVisibility());
	const length = (el: HTMLElement) => (el.textContent ?? '').length;
	const at = (el: HTMLElement) => Number(el.dataset.o);
	const first = visible.find((el) => at(el) + length(el) > range.start);
	const last = visible.findLast((el) => at(el) < range.end);
	if (!first || !last || !first.firstChild || !last.firstChild) return null;
	const dom = document.createRange();
	dom.setStart(first.firstChild, Math.max(0, range.start - at(first)));
	dom.setEnd(last.firstChild, Math.min(length(last), range.end - at(last)));
	const selection = getSelection();
	selection?.removeAllRanges();
	selection?.addRange(dom);
	return dom;
}

/**
 * Widens a selection to whole words, as `snapToWords` does, but never across a paragraph's edge.
 * The aligned text joins paragraphs with nothing between them, so to a snap that looks at
 * characters alone "Article 18" and "Everyone has…" read "18Everyone has…", and selecting the
 * second paragraph took the last word of the first.
 */
export function snapSelection(blocks: Block[], range: TextRange): TextRange {
	const snapped = snapToWords(blocks, range);
	const starts = blockStarts(blocks).filter((_, i) => blocks[i].kind === 'paragraph');
	const from = Math.min(range.start, range.end);
	const to = Math.max(range.start, range.end);
	const first = starts.findLast((at) => at <= from) ?? 0;
	const next = starts.find((at) => at >= to) ?? snapped.end;
	let start = Math.max(snapped.start, first);
	let end = Math.min(snapped.end, next);
	const text = alignedText(blocks);
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	return { start, end };
}
