// Between the browser's text selection and positions in the aligned text (pipeline/excerpt.ts).
// Every span of the reading view carries its position in `data-o`, so a selection maps to
// positions in any mode, and a position range maps back to a selection.

import type { Range as TextRange } from './pipeline/excerpt';

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
	const dom = domRange(container, range);
	if (!dom) return null;
	const selection = getSelection();
	selection?.removeAllRanges();
	selection?.addRange(dom);
	return dom;
}

/** The DOM range of the positions `range` in `container` (visible text only), or null. */
export function domRange(container: Element, range: TextRange): globalThis.Range | null {
	const visible = spansIn(container).filter((el) => el.checkVisibility());
	const length = (el: HTMLElement) => (el.textContent ?? '').length;
	const at = (el: HTMLElement) => Number(el.dataset.o);
	const first = visible.find((el) => at(el) + length(el) > range.start);
	const last = visible.findLast((el) => at(el) < range.end);
	if (!first || !last || !first.firstChild || !last.firstChild) return null;
	const dom = document.createRange();
	dom.setStart(first.firstChild, Math.max(0, range.start - at(first)));
	dom.setEnd(last.firstChild, Math.min(length(last), range.end - at(last)));
	return dom;
}
