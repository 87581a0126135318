/** Problems with how the demo org was asked to start or to behave (options, port, test hooks). */
export class DemoOrgError extends Error {
	override name = 'DemoOrgError';
}
