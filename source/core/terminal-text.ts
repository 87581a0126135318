// ANSI escape sequences (CSI, OSC and two-character escapes) first, so that no half of one survives.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * Text from Salesforce ends up on an admin's terminal; a name holding an escape sequence
 * could move the cursor, change colours or retitle the window. Remove everything that is not printable.
 */
export function toTerminalText(value: string | null | undefined): string {
	if (!value) {
		return '';
	}

	return value.replace(escapeSequence, '').replace(controlCharacter, '');
}

/**
 * What a text field holds after the terminal sent `input`: keys typed quickly, or pasted, arrive as one
 * string, so a backspace (DEL) inside it removes a character, and other control characters and line
 * breaks never enter a one-line value.
 */
export function typeInto(value: string, input: string): string {
	let next = value;
	for (const character of input) {
		if (character === '\u007F' || character === '\b') {
			next = next.slice(0, -1);
		} else if (character >= ' ') {
			next += character;
		}
	}

	return next;
}
