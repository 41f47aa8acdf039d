// The test environment of `*.svelte.test.ts` files (vite.config.ts): runes classes whose effects
// matter, such as the Compare page's state. Their modules are compiled as for the browser, where
// Svelte runs effects (compiled for the server, `$effect` is dropped), and run in Node, without
// a DOM.

import type { Environment } from 'vitest/environments';

export default {
	name: 'runes',
	viteEnvironment: 'client',
	setup: () => ({ teardown: () => {} })
} satisfies Environment;
