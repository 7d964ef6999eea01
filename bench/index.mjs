// jixiao's benchmark suite: `npm run bench` (add `-- --write` to record docs/benchmarks.md).
// Measures, in one run on the same inputs, parse / extract / check / toMarkdown and the whole
// pipeline, against remark-parse and Microsoft Recognizers-Text on the same text; adversarial
// inputs for super-linear behaviour; linearity; heap per tree; and the CLI over 2,000 files.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { do_not_optimize, measure } from 'mitata';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import * as RT from '@microsoft/recognizers-text-suite';
import { check, extract, parse } from '../dist/index.js';
import { toMarkdown } from '../dist/markdown.js';
import { copyTree } from './copy-tree.mjs';
import { cliByFormat } from './formats.mjs';
import { report } from './generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WRITE = process.argv.includes('--write');
const QUICK = process.argv.includes('--quick');
const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

/** Median time of one call, in ms (mitata; the median resists a shared machine's noise better than the mean). */
async function ms(fn, budget = 300) {
  // A full collection first, so one measurement does not pay for the last one's garbage.
  global.gc?.();
  const stats = await measure(() => do_not_optimize(fn()), {
    min_cpu_time: budget * 1e6,
    max_samples: 2000,
    warmup_samples: 3,
  });
  return stats.p50 / 1e6;
}

/**
 * Median time of `fn(setup())` in ms, timing only `fn`: for work that must start from a fresh
 * input each time (check caches per tree), measured by hand since mitata times whole calls.
 */
function msEach(setup, fn, budget = 300) {
  global.gc?.();
  const times = [];
  const until = performance.now() + budget * 3;
  while (times.length < 15 || (performance.now() < until && times.length < 500)) {
    const input = setup();
    const start = performance.now();
    do_not_optimize(fn(input));
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return times[times.length >> 1];
}

/** The CPU time this process has used, in ms (all its threads: the collector's work counts). */
function cpu() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU time of one call of each of `fns`, in ms (`process.cpuUsage`, all of this process's threads,
 * so the collector's work counts). Rounds run the functions in turn, each enough passes for about
 * `budget` ms, and the median round is kept. On this shared two-core machine the wall-clock
 * medians of mitata moved by 2× between runs (another session's tests took the cores); CPU time
 * moves little, and in turn both sides of a ratio meet the same load.
 */
function cpuMs(fns, { rounds = 7, budget = 60 } = {}) {
  const passes = fns.map((fn) => {
    global.gc?.();
    const start = cpu();
    let n = 0;
    // Warm, and learn how many calls fill the budget.
    do {
      do_not_optimize(fn());
      n++;
    } while (cpu() - start < budget / 4 || n < 3);
    return Math.max(3, Math.round((n * budget) / Math.max(1, cpu() - start)));
  });
  const times = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, k) => {
      const start = cpu();
      for (let i = 0; i < passes[k]; i++) do_not_optimize(fn());
      times[k].push((cpu() - start) / passes[k]);
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
}

const mchar = (chars, time) => (chars / time / 1000).toFixed(2);
const fmt = (n, d = 3) => n.toFixed(d);

// ---------------------------------------------------------------------------
// Inputs
const seed = readFileSync(join(ROOT, 'fixtures', 'seed-shaodong-2020.txt'), 'utf8');
const fixtures = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
// The self-evaluation forms we wrote (text and Markdown): table-dense, shown apart from "fixtures (all)",
// which is the reports, and not part of the targets on real report text.
const forms = readdirSync(join(ROOT, 'fixtures', 'forms'))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'fixtures', 'forms', f), 'utf8'));
// Real report text: the reports of ../shared/corpus/ when that folder is there (read in place for
// measuring only, never copied into the project); the recorded targets use our own fixtures too.
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const corpus = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => /^r\d+\.txt$/.test(f))
      .sort()
      .map((f) => readFileSync(join(CORPUS, f), 'utf8'))
  : [];
const sizes = QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const generated = Object.fromEntries(sizes.map((n) => [n, report(n, n)]));
const remark = unified().use(remarkParse);

