import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {render} from 'ink';
import React from 'react';
import {openConnection} from '../salesforce/connection.js';
import {fetchSalesforceUsers, userQuery} from '../salesforce/user-source.js';
import {openSession, type Session} from '../session.js';
import {App} from '../ui/app.js';
import {FrameWriter} from '../ui/frame-writer.js';
import {FakeKeyboard, FakeTerminalOutput} from './fake-terminal.js';
import {measureStartUp, type StartUpMeasurement} from './start-up-bench.js';
import {importBenchSizes, measureBaseline, measureRunImport, type ImportMeasurement} from './import-bench.js';
import {benchPostgresServer, measureBaselineOnPostgres, measureRunImportOnPostgres} from './postgres-import-bench.js';

/*
 * npm run bench: the numbers issue targets are about, each beside a baseline measured in this same run.
 * The demo org runs in its own process so that its 100,000 records do not count against the app's memory.
 */

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
/** The heap flags the salesscreen binary runs with (its first line, and npm start). */
const appNodeFlags = ['--max-semi-space-size=2', '--max-old-space-size=1024'];
const keys = {down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', space: ' ', tab: '\t', enter: '\r'};

type DemoProcess = {instanceUrl: string; accessToken: string; stop: () => void};

async function startDemoOrgProcess(users: number): Promise<DemoProcess> {
	const child = spawn(process.execPath, [cli, 'demo-org', '--users', String(users), '--json'], {stdio: ['ignore', 'pipe', 'inherit']});
	const line = await new Promise<string>((resolve, reject) => {
		let buffered = '';
		child.stdout.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			const end = buffered.indexOf('\n');
			if (end >= 0) {
				resolve(buffered.slice(0, end));
			}
		});
		child.once('exit', (code) => {
			reject(new Error(`demo org exited with ${code}`));
		});
	});
	const {instanceUrl, accessToken} = JSON.parse(line) as {instanceUrl: string; accessToken: string};
	return {instanceUrl, accessToken, stop: () => child.kill('SIGTERM')};
}

/** Progress goes to stderr so that stdout holds only the results. */
const note = (message: string) => process.stderr.write(`… ${message}\n`);

const milliseconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function percentile(values: number[], share: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

/** Connect → first batch of users (enough for the first page), through the app's Salesforce adapter and through a bare fetch. */
async function timeToFirstPage(org: DemoProcess) {
	// One untimed query first: the demo org sorts its users on the first query, which neither path should pay.
	const warmUp = await fetch(`${org.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(userQuery)}`, {headers: {Authorization: `Bearer ${org.accessToken}`}});
	await warmUp.json();
	const viaApp = process.hrtime.bigint();
	const controller = new AbortController();
	let firstPage = Number.NaN;
	const connection = openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
	const all = fetchSalesforceUsers(connection, {
		signal: controller.signal,
		onBatch() {
			if (Number.isNaN(firstPage)) {
				firstPage = milliseconds(viaApp);
			}
		},
	});
	await all;
	const allUsers = milliseconds(viaApp);

	const viaFetch = process.hrtime.bigint();
	// The app's own query, so that the baseline asks for exactly the same fields.
	const soql = userQuery;
	const response = await fetch(`${org.instanceUrl}/services/data/v62.0/query?q=${encodeURIComponent(soql)}`, {
		headers: {Authorization: `Bearer ${org.accessToken}`},
	});
	await response.json();
	const bareFetch = milliseconds(viaFetch);
	return {firstPage, allUsers, bareFetch};
}

type KeyTimes = {median: number; p95: number; max: number; count: number};
type KeypressTimes = KeyTimes & {rssPeakMb: number; bytesPerMove: number; fullFrameBytes: number; whileArriving: KeyTimes};

const summary = (times: number[]): KeyTimes => ({median: percentile(times, 0.5), p95: percentile(times, 0.95), max: Math.max(...times), count: times.length});

/**
 * What a key changes on the Users tab, read from a whole frame: the cursor's row, its checkbox and the page.
 * A batch arriving changes none of these (the list arrives in its final order), so a frame that differs
 * here is the key's own, not one drawn for "loaded N of M".
 */
function keyFace(frame: string): string {
	const lines = frame.split('\n');
	const row = lines.findIndex((line) => /›\[[ x]\]/.test(line));
	const box = row >= 0 ? /›\[([ x])\]/.exec(lines[row]!)?.[1] : undefined;
	const page = /page ([\d,]+) of/.exec(frame)?.[1];
	return `${row}:${box}:${page}`;
}

/** Keypress → next frame written, in the real ink renderer, on the Users tab: while the list arrives, then once it has. */
async function keypressLatency(org: DemoProcess, presses: number): Promise<KeypressTimes> {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-bench-'));
	const session: Session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken}, {
		...process.env,
		SALESSCREEN_HOME: home,
	});
	let usersLoaded = false;
	let batches = 0;
	// The listing waits until the Users tab is open, so that the keys meet the whole of its arrival.
	let release!: () => void;
	const released = new Promise<void>((resolve) => {
		release = resolve;
	});
	const services = {
		...session.services,
		async fetchUsers(...args: Parameters<typeof session.services.fetchUsers>) {
			const [onBatch, ...rest] = args;
			await released;
			await session.services.fetchUsers((batch, progress) => {
				batches++;
				onBatch(batch, progress);
			}, ...rest);
			usersLoaded = true;
		},
	};
	(globalThis as {gc?: () => void}).gc?.();
	const output = new FakeTerminalOutput(120, 40);
	const keyboard = new FakeKeyboard();
	let rssPeak = 0;
	const sampler = setInterval(() => {
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
	}, 20);
	// As the app renders (ui/run-full-screen.tsx): whole frames from ink's debug mode, changed rows to the terminal.
	const writer = new FrameWriter(output as unknown as NodeJS.WriteStream);
	const instance = render(<App services={services} size={{columns: 120, rows: 40}} />, {
		stdout: writer.stream,
		stdin: keyboard as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		debug: true,
	});

	const settle = async (ms: number) =>
		new Promise((resolve) => {
			setTimeout(resolve, ms);
		});
	// Every key of the sequence changes the screen, so each one is answered by a frame.
	const sequence = [keys.down, keys.space, keys.right, keys.left];
	/** One key, timed until the first frame that shows what it changed. */
	const timedPress = async (key: string): Promise<number> => {
		const before = keyFace(writer.lastFrame());
		const start = process.hrtime.bigint();
		keyboard.press(key);
		for (;;) {
			// eslint-disable-next-line no-await-in-loop
			const answered = await Promise.race([output.nextWrite().then(() => true), settle(2000).then(() => false)]);
			if (!answered) {
				throw new Error(`no frame within 2 s of key ${JSON.stringify(key)}`);
			}

			if (keyFace(writer.lastFrame()) !== before) {
				return milliseconds(start);
			}
		}
	};

	try {
		await settle(200);
		for (const key of [keys.enter, keys.enter, keys.tab]) {
			keyboard.press(key);
			// eslint-disable-next-line no-await-in-loop
			await settle(100);
		}

		release();
		while (batches === 0) {
			// eslint-disable-next-line no-await-in-loop
			await settle(5);
		}

		// Keys while the rest of the org arrives, batch by batch.
		const arriving: number[] = [];
		for (let index = 0; !usersLoaded; index++) {
			// eslint-disable-next-line no-await-in-loop
			arriving.push(await timedPress(sequence[index % sequence.length]!));
			// eslint-disable-next-line no-await-in-loop
			await settle(20);
		}

		note(`${arriving.length} keys while ${batches} batches arrived`);
		await settle(300);
		note(`${output.frames} frames so far; pressing keys`);
		const times: number[] = [];
		const moveBytes: number[] = [];
		for (let index = 0; index < presses; index++) {
			const written = output.nextWrite();
			const start = process.hrtime.bigint();
			const bytesBefore = output.bytes;
			const key = sequence[index % sequence.length]!;
			keyboard.press(key);
			// eslint-disable-next-line no-await-in-loop
			const answered = await Promise.race([written.then(() => true), settle(1000).then(() => false)]);
			if (!answered) {
				throw new Error(`no frame within 1 s of key ${JSON.stringify(sequence[index % sequence.length])}`);
			}

			times.push(milliseconds(start));
			if (key === keys.down) {
				// Whatever the frame after the move wrote, once the throttle window has passed.
				// eslint-disable-next-line no-await-in-loop
				await settle(20);
				moveBytes.push(output.bytes - bytesBefore);
				continue;
			}

			// Keys a person presses are tens of milliseconds apart; let the throttle window pass.
			// eslint-disable-next-line no-await-in-loop
			await settle(20);
		}

		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
		return {
			...summary(times),
			whileArriving: summary(arriving),
			rssPeakMb: rssPeak / 1024 / 1024,
			bytesPerMove: moveBytes.reduce((sum, bytes) => sum + bytes, 0) / moveBytes.length,
			fullFrameBytes: Buffer.byteLength(writer.lastFrame()),
		};
	} finally {
		clearInterval(sampler);
		instance.unmount();
		writer.dispose();
		await session.close();
		fs.rmSync(home, {recursive: true, force: true});
	}
}

