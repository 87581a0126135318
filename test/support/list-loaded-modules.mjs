// Preloaded with `node --import`: lists every module the process loads, for tests of what a command loads,
// and marks in the same list when the process first writes to a terminal (the app's first frame), so that a
// test can tell what was loaded before it. The hooks answer each load before the module runs, so the order of
// the list is the order of events.
import fs from 'node:fs';
import {register} from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url);

const list = process.env.SALESSCREEN_LOADED_MODULES;
if (list && process.stdout.isTTY) {
	const write = process.stdout.write.bind(process.stdout);
	let marked = false;
	process.stdout.write = (chunk, ...rest) => {
		if (!marked && String(chunk).includes('starting')) {
			marked = true;
			fs.appendFileSync(list, `${process.pid} first-frame\n`);
		}

		return write(chunk, ...rest);
	};
}
