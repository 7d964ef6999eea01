// Builds the web console into web/dist: index.html, one stylesheet, the page script and the engine.
//
// The engine is built once, by esbuild, as ES modules for a module Web Worker: `engine-*.js` and chunks it imports,
// the readers of .docx and .pdf (mammoth, pdf.js) and the CMaps among them, loaded only when such a file comes.
// Where workers are refused (Chromium refuses them, and module scripts, to pages opened from file://) the page runs
// the engine itself from classic scripts made from the same modules (`classic()` below): `engine-inline-*.js` with
// the engine, what it imports at start and a small loader (src/classic.ts), and one `*.classic-*.js` per chunk,
// added by a <script> tag when first imported. The page script is classic too, for file://. File names carry a
// content hash.
//
//   node web/build.mjs            build and print the sizes
//   node web/build.mjs --serve    build, then serve web/dist on http://127.0.0.1:5173 and rebuild on change
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { renderRuleDocs } from './scripts/rule-docs.mjs';

const here = dirname(fileURLToPath(import.meta.url));
/** Where `npm run web` builds to. */
export const DIST = join(here, 'dist');
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

/** The ES modules esbuild wrote, by file name: what each imports statically and dynamically, and its source. */
function moduleGraph(metafile) {
  const graph = new Map();
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    const imports = (kind) => output.imports.filter((i) => i.kind === kind).map((i) => basename(i.path));
    graph.set(basename(path), {
      static: imports('import-statement'),
      dynamic: imports('dynamic-import'),
      entryPoint: output.entryPoint,
      inputs: output.inputs,
    });
  }
  return graph;
}

/** A module and every module it imports statically, directly or not (`dynamic`: and those it imports later). */
function closure(graph, name, dynamic = false) {
  const seen = new Set();
  const visit = (n) => {
    if (seen.has(n)) return;
    seen.add(n);
    const node = graph.get(n);
    for (const i of node.static) visit(i);
    if (dynamic) for (const i of node.dynamic) visit(i);
  };
  visit(name);
  return seen;
}

/**
 * One of esbuild's ES modules as a classic script that registers it for the loader (src/classic.ts): its imports
 * and exports as CommonJS (esbuild's own transform), its dynamic imports of chunks, `import("./chunk.js")` as
 * esbuild writes them, as calls to the loader's `load`. Strict, as the module was.
 */
async function classic(name, code, node) {
  let source = code;
  for (const target of node.dynamic) {
    const call = `import("./${target}")`;
    if (!source.includes(call)) throw new Error(`${name}: no ${call} found to turn into a classic load`);
    source = source.replaceAll(call, `__load("./${target}")`);
  }
  const { code: cjs } = await esbuild.transform(source, {
    format: 'cjs',
    minify: true,
    target,
    charset: 'utf8',
    // pdf.js reads import.meta.url only in its Node code (to load Node modules), never in a browser.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return `(globalThis.jixiaoModules||={})[${JSON.stringify(name)}]=function(require,module,exports,__load){"use strict";${cjs}};\n`;
}

/** Builds the console into `out` (emptied first; web/dist by default). Returns the files' sizes. */
export async function build(out = DIST) {
  const assets = join(out, 'assets');
  await rm(out, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });

  // The engine as ES modules, with chunks; esbuild hashes the names.
  const modules = await esbuild.build({
    ...engineOptions,
    format: 'esm',
    splitting: true,
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
  });
  await writeAll(modules.outputFiles);
  const graph = moduleGraph(modules.metafile);
  const code = new Map(modules.outputFiles.map((f) => [basename(f.path), f.contents]));
  const entry = [...graph.keys()].find((name) => graph.get(name).entryPoint?.endsWith('src/engine.ts'));
  const atStart = closure(graph, entry);

  // The same modules as classic scripts: the engine's with all it imports at start and the loader; one per chunk.
  const chunks = {};
  const classicFiles = new Map();
  for (const name of graph.keys()) {
    if (atStart.has(name)) continue;
    const script = await classic(name, new TextDecoder().decode(code.get(name)), graph.get(name));
    const file = `${name.replace(/\.js$/, '')}.classic-${hash(script)}.js`;
    await writeFile(join(assets, file), script);
    classicFiles.set(name, file);
    chunks[name] = { file, imports: [...closure(graph, name)].filter((n) => n !== name && !atStart.has(n)) };
  }
  const loader = await esbuild.build({
    ...common,
    entryPoints: [join(here, 'src', 'classic.ts')],
    format: 'iife',
    define: { ...common.define, __CHUNKS__: JSON.stringify(chunks), __ENTRY__: JSON.stringify(entry) },
  });
  let inline = '';
  for (const name of atStart) inline += await classic(name, new TextDecoder().decode(code.get(name)), graph.get(name));
  inline += new TextDecoder().decode(loader.outputFiles[0].contents);
  const inlineName = `assets/engine-inline-${hash(inline)}.js`;
  await writeFile(join(out, inlineName), inline);

  const names = { engine: `assets/${entry}`, inline: inlineName };
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

  // The rules' docs pages, for the findings' links (offline too).
  const docsCss = (await esbuild.build({ ...common, entryPoints: [join(here, 'src', 'docs.css')], outdir: out }))
    .outputFiles[0].contents;
  names.docsStyle = `assets/docs-${hash(docsCss)}.css`;
  await writeFile(join(out, names.docsStyle), docsCss);
  const ruleDocs = await renderRuleDocs({
    from: join(here, '..', 'docs', 'rules'),
    to: join(out, 'rules'),
    css: `../${names.docsStyle}`,
    version: pkg.version,
    online: `${pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/docs/rules/`,
  });

  return sizes({ graph, code, entry, atStart, html, js, css, names, inline, classicFiles, ruleDocs, assets });
}

/** What a module holds, for the size report: its entry point's package or file, else its largest inputs'. */
function holds(node) {
  const what = (path) =>
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.replace(/^.*?(src\/|web\/)/, '$1');
  if (node.entryPoint) return what(node.entryPoint);
  const by = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(node.inputs))
    by.set(what(path), (by.get(what(path)) ?? 0) + bytesInOutput);
  return (
    [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2)
      .map(([k]) => k)
      .join(', ') || 'esbuild runtime'
  );
}