say(`# jixiao benchmarks`);
say();
say(
  `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
);
say(
  `Command: \`npm run bench\` (${QUICK ? 'quick run, no 1 MB inputs' : 'full run'}). Times are medians per call (mitata); throughput in million characters per second.`,
);
say();

// ---------------------------------------------------------------------------
// Throughput against the baselines
say('## Throughput');
say();
say(
  '| input | chars | remark-parse | parse | parse+extract | check | toMarkdown | pipeline | tree alone | pipeline ÷ remark | parse+extract ÷ remark | remark ÷ tree alone | pipeline ÷ tree alone | CPU ms: remark-parse / pipeline | pipeline ÷ remark (CPU) |',
);
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const rows = [
  ['seed', seed],
  ['fixtures (all)', fixtures],
  ['forms (fixtures/forms, not a target)', forms],
  ...(corpus.length ? [[`real reports (${corpus.length}, ../shared/corpus)`, corpus]] : []),
  ...Object.entries(generated).map(([n, t]) => [`generated ${Number(n) / 1000} KB`, t]),
];
const ratios = [];
for (const [name, input] of rows) {
  const texts = Array.isArray(input) ? input : [input];
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const big = chars > 500_000;
  const budget = big ? 1500 : 400;
  const trees = texts.map((t) => parse(t));
  const tRemark = await ms(() => texts.map((t) => remark.parse(t)), budget);
  const tParse = await ms(() => texts.map((t) => parse(t)), budget);
  const tParseExtract = await ms(() => texts.map((t) => extract(parse(t))), budget);
  const tPipeline = await ms(
    () =>
      texts.map((t) => {
        const tree = parse(t);
        extract(tree);
        return check(tree);
      }),
    budget,
  );
  const tMarkdown = await ms(() => trees.map((tree) => toMarkdown(tree)), budget);
  // The tree's objects made again with object literals, with no parsing work at all:
  // what building the tree costs in allocation and garbage collection alone.
  const tTree = await ms(() => trees.map((tree) => copyTree(tree)), budget);
  const tCheck = msEach(
    () => texts.map((t) => parse(t)),
    (fresh) => fresh.map((tree) => check(tree)),
    budget,
  );
  // The same two in CPU time, in turn: the measure of the targets on real text (see cpuMs).
  const [cRemark, cPipeline] = cpuMs([
    () => texts.map((t) => remark.parse(t)),
    () =>
      texts.map((t) => {
        const tree = parse(t);
        extract(tree);
        return check(tree);
      }),
  ]);
  ratios.push({
    name,
    real: name.startsWith('real') || name === 'fixtures (all)',
    pipeline: tRemark / tPipeline,
    pipelineCpu: cRemark / cPipeline,
    parseExtract: tRemark / tParseExtract,
    ceiling: tRemark / tTree,
    overTree: tPipeline / tTree,
  });
  say(
    `| ${name} | ${chars} | ${fmt(tRemark)} ms | ${fmt(tParse)} ms (${mchar(chars, tParse)}) | ${fmt(tParseExtract)} ms | ${fmt(tCheck)} ms | ${fmt(tMarkdown)} ms | ${fmt(tPipeline)} ms (${mchar(chars, tPipeline)}) | ${fmt(tTree)} ms | ${fmt(tRemark / tPipeline, 2)}× | ${fmt(tRemark / tParseExtract, 2)}× | ${fmt(tRemark / tTree, 2)}× | ${fmt(tPipeline / tTree, 2)}× | ${fmt(cRemark)} / ${fmt(cPipeline)} | ${fmt(cRemark / cPipeline, 2)}× |`,
  );
}
say();

// Recognizers-Text: Chinese currency + datetime, on the seed (it takes about a second per report).
const rtStart = performance.now();
const rtRuns = 3;
for (let i = 0; i < rtRuns; i++) {
  RT.recognizeCurrency(seed, RT.Culture.Chinese);
  RT.recognizeDateTime(seed, RT.Culture.Chinese);
}
const tRT = (performance.now() - rtStart) / rtRuns;
const tSeedPipeline = await ms(() => {
  const tree = parse(seed);
  extract(tree);
  return check(tree);
});
say(
  `Recognizers-Text (Chinese currency + datetime) on the seed: ${fmt(tRT, 1)} ms per report, ${mchar(seed.length, tRT)} Mchar/s; jixiao's whole pipeline is **${fmt(tRT / tSeedPipeline, 0)}×** faster.`,
);
say();

