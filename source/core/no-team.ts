import {formatCount} from './number-format.js';

/**
 * SalesScreen counts a person's sales activity only through a team: someone on no team competes in nothing,
 * whatever they sell. Every place that shows such people says so in these words.
 */
export const noTeamConsequence = 'on no team: their sales activity is not counted';

/** `3 people are on no team: their sales activity is not counted`. */
export function noTeamSentence(count: number, who = 'people'): string {
	return count === 1 && who === 'people' ? `1 person is ${noTeamConsequence}` : `${formatCount(count)} ${who} ${count === 1 ? 'is' : 'are'} ${noTeamConsequence}`;
}

/** What places them, from a command line: People's key, or the settings that place people as they come. */
export const placeFromCommandLine = 'put them on a team on Manage › People (t), or let sync place new people: salesscreen settings set team-from-salesforce role|department, or set default-team NAME';

/** After a run: `3 of the people this run created or mapped are on no team: …`, with what places them. */
export function runNoTeamLine(count: number, howToPlace: string): string {
	return `${formatCount(count)} of the people this run created or mapped ${count === 1 ? 'is' : 'are'} ${noTeamConsequence}; ${howToPlace}.`;
}
