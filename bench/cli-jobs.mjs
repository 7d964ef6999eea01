// How `jixiao check --jobs N` scales: the built CLI over batches of copies of the seed and of
// generated reports, each run several times with 1 and 2 jobs (and the default), interleaved so
// that changes in the machine's load fall on both alike. Reports medians, the spread and the
// load average seen, because other work on a shared machine moves every number.
//
//   npm run build && node bench/cli-jobs.mjs [--runs 5] [--sizes 100,600] [--cli dist/cli.js]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { report } from './generate.mjs';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '100,600' },
    cli: { type: 'string', default: join(ROOT, 'dist', 'cli.js') },
    jobs: { type: 'string', default: '1,2,default' },
  },
});
const runs = Number(values.runs);
const sizes = values.sizes.split(',').map(Number);
const jobsList = values.jobs.split(',');
const seed = readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');

/** Runs the CLI once; wall seconds and the CPU seconds of the process (all its threads). */
function run(folder, jobs) {
  return new Promise((done, fail) => {
    const args = [values.cli, 'check', folder, '--format', 'json'];
    if (jobs !== 'default') args.push('--jobs', jobs);
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      const wall = (performance.now() - start) / 1000;
      const m = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (!m || code === null || code > 1) return fail(new Error(`jixiao exited ${code}: ${stderr.slice(0, 400)}`));
      done({ wall, cpu: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024 });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f2 = (x) => x.toFixed(2);
const min = (xs) => xs.reduce((a, b) => Math.min(a, b), Infinity);
const max = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

const corpora = [
  { name: 'seed copies', make: () => seed },
  { name: 'generated reports', make: (i) => report(2000 + (i % 7) * 800, i) },
];

console.log(`cores: ${availableParallelism()}, node ${process.version}, ${runs} runs each, interleaved\n`);
console.log(
  '| batch | files | jobs | median s | min–max s | CPU s | files/s | speed-up vs 1 job | peak RSS | load avg (1 min) |',
);
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---|');
for (const corpus of corpora) {
  for (const size of sizes) {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-jobs-'));
    for (let i = 0; i < size; i++) writeFileSync(join(folder, `r${String(i).padStart(4, '0')}.txt`), corpus.make(i));
    const results = Object.fromEntries(jobsList.map((j) => [j, []]));
    const loads = [];
    await run(folder, '1'); // warm the file cache
    for (let r = 0; r < runs; r++) {
      for (const jobs of jobsList) {
        loads.push(loadavg()[0]);
        results[jobs].push(await run(folder, jobs));
      }
    }
    const one = median(results['1']?.map((x) => x.wall) ?? [NaN]);
    for (const jobs of jobsList) {
      const walls = results[jobs].map((x) => x.wall);
      const m = median(walls);
      console.log(
        `| ${corpus.name} | ${size} | ${jobs} | ${f2(m)} | ${f2(min(walls))}–${f2(max(walls))} | ${f2(median(results[jobs].map((x) => x.cpu)))} | ${(size / m).toFixed(0)} | ${(one / m).toFixed(2)}× | ${median(results[jobs].map((x) => x.rssMb)).toFixed(0)} MB | ${f2(min(loads))}–${f2(max(loads))} |`,
      );
    }
    rmSync(folder, { recursive: true, force: true });
  }
}
