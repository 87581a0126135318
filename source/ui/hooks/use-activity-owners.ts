import {useEffect, useState} from 'react';
import type {ActivityOwners, ActivityScope} from '../../core/sync-scope.js';

export type ActivityOwnersState = {status: 'off'} | {status: 'reading'} | {status: 'read'; owners: ActivityOwners} | {status: 'failed'; reason: string};

/**
 * The owners of recent sales activity the scope asks about, read from the org again whenever the
 * objects or days change, so that the count of users in scope follows the activity scope too.
 */
export function useActivityOwners(
	activity: ActivityScope | null | undefined,
	read: (activity: ActivityScope, signal: AbortSignal) => Promise<ActivityOwners>,
	describeError: (error: unknown) => string,
): ActivityOwnersState {
	const key = activity ? `${activity.objects.join(',')}:${activity.days}` : '';
	const [state, setState] = useState<ActivityOwnersState>(activity ? {status: 'reading'} : {status: 'off'});
	useEffect(() => {
		if (!activity) {
			setState({status: 'off'});
			return undefined;
		}

		const controller = new AbortController();
		setState({status: 'reading'});
		read(activity, controller.signal).then(
			(owners) => {
				if (!controller.signal.aborted) {
					setState({status: 'read', owners});
				}
			},
			(error: unknown) => {
				if (!controller.signal.aborted) {
					setState({status: 'failed', reason: describeError(error)});
				}
			},
		);
		return () => {
			controller.abort();
		};
		// The key stands for the activity scope: a new object with the same objects and days asks nothing again.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key]);
	return state;
}

/** The owners a count can use: undefined while unknown. */
export function ownersOf(state: ActivityOwnersState): ActivityOwners | undefined {
	return state.status === 'read' ? state.owners : undefined;
}
