import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// The alignment worker imports the pipeline as ES modules.
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'corpus/**/*.test.ts'],
		environment: 'node'
	}
});
