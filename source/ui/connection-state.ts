import type {OverviewState} from './hooks/use-org-overview.js';
import type {UsersLoad} from './hooks/use-salesforce-users.js';

/**
 * The org's connection as the app knows it, from the connection check and the user listing together:
 * the header, Overview and the Users tab all read this one value, so they never disagree.
 */
export type ConnectionState =
	| {kind: 'failed'; message: string; reconnect: boolean; since: Date}
	| {kind: 'retrying'; reason: string; attempt: number; attempts: number}
	| {kind: 'connecting'}
	| {kind: 'loading-users'}
	| {kind: 'checking'}
	| {kind: 'no-admin'; reason: string | undefined}
	| {kind: 'connected'};

export function connectionState(check: OverviewState, load: UsersLoad): ConnectionState {
	// The later failure is the one that says how things are now.
	const failures = [check.status === 'failed' ? check : undefined, load.status === 'failed' ? load : undefined]
		.filter((failure) => failure !== undefined)
		.sort((a, b) => b.at.getTime() - a.at.getTime());
	const failure = failures[0];
	if (failure) {
		return {kind: 'failed', message: failure.message, reconnect: failures.some((each) => each.reconnect), since: failures.at(-1)!.at};
	}

	const retry = (check.status === 'loading' ? check.retry : undefined) ?? (load.status === 'loading' ? load.retry : undefined);
	if (retry) {
		return {kind: 'retrying', reason: retry.reason, attempt: retry.attempt, attempts: retry.attempts};
	}

	if (load.status === 'loading') {
		return load.loaded === 0 ? {kind: 'connecting'} : {kind: 'loading-users'};
	}

	if (check.status !== 'ready') {
		return {kind: 'checking'};
	}

	return check.overview.adminRights.authorized ? {kind: 'connected'} : {kind: 'no-admin', reason: check.overview.adminRights.reason};
}

/** The header's few words for it. */
export function connectionHeadline(state: ConnectionState): {text: string; color: string} {
	switch (state.kind) {
		case 'failed': {
			return {text: state.reconnect ? 'session refused · reconnect' : 'not working', color: 'red'};
		}

		case 'retrying': {
			return {text: `retrying (${state.attempt} of ${state.attempts})`, color: 'yellow'};
		}

		case 'connecting': {
			return {text: 'connecting…', color: 'yellow'};
		}

		case 'loading-users': {
			return {text: 'connected · loading users', color: 'yellow'};
		}

		case 'checking': {
			return {text: 'checking…', color: 'yellow'};
		}

		case 'no-admin': {
			return {text: 'connected · no admin rights', color: 'red'};
		}

		case 'connected': {
			return {text: 'connected', color: 'green'};
		}
	}
}

/** A time of this run, to the second, as Overview writes its times. */
export function clockTime(at: Date): string {
	return at.toLocaleTimeString('en-GB');
}
