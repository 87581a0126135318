// ANSI escape sequences (CSI, OSC and two-character escapes) first, so that no half of one survives.
const escapeSequence = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[@-Z\\-_])/g;
const loneSurrogate = /\p{Cs}/gu;
const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2066-\u2069]/g;

/**
 * Text from Salesforce ends up on an admin's terminal; a name holding an escape sequence
 * could move the cursor, change colours or retitle the window. Remove everything that is not printable.
 */
export function toTerminalText(value: string | null | undefined): string {
	if (!value) {
		return '';
	}

	// A lone surrogate is no character: shown (and stored) as U+FFFD rather than as invalid UTF-8.
	return value.replace(escapeSequence, '').replace(controlCharacter, '').replace(loneSurrogate, '\uFFFD');
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

/**
 * Text of several lines for a terminal, made safe as toTerminalText makes one line, keeping its line breaks
 * and tabs: for messages that repeat what a user typed (an unknown flag, a login that cannot be one).
 */
export function toTerminalLines(value: string): string {
	return value
		.split('\n')
		.map((line) => line.split('\t').map((cell) => toTerminalText(cell)).join('\t'))
		.join('\n');
}
