// Builds the web console into web/dist: index.html, one stylesheet, the page script and the engine script.
// Classic scripts (IIFE), not modules: Chromium refuses module scripts and workers to pages opened from file://,
// and a classic engine script can also run on the page itself there. File names carry a content hash.
//
//   node web/build.mjs            build and print the sizes
//   node web/build.mjs --serve    build, then serve web/dist on http://127.0.0.1:5173 and rebuild on change
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const pkg = JSON.parse(await readFile(join(here, '..', 'package.json'), 'utf8'));
// Browsers of the last few years (module workers are not needed; TextDecoder('gb18030') is everywhere).
const target = ['chrome100', 'edge100', 'firefox100', 'safari15.4'];

const hashed = (name, ext, bytes) =>
  `assets/${name}-${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.${ext}`;

async function bundle(entry, define = {}, conditions = []) {
  const result = await esbuild.build({
    conditions,
    entryPoints: [join(here, 'src', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target,
    write: false,
    outdir: out,
    charset: 'utf8',
    legalComments: 'eof',
    define: { __VERSION__: JSON.stringify(pkg.version), ...define },
    logLevel: 'warning',
  });
  return result.outputFiles;
}

export async function build() {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'assets'), { recursive: true });
  const files = {};

  // The `worker` condition: packages such as decode-named-character-reference (under remark-parse) have a
  // `browser` build that touches `document`, which a worker does not have; their `worker` build does not.
  const [engine] = await bundle('engine.ts', {}, ['worker']);
  files.engine = hashed('engine', 'js', engine.contents);
  const pageOutputs = await bundle('main.ts', { __ENGINE__: JSON.stringify(files.engine) });
  const js = pageOutputs.find((f) => f.path.endsWith('.js'));
  const css = pageOutputs.find((f) => f.path.endsWith('.css'));
  files.page = hashed('page', 'js', js.contents);
  files.style = hashed('style', 'css', css.contents);

  await writeFile(join(out, files.engine), engine.contents);
  await writeFile(join(out, files.page), js.contents);
  await writeFile(join(out, files.style), css.contents);
  const html = (await readFile(join(here, 'index.html'), 'utf8'))
    .replace('%CSS%', files.style)
    .replace('%JS%', files.page);
  await writeFile(join(out, 'index.html'), html);

  const sizes = [['index.html', Buffer.from(html)], ...[files.page, files.style, files.engine].map((f) => [f, null])];
  const rows = [];
  for (const [name, content] of sizes) {
    const bytes = content ?? (await readFile(join(out, name)));
    rows.push({ file: name, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function report(rows) {
  for (const r of rows) console.log(`${r.file.padEnd(34)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  console.log(`${'total'.padEnd(34)} ${kb(sum('bytes')).padStart(10)}  gzip ${kb(sum('gzip')).padStart(9)}`);
  console.log(`built ${relative(process.cwd(), out) || '.'}/`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  report(await build());
  if (process.argv.includes('--serve')) {
    const { serve } = await import('./scripts/serve.mjs');
    const { watch } = await import('node:fs');
    const server = await serve(out, 5173);
    console.log(`serving ${server.url} (Ctrl+C to stop)`);
    let timer;
    watch(join(here, 'src'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => build().then(report, (error) => console.error(error.message)), 200);
    });
  }
}
