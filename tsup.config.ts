import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, type Options } from 'tsup';

// pdf.js's Chinese CMaps (~220 KB) are built once, into dist/cmaps-gb.js, which every
// bundle that reads PDFs loads when a PDF needs one, instead of carrying its own copy.
const cmapsOnce: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'cmaps-once',
  setup(build) {
    build.onResolve({ filter: /\/cmaps-gb\.js$/ }, () => ({ path: './cmaps-gb.js', external: true }));
  },
};

// The core (`index`) must stay browser-safe; Node-only code lives under src/node and
// is bundled into its own entry points.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    // The JSON Schema of the tree is generated from the zod schemas, so it cannot drift.
    async onSuccess() {
      const entry = pathToFileURL(resolve('dist/index.js')).href; // a variable: not bundled
      const { reportJsonSchema, profileJsonSchema, configJsonSchema } = await import(entry);
      await writeFile('dist/schema.json', JSON.stringify(reportJsonSchema(), null, 2) + '\n');
      await writeFile('dist/profile.schema.json', JSON.stringify(profileJsonSchema(), null, 2) + '\n');
      await writeFile('dist/config.schema.json', JSON.stringify(configJsonSchema(), null, 2) + '\n');
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
    esbuildPlugins: [cmapsOnce],
  },
  { entry: { 'cmaps-gb': 'src/read/cmaps-gb.ts' }, format: ['esm'], target: 'es2022', platform: 'neutral' },
  {
    // The worker is its own file: piscina loads it on each thread.
    entry: { cli: 'src/node/cli.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
    esbuildPlugins: [cmapsOnce],
  },
]);
