/**
 * SalesScreen identifies people by email, compared without surrounding blanks and without case.
 * Returns null for a missing or blank email.
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
	if (raw === null || raw === undefined) {
		return null;
	}

	const trimmed = raw.trim().toLowerCase();
	return trimmed === '' ? null : trimmed;
}

// Deliberately loose: one @, something on each side, a dot in the domain, no blanks or control characters.
// Salesforce already validates addresses; this only catches what would make a broken SalesScreen login.
const plausibleEmail = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

export function isPlausibleEmail(normalised: string): boolean {
	return plausibleEmail.test(normalised);
}
