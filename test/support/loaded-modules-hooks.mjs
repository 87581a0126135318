// Module-loader hooks that append the URL of every module loaded to the file SALESSCREEN_LOADED_MODULES names,
// after the id of the process that loaded it (the hooks run in a thread of that process).
import fs from 'node:fs';

export async function load(url, context, nextLoad) {
	const list = process.env.SALESSCREEN_LOADED_MODULES;
	if (list) {
		fs.appendFileSync(list, `${process.pid} ${url}\n`);
	}

	return nextLoad(url, context);
}
