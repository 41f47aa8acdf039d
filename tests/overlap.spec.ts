// No text is ever drawn over other text, at a phone's, a laptop's or a wide screen's width (issue
// 9: the last notes in the margin ran down over "About this case").

import { expect, test } from '@playwright/test';

const pages = [
	'/cases/bukharin-1938',
	'/cases/bukharin-1938?mode=target',
	'/cases/gettysburg',
	'/cases/gettysburg?mode=side',
	'/cases/gettysburg?context=0',
	'/cases/gettysburg/apparatus?place=2',
	'/cases/gettysburg/apparatus?view=table',
	'/'
];
const widths = [390, 1024, 1400];

for (const path of pages) {
	for (const width of widths) {
		test(`no text overlaps other text on ${path} at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(path);
			const overlaps = await page.evaluate(() => {
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
			expect(overlaps).toEqual([]);
			// Nor does anything run past the screen's edge, making the page scroll sideways.
			const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
			expect(sideways).toBe(0);
		});
	}
}
