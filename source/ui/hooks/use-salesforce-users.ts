import {useCallback, useEffect, useRef, useState} from 'react';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import type {AppServices, RetryNotice} from '../app-services.js';

export type UsersLoad =
	/** `retry` while a batch that failed for a passing reason is asked again. */
	| {status: 'loading'; loaded: number; total: number | undefined; retry?: RetryNotice}
	/** `at`: when the list arrived, so a view can say how old it is once the org stops answering. */
	| {status: 'done'; loaded: number; total: number; at: Date}
	/** `reconnect` when only connecting again can help (revoked or refused sessions). */
	| {status: 'failed'; loaded: number; total: number | undefined; message: string; reconnect: boolean; at: Date};

export type SalesforceUsers = {
	/** Grows in place as batches arrive; `load.loaded` tells a view that it changed. */
	users: readonly SalesforceUser[];
	load: UsersLoad;
	reload: () => void;
};

/**
 * Loads every user of the org, batch by batch, so the first page can show long before a
 * 100,000-user org has arrived. Batches are appended to one array rather than copied.
 */
export function useSalesforceUsers(services: Pick<AppServices, 'fetchUsers' | 'describeError' | 'needsReconnect'>, generation = 0): SalesforceUsers {
	const users = useRef<SalesforceUser[]>([]);
	const [load, setLoad] = useState<UsersLoad>({status: 'loading', loaded: 0, total: undefined});
	const [attempt, setAttempt] = useState(0);

	useEffect(() => {
		const controller = new AbortController();
		users.current = [];
		setLoad({status: 'loading', loaded: 0, total: undefined});
		let total: number | undefined;

		services
			.fetchUsers((batch, progress) => {
				if (controller.signal.aborted) {
					return;
				}

				for (const user of batch) {
					users.current.push(user);
				}

				total = progress.total;
				setLoad({status: 'loading', loaded: users.current.length, total});
			}, controller.signal, (retry) => {
				if (!controller.signal.aborted) {
					setLoad({status: 'loading', loaded: users.current.length, total, retry});
				}
			})
			.then(
				() => {
					if (!controller.signal.aborted) {
						setLoad({status: 'done', loaded: users.current.length, total: users.current.length, at: new Date()});
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
	}, [attempt, generation]);

	const reload = useCallback(() => {
		setAttempt((value) => value + 1);
	}, []);

	return {users: users.current, load, reload};
}
