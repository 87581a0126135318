import {characterWidth, displayWidth} from './display-width.js';

/**
 * A paragraph broken into lines of at most `width` columns, at spaces where it can be and inside a word
 * only when the word alone is wider than a line (a long email, say). No word is lost or shortened.
 * A paragraph's indent is kept on each of its lines, so an indented item reads as one.
 */
export function wrapText(text: string, width: number): string[] {
	const limit = Math.max(1, width);
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		// Leading spaces are the paragraph's indent, kept on its first line.
		const indent = /^ */.exec(paragraph)![0];
		const words = paragraph.slice(indent.length).split(/ +/).filter((word) => word !== '');
		// An indent that leaves less than half a line for words is not repeated.
		const hanging = displayWidth(indent) * 2 <= limit ? indent : '';
		const hangingWidth = displayWidth(hanging);
		let line = indent;
		let used = displayWidth(indent);
		if (words.length === 0) {
			lines.push('');
			continue;
		}

		for (const word of words) {
			const wordWidth = displayWidth(word);
			const gap = line.trim() === '' ? 0 : 1;
			if (used + gap + wordWidth <= limit) {
				line += (gap ? ' ' : '') + word;
				used += gap + wordWidth;
				continue;
			}

			if (line.trim() !== '') {
				lines.push(line);
				line = hanging;
				used = hangingWidth;
			}

			// A word wider than a whole line is broken, character by character.
			for (const character of word) {
				const next = characterWidth(character);
				if (used + next > limit && line.trim() !== '') {
					lines.push(line);
					line = hanging;
					used = hangingWidth;
				}

				line += character;
				used += next;
			}
		}

		lines.push(line);
	}

	return lines;
}
