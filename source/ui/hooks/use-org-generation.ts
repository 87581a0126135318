import {useEffect, useState} from 'react';
import type {AppServices} from '../../app/app-services.js';

/** Counts the times the app was switched to another org, so that what was loaded from the old one is loaded again. */
export function useOrgGeneration(services: Pick<AppServices, 'onOrgChange'>): number {
	const [generation, setGeneration] = useState(0);
	useEffect(
		() =>
			services.onOrgChange(() => {
				setGeneration((value) => value + 1);
			}),
		[services],
	);
	return generation;
}
