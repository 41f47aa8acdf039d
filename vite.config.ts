import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The alignment worker imports the pipeline as ES modules.
	worker: { format: 'es' },
	test: {
		// Property tests run thousands of comparisons: on a busy two-core machine they need more than
		// the default five seconds. Speed itself is measured by the benchmark, not here.
		testTimeout: 30_000,
		projects: [
			{
				extends: true,
				test: {
					name: 'node',
					include: ['src/**/*.test.ts', 'corpus/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					environment: 'node'
				}
			},
			// Runes classes whose effects matter, compiled as for the browser (where effects run):
			// see src/lib/test/runes-environment.ts.
			{
				extends: true,
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.test.ts'],
					environment: './src/lib/test/runes-environment.ts'
				}
			}
		]
	}
});
