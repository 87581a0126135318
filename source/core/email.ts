// Format characters (zero-width spaces and joiners, bidi overrides and isolates, the BOM, soft hyphens):
// invisible on screen, so two addresses that look the same would be two people.
const formatCharacter = /\p{Cf}/u;
const loneSurrogate = /\p{Cs}/u;

/**
 * An email as SalesScreen keeps it for display: Unicode NFC, without surrounding blanks, in the case it was
 * given. The one rule for the unique key, the stored value and every comparison is this, lower-cased
 * (normaliseEmail). Null for a missing or blank email.
 */
export function displayEmail(raw: string | null | undefined): string | null {
	if (raw === null || raw === undefined) {
		return null;
	}

	// Normalising a string with a lone surrogate would pass it on; such an email is refused (emailProblem) anyway.
	const trimmed = (loneSurrogate.test(raw) ? raw : raw.normalize('NFC')).trim();
	return trimmed === '' ? null : trimmed;
}

/**
 * SalesScreen identifies people by email, compared as displayEmail keeps it and without case.
 * Returns null for a missing or blank email.
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
	return displayEmail(raw)?.toLowerCase() ?? null;
}

/**
 * Why an email cannot be anyone's SalesScreen login although it may look fine: it holds an invisible
 * format character, or a lone surrogate (no character at all, which would be stored as invalid UTF-8).
 * Undefined when it has neither.
 */
export function emailProblem(raw: string): string | undefined {
	if (loneSurrogate.test(raw)) {
		return 'holds a broken character (a lone UTF-16 surrogate)';
	}

	const hidden = formatCharacter.exec(raw)?.[0];
	return hidden === undefined ? undefined : `holds an invisible character (U+${hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
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
