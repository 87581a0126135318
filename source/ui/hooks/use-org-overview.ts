import {useCallback, useEffect, useState} from 'react';
import type {AppServices, OrgOverview, RetryNotice} from '../../app/app-services.js';

export type OverviewState =
	| {status: 'loading'; retry?: RetryNotice}
	| {status: 'ready'; overview: OrgOverview}
	| {status: 'failed'; message: string; reconnect: boolean; at: Date};

export type OrgOverviewLoad = {state: OverviewState; reload: () => void};

/** Who the app is connected as, and with which rights; read again on reload and when the org changes. */
export function useOrgOverview(services: Pick<AppServices, 'fetchOverview' | 'describeError' | 'needsReconnect'>, generation: number): OrgOverviewLoad {
	const [state, setState] = useState<OverviewState>({status: 'loading'});
	const [attempt, setAttempt] = useState(0);

	useEffect(() => {
		let current = true;
		setState({status: 'loading'});
		services
			.fetchOverview((retry) => {
				if (current) {
					setState({status: 'loading', retry});
				}
			})
			.then(
				(overview) => {
					if (current) {
						setState({status: 'ready', overview});
					}
				},
				(error: unknown) => {
					if (current) {
						setState({status: 'failed', message: services.describeError(error), reconnect: services.needsReconnect(error), at: new Date()});
					}
				},
			);
		return () => {
			current = false;
		};
	}, [services, attempt, generation]);

	const reload = useCallback(() => {
		setAttempt((value) => value + 1);
	}, []);

	return {state, reload};
}