// ---------------------------------------------------------------------------
// Adversarial inputs: per-character cost against a normal report's
say('## Adversarial inputs');
say();
const normal = generated[100_000];
const tNormal = await ms(() => {
  const tree = parse(normal);
  extract(tree);
  return check(tree);
}, 600);
const perCharNormal = tNormal / normal.length;
const normalTree = parse(normal);
const markdownPerCharNormal = (await ms(() => toMarkdown(normalTree), 600)) / normal.length;
const K100 = 100_000;
const repeat = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const noPunctuation = (() => {
  const chars =
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
  let out = '';
  for (let i = 0; out.length < 1_000_000; i++) out += chars[(i * 7919) % chars.length];
  return out;
})();
const adversarial = [
  ['100 KB of digits', repeat('1234567890', K100)],
  ['100 KB of （一）', repeat('（一）', K100)],
  ['100 KB of 一是', repeat('一是', K100)],
  ['100 KB of 1. (a decimal chain)', repeat('1.', K100)],
  ['100 KB of １．１．', repeat('１．１．', K100)],
  ['100 KB of small tables of contents', repeat('目录\n一、基本情况\n一、基本情况\n正文。\n', K100)],
  ['100 KB of 万元', repeat('万元', K100)],
  ['100 KB of 2020年', repeat('2020年', K100)],
  ['one 1 MB line, no punctuation', QUICK ? noPunctuation.slice(0, K100) : noPunctuation],
  ['50,000 lines of one character', repeat('字\n', 100_000)],
  ['100 KB of figures between spaces', repeat('1万元 ', K100)],
  ['100 KB of dated clauses', repeat('9月7日，开展培训；', K100)],
];
say(`Normal report (generated 100 KB, whole pipeline): ${fmt(perCharNormal * 1e6, 1)} ns per character.`);
say();
/** Heap bytes the tree of `text` keeps, averaged over `copies` trees (needs --expose-gc), or NaN. */
function treeBytes(text, copies = 1) {
  if (!global.gc) return NaN;
  const keep = [];
  global.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < copies; i++) keep.push(parse(text));
  global.gc();
  const bytes = (process.memoryUsage().heapUsed - before) / copies;
  do_not_optimize(keep);
  return bytes;
}
const treePerCharNormal = treeBytes(normal) / normal.length;
say(
  'The last two columns compare the tree each input makes, per character, with a normal report’s, and the cost per byte of tree: an input that makes a node of every character costs more per character, but not more per node.',
);
say();
say(
  '| input | chars | pipeline | ns per char | × normal | tree bytes per char × normal | cost per tree byte × normal | toMarkdown per char × normal | × normal (CPU) |',
);
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const pipelineOn = (text) => () => {
  const tree = parse(text);
  extract(tree);
  return check(tree);
};
const adversarialRatios = [];
for (const [name, text] of adversarial) {
  const t = await ms(() => {
    const tree = parse(text);
    extract(tree);
    return check(tree);
  }, 800);
  const perChar = t / text.length;
  const treeRatio = treeBytes(text) / text.length / treePerCharNormal;
  const tree = parse(text);
  const markdownRatio = (await ms(() => toMarkdown(tree), 400)) / text.length / markdownPerCharNormal;
  // Per character against the normal report in CPU time, the two in turn (see cpuMs): the target's measure.
  const [cNormal, cText] = cpuMs([pipelineOn(normal), pipelineOn(text)]);
  const cpuRatio = cText / text.length / (cNormal / normal.length);
  adversarialRatios.push({ name, ratio: perChar / perCharNormal, cpuRatio });
  // Trees under a tenth of a normal report's bytes per character are too small to divide by.
  const perByte = treeRatio >= 0.1 ? fmt(perChar / perCharNormal / treeRatio, 2) : '—';
  say(
    `| ${name} | ${text.length} | ${fmt(t, 1)} ms | ${fmt(perChar * 1e6, 1)} | ${fmt(perChar / perCharNormal, 2)} | ${treeRatio >= 0.1 ? fmt(treeRatio, 2) : '< 0.1'} | ${perByte} | ${fmt(markdownRatio, 2)} | ${fmt(cpuRatio, 2)} |`,
  );
}
say();

