import {displayEmail, emailProblem, isPlausibleEmail, normaliseEmail} from './email.js';
import {toTerminalText} from './terminal-text.js';

export type PersonInput = {name: string; email: string; title?: string | null};

export type CheckedPerson = {name: string; email: string; emailNormalised: string; title: string | null};

export type PersonCheck = {ok: true; person: CheckedPerson} | {ok: false; field: 'name' | 'email'; reason: string};

/** A person typed in by hand: a name, and an email that works as a SalesScreen login. */
export function checkPerson(input: PersonInput): PersonCheck {
	const name = toTerminalText(input.name).trim();
	if (name === '') {
		return {ok: false, field: 'name', reason: 'A person needs a name.'};
	}

	const problem = emailProblem(input.email);
	if (problem !== undefined) {
		return {ok: false, field: 'email', reason: `"${toTerminalText(input.email)}" ${problem}: type it again.`};
	}

	const email = displayEmail(toTerminalText(input.email));
	const emailNormalised = normaliseEmail(email);
	if (email === null || emailNormalised === null) {
		return {ok: false, field: 'email', reason: 'A person needs an email: it is their SalesScreen login.'};
	}

	if (!isPlausibleEmail(emailNormalised)) {
		return {ok: false, field: 'email', reason: `"${email}" is not an email address.`};
	}

	const title = toTerminalText(input.title ?? '').trim();
	return {ok: true, person: {name, email, emailNormalised, title: title === '' ? null : title}};
}

// POSIX logins and Windows account names alike: no blanks, no control characters, no path separators but DOMAIN\user.
const plausibleLogin = /^[^\s/:@\p{Cc}]{1,64}$/u;

/** The OS login an admin runs the app as; null when it cannot be one. */
export function checkOsLogin(raw: string): string | null {
	const login = raw.trim();
	return plausibleLogin.test(login) ? login : null;
}
