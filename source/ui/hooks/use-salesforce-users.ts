import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import {mergeByName} from '../../core/user-order.js';
import type {AppServices, RetryNotice} from '../../app/app-services.js';
import type {UserPart} from '../../app/ports/salesforce-directory.js';

export type UsersLoad =
	/** `retry` while a batch that failed for a passing reason is asked again. */
	| {status: 'loading'; loaded: number; total: number | undefined; retry?: RetryNotice; apiCalls?: number; notice?: string}
	/** `at`: when the list arrived, so a view can say how old it is once the org stops answering; `apiCalls`: what the listing cost. */
	| {status: 'done'; loaded: number; total: number; at: Date; apiCalls?: number; notice?: string}
	/** `reconnect` when only connecting again can help (revoked or refused sessions). */
	| {status: 'failed'; loaded: number; total: number | undefined; message: string; reconnect: boolean; at: Date};

export type SalesforceUsers = {
	/** Grows in place as batches arrive; `load.loaded` tells a view that it changed. */
	users: readonly SalesforceUser[];
	load: UsersLoad;
	reload: () => void;
};

type Services = Pick<AppServices, 'fetchUsers' | 'describeError' | 'needsReconnect'>;

/** One streamed part of the org's users: appended in place, batch by batch, rather than copied. */
function usePartLoad(services: Services, part: UserPart, wanted: boolean, generation: number, attempt: number) {
	const users = useRef<SalesforceUser[]>([]);
	const [load, setLoad] = useState<UsersLoad>({status: 'loading', loaded: 0, total: undefined});

	useEffect(() => {
		users.current = [];
		setLoad({status: 'loading', loaded: 0, total: undefined});
	}, [generation]);

	useEffect(() => {
		if (!wanted) {
			return;
		}

		const controller = new AbortController();
		users.current = [];
		setLoad({status: 'loading', loaded: 0, total: undefined});
		let total: number | undefined;
		let apiCalls: number | undefined;
		// Why the listing went on over REST after the org refused Bulk, kept to show beside the count.
		let notice: string | undefined;

		services
			.fetchUsers(
				(batch, progress) => {
					if (controller.signal.aborted) {
						return;
					}

					for (const user of batch) {
						users.current.push(user);
					}

					total = progress.total;
					apiCalls = progress.apiCalls ?? apiCalls;
					setLoad({status: 'loading', loaded: users.current.length, total, apiCalls, notice});
				},
				controller.signal,
				(retry) => {
					if (!controller.signal.aborted) {
						setLoad({status: 'loading', loaded: users.current.length, total, retry, apiCalls, notice});
					}
				},
				part,
				(message) => {
					notice = message;
				},
			)
			.then(
				() => {
					if (!controller.signal.aborted) {
						setLoad({status: 'done', loaded: users.current.length, total: users.current.length, at: new Date(), apiCalls, notice});
					}
				},
				(error: unknown) => {
					if (!controller.signal.aborted) {
						setLoad({
							status: 'failed',
							loaded: users.current.length,
							total,
							message: services.describeError(error),
							reconnect: services.needsReconnect(error),
							at: new Date(),
						});
					}
				},
			);

		return () => {
			controller.abort();
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [attempt, generation, wanted]);

	return {users, load};
}

/** Two loads seen as one: failed if either failed, loading while either loads, counts added up. */
function combinedLoad(first: UsersLoad, second: UsersLoad): UsersLoad {
	const loaded = first.loaded + second.loaded;
	const total = first.total === undefined || second.total === undefined ? undefined : first.total + second.total;
	const calls = (load: UsersLoad) => (load.status === 'failed' ? undefined : load.apiCalls);
	const apiCalls = calls(first) === undefined && calls(second) === undefined ? undefined : (calls(first) ?? 0) + (calls(second) ?? 0);
	const notice = (first.status === 'failed' ? undefined : first.notice) ?? (second.status === 'failed' ? undefined : second.notice);
	const failed = first.status === 'failed' ? first : second.status === 'failed' ? second : undefined;
	if (failed) {
		return {...failed, loaded, total};
	}

	if (first.status === 'loading' || second.status === 'loading') {
		const retry = (first.status === 'loading' && first.retry) || (second.status === 'loading' && second.retry) || undefined;
		return {status: 'loading', loaded, total, apiCalls, notice, ...(retry ? {retry} : {})};
	}

	// Both parts are done here; the list is as old as the part that arrived last.
	const at = first.status === 'done' && second.status === 'done' && second.at > first.at ? second.at : (first as {at: Date}).at;
	return {status: 'done', loaded, total: loaded, at, apiCalls, notice};
}

/**
 * Loads the importable users of the org (active Standard users, asked of Salesforce in SOQL), batch by
 * batch, so the first page shows long before a large org has arrived; the rest of the org (inactive,
 * portal and system users) is fetched only once `showAll` asks for it, streamed the same way, and merged
 * into the list in name order.
 */
export function useSalesforceUsers(services: Services, generation = 0, showAll = false): SalesforceUsers {
	const [attempt, setAttempt] = useState(0);
	// Once asked for, the rest stays loaded while `h` hides and shows it again.
	const [restWanted, setRestWanted] = useState(showAll);
	useEffect(() => {
		if (showAll) {
			setRestWanted(true);
		}
	}, [showAll]);
	useEffect(() => {
		setRestWanted(showAll);
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [generation]);

	const importable = usePartLoad(services, 'importable', true, generation, attempt);
	const rest = usePartLoad(services, 'rest', restWanted, generation, attempt);

	const showRest = showAll && restWanted;
	// A merge is linear in the org: while a million-user rest streams in, merge in steps, not at every batch.
	const restStep = rest.load.status === 'loading' && rest.load.loaded > 10_000 ? Math.floor(rest.load.loaded / 50_000) : rest.load.loaded;
	const users = useMemo(
		() => (showRest ? mergeByName(importable.users.current, rest.users.current) : importable.users.current),
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[showRest, importable.load, restStep, rest.load.status, importable.users.current, rest.users.current],
	);

	const reload = useCallback(() => {
		setAttempt((value) => value + 1);
	}, []);

	return {users, load: showRest ? combinedLoad(importable.load, rest.load) : importable.load, reload};
}