// ---------------------------------------------------------------------------
// Linearity: one 1 MB report against a hundred 10 KB reports
let linear;
if (!QUICK) {
  say('## Linearity');
  say();
  const small = Array.from({ length: 100 }, (_, i) => report(10_000, 1000 + i));
  const smallChars = small.reduce((n, t) => n + t.length, 0);
  const bigReport = generated[1_000_000];
  const tBig = await ms(() => {
    const tree = parse(bigReport);
    extract(tree);
    return check(tree);
  }, 2000);
  const tSmall = await ms(
    () =>
      small.map((t) => {
        const tree = parse(t);
        extract(tree);
        return check(tree);
      }),
    2000,
  );
  const perCharBig = tBig / bigReport.length;
  const perCharSmall = tSmall / smallChars;
  linear = perCharBig / perCharSmall;
  say(
    `One ${bigReport.length}-character report: ${fmt(tBig, 1)} ms. A hundred 10 KB reports (${smallChars} characters): ${fmt(tSmall, 1)} ms. Per character the large report costs **${fmt(linear, 2)}×** the small ones.`,
  );
  say();
}

// ---------------------------------------------------------------------------
// Per-report fixed cost: 1,000 one-paragraph reports against one report of the same paragraphs
say('## Per-report fixed cost');
say();
const paragraphs = Array.from(
  { length: 1000 },
  (_, i) =>
    `${(i % 9) + 1}月${(i % 27) + 1}日，项目资金${100 + i}.5万元到位，完成率${80 + (i % 20)}%，培训${i % 50}名干部。`,
);
const oneReport = paragraphs.join('\n');
const pipelineOf = (text) => {
  const tree = parse(text);
  extract(tree);
  return check(tree);
};
/**
 * Median CPU time (ms, process.cpuUsage) of `many(setupMany())` and of `one(setupOne())`, timing only
 * those calls, the two alternating sample by sample. Wall-clock medians taken one after the other
 * put the ratio anywhere from 1.47× to 2.85× on this shared 2-core machine: the other processes'
 * load, and garbage-collector phases (incremental marking over a heap grown by earlier sections)
 * that covered one measurement and not the other. Alternating gives both the same conditions.
 */
function cpuPair(setupMany, many, setupOne, one, samples = QUICK ? 15 : 41) {
  const median = (xs) => xs.sort((x, y) => x - y)[xs.length >> 1];
  const a = [];
  const b = [];
  for (let i = 0; i < samples + 3; i++) {
    let input = setupMany();
    let start = cpu();
    do_not_optimize(many(input));
    const tMany = cpu() - start;
    input = setupOne();
    start = cpu();
    do_not_optimize(one(input));
    const tOne = cpu() - start;
    // The first rounds warm up.
    if (i >= 3) {
      a.push(tMany);
      b.push(tOne);
    }
  }
  return [median(a), median(b)];
}
const none = () => undefined;
const [tMany, tOne] = cpuPair(
  none,
  () => paragraphs.map(pipelineOf),
  none,
  () => pipelineOf(oneReport),
);
const [tCheckMany, tCheckOne] = cpuPair(
  () => paragraphs.map((t) => parse(t)),
  (trees) => trees.map((tree) => check(tree)),
  () => parse(oneReport),
  (tree) => check(tree),
);
const fixedCost = tMany / tOne;
say(
  `1,000 one-paragraph reports (${oneReport.length - 999} characters in all): ${fmt(tMany, 1)} ms of CPU for the whole pipeline, ${fmt(tCheckMany, 1)} ms of it checking. The same paragraphs as one report: ${fmt(tOne, 1)} ms, ${fmt(tCheckOne, 1)} ms checking. Per report, set-up costs **${fmt(fixedCost, 2)}×** (check alone ${fmt(tCheckMany / tCheckOne, 2)}×): ${fmt(((tMany - tOne) / 1000) * 1000, 1)} µs per report.`,
);
say();

