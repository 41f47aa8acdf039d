// Small formatters shared by pages and exports, so a figure reads the same everywhere.

/**
 * `1938-03-12` -> `12 March 1938` (dates are of events, never shifted by time zone); '' when
 * there is no date, as a reader's own comparison may have none (each caller says so its way).
 */
export function formatDate(iso: string | undefined): string {
	if (!hasDate(iso)) return '';
	const [year, month, day] = iso.split('-').map(Number);
	const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', {
		month: 'long',
		timeZone: 'UTC'
	});
	return `${day} ${name} ${year}`;
}

/**
 * A date, or a date and time as Word writes one, in words: `2024-05-02T09:30:00Z` ->
 * `2 May 2024, 09:30 UTC`, `2024-05-02T09:30+02:00` -> `2 May 2024, 09:30 UTC+02:00`. The time is
 * the one written, never shifted to the reader's zone; anything else is given as it is.
 */
export function formatWhen(value: string): string {
	const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
	if (!match || !formatDate(match[1])) return value;
	const [, date, time, zone] = match;
	if (!time) return formatDate(date);
	const where = zone === 'Z' ? ' UTC' : zone ? ` UTC${zone}` : '';
	return `${formatDate(date)}, ${time}${where}`;
}

/** Whether `iso` is a date, `YYYY-MM-DD`, rather than empty or something else. */
export function hasDate(iso: string | undefined): iso is string {
	return /^\d{4}-\d{2}-\d{2}$/.test(iso ?? '');
}

/** `0.4812` -> `48.1%`; one decimal, so small shares do not read as zero. */
export function formatShare(share: number): string {
	return `${(share * 100).toFixed(1)}%`;
}

/** `part` as a percentage of `whole`, to one decimal as `formatShare` shows it: 3 of 242 -> 1.2. */
export function percentOf(part: number, whole: number): number {
	return whole === 0 ? 0 : Number(((part / whole) * 100).toFixed(1));
}
