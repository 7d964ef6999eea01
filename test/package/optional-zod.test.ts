/**
 * zod is an optional peer dependency: only `jixiao/schema` needs it. Installed without zod,
 * the core and the CLI (its configuration checked included) work, and `jixiao/schema` says
 * what to install instead of Node's bare "Cannot find package".
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
let project = '';

beforeAll(() => {
  // A missing build is a failure, not a skip: `npm test` builds first.
  if (!existsSync(join(ROOT, 'dist', 'schema.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  project = mkdtempSync(join(tmpdir(), 'jixiao-no-zod-'));
  const modules = join(project, 'node_modules');
  mkdirSync(join(modules, 'jixiao'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(modules, 'jixiao', 'package.json'));
  cpSync(join(ROOT, 'dist'), join(modules, 'jixiao', 'dist'), { recursive: true });
  // Every other package, linked from this repository's node_modules: all but zod.
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'zod' || name === 'jixiao' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(project, 'package.json'), '{"name": "no-zod", "private": true, "type": "module"}');
  // Node looks for packages in every folder above the project too: a zod there (a node_modules in the
  // temporary folder) would make this test pass a broken guard, or fail it for a reason it cannot name.
  const reachable = (() => {
    try {
      return createRequire(join(project, 'package.json')).resolve('zod');
    } catch {
      return undefined;
    }
  })();
  if (reachable) throw new Error(`zod is reachable from ${project} (${reachable}): remove it from the folders above`);
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });

describe('jixiao installed without zod', () => {
  it('runs the core, from ESM and CommonJS', () => {
    const esm = node([
      '--input-type=module',
      '-e',
      "import {parse} from 'jixiao'; console.log(parse('一、基本情况').type)",
    ]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('report');
    const cjs = node(['-e', "console.log(require('jixiao').parse('一、基本情况').type)"]);
    expect(cjs.stdout.trim()).toBe('report');
  });

  it('says that jixiao/schema needs zod, and how to install it, from ESM and CommonJS', () => {
    const esm = node(['--input-type=module', '-e', "await import('jixiao/schema')"]);
    expect(esm.status).not.toBe(0);
    expect(esm.stderr).toContain('jixiao/schema needs zod (version 4), an optional peer dependency of jixiao');
    expect(esm.stderr).toContain('npm install zod');
    const cjs = node(['-e', "require('jixiao/schema')"]);
    expect(cjs.status).not.toBe(0);
    expect(cjs.stderr).toContain('jixiao/schema needs zod');
  });

  it('checks reports with the CLI, reading and checking a configuration file', () => {
    const seed = readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');
    writeFileSync(join(project, 'seed.txt'), seed);
    writeFileSync(join(project, '.jixiaorc.json'), '{"rules": {"numbering-style": "off"}}');
    const cli = join(project, 'node_modules', 'jixiao', 'dist', 'cli.js');
    const result = node([cli, 'check', 'seed.txt', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([
      'no-placeholder-section',
      'no-empty-annex',
    ]);
    writeFileSync(join(project, '.jixiaorc.json'), '{"maxSize": 0}');
    expect(node([cli, 'check', 'seed.txt', '--locale', 'en']).stderr).toMatch(
      /"maxSize": expected a whole number of bytes/,
    );
    expect(node([cli, 'check', 'seed.txt']).stderr).toContain('“maxSize”：应为大于 0 的整数（字节），收到 0');
  });
});
