import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The alignment worker imports the pipeline as ES modules.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'corpus/**/*.test.ts'],
		environment: 'node',
		// Property tests run thousands of comparisons: on a busy two-core machine they need more than
		// the default five seconds. Speed itself is measured by the benchmark, not here.
		testTimeout: 30_000
	}
});
