// What `npm install jixiao` costs a user: builds and packs this working tree (`npm pack`), installs
// the tarball into a fresh empty project and weighs node_modules: `du -sk` (what `du -sh` shows), the
// bytes of its files, the packages, and which dependency brings how much (everything only it pulls in).
//
//   node bench/install-size.mjs [--tarball jixiao-x.y.z.tgz] [--json] [--keep]
//
// Needs npm and du. The install reads the npm cache first (`--prefer-offline`): once the dependencies have
// been installed on this machine (`npm ci` did), it runs without network.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { tarball: { type: 'string' }, json: { type: 'boolean' }, keep: { type: 'boolean' } },
});

const work = mkdtempSync(join(tmpdir(), 'jixiao-install-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let tarball = values.tarball && resolve(values.tarball);
if (!tarball) {
  run('npm', ['run', 'build'], ROOT);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], ROOT));
  tarball = join(work, packed[0].filename);
}
const project = join(work, 'project');
run('mkdir', ['-p', project]);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty', version: '1.0.0', private: true }));
run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], project);

const modules = join(project, 'node_modules');
const duKilobytes = Number(run('du', ['-sk', modules]).split('\t')[0]);

/** Bytes of the files under a folder (apparent size), bytes on disk (as du counts them), and how many files. */
function weigh(dir) {
  const total = { bytes: 0, disk: 0, files: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const info = statSync(path);
    total.disk += info.blocks * 512;
    if (entry.isDirectory()) {
      const inner = weigh(path);
      total.bytes += inner.bytes;
      total.disk += inner.disk;
      total.files += inner.files;
    } else if (entry.isFile()) {
      total.bytes += info.size;
      total.files++;
    }
  }
  return total;
}

// npm's own record of the tree: every installed package by its folder, with its dependencies.
const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')).packages;
const folders = Object.keys(lock).filter((p) => p.startsWith('node_modules/'));

/** The folder a package `name` required from `from` resolves to, as Node looks it up. */
function resolvePackage(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = (dir === '.' || dir === '' ? '' : `${dir}/`) + `node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (dir === '.' || dir === '' || !dir.includes('node_modules')) {
      return lock[`node_modules/${name}`] ? `node_modules/${name}` : undefined;
    }
  }
}

/** Every installed package `folder` brings, itself included. */
function closure(folder, seen = new Set()) {
  if (seen.has(folder)) return seen;
  seen.add(folder);
  const info = lock[folder] ?? {};
  for (const name of Object.keys({ ...info.dependencies, ...info.optionalDependencies, ...info.peerDependencies })) {
    const target = resolvePackage(folder, name);
    if (target && existsSync(join(project, target))) closure(target, seen);
  }
  return seen;
}

const own = (folder) => {
  const all = weigh(join(project, folder));
  // A package's folder holds its nested node_modules; count those under their own names.
  const nested = join(project, folder, 'node_modules');
  if (!existsSync(nested)) return all;
  const inner = weigh(nested);
  return { bytes: all.bytes - inner.bytes, disk: all.disk - inner.disk };
};
const sizes = new Map(folders.filter((f) => existsSync(join(project, f))).map((f) => [f, own(f)]));
const jixiao = 'node_modules/jixiao';
const direct = Object.keys(lock[jixiao].dependencies ?? {}).map((name) => [name, resolvePackage(jixiao, name)]);
const claims = new Map();
for (const [, folder] of direct) for (const f of closure(folder)) claims.set(f, (claims.get(f) ?? 0) + 1);
const MB = 1024 * 1024;
/** Packages, megabytes of files and on disk of a set of package folders. */
function sum(name, list) {
  const of = (key) => +(list.reduce((n, f) => n + (sizes.get(f)?.[key] ?? 0), 0) / MB).toFixed(2);
  return { dependency: name, packages: list.length, megabytes: of('bytes'), diskMegabytes: of('disk') };
}
const rows = direct.map(([name, folder]) =>
  sum(
    name,
    [...closure(folder)].filter((f) => claims.get(f) === 1),
  ),
);
rows.push(
  sum(
    '(shared by several)',
    [...claims].filter(([, n]) => n > 1).map(([f]) => f),
  ),
);
rows.sort((a, b) => b.diskMegabytes - a.diskMegabytes);
const total = weigh(modules);
const result = {
  tarball: tarball.split('/').pop(),
  packages: sizes.size,
  duMegabytes: +(duKilobytes / 1024).toFixed(1),
  fileMegabytes: +(total.bytes / 1024 / 1024).toFixed(1),
  files: total.files,
  jixiao: sum('jixiao', [jixiao]),
  dependencies: rows,
  shared: [...claims].filter(([, n]) => n > 1).map(([f]) => f.replace(/^.*node_modules\//, '')),
};

if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`npm install ${result.tarball} in an empty project:`);
  console.log(`  ${result.packages} packages, ${result.files} files`);
  console.log(`  du -sh node_modules: ${result.duMegabytes} MB; the files themselves: ${result.fileMegabytes} MB`);
  console.log(`  jixiao itself: ${result.jixiao.megabytes} MB (${result.jixiao.diskMegabytes} MB on disk)\n`);
  console.log('| dependency | packages only it brings | MB of files | MB on disk |');
  console.log('|---|---:|---:|---:|');
  for (const r of result.dependencies)
    console.log(`| ${r.dependency} | ${r.packages} | ${r.megabytes.toFixed(2)} | ${r.diskMegabytes.toFixed(2)} |`);
  console.log(`\nShared by several: ${result.shared.join(', ')}`);
}
if (values.keep) console.error(`kept ${project}`);
else rmSync(work, { recursive: true, force: true });
