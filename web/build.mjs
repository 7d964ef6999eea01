// Builds the web console into web/dist: index.html, one stylesheet, the page script and the engine.
//
// The engine is built twice. `engine-*.js` is an ES module for a module Web Worker: the readers of .docx and .pdf
// (mammoth, pdf.js) are split into chunks it loads only when such a file comes. `engine-inline-*.js` is one classic
// script with everything in it, for where workers are refused (Chromium refuses them, and module scripts, to pages
// opened from file://): the page then runs it on the page itself. The page script is classic too, for file://.
// File names carry a content hash.
//
//   node web/build.mjs            build and print the sizes
//   node web/build.mjs --serve    build, then serve web/dist on http://127.0.0.1:5173 and rebuild on change
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const assets = join(out, 'assets');
const pkg = JSON.parse(await readFile(join(here, '..', 'package.json'), 'utf8'));
// Browsers of the last few years (TextDecoder('gb18030') is everywhere; module workers from Firefox 114, and
// older ones fall back to the inline engine).
const target = ['chrome100', 'edge100', 'firefox100', 'safari15.4'];

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/** Options every bundle shares. */
const common = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target,
  write: false,
  charset: 'utf8',
  legalComments: 'eof',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// The `worker` condition: packages such as decode-named-character-reference (under remark-parse) have a `browser`
// build that touches `document`, which a worker does not have; their `worker` build does not.
const engineOptions = { ...common, entryPoints: [join(here, 'src', 'engine.ts')], conditions: ['worker'] };

async function writeAll(files) {
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(file.path, file.contents);
  }
}

export async function build() {
  await rm(out, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });

  // The engine as a module, with chunks; esbuild hashes the names.
  const modules = await esbuild.build({
    ...engineOptions,
    format: 'esm',
    splitting: true,
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
  });
  await writeAll(modules.outputFiles);
  const engine = modules.outputFiles.find((f) => basename(f.path).startsWith('engine-'));
  const chunks = modules.outputFiles.filter((f) => f !== engine);

  // The engine as one classic script, for the page itself.
  const [inline] = (await esbuild.build({ ...engineOptions, format: 'iife', outdir: out })).outputFiles;
  const inlineName = `assets/engine-inline-${hash(inline.contents)}.js`;
  await writeFile(join(out, inlineName), inline.contents);

  const names = { engine: `assets/${basename(engine.path)}`, inline: inlineName };
  const page = await esbuild.build({
    ...common,
    entryPoints: [join(here, 'src', 'main.ts')],
    format: 'iife',
    outdir: out,
    define: {
      ...common.define,
      __ENGINE__: JSON.stringify(names.engine),
      __ENGINE_INLINE__: JSON.stringify(names.inline),
    },
  });
  const js = page.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = page.outputFiles.find((f) => f.path.endsWith('.css'));
  names.page = `assets/page-${hash(js.contents)}.js`;
  names.style = `assets/style-${hash(css.contents)}.css`;
  await writeFile(join(out, names.page), js.contents);
  await writeFile(join(out, names.style), css.contents);
  const html = (await readFile(join(here, 'index.html'), 'utf8'))
    .replace('%CSS%', names.style)
    .replace('%JS%', names.page);
  await writeFile(join(out, 'index.html'), html);

  const size = (file, bytes, note) => ({ file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, note });
  return [
    size('index.html', Buffer.from(html)),
    size(names.page, js.contents, 'the page'),
    size(names.style, css.contents),
    size(names.engine, engine.contents, 'engine, in a worker'),
    ...chunks.map((c) => size(`assets/${basename(c.path)}`, c.contents, 'loaded when needed')),
    size(names.inline, inline.contents, 'engine on the page (file://)'),
  ];
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function report(rows) {
  for (const r of rows)
    console.log(`${r.file.padEnd(36)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}  ${r.note ?? ''}`);
  const first = rows.filter((r) => !/inline|chunk/.test(r.file));
  const sum = (k) => first.reduce((s, r) => s + r[k], 0);
  console.log(
    `${'loaded over HTTP at start'.padEnd(36)} ${kb(sum('bytes')).padStart(10)}  gzip ${kb(sum('gzip')).padStart(9)}`,
  );
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
