import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

/*
 * The layers' import rules, read from the source itself (static and dynamic imports, type-only ones too):
 * see the README's Design section for the picture.
 */

const sourceRoot = fileURLToPath(new URL('../source', import.meta.url));

function sourceFiles(folder: string): string[] {
	return fs.readdirSync(folder, {withFileTypes: true}).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

// A whole statement up to its specifier: `import … from '…'`, `export … from '…'`, `import '…'`, or `import('…')`.
const importPattern = /(^\s*(?:import|export)\b[^;]*?\bfrom\s+|^\s*import\s+|\bimport\s*\(\s*)'([^']+)'/gm;

type Edges = Map<string, string[]>;

/**
 * Each file's imports of the project's own files, as paths relative to source/ (with .ts or .tsx): every
 * import for the layer rules, and those that remain at run time (not `import type`) for cycles.
 */
function projectImports(): {all: Edges; runtime: Edges} {
	const graph: Edges = new Map();
	const runtime: Edges = new Map();
	for (const file of sourceFiles(sourceRoot)) {
		const text = fs.readFileSync(file, 'utf8');
		const targets: string[] = [];
		const runtimeTargets: string[] = [];
		for (const match of text.matchAll(importPattern)) {
			const specifier = match[2]!;
			if (!specifier.startsWith('.')) {
				continue;
			}

			const resolved = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '');
			const target = ['.ts', '.tsx'].map((extension) => resolved + extension).find((candidate) => fs.existsSync(candidate));
			if (target === undefined) {
				throw new Error(`${path.relative(sourceRoot, file)} imports ${specifier}, which is not a source file`);
			}

			targets.push(path.relative(sourceRoot, target));
			if (!/^\s*(?:import|export)\s+type\b/.test(match[1]!)) {
				runtimeTargets.push(path.relative(sourceRoot, target));
			}
		}

		graph.set(path.relative(sourceRoot, file), targets);
		runtime.set(path.relative(sourceRoot, file), runtimeTargets);
	}

	return {all: graph, runtime};
}

const layerOf = (file: string) => (file.includes(path.sep) ? file.slice(0, file.indexOf(path.sep)) : 'root');
const adapters = new Set(['salesforce', 'store', 'settings']);
const {all: graph, runtime} = projectImports();

function offending(from: (layer: string) => boolean, forbidden: (layer: string) => boolean): string[] {
	return [...graph].flatMap(([file, targets]) => (from(layerOf(file)) ? targets.filter((target) => forbidden(layerOf(target))).map((target) => `${file} → ${target}`) : []));
}

describe('the layers', () => {
	it('core/ imports only core/', () => {
		expect(offending((layer) => layer === 'core', (layer) => layer !== 'core')).toEqual([]);
	});

	it('app/ imports only core/ and app/: its ports stand for the adapters', () => {
		expect(offending((layer) => layer === 'app', (layer) => layer !== 'core' && layer !== 'app')).toEqual([]);
	});

	it('ui/ imports no adapter', () => {
		expect(offending((layer) => layer === 'ui', (layer) => adapters.has(layer) || layer === 'demo-org')).toEqual([]);
	});

	it('adapters import neither app/ nor ui/', () => {
		expect(offending((layer) => adapters.has(layer), (layer) => layer === 'app' || layer === 'ui' || layer === 'commands')).toEqual([]);
	});

	it('demo-org/ imports only core/: it runs in a process of its own, and knows nothing of the app that talks to it', () => {
		expect(offending((layer) => layer === 'demo-org', (layer) => layer !== 'core' && layer !== 'demo-org')).toEqual([]);
	});

	it('has no import cycle (type-only imports, erased when built, aside)', () => {
		const cycles: string[] = [];
		const state = new Map<string, 'visiting' | 'done'>();
		const visit = (file: string, trail: string[]) => {
			if (state.get(file) === 'done') {
				return;
			}

			if (state.get(file) === 'visiting') {
				cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
				return;
			}

			state.set(file, 'visiting');
			for (const target of runtime.get(file) ?? []) {
				visit(target, [...trail, file]);
			}

			state.set(file, 'done');
		};

		for (const file of runtime.keys()) {
			visit(file, []);
		}

		expect(cycles).toEqual([]);
	});
});
