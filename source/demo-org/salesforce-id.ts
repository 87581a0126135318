// Salesforce ids count in base 62 with digits first, then upper case, then lower case.
const base62Digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const idShape = /^[a-zA-Z\d]{15}(?:[a-zA-Z\d]{3})?$/;

/**
 * The case-insensitive 18-character form of a 15-character id: each of three 3-letter suffix characters
 * records which of five characters of the 15 are upper case, so the id survives case-folding tools.
 */
export function toEighteenCharacterId(id15: string): string {
	let suffix = '';
	for (let chunk = 0; chunk < 3; chunk++) {
		let flags = 0;
		for (let index = 0; index < 5; index++) {
			const character = id15.charCodeAt(chunk * 5 + index);
			if (character >= 65 && character <= 90) {
				flags |= 1 << index;
			}
		}

		suffix += checksumAlphabet[flags];
	}

	return id15 + suffix;
}

/**
 * The 18-character id for a 15- or 18-character one, or null when it is not a Salesforce id
 * (wrong length, characters, or an 18-character suffix that does not match its first 15).
 */
export function normaliseSalesforceId(value: string): string | null {
	if (!idShape.test(value)) {
		return null;
	}

	const full = toEighteenCharacterId(value.slice(0, 15));
	if (value.length === 18 && value.slice(15).toUpperCase() !== full.slice(15)) {
		return null;
	}

	return full;
}

/**
 * Mints ids the way an org hands them out: key prefix (which object), two characters of pod, a reserved 0,
 * then a base-62 counter. Consecutive records get consecutive ids, as records created one after another do.
 */
export function idMinter(keyPrefix: string, pod: string, firstNumber: number): (index: number) => string {
	return (index) => toEighteenCharacterId(`${keyPrefix}${pod}0${toBase62(firstNumber + index, 9)}`);
}

function toBase62(value: number, width: number): string {
	let rest = Math.floor(value);
	let digits = '';
	while (rest > 0) {
		digits = base62Digits[rest % 62]! + digits;
		rest = Math.floor(rest / 62);
	}

	return digits.padStart(width, '0').slice(-width);
}
