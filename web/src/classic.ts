/**
 * The module loader of the engine's classic build, for pages opened from file://, where Chromium refuses module
 * scripts and workers. web/build.mjs turns each ES module esbuild writes for the worker (the engine and its chunks)
 * into a classic script that registers it, `jixiaoModules[name] = factory`: the module as CommonJS, its dynamic
 * imports calling `load`. The engine's script holds the engine and the chunks it imports at start, then this loader,
 * which runs the engine; a chunk imported later (the .docx reader with mammoth, pdf.js, the CMaps) is fetched by a
 * <script> tag the first time the engine asks for it, as the worker fetches its module. Runs on the page: it needs
 * `document`.
 */

/** A module: its exports, filled by its factory. */
interface Module {
  exports: Record<string, unknown>;
}

type Require = (name: string) => Record<string, unknown>;
type Load = (name: string) => Promise<Record<string, unknown>>;
type Factory = (require: Require, module: Module, exports: Module['exports'], load: Load) => void;

/** Per chunk loaded later: its classic script (relative to this one) and the chunks it imports statically. */
declare const __CHUNKS__: Record<string, { file: string; imports: string[] }>;
/** The engine's module name, run once the engine's script has registered it and its imports. */
declare const __ENTRY__: string;

const global = globalThis as unknown as { jixiaoModules?: Record<string, Factory> };
// Where the engine's script came from: the chunks sit beside it.
const base = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI;
/** The modules registered so far, by the engine's script and by each chunk's script as it runs. */
const factories = (global.jixiaoModules ??= {});
const modules = new Map<string, Module>();
const scripts = new Map<string, Promise<void>>();

/** './chunk-X.js' (as esbuild writes imports) → 'chunk-X.js'. */
const key = (name: string) => name.replace(/^\.\//, '');

/** Runs a registered module once (CommonJS order: on first require), and gives its exports. */
function require(name: string): Module['exports'] {
  const id = key(name);
  let module = modules.get(id);
  if (!module) {
    const factory = Object.hasOwn(factories, id) ? factories[id] : undefined;
    if (!factory) throw new Error(`jixiao: module ${id} is not loaded`);
    module = { exports: {} };
    modules.set(id, module);
    factory(require, module, module.exports, load);
  }
  return module.exports;
}

/** Adds the classic script of a chunk to the page, once; resolves when it has run. */
function script(id: string): Promise<void> {
  let loaded = scripts.get(id);
  if (!loaded) {
    const chunk = __CHUNKS__[id];
    if (!chunk) return Promise.reject(new Error(`jixiao: no chunk ${id}`));
    loaded = new Promise<void>((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = new URL(chunk.file, base).href;
      tag.onload = () => resolve();
      tag.onerror = () => reject(new Error(`jixiao: cannot load ${tag.src}`));
      document.head.append(tag);
    });
    scripts.set(id, loaded);
  }
  return loaded;
}

/** What `import(name)` is in a module: its chunk and the chunks that chunk imports, loaded, then the module. */
function load(name: string): Promise<Module['exports']> {
  const id = key(name);
  const needed = [id, ...(__CHUNKS__[id]?.imports ?? [])].filter((chunk) => !Object.hasOwn(factories, chunk));
  return Promise.all(needed.map(script)).then(() => require(id));
}

// The engine and the chunks it imports at start are registered above this loader in the same script: run it.
require(__ENTRY__);