// ---------------------------------------------------------------------------
// Memory: the heap a tree takes
say('## Memory');
say();
say('| input | UTF-8 bytes | tree heap | × input |');
say('|---|---:|---:|---:|');
const heapRatios = [];
for (const [name, text] of [
  ['seed', seed],
  ...Object.entries(generated).map(([n, t]) => [`generated ${Number(n) / 1000} KB`, t]),
]) {
  if (!global.gc) break;
  const bytes = Buffer.byteLength(text, 'utf8');
  // Small trees are averaged over many copies, to rise above the heap's noise.
  const per = treeBytes(text, bytes < 50_000 ? 50 : 1);
  heapRatios.push({ name, ratio: per / bytes });
  say(`| ${name} | ${bytes} | ${(per / 1024).toFixed(0)} KiB | ${fmt(per / bytes, 1)} |`);
}
if (!global.gc) say('(run with node --expose-gc to measure the heap; `npm run bench` does)');
say();

// ---------------------------------------------------------------------------
// The CLI over 2,000 generated reports
say('## The CLI over 2,000 reports');
say();
const folder = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const count = QUICK ? 400 : 2000;
for (let i = 0; i < count; i++)
  writeFileSync(join(folder, `report-${String(i).padStart(4, '0')}.txt`), report(2000 + (i % 7) * 800, i));

/** Runs the CLI; peak RSS from /proc (VmHWM), polled while it runs (Linux). */
function runCli(jobs) {
  return new Promise((done) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'check', folder, '--format', 'json', '--jobs', String(jobs)],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        // finished between polls
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      done({ seconds: (performance.now() - start) / 1000, peak, code });
    });
  });
}
say('| jobs | files | seconds | files/s | peak RSS |');
say('|---:|---:|---:|---:|---:|');
const cli = [];
for (const jobs of [1, 2]) {
  const r = await runCli(jobs);
  cli.push({ jobs, ...r });
  say(
    `| ${jobs} | ${count} | ${fmt(r.seconds, 2)} | ${(count / r.seconds).toFixed(0)} | ${(r.peak / 2 ** 20).toFixed(0)} MB |`,
  );
}
rmSync(folder, { recursive: true, force: true });
say();

// ---------------------------------------------------------------------------
// The CLI by format, one job
say('## The CLI by format (`--jobs 1`)');
say();
const formatFiles = QUICK ? 100 : 300;
const byFormat = await cliByFormat({ files: formatFiles, runs: QUICK ? 1 : 3 });
say(
  `\`jixiao check --format json --jobs 1\` over ${formatFiles} copies of the seed in each format (median of ${QUICK ? 1 : 3} runs; wall-clock on a shared machine, and files per second of the process's CPU time, all threads). Where one file's time goes, on warm code in this process (ms): read (the bytes), decode (to text: the encoding; for .docx the lean reader, or mammoth for packages it leaves to mammoth; pdf.js for PDF), parse, check, write (its JSON).`,
);
say();
say('| format | files/s | wall s (min–max) | files per CPU s | read | decode | parse | check | write |');
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of byFormat)
  say(
    `| ${r.format} | ${r.filesPerSecond.toFixed(0)} | ${fmt(r.wall, 2)} (${fmt(r.range[0], 2)}–${fmt(r.range[1], 2)}) | ${r.filesPerCpuSecond.toFixed(0)} | ${['read', 'decode', 'parse', 'check', 'write'].map((k) => fmt(r.stages[k], 3)).join(' | ')} |`,
  );
say();

