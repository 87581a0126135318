import type {IncomingMessage} from 'node:http';
import {RestError} from './rest-error.js';

const maximumBody = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maximumBody) {
			throw new RestError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is too large.');
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks);
}

/**
 * The parameters of a form post. jsforce sends `application/x-www-form-urlencoded`; the Salesforce CLI's
 * device login sends `multipart/form-data`, which Salesforce accepts as well, so both are read.
 */
export async function readFormParameters(request: IncomingMessage): Promise<URLSearchParams> {
	const body = await readBody(request);
	const type = request.headers['content-type'] ?? '';
	if (!/^multipart\/form-data\b/i.test(type)) {
		return new URLSearchParams(body.toString('utf8'));
	}

	try {
		// The fetch API's Request parses multipart bodies; only text fields matter to an OAuth endpoint.
		const form = await new Request('http://demo.invalid/', {method: 'POST', headers: {'content-type': type}, body: new Uint8Array(body)}).formData();
		const params = new URLSearchParams();
		for (const [name, value] of form) {
			if (typeof value === 'string') {
				params.append(name, value);
			}
		}

		return params;
	} catch {
		return new URLSearchParams();
	}
}

/** A JSON request body (Bulk API 2.0 job requests); anything else is the JSON_PARSER_ERROR Salesforce answers. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
	const text = (await readBody(request)).toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new RestError(400, 'JSON_PARSER_ERROR', 'The request body is not valid JSON.');
	}
}
