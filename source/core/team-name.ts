import {toTerminalText} from './terminal-text.js';

export type TeamNameCheck = {ok: true; name: string; normalised: string} | {ok: false; reason: string};

const longest = 60;

/** Team names compare without case and with blanks collapsed: "Sales  EMEA" and "sales emea" are one team. */
export function normaliseTeamName(raw: string): string {
	return raw.trim().replaceAll(/\s+/g, ' ').toLowerCase();
}

export function checkTeamName(raw: string): TeamNameCheck {
	const name = toTerminalText(raw).trim().replaceAll(/\s+/g, ' ');
	if (name === '') {
		return {ok: false, reason: 'A team needs a name.'};
	}

	if (name.length > longest) {
		return {ok: false, reason: `A team name has at most ${longest} characters.`};
	}

	return {ok: true, name, normalised: normaliseTeamName(name)};
}
