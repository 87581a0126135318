import type {Key} from 'ink';

/** One key, or a run of printable characters that a text field takes whole and a list takes one by one. */
export type Keypress = {
	input: string;
	key: Key;
	/** A run of printable characters (typed ahead, pasted): text in a field, several keys elsewhere. */
	text: boolean;
};

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

const namedFlags = [
	'upArrow',
	'downArrow',
	'leftArrow',
	'rightArrow',
	'pageDown',
	'pageUp',
	'home',
	'end',
	'return',
	'escape',
	'ctrl',
	'tab',
	'backspace',
	'delete',
	'meta',
	'super',
	'hyper',
] as const satisfies ReadonlyArray<keyof Key>;

/** A printable character as ink reports it when it arrives alone (an upper-case letter carries shift). */
export function printableKey(character: string): Key {
	return {...noKey, shift: /^[A-Z]$/.test(character)};
}

/** What ink reports for a control character that arrives alone (Enter, Tab, Backspace, Ctrl+letter). */
function controlKey(character: string): Keypress {
	switch (character) {
		case '\r':
		case '\n': {
			return {input: '', key: {...noKey, return: true}, text: false};
		}

		case '\t': {
			return {input: '', key: {...noKey, tab: true}, text: false};
		}

		case '\b': {
			return {input: '', key: {...noKey, backspace: true}, text: false};
		}

		case '\u007F': {
			return {input: '', key: {...noKey, delete: true}, text: false};
		}

		default: {
			// Ctrl+A … Ctrl+Z arrive as 0x01 … 0x1A; ink names them by their letter.
			const code = character.codePointAt(0) ?? 0;
			const letter = code >= 1 && code <= 26 ? String.fromCodePoint(code + 96) : '';
			return {input: letter, key: {...noKey, ctrl: letter !== ''}, text: false};
		}
	}
}

const isControl = (character: string) => character < ' ' || character === '\u007F';

const escapeKey: Keypress = {input: '', key: {...noKey, escape: true, meta: true}, text: false};

/**
 * A terminal sends Alt+key as Esc followed by the key, so Esc typed just before a key (over SSH, or by
 * tmux) arrives looking like Alt+key. The app binds nothing to Alt, so such a key is what it most likely
 * was: Esc, then the key, each acting in turn. (Two Esc in one read cannot be told from one; ink reports
 * both as one Esc.)
 */
function escThenKey(input: string, key: Key): Keypress[] | undefined {
	if (!key.meta || key.escape || key.ctrl) {
		return undefined;
	}

	const characters = [...input];
	if (characters.length === 1 && !isControl(input)) {
		return [escapeKey, {input, key: printableKey(input), text: true}];
	}

	const named = namedFlags.filter((flag) => flag !== 'meta' && key[flag]);
	if (input === '' && named.length > 0) {
		return [escapeKey, {input, key: {...key, meta: false}, text: false}];
	}

	return undefined;
}

/**
 * Ink 6 splits what it reads only around escape sequences, so several keys typed ahead, pasted or sent
 * by tmux (`jjj`, ` j j`, `n\r`, `\t\t`) reach a handler as one input. This splits such an input into
 * its keys, in order: each control character is a key of its own, each run of printable characters a
 * text run. An input ink recognised as one key (an arrow, Enter, Alt+letter) is left as it is.
 */
export function splitKeys(input: string, key: Key): Keypress[] {
	const typedAfterEsc = escThenKey(input, key);
	if (typedAfterEsc) {
		return typedAfterEsc;
	}

	const characters = [...input];
	if (characters.length <= 1 || namedFlags.some((flag) => key[flag])) {
		return [{input, key, text: characters.length === 1 && !isControl(input) && !namedFlags.some((flag) => key[flag])}];
	}

	const keypresses: Keypress[] = [];
	let run = '';
	for (let index = 0; index < characters.length; index++) {
		const character = characters[index]!;
		if (!isControl(character)) {
			run += character;
			continue;
		}

		if (run !== '') {
			keypresses.push({input: run, key: printableKey(run), text: true});
			run = '';
		}

		// A pasted line ending is one Enter, whichever the terminal sent.
		if (character === '\r' && characters[index + 1] === '\n') {
			index++;
		}

		keypresses.push(controlKey(character));
	}

	if (run !== '') {
		keypresses.push({input: run, key: printableKey(run), text: true});
	}

	return keypresses;
}

/** The first key of a text run and what is left of it. */
export function firstOfRun(run: Keypress): {first: Keypress; rest: Keypress | undefined} {
	const [head = '', ...tail] = [...run.input];
	const rest = tail.join('');
	return {
		first: {input: head, key: printableKey(head), text: true},
		rest: rest === '' ? undefined : {input: rest, key: printableKey(rest), text: true},
	};
}
