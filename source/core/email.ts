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

/** What Salesforce appends to every user's email when it copies production into a sandbox. */
export const sandboxEmailSuffix = '.invalid';

/**
 * A sandbox's email without the suffix Salesforce added (`ann@acme.com.invalid` → `ann@acme.com`), or the
 * email unchanged when it has none. Case-insensitive, so it takes raw and normalised emails alike.
 */
export function withoutSandboxSuffix(email: string): string {
	return email.toLowerCase().endsWith(sandboxEmailSuffix) ? email.slice(0, -sandboxEmailSuffix.length) : email;
}
