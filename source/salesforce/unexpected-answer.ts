import type {z} from 'zod';
import {toTerminalText} from '../core/terminal-text.js';
import {SalesforceFailure} from './salesforce-failure.js';

/** What the app asked, in words, and of whom: "a page of the org's users" from https://acme.my.salesforce.com. */
export type AskedFor = {target: string; asked: string};

/**
 * The first bytes of an answer, for a message: on one line, without escape sequences or control
 * characters, so that a hostile or broken server cannot retitle the admin's terminal through an error.
 */
export function answerPreview(text: string, length = 80): string {
	const flat = toTerminalText(text.slice(0, length * 4).replace(/\s+/g, ' ')).trim();
	return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

type AnswerFacts = {status: number; contentType: string | null; text: string};

function whatCameBack({status, contentType, text}: AnswerFacts): string {
	const size = Buffer.byteLength(text);
	const parts = [`HTTP ${status}`, toTerminalText(contentType) || 'no content type', `${size.toLocaleString('en-US')} byte${size === 1 ? '' : 's'}`];
	return size === 0 ? parts.join(', ') : `${parts.join(', ')}, starting "${answerPreview(text)}"`;
}

const checkTheUrl = "check that the instance URL is the org's own (e.g. https://acme.my.salesforce.com) and that no proxy or sign-in page stands in between";

/** Turns a body that is not the JSON asked for into a failure in words, or returns the parsed value. */
export function parseAnswer<T>(request: AskedFor, answer: AnswerFacts, schema: z.ZodType<T>): T {
	const {target, asked} = request;
	const cameBack = whatCameBack(answer);
	if (answer.text.trim() === '') {
		throw new SalesforceFailure('EMPTY_ANSWER', `Asked ${target} for ${asked} and got an empty answer (${cameBack}); ${checkTheUrl}.`, false);
	}

	let body: unknown;
	try {
		body = JSON.parse(answer.text);
	} catch {
		const html = /html/i.test(answer.contentType ?? '') || /^\s*</.test(answer.text);
		throw html
			? new SalesforceFailure('HTML_ANSWER', `Asked ${target} for ${asked} and got a web page instead of Salesforce's JSON (${cameBack}); ${checkTheUrl}.`, false)
			: new SalesforceFailure('NOT_JSON', `Asked ${target} for ${asked} and got an answer that is not valid JSON (${cameBack}); ${checkTheUrl}.`, false);
	}

	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		throw new SalesforceFailure(
			'UNEXPECTED_ANSWER',
			`Asked ${target} for ${asked} and got JSON that is not what Salesforce sends (${describeIssue(parsed.error)}; ${cameBack}); ${checkTheUrl}.`,
			false,
		);
	}

	return parsed.data;
}

/** The first thing wrong, where: `records[0].Id: expected a string, got a number`. */
export function describeIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) {
		return 'unexpected content';
	}

	const where = issue.path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
	const reason = toTerminalText(issue.message).replace(/^Invalid input: /, '');
	return where ? `${toTerminalText(where)}: ${reason}` : reason;
}
