import type {OrgOverview} from '../salesforce/org-overview.js';
import {formatCount} from '../core/number-format.js';
import {toTerminalText} from '../core/terminal-text.js';

/** The facts of a connection as lines of text, tokens never among them. */
export function describeOrgOverview(overview: OrgOverview): string {
	const rights = overview.adminRights;
	const lines = [
		['Org', `${toTerminalText(overview.orgName)} (${overview.orgId}), ${overview.isSandbox ? 'sandbox' : 'production'}`],
		['Instance URL', overview.instanceUrl],
		['Connected user', `${toTerminalText(overview.displayName)} <${toTerminalText(overview.username)}>`],
		['Admin rights', rights.authorized ? `yes (${rights.grantedBy.join(', ')})` : 'NO: import is blocked'],
		['API usage', overview.apiUsage ? `${formatCount(overview.apiUsage.used)} of ${formatCount(overview.apiUsage.max)} calls in the last 24 hours` : 'not reported'],
	];
	return `${lines.map(([label, value]) => `  ${label!.padEnd(16)}${value}`).join('\n')}\n`;
}
