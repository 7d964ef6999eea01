import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'tsup';

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
    // The worker is its own file, loaded on each thread; the CLI's entry starts the workers
    // before it loads the rest of the CLI (cli-main), so their start-ups overlap.
    entry: { cli: 'src/node/cli.ts', 'cli-main': 'src/node/main.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
  },
]);
