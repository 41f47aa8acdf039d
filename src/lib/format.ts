// Small formatters shared by pages and exports, so a figure reads the same everywhere.

/** `1938-03-12` -> `12 March 1938` (dates are of events, never shifted by time zone). */
export function formatDate(iso: string): string {
	const [year, month, day] = iso.split('-').map(Number);
	const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return `${day} ${name} ${year}`;
}

/** `0.4812` -> `48.1%`; one decimal, so small shares do not read as zero. */
export function formatShare(share: number): string {
	return `${(share * 100).toFixed(1)}%`;
}
