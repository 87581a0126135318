import {SalesforceFailure} from './salesforce-failure.js';
import {answerPreview} from './unexpected-answer.js';

export const bulkThresholdVariable = 'SALESSCREEN_BULK_THRESHOLD';

/**
 * Above how many users a listing reads the rest of the org with a Bulk API 2.0 job, as set in the
 * environment (a whole number, or `never` to stay on the REST query); unset: the listing's default. An
 * admin whose org refuses Bulk can turn it off instead of paying the refused call each time.
 */
export function bulkThresholdFromEnvironment(env: NodeJS.ProcessEnv): number | undefined {
	const raw = env[bulkThresholdVariable]?.trim();
	if (raw === undefined || raw === '') {
		return undefined;
	}

	if (raw.toLowerCase() === 'never') {
		return Number.POSITIVE_INFINITY;
	}

	if (!/^\d+$/.test(raw)) {
		throw new SalesforceFailure('INVALID_LIMIT', `${bulkThresholdVariable}="${answerPreview(raw, 40)}" is not a number of users; give one such as 50000, or never.`, false);
	}

	return Number(raw);
}
