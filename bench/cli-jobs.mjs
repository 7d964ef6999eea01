// How `jixiao check --jobs N` scales: the built CLI over batches of copies of the seed and of
// generated reports, each run several times with 1 and 2 jobs (and the default), interleaved so
// that changes in the machine's load fall on both alike. Reports medians, the spread and the
// load average seen, because other work on a shared machine moves every number. On Linux it
// also reads each thread's CPU time from /proc while the CLI runs, to show where the CPU goes:
// the main thread, the workers, and the threads V8 runs beside them (its optimising compiler
// and parallel garbage collection, four threads shared by all isolates) and libuv's (file I/O).
//
//   npm run build && node bench/cli-jobs.mjs [--runs 5] [--sizes 100,600] [--cli dist/cli.js]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * CPU seconds of each thread of `pid` (utime + stime from /proc/PID/task/TID/stat), kept in `into`
 * by thread id; threads that have ended keep their last reading. Linux only (nothing elsewhere).
 */
function sampleThreads(pid, into) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      into.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // ended between listing and reading
    }
  }
}

/**
 * The threads' CPU by role, told apart by the order Node starts them (thread ids grow): the
 * main thread (id = pid), then V8's platform threads (compiler and GC helpers; four), then
 * libuv's pool (file I/O); the worker threads are started last: the \`jobs\` busiest of the rest.
 */
function byRole(pid, threads, jobs) {
  const rest = [...threads.entries()].filter(([tid]) => tid !== pid).sort((a, b) => a[0] - b[0]);
  const v8 = rest.slice(0, 4);
  const later = rest.slice(4).sort((a, b) => b[1] - a[1]);
  const sum = (list) => list.reduce((n, [, cpu]) => n + cpu, 0);
  return {
    main: threads.get(pid) ?? 0,
    workers: sum(later.slice(0, jobs)),
    v8: sum(v8),
    other: sum(later.slice(jobs)),
  };
}

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
    // /usr/bin/time's child is node: sample its threads.
    const threads = new Map();
    let nodePid;
    const poll = setInterval(() => {
      try {
        nodePid ??=
          Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ')[0]) ||
          undefined;
      } catch {
        // not started yet, or finished
      }
      if (nodePid) sampleThreads(nodePid, threads);
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      const wall = (performance.now() - start) / 1000;
      const m = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(stderr);
      if (!m || code === null || code > 1) return fail(new Error(`jixiao exited ${code}: ${stderr.slice(0, 400)}`));
      const roles = nodePid ? byRole(nodePid, threads, jobs === 'default' ? 2 : Number(jobs)) : undefined;
      done({ wall, cpu: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024, roles });
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

const threadRows = [];
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
    for (const jobs of jobsList) {
      const roles = results[jobs].map((x) => x.roles).filter(Boolean);
      if (roles.length === 0) continue;
      const part = (key) => f2(median(roles.map((r) => r[key])));
      threadRows.push(
        `| ${corpus.name} | ${size} | ${jobs} | ${part('main')} | ${part('workers')} | ${part('v8')} | ${part('other')} |`,
      );
    }
    rmSync(folder, { recursive: true, force: true });
  }
}
if (threadRows.length) {
  console.log('\nCPU seconds by thread (medians; read from /proc while the CLI ran):\n');
  console.log('| batch | files | jobs | main thread | workers | V8 compiler and GC threads | libuv and other |');
  console.log('|---|---:|---|---:|---:|---:|---:|');
  for (const row of threadRows) console.log(row);
}