// ---------------------------------------------------------------------------
// Targets (issue 7)
say('## Targets');
say();
const worst = (list, key) => list.reduce((a, b) => (b[key] < a[key] ? b : a));
const slowestPipeline = worst(ratios, 'pipeline');
const slowestParse = worst(ratios, 'parseExtract');
const worstAdversarial = adversarialRatios.reduce((a, b) => (b.cpuRatio > a.cpuRatio ? b : a));
const worstHeap = heapRatios.length ? heapRatios.reduce((a, b) => (b.ratio > a.ratio ? b : a)) : undefined;
const verdict = (ok) => (ok ? 'met' : '**missed**');
say('| target | measured | |');
say('|---|---|---|');
say(
  `| pipeline ≥ 3× remark-parse | ${fmt(slowestPipeline.pipeline, 2)}× (lowest, ${slowestPipeline.name}) | ${verdict(slowestPipeline.pipeline >= 3)} |`,
);
say(
  `| parse + extract ≥ 5× remark-parse | ${fmt(slowestParse.parseExtract, 2)}× (lowest, ${slowestParse.name}) | ${verdict(slowestParse.parseExtract >= 5)} |`,
);
const lowestCeiling = worst(ratios, 'ceiling');
say(
  `| (ceiling: remark-parse ÷ making the tree's objects alone) | ${fmt(lowestCeiling.ceiling, 2)}× (lowest, ${lowestCeiling.name}) | no pipeline that returns this tree can do better |`,
);
say(
  `| pipeline ≥ 1,000× Recognizers-Text | ${fmt(tRT / tSeedPipeline, 0)}× (seed) | ${verdict(tRT / tSeedPipeline >= 1000)} |`,
);
say(
  `| adversarial per-char cost ≤ 3× normal (CPU time) | ${fmt(worstAdversarial.cpuRatio, 2)}× (worst, ${worstAdversarial.name}; median of mitata ${fmt(worstAdversarial.ratio, 2)}×) | ${verdict(worstAdversarial.cpuRatio <= 3)} |`,
);
if (linear !== undefined) say(`| 1 MB ≤ 1.3× a hundred 10 KB | ${fmt(linear, 2)}× | ${verdict(linear <= 1.3)} |`);
if (worstHeap)
  say(
    `| tree heap ≤ 30× input | ${fmt(worstHeap.ratio, 1)}× (worst, ${worstHeap.name}) | ${verdict(worstHeap.ratio <= 30)} |`,
  );
const realRows = ratios.filter((r) => r.real);
const slowestReal = worst(realRows, 'pipelineCpu');
const heaviestReal = realRows.reduce((a, b) => (b.overTree > a.overTree ? b : a));
say(
  `| real report text: pipeline ≥ 1.5× remark-parse (CPU time) | ${fmt(slowestReal.pipelineCpu, 2)}× (lowest, ${slowestReal.name}; ${realRows.map((r) => `${r.name.split(' (')[0]} ${fmt(r.pipelineCpu, 2)}×`).join(', ')}) | ${verdict(slowestReal.pipelineCpu >= 1.5)} |`,
);
say(
  `| real report text: pipeline ≤ 2× tree alone | ${fmt(heaviestReal.overTree, 2)}× (highest, ${heaviestReal.name}) | ${verdict(heaviestReal.overTree <= 2)} |`,
);
say(
  `| 1,000 one-paragraph reports ≤ 2× one report of the same length | ${fmt(fixedCost, 2)}× | ${verdict(fixedCost <= 2)} |`,
);
const fps = (f) => byFormat.find((r) => r.format === f);
say(
  `| CLI, one job: .txt ≥ 400 files/s | ${fps('.txt').filesPerSecond.toFixed(0)} files/s (${fps('.txt').filesPerCpuSecond.toFixed(0)} per CPU second) | ${verdict(fps('.txt').filesPerSecond >= 400)} |`,
);
say(
  `| CLI, one job: .docx ≥ 100 files/s | ${fps('.docx').filesPerSecond.toFixed(0)} files/s (${fps('.docx').filesPerCpuSecond.toFixed(0)} per CPU second) | ${verdict(fps('.docx').filesPerSecond >= 100)} |`,
);
say(`| CLI, one job: PDF (measured) | ${fps('.pdf').filesPerSecond.toFixed(0)} files/s | recorded |`);
say(
  `| CLI over 2,000 files < 300 MB peak RSS | ${cli.map((c) => `${(c.peak / 2 ** 20).toFixed(0)} MB (${c.jobs} job${c.jobs > 1 ? 's' : ''})`).join(', ')} | ${verdict(cli.every((c) => c.peak < 300 * 2 ** 20))} |`,
);
say();

if (WRITE) {
  const notes = readFileSync(join(ROOT, 'bench', 'notes.md'), 'utf8');
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), `${lines.join('\n')}\n${notes}`);
  console.log('\nwrote docs/benchmarks.md');
}
