// The check that no text is drawn over other text, and nothing runs past the screen's edge: for
// any page, at any width (overlap.spec.ts runs it on the case pages).

import type { Page } from '@playwright/test';

/** Each two texts on the page drawn over each other, as `“a” and “b”`: none, on a good page. */
export function textOverlaps(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		// Each line of each visible text node, as a box; a node's own lines never overlap.
		type Box = {
			node: number;
			text: string;
			left: number;
			right: number;
			top: number;
			bottom: number;
		};
		const boxes: Box[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		let n = 0;
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement!;
			if (!node.textContent!.trim()) continue;
			const shown = parent.checkVisibility({ opacityProperty: true, visibilityProperty: true });
			if (!shown) continue;
			// Text clipped to a pixel for screen readers is not drawn.
			if (parent.closest('.visually-hidden')) continue;
			const range = document.createRange();
			range.selectNodeContents(node);
			n++;
			for (const r of range.getClientRects()) {
				if (r.width < 1 || r.height < 1) continue;
				const y = r.top + scrollY;
				const text = node.textContent!.trim().slice(0, 40);
				boxes.push({ node: n, text, left: r.left, right: r.right, top: y, bottom: y + r.height });
			}
		}
		// Glyph boxes of neighbouring lines may touch; a real overlap is more than a few pixels.
		const slack = 3;
		const found: string[] = [];
		boxes.sort((a, b) => a.top - b.top);
		for (let i = 0; i < boxes.length; i++) {
			const a = boxes[i];
			for (let j = i + 1; j < boxes.length && boxes[j].top < a.bottom - slack; j++) {
				const b = boxes[j];
				if (a.node === b.node) continue;
				const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (x > slack && y > slack) found.push(`“${a.text}” and “${b.text}”`);
			}
		}
		return found;
	});
}

/** How far the page runs past the screen's edge, making it scroll sideways: 0, on a good page. */
export function sideways(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
}
