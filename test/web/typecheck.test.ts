/**
 * The type check `npm run web` runs before it bundles: the page with the DOM library, the engine with the WebWorker
 * one (no DOM, no Node types: it runs in a worker). The browser tests bundle without it (web/build.mjs), so it runs
 * here, beside them.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = readdirSync(join(ROOT, 'web'))
  .filter((name) => /^tsconfig(\..+)?\.json$/.test(name))
  .map((name) => `web/${name}`);

it('type-checks every web project that `npm run web` checks', async () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.web as string;
  const checked = [...script.matchAll(/tsc -p (\S+)/g)].map((m) =>
    m[1]!.endsWith('.json') ? m[1]! : `${m[1]}/tsconfig.json`,
  );
  expect(checked.sort()).toEqual(projects.sort());
  const results = await Promise.allSettled(
    projects.map((project) => promisify(execFile)(process.execPath, [TSC, '-p', project], { cwd: ROOT })),
  );
  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [`${projects[i]}:\n${(r.reason as { stdout?: string }).stdout ?? r.reason}`] : [],
  );
  expect(failures).toEqual([]);
}, 180_000);
