/**
 * The REST API versions the demo org answers to, as a current org does: Salesforce retired 30.0 and older
 * in 2025, and Winter '27 (68.0) is the release in production since October 2026.
 */
export const oldestApiVersion = 31;
export const latestApiVersion = 68;

export type ApiVersionEntry = {label: string; url: string; version: string};

/** Three releases a year, named after the season and the year they lead into: 20.0 was Winter '11. */
function releaseLabel(major: number): string {
	const step = major - 20;
	const season = ['Winter', 'Spring', 'Summer'][((step % 3) + 3) % 3]!;
	const year = 11 + Math.floor(step / 3);
	return `${season} '${String(year).padStart(2, '0')}`;
}

export function apiVersions(): ApiVersionEntry[] {
	const entries: ApiVersionEntry[] = [];
	for (let major = oldestApiVersion; major <= latestApiVersion; major++) {
		entries.push({label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0`});
	}

	return entries;
}

/** `62.0` for a served version, undefined for anything else (`62`, `99.0`, `abc`). */
export function servedVersion(text: string): string | undefined {
	const match = /^(\d+)\.0$/.exec(text);
	const major = match ? Number(match[1]) : Number.NaN;
	return major >= oldestApiVersion && major <= latestApiVersion ? `${major}.0` : undefined;
}

/**
 * The resource map `GET /services/data/vXX.X/` answers: relative URLs, except the absolute identity URL.
 * Only the resources the demo org serves are listed, so that a client that follows the map finds each one.
 */
export function versionResources(version: string, identityUrl: string): Record<string, string> {
	const base = `/services/data/v${version}`;
	const resources: Record<string, string> = {};
	for (const name of ['jobs', 'limits', 'query', 'queryAll', 'sobjects']) {
		resources[name] = `${base}/${name}`;
	}

	resources.identity = identityUrl;
	return resources;
}
