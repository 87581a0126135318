import {DemoOrgError} from './demo-org-error.js';

/** Approves or denies a device's user code; throws a DemoOrgError saying why it cannot. */
export type DeviceDecision = (userCode: string, options: {username?: string; deny?: boolean}) => {username: string} | undefined;

export type HtmlReply = {status: number; html: string};

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} | Demo org</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

function form(userCode: string, username: string): string {
	return `<form method="post" action="/setup/connect">
<p><label>Code <input name="user_code" value="${escapeHtml(userCode)}" autocomplete="off" required></label></p>
<p><label>Username <input name="username" value="${escapeHtml(username)}" placeholder="the demo administrator"></label></p>
<p><button name="action" value="approve">Approve</button> <button name="action" value="deny">Deny</button></p>
</form>`;
}

/**
 * `GET /setup/connect`: where Salesforce's device flow sends a person to enter the code their device shows.
 * The demo org has no login: the person says which user to approve as (the administrator when left empty).
 */
export function connectPage(userCode: string | null): HtmlReply {
	return {status: 200, html: page('Connect a device', `<p>Enter the code your device shows.</p>\n${form(userCode ?? '', '')}`)};
}

/** `POST /setup/connect` (form fields user_code, username, action=approve|deny). */
export function submitConnectForm(params: URLSearchParams, decide: DeviceDecision): HtmlReply {
	const userCode = params.get('user_code') ?? '';
	const username = params.get('username')?.trim() ?? '';
	const action = params.get('action') ?? 'approve';
	if (action !== 'approve' && action !== 'deny') {
		return {status: 400, html: page('Connect a device', `<p>Unknown action "${escapeHtml(action)}": approve or deny.</p>\n${form(userCode, username)}`)};
	}

	try {
		const approved = decide(userCode, {username: username === '' ? undefined : username, deny: action === 'deny'});
		return approved
			? {status: 200, html: page('Device approved', `<p>The device can now sign in as ${escapeHtml(approved.username)}. You can close this page.</p>`)}
			: {status: 200, html: page('Device denied', '<p>The device was refused access. You can close this page.</p>')};
	} catch (error: unknown) {
		if (error instanceof DemoOrgError) {
			return {status: 400, html: page('Connect a device', `<p>${escapeHtml(error.message)}</p>\n${form(userCode, username)}`)};
		}

		throw error;
	}
}
