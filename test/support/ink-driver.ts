import type {render} from 'ink-testing-library';

type Rendered = ReturnType<typeof render>;

const tick = async () =>
	new Promise<void>((resolve) => {
		setImmediate(() => {
			setTimeout(resolve, 0);
		});
	});

/**
 * Drives a rendered ink tree the way a person would: a key at a time, then waiting for the
 * screen to show what that key should have caused.
 */
export function inkDriver(rendered: Rendered) {
	const frame = () => rendered.lastFrame() ?? '';
	let beforeKeys: string | undefined;

	async function waitFor(expected: string | RegExp | ((frame: string) => boolean), timeout = 10_000): Promise<string> {
		const matches =
			typeof expected === 'function'
				? expected
				: (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
		// SALESSCREEN_AUDIT_WAITS=1 names each wait the screen met before the keys it follows were pressed:
		// such a wait cannot fail, whatever the keys did.
		if (process.env.SALESSCREEN_AUDIT_WAITS && beforeKeys !== undefined && matches(beforeKeys)) {
			const where = new Error('wait').stack!.split('\n').find((line) => line.includes('.test.'));
			console.error(`A wait met before its keys: ${String(expected)} ${where?.trim() ?? ''}\nBefore the keys:\n${beforeKeys}\nNow:\n${frame()}`);
		}

		beforeKeys = undefined;
		const deadline = Date.now() + timeout;
		while (Date.now() < deadline) {
			if (matches(frame())) {
				return frame();
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 10);
			});
		}

		throw new Error(`Timed out waiting for ${String(expected)}. The screen shows:\n${frame()}`);
	}

	async function press(...sequence: string[]): Promise<void> {
		beforeKeys ??= frame();
		for (const key of sequence) {
			rendered.stdin.write(key);
			// eslint-disable-next-line no-await-in-loop
			await tick();
			// eslint-disable-next-line no-await-in-loop
			await tick();
		}
	}

	async function type(text: string): Promise<void> {
		await press(...text);
	}

	return {frame, waitFor, press, type};
}

/** Sidebar › Integrations › Salesforce (Manage): the dashboard's Overview tab, once its actions listen. */
export async function openSalesforceDashboard(driver: ReturnType<typeof inkDriver>): Promise<string> {
	await driver.waitFor('Enter open');
	await driver.press('\r');
	await driver.waitFor('Enter Manage');
	await driver.press('\r');
	return driver.waitFor('Test connection');
}