/**
 * The files of the build with their sizes (minified and gzipped) and when the page loads each: at start, or with
 * the first file of a kind (what reading it loads that is not loaded at start), and the totals of each.
 */
async function sizes({ graph, code, entry, atStart, html, js, css, names, inline, classicFiles, ruleDocs, assets }) {
  const row = (file, bytes, note) => ({ file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, note });
  const reader = (source) => [...graph.keys()].find((n) => graph.get(n).entryPoint?.endsWith(source));
  const loads = (source, without = new Set()) => {
    const name = reader(source);
    return new Set(name ? [...closure(graph, name, true)].filter((n) => !atStart.has(n) && !without.has(n)) : []);
  };
  const cmaps = loads('src/read/cmaps-gb.ts');
  const kinds = [
    ['the first .docx', loads('src/read/docx.ts')],
    ['the first .pdf', loads('src/read/pdf.ts', cmaps)],
    ['the first PDF needing a CMap', cmaps],
  ];
  const start = [
    row('index.html', Buffer.from(html), 'the page'),
    row(names.page, js.contents, 'the page'),
    row(names.style, css.contents, 'the page'),
  ];
  const rows = [...start];
  for (const name of graph.keys()) {
    const at = atStart.has(name)
      ? name === entry
        ? 'at start: the engine'
        : 'at start'
      : `with ${
          kinds
            .filter(([, set]) => set.has(name))
            .map(([kind]) => kind)
            .join(' or ') || 'its first use'
        }`;
    const r = row(`assets/${name}`, code.get(name), `${at} (${holds(graph.get(name))})`);
    rows.push(r);
    if (atStart.has(name)) start.push(r);
  }
  rows.push(row(names.inline, Buffer.from(inline), 'file:// only: the engine, classic'));
  for (const [, file] of classicFiles)
    rows.push(row(`assets/${file}`, await readFile(join(assets, file)), 'file:// only'));
  const docs = ruleDocs.map((d) => row(d.id, Buffer.from(d.html)));
  rows.push({
    file: `rules/*.html (${docs.length} pages)`,
    bytes: docs.reduce((n, r) => n + r.bytes, 0),
    gzip: docs.reduce((n, r) => n + r.gzip, 0),
    note: "the rules' docs, opened from a finding",
  });
  const sum = (label, chosen) => ({
    label,
    bytes: chosen.reduce((n, r) => n + r.bytes, 0),
    gzip: chosen.reduce((n, r) => n + r.gzip, 0),
  });
  const totals = [
    sum('loaded at start', start),
    ...kinds.map(([kind, set]) =>
      sum(
        `added by ${kind}`,
        rows.filter((r) => set.has(r.file.replace('assets/', ''))),
      ),
    ),
  ];
  return { rows, totals };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function report({ rows, totals }) {
  const line = (label, r) => `${label.padEnd(46)} ${kb(r.bytes).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}`;
  for (const r of rows) console.log(`${line(r.file, r)}  ${r.note}`);
  for (const t of totals) console.log(line(t.label, t));
  console.log(`built ${relative(process.cwd(), DIST) || '.'}/`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  report(await build());
  if (process.argv.includes('--serve')) {
    const { serve } = await import('./scripts/serve.mjs');
    const { watch } = await import('node:fs');
    const server = await serve(DIST, 5173);
    console.log(`serving ${server.url} (Ctrl+C to stop)`);
    let timer;
    watch(join(here, 'src'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => build().then(report, (error) => console.error(error.message)), 200);
    });
  }
}
