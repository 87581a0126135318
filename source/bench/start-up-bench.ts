import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as pty from 'node-pty';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
const minimalInkApp = fileURLToPath(new URL('minimal-ink-app.js', import.meta.url));
const appNodeFlags = ['--max-semi-space-size=2', '--max-old-space-size=1024'];

export type StartUpMeasurement = {
	versionMs: number;
	bareNodeMs: number;
	firstFrameMs: number;
	minimalInkMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Wall time of one process from spawn to exit. */
async function wallTime(args: string[]): Promise<number> {
	const start = process.hrtime.bigint();
	const child = spawn(process.execPath, args, {stdio: 'ignore'});
	await new Promise((resolve) => {
		child.on('close', resolve);
	});
	return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Spawn in a 120×40 pseudo-terminal → the first output holding `text`, i.e. the first frame drawn. */
async function timeToText(args: string[], text: string, env: NodeJS.ProcessEnv): Promise<number> {
	const start = process.hrtime.bigint();
	const child = pty.spawn(process.execPath, args, {name: 'xterm-256color', cols: 120, rows: 40, env: env as Record<string, string>});
	let seen = '';
	const elapsed = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`no "${text}" within 60 s; the terminal showed: ${seen.slice(-500)}`));
		}, 60_000);
		child.onData((data) => {
			seen += data;
			if (seen.includes(text)) {
				clearTimeout(timer);
				resolve(Number(process.hrtime.bigint() - start) / 1e6);
			}
		});
	});
	child.kill();
	return elapsed;
}

/** `--version` beside `node -e 0`, and the app's first frame beside a one-line ink app's, medians of `runs`. */
export async function measureStartUp(runs: number): Promise<StartUpMeasurement> {
	const version: number[] = [];
	const bare: number[] = [];
	const firstFrame: number[] = [];
	const minimal: number[] = [];
	const env = {...process.env, NODE_ENV: 'production'};
	for (let run = 0; run < runs; run++) {
		// Interleaved, so that a change in the machine's load falls on both sides alike.
		/* eslint-disable no-await-in-loop */
		bare.push(await wallTime(['-e', '0']));
		version.push(await wallTime([...appNodeFlags, cli, '--version']));
		minimal.push(await timeToText([minimalInkApp], 'minimal ink app', env));
		// A home that has run once already: the first frame a returning admin waits for.
		const home = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-bench-start-'));
		try {
			firstFrame.push(await timeToText([...appNodeFlags, cli], 'SalesScreen', {...process.env, SALESSCREEN_HOME: home}));
		} finally {
			fs.rmSync(home, {recursive: true, force: true});
		}
		/* eslint-enable no-await-in-loop */
	}

	return {versionMs: median(version), bareNodeMs: median(bare), firstFrameMs: median(firstFrame), minimalInkMs: median(minimal)};
}
