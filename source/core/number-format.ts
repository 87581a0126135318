const grouped = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

/**
 * A count as every human-readable line shows it: digits grouped by thousands (87,198), so that the same
 * number reads the same on the Users tab, in a plan, in History and on the command line. JSON keeps numbers.
 */
export function formatCount(value: number): string {
	return grouped.format(value);
}

/** "1 person", "87,198 people". */
export function formatCountOf(value: number, one: string, many: string): string {
	return `${formatCount(value)} ${value === 1 ? one : many}`;
}
