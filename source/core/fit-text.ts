import {characterWidth, displayWidth} from './display-width.js';

export const ellipsis = '…';

/**
 * The one rule by which text is shortened to a column: whole characters while they fit, and `…` as the
 * last column when anything was left out, so a reader always sees that a name or an email goes on.
 */
export function fitText(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (displayWidth(text) <= width) {
		return text;
	}

	let kept = '';
	let used = 0;
	for (const character of text) {
		const next = characterWidth(character);
		if (used + next > width - 1) {
			break;
		}

		kept += character;
		used += next;
	}

	return kept + ellipsis;
}

/** fitText, then spaces up to the width, for columns laid out in one string. */
export function fitColumn(text: string, width: number): string {
	const fitted = fitText(text, width);
	return fitted + ' '.repeat(Math.max(0, width - displayWidth(fitted)));
}

/** The end of a text that is being typed, where the cursor is: `…` stands for the start left out. */
export function fitTextEnd(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (displayWidth(text) <= width) {
		return text;
	}

	const characters = [...text];
	let kept = '';
	let used = 0;
	for (let index = characters.length - 1; index >= 0; index--) {
		const character = characters[index]!;
		const next = characterWidth(character);
		if (used + next > width - 1) {
			break;
		}

		kept = character + kept;
		used += next;
	}

	return ellipsis + kept;
}

/**
 * The fullest wording of a status line that fits the width, from options given fullest first; the last
 * (shortest) when none fits, for the terminal to cut. A status line says less on a narrow terminal
 * instead of losing its end.
 */
export function firstThatFits<T>(options: readonly [T, ...T[]], width: number, textOf: (option: T) => string): T {
	return options.find((option) => displayWidth(textOf(option)) <= width) ?? options.at(-1)!;
}
