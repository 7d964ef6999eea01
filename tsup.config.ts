import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { cliConfigJsonSchema } from './src/node/config-schema.js';
import { profileJsonSchema, reportJsonSchema } from './src/schema.js';

// The readers' large parts are built once each into dist/ and loaded from there by every
// bundle that reads a .docx or a PDF, when it meets one: pdf.js's Chinese CMaps
// (dist/cmaps-gb.js, 220 KB) and mammoth with JSZip, xmldom, underscore… (dist/mammoth.js,
// 315 KB: its browser build, which runs in Node too, instead of 24 packages and 7.7 MB installed).
const readersOnce: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'readers-once',
  setup(build) {
    build.onResolve({ filter: /^mammoth$|\/cmaps-gb\.js$/ }, (args) => ({
      path: args.path === 'mammoth' ? './mammoth.js' : './cmaps-gb.js',
      external: true,
    }));
  },
};

/**
 * zod is an optional peer dependency, needed only by `jixiao/schema`: the schema entry loads
 * it through this guard, which says what to install when it is missing instead of Node's
 * bare "Cannot find package 'zod'". (ESM waits for the import at the top level; CJS requires.)
 */
const zodGuard: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'zod-guard',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (args) =>
      args.namespace === 'zod-guard' ? { path: 'zod', external: true } : { path: 'zod', namespace: 'zod-guard' },
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-guard' }, () => {
      const load = build.initialOptions.format === 'cjs' ? "require('zod')" : "await import('zod')";
      const message =
        'jixiao/schema needs zod (version 4), an optional peer dependency of jixiao: install it with ' +
        '`npm install zod`. The core (jixiao), jixiao/read and the jixiao command do not need it.';
      return {
        contents: [
          'let zod;',
          `try { zod = ${load}; } catch (cause) {`,
          "  if (!/MODULE_NOT_FOUND/.test(cause?.code ?? '')) throw cause;",
          `  throw new Error(${JSON.stringify(message)}, { cause });`,
          '}',
          'export const z = zod.z;',
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/** The licence texts of a package and of everything it depends on, for a bundle of them. */
function licences(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const dir = join('node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `${pkg.license} (no licence file)`;
  const own = `${name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
  const deps = Object.keys(pkg.dependencies ?? {}).filter((d) => existsSync(join('node_modules', d)));
  return [own, ...deps.flatMap((d) => licences(d, seen))];
}

// The core (`index`) must stay browser-safe and carry no zod and no Markdown parser or writer;
// `markdown` holds those, `schema` the zod schemas (the three share chunks). Node-only code lives under
// src/node and is bundled into its own entry points.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', markdown: 'src/markdown.ts', schema: 'src/schema.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    // zod is left to the guard below (tsup would make it a plain external import).
    noExternal: ['zod'],
    esbuildPlugins: [zodGuard],
    // The JSON Schemas are generated from the zod schemas, so they cannot drift.
    async onSuccess() {
      const json = (schema: Record<string, unknown>) => JSON.stringify(schema, null, 2) + '\n';
      await writeFile('dist/schema.json', json(reportJsonSchema()));
      await writeFile('dist/profile.schema.json', json(profileJsonSchema()));
      // The configuration file as the CLI reads it: the core's options and the CLI's own.
      await writeFile('dist/config.schema.json', json(cliConfigJsonSchema()));
    },
  },
  {
    // jixiao/read: the browser-safe readers of submitted files, apart from the core so that
    // `import {parse} from 'jixiao'` never pulls mammoth or pdf.js (loaded only when a .docx or .pdf comes).
    entry: { read: 'src/read/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    esbuildPlugins: [readersOnce],
  },
  { entry: { 'cmaps-gb': 'src/read/cmaps-gb.ts' }, format: ['esm'], target: 'es2022', platform: 'neutral' },
  {
    entry: { mammoth: 'node_modules/mammoth/lib/index.js' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    async onSuccess() {
      await writeFile('dist/mammoth.js.LICENSE.txt', licences('mammoth').join('\n' + '-'.repeat(72) + '\n\n'));
    },
  },
  {
    // The worker is its own file, loaded on each thread; the CLI's entry starts the workers
    // before it loads the rest of the CLI (cli-main), so their start-ups overlap.
    entry: { cli: 'src/node/cli.ts', 'cli-main': 'src/node/main.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // No source maps for the command: Node reads them only with --enable-source-maps, the bundles
    // are not minified (their stack traces name the functions), and the maps were 1.7 MB of the
    // install (issue 14's 20 MB; docs/benchmarks.md, Weight). The library's entries keep theirs.
    sourcemap: false,
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
    esbuildPlugins: [readersOnce],
  },
]);
