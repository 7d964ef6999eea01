import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { z } from 'zod';
import { ConfigSchema as ConfigFileSchema } from './src/node/config.js';
import { profileJsonSchema, reportJsonSchema } from './src/schema.js';

// The core (`index`) must stay browser-safe and carry no zod; `schema` holds the zod
// schemas. Node-only code lives under src/node and is bundled into its own entry points.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', schema: 'src/schema.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    platform: 'neutral',
    // The JSON Schemas are generated from the zod schemas, so they cannot drift.
    async onSuccess() {
      const json = (schema: Record<string, unknown>) => JSON.stringify(schema, null, 2) + '\n';
      await writeFile('dist/schema.json', json(reportJsonSchema()));
      await writeFile('dist/profile.schema.json', json(profileJsonSchema()));
      // The configuration file as the CLI reads it: the core's options and the CLI's own.
      const config = z.toJSONSchema(ConfigFileSchema, { target: 'draft-2020-12', io: 'input' });
      await writeFile('dist/config.schema.json', json(config as Record<string, unknown>));
    },
  },
  {
    // The worker is its own file: piscina loads it on each thread.
    entry: { cli: 'src/node/cli.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    splitting: false,
  },
]);