type Scenario = {firstPage: number; allUsers: number; bareFetch: number; keys: KeypressTimes};

/** One org size, measured in this process from its start, so its peak RSS is its own. */
async function measureScenario(users: number, presses: number): Promise<Scenario> {
	const org = await startDemoOrgProcess(users);
	try {
		const keyTimes = await keypressLatency(org, presses);
		const first = await timeToFirstPage(org);
		return {...first, keys: keyTimes};
	} finally {
		org.stop();
	}
}

async function runScenarioProcess(users: number, presses: number): Promise<Scenario> {
	const script = fileURLToPath(new URL('main.js', import.meta.url));
	const child = spawn(process.execPath, [...appNodeFlags, '--expose-gc', script, '--scenario', String(users), String(presses)], {stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	const code = await new Promise<number | null>((resolve) => {
		child.on('close', resolve);
	});
	if (code !== 0) {
		throw new Error(`the ${users}-user scenario failed (exit ${code})`);
	}

	return JSON.parse(output) as Scenario;
}

type ImportSide = 'runImport' | 'baseline' | 'runImportOnPostgres' | 'baselineOnPostgres';

/** One side of the import benchmark in a process of its own, with the app's heap flags, so its peak RSS is its own. */
async function runImportProcess(side: ImportSide): Promise<ImportMeasurement> {
	const script = fileURLToPath(new URL('main.js', import.meta.url));
	const child = spawn(process.execPath, [...appNodeFlags, script, '--import-scenario', side], {stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => {
		output += chunk.toString();
	});
	const code = await new Promise<number | null>((resolve) => {
		child.on('close', resolve);
	});
	if (code !== 0) {
		throw new Error(`the ${side} import scenario failed (exit ${code})`);
	}

	return JSON.parse(output) as ImportMeasurement;
}

type ImportResults = {runImport: ImportMeasurement; baseline: ImportMeasurement; postgres?: {runImport: ImportMeasurement; baseline: ImportMeasurement}};

async function measureImports(): Promise<ImportResults> {
	note(`import: ${importBenchSizes.users.toLocaleString('en-US')} users into ${importBenchSizes.people.toLocaleString('en-US')} people, runImport then the raw baseline`);
	const runImportSide = await runImportProcess('runImport');
	const baseline = await runImportProcess('baseline');
	// PostgreSQL only when a server is given (SALESSCREEN_BENCH_POSTGRES_URL, or the tests' one): the bench
	// never starts a server itself.
	if (!benchPostgresServer()) {
		note('import on PostgreSQL skipped: set SALESSCREEN_BENCH_POSTGRES_URL to a server (or run under .ci/with-postgres)');
		return {runImport: runImportSide, baseline};
	}

	note('import on PostgreSQL: runImport then the multi-row-insert baseline, each in a database of its own');
	const postgres = {runImport: await runImportProcess('runImportOnPostgres'), baseline: await runImportProcess('baselineOnPostgres')};
	return {runImport: runImportSide, baseline, postgres};
}

function printImports(results: ImportResults) {
	const f = (value: number) => value.toFixed(1);
	const count = (value: number) => Math.round(value).toLocaleString('en-US');
	const {runImport, baseline} = results;
	console.log(
		`import ${importBenchSizes.users.toLocaleString('en-US')} Salesforce users into a store of ${importBenchSizes.people.toLocaleString('en-US')} people (${importBenchSizes.matchShare * 100}% match by email: ${count(runImport.mapped)} mapped, ${count(runImport.created)} created)`,
	);
	console.log(`  runImport (plan + write, one transaction): ${f(runImport.totalMs)} ms, ${count(runImport.usersPerSecond)} users/s, peak RSS ${f(runImport.peakRssMb)} MB   (planning alone ${f(runImport.planMs)} ms)`);
	console.log(`  baseline, the same rows by raw prepared statements in one transaction: ${f(baseline.totalMs)} ms, ${count(baseline.usersPerSecond)} users/s, peak RSS ${f(baseline.peakRssMb)} MB`);
	console.log(`  ratio ${f(runImport.totalMs / baseline.totalMs)}×   (targets: within 2× of the baseline, under 3,000 ms)`);
	if (results.postgres) {
		const onPostgres = results.postgres;
		console.log(`  on PostgreSQL, runImport (plan + write, one transaction under the write lock): ${f(onPostgres.runImport.totalMs)} ms, ${count(onPostgres.runImport.usersPerSecond)} users/s, peak RSS ${f(onPostgres.runImport.peakRssMb)} MB`);
		console.log(`  on PostgreSQL, baseline, the same rows by one multi-row insert per table in one transaction: ${f(onPostgres.baseline.totalMs)} ms, ${count(onPostgres.baseline.usersPerSecond)} users/s`);
		console.log(`  on PostgreSQL, ratio ${f(onPostgres.runImport.totalMs / onPostgres.baseline.totalMs)}×   (target: within 2× of the baseline)`);
	}
}

async function measureImportSide(side: ImportSide): Promise<ImportMeasurement> {
	if (side === 'baseline') {
		return measureBaseline();
	}

	if (side === 'runImport') {
		return measureRunImport();
	}

	const server = benchPostgresServer()!;
	return side === 'baselineOnPostgres' ? measureBaselineOnPostgres(server) : measureRunImportOnPostgres(server);
}

async function main() {
	const importAt = process.argv.indexOf('--import-scenario');
	if (importAt >= 0) {
		const side = process.argv[importAt + 1] as ImportSide;
		process.stdout.write(JSON.stringify(await measureImportSide(side)));
		return;
	}

	if (process.argv.includes('--import-only')) {
		printImports(await measureImports());
		return;
	}

	const scenarioAt = process.argv.indexOf('--scenario');
	if (scenarioAt >= 0) {
		const users = Number(process.argv[scenarioAt + 1]);
		const presses = Number(process.argv[scenarioAt + 2]);
		process.stdout.write(JSON.stringify(await measureScenario(users, presses)));
		return;
	}

	note('start-up: --version beside node -e 0, the first frame beside a one-line ink app');
	const startUp = await measureStartUp(7);
	if (process.argv.includes('--start-up-only')) {
		printStartUp(startUp);
		return;
	}

	const sizes = {baseline: 1000, large: 100_000};
	const presses = 120;
	const results = {} as Record<'baseline' | 'large', Scenario>;
	for (const name of ['baseline', 'large'] as const) {
		note(`${name}: ${sizes[name].toLocaleString('en-US')} users, in a process of its own`);
		// eslint-disable-next-line no-await-in-loop
		results[name] = await runScenarioProcess(sizes[name], presses);
	}

	const imports = await measureImports();
	print(results, sizes, presses);
	console.log('');
	printStartUp(startUp);
	console.log('');
	printImports(imports);
}

function printStartUp(startUp: StartUpMeasurement) {
	const f = (value: number) => value.toFixed(1);
	console.log('start-up (medians of 7 runs, interleaved)');
	console.log(`  salesscreen --version: ${f(startUp.versionMs)} ms   baseline node -e 0: ${f(startUp.bareNodeMs)} ms   ratio ${f(startUp.versionMs / startUp.bareNodeMs)}×   (target ≤ 2.5×)`);
	console.log(`  first frame of the app in a pseudo-terminal: ${f(startUp.firstFrameMs)} ms   baseline, a one-line ink app: ${f(startUp.minimalInkMs)} ms   ratio ${f(startUp.firstFrameMs / startUp.minimalInkMs)}×   (target ≤ 1.5×)`);
}

function print(
	results: Record<'baseline' | 'large', Scenario>,
	sizes: {baseline: number; large: number},
	presses: number,
) {
	const f = (value: number) => value.toFixed(1);
	const {baseline, large} = results;
	console.log(`salesscreen bench · node ${process.version} · ${os.cpus().length} cores`);
	console.log('');
	console.log(`connect → first page (first batch of users, through the app's adapter)`);
	console.log(`  ${sizes.large.toLocaleString('en-US')} users: ${f(large.firstPage)} ms   baseline, bare fetch of the same batch: ${f(large.bareFetch)} ms   ratio ${f(large.firstPage / large.bareFetch)}×`);
	console.log(`  all ${sizes.large.toLocaleString('en-US')} users loaded: ${f(large.allUsers)} ms`);
	console.log('');
	console.log(`keypress → next frame on the Users tab (${presses} presses: ↓, Space, →, ←; real ink renderer, 120×40)`);
	console.log(`  ${sizes.large.toLocaleString('en-US')} users: median ${f(large.keys.median)} ms, p95 ${f(large.keys.p95)} ms, max ${f(large.keys.max)} ms   (target median < 16 ms, p95 < 25 ms)`);
	console.log(`  baseline ${sizes.baseline.toLocaleString('en-US')} users: median ${f(baseline.keys.median)} ms, p95 ${f(baseline.keys.p95)} ms   ratio (median) ${f(large.keys.median / baseline.keys.median)}×`);
	console.log('');
	console.log(`keypress → frame while batches arrive (the same keys from the first batch until the list is whole; timed to the frame that shows the key)`);
	console.log(`  ${sizes.large.toLocaleString('en-US')} users: median ${f(large.keys.whileArriving.median)} ms, p95 ${f(large.keys.whileArriving.p95)} ms, max ${f(large.keys.whileArriving.max)} ms over ${large.keys.whileArriving.count} keys   (target p95 < 50 ms)`);
	console.log(`  baseline, the same keys once the list is whole: median ${f(large.keys.median)} ms, p95 ${f(large.keys.p95)} ms   ratio (p95) ${f(large.keys.whileArriving.p95 / large.keys.p95)}×`);
	console.log('');
	console.log(`bytes written to the terminal per cursor move (↓) at 120×40, only the rows that changed`);
	console.log(`  ${sizes.large.toLocaleString('en-US')} users: ${Math.round(large.keys.bytesPerMove).toLocaleString('en-US')} bytes   baseline, the whole frame: ${Math.round(large.keys.fullFrameBytes).toLocaleString('en-US')} bytes   ratio ${f(large.keys.bytesPerMove / large.keys.fullFrameBytes)}×   (target ≤ 1,536 bytes)`);
	console.log('');
	console.log(`peak RSS of the process running the app (users loaded, keys pressed, then the first-page timing)`);
	console.log(`  ${sizes.large.toLocaleString('en-US')} users: ${f(large.keys.rssPeakMb)} MB   baseline ${sizes.baseline.toLocaleString('en-US')} users: ${f(baseline.keys.rssPeakMb)} MB   (target < 150 MB)`);
}

await main();
