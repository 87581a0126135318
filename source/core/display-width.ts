// Wide (two-column) ranges of the common scripts and emoji: CJK, Hangul, kana, full-width forms.
const wide =
	/[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;
// Combining marks and zero-width characters take no column of their own.
const zero = /[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u0610-\u061A\u064B-\u065F\u200B-\u200F\u20D0-\u20FF\uFE00-\uFE0F\uFE20-\uFE2F]/u;

/** Columns one character takes on a terminal. */
export function characterWidth(character: string): number {
	if (zero.test(character)) {
		return 0;
	}

	return wide.test(character) ? 2 : 1;
}

/** Columns a line of (escape-free) text takes on a terminal. */
export function displayWidth(text: string): number {
	let width = 0;
	for (const character of text) {
		width += characterWidth(character);
	}

	return width;
}
