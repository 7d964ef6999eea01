/**
 * The engine: reads, parses, checks and extracts every file, keeps the results, and writes exports. It runs in a
 * Web Worker, so a batch of hundreds of files never blocks the page; where a worker cannot start (a page opened
 * from file:// in Chromium) the page loads this same code as classic scripts (web/build.mjs) and runs it between its
 * own tasks.
 *
 * Everything here uses jixiao's public API (`src/index.ts`, `src/markdown.ts`) and its readers (`src/read/index.ts`,
 * through `read.ts`).
 */
import {
  DOCS_URL,
  check,
  detectProfile,
  extract,
  parse,
  profiles,
  resolveProfile,
  resolveSettings,
  rules,
  sectionTitle,
  type CheckOptions,
  type FlowContent,
  type ParseOptions,
  type Report,
  type RuleSetting,
} from '../../src/index.js';
import { fromMarkdown, toMarkdown } from '../../src/markdown.js';
import { HEADERS } from '../../src/node/format/records.js';
import { findingsCsv, findingsJson, findingsSarif, type FileFindings } from './lib/findings.js';
import { findingsIn, isTableRow, recordsCsv, recordsWorkbook, type FileRecords, type Pick } from './lib/records.js';
import type {
  Details,
  EngineConfig,
  EngineFactory,
  Envelope,
  ExportKind,
  FileSummary,
  Finding,
  OutlineNode,
  Post,
  RecordRow,
  Reply,
  Request,
  RuleInfo,
} from './protocol.js';
import { readBytes, readOptions } from './read.js';

/** The parser for what a reader found: Markdown (a .md file, with jixiao/markdown) or plain text. */
const parserOf = (format: 'text' | 'markdown' | undefined): ((text: string, options: ParseOptions) => Report) =>
  format === 'markdown' ? fromMarkdown : parse;

/** What the engine keeps of one file. */
interface Entry {
  id: number;
  name: string;
  file: Blob;
  text?: string;
  format?: 'text' | 'markdown';
  /** The tables a Word or PDF reader found in `text`, for every later parse of it. */
  tables?: ParseOptions['tables'];
  findings: Finding[];
  records: RecordRow[];
  summary: FileSummary;
}

export const RULES: RuleInfo[] = rules.map((r) => ({
  id: r.id,
  severity: r.severity,
  summary: r.summary,
  url: `${DOCS_URL}${r.id}.md`,
  // Rendered by web/build.mjs from docs/rules/<id>.md.
  docs: `rules/${r.id}.html`,
}));

/**
 * Lets messages from the page in between two files: a MessageChannel round trip (no timer clamping: 500 files
 * would wait 4 ms each behind nested setTimeouts). One channel, held by the engine: a channel made per call and
 * held by nothing can be collected before its message arrives, and the batch would stop there.
 */
function yielder(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The sections of a report as a nested outline, with where each starts. */
function outlineOf(tree: Report): OutlineNode[] {
  const walk = (nodes: readonly FlowContent[]): OutlineNode[] => {
    const out: OutlineNode[] = [];
    for (const node of nodes) {
      if (node.type !== 'section') continue;
      out.push({
        marker: node.marker.raw,
        title: sectionTitle(node),
        depth: node.depth,
        start: node.position.start.offset,
        line: node.position.start.line,
        children: walk(node.children.slice(1) as FlowContent[]),
      });
    }
    return out;
  };
  return walk(tree.children);
}

/** The summary of a file not read yet (or not readable): nothing counted. */
const unread = (id: number, name: string, file: Blob): FileSummary => ({
  id,
  name,
  size: file.size,
  ok: false,
  readWarnings: [],
  errors: 0,
  warnings: 0,
  figures: 0,
  tableRows: 0,
});

/** A file name without its folders and extension, for the names of exported files. */
const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'report';

/**
 * Creates an engine that answers requests through `post`. Files are processed one at a time, in the order given;
 * a new configuration re-checks every file already read.
 */
export function createEngine(post: Post): (request: Request) => void {
  const entries = new Map<number, Entry>();
  let config: EngineConfig = { rules: {}, locale: 'zh-CN' };
  let reading = readOptions(config);
  const queue: number[] = [];
  const queued = new Set<number>();
  // The files of the current run (since the queue was last empty) and those of them finished: a file queued again
  // (the settings changed while it was being checked) counts once, so progress ends at the number of files.
  const run = new Set<number>();
  const finished = new Set<number>();
  let running = false;
  const yieldToEvents = yielder();

  const checkOptions = (): CheckOptions => ({
    rules: config.rules as Record<string, RuleSetting>,
    locale: config.locale,
    ...(config.profile ? { profile: config.profile as CheckOptions['profile'] & object } : {}),
  });

  async function process(entry: Entry): Promise<void> {
    const summary = unread(entry.id, entry.name, entry.file);
    entry.summary = summary;
    entry.findings = [];
    entry.records = [];
    delete entry.text;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await entry.file.arrayBuffer());
    } catch (error) {
      summary.code = 'unreadable';
      summary.reason =
        config.locale === 'en'
          ? `cannot read it (${errorText(error)}); choose the file again`
          : `无法读取（${errorText(error)}）；请重新选择该文件`;
      return;
    }
    const read = await readBytes(bytes, entry.name, reading);
    if (!read.ok) {
      summary.code = read.code;
      summary.reason = read.reason;
      return;
    }
    try {
      // The tables a Word or PDF reader found in its text (jixiao/read's readBytes gives them).
      const tables = (read as { tables?: ParseOptions['tables'] }).tables;
      const tree = parserOf(read.format)(read.text, { tables });
      const messages = check(tree, checkOptions());
      entry.findings = messages.map((m): Finding => {
        const place = m.place && 'start' in m.place ? m.place : undefined;
        // The node the finding relates to (score-mismatch: the form's total), so the form's row is marked too.
        const cause = m.cause as { place?: unknown } | undefined;
        const related =
          cause?.place && typeof cause.place === 'object' && 'start' in cause.place
            ? (cause.place as { start: { offset?: number }; end: { offset?: number } })
            : undefined;
        return {
          ruleId: m.ruleId ?? '',
          severity: m.fatal ? 'error' : 'warning',
          message: m.reason,
          url: m.url ?? '',
          line: place?.start.line ?? m.line ?? 1,
          column: place?.start.column ?? m.column ?? 1,
          endLine: place?.end.line ?? m.line ?? 1,
          endColumn: place?.end.column ?? m.column ?? 1,
          start: place?.start.offset ?? 0,
          end: place?.end.offset ?? place?.start.offset ?? 0,
          ...(related?.start.offset !== undefined && related.end.offset !== undefined
            ? { related: { start: related.start.offset, end: related.end.offset } }
            : {}),
        };
      });
      entry.records = extract(tree) as unknown as RecordRow[];
      entry.text = read.text;
      entry.format = read.format;
      entry.tables = tables;
      const profile =
        typeof config.profile === 'string'
          ? config.profile
          : config.profile
            ? String(config.profile.id ?? 'custom')
            : detectProfile(tree).profile.id;
      const totalRow = entry.records.find((r) => r.kind === 'total');
      Object.assign(summary, {
        ok: true,
        format: read.format,
        readWarnings: read.warnings,
        errors: entry.findings.filter((f) => f.severity === 'error').length,
        warnings: entry.findings.filter((f) => f.severity === 'warning').length,
        profile,
        figures: entry.records.filter((r) => !isTableRow(r)).length,
        tableRows: entry.records.filter(isTableRow).length,
      } satisfies Partial<FileSummary>);
      if (read.encoding) summary.encoding = read.encoding;
      if (tree.data.fiscalYear) summary.year = tree.data.fiscalYear.year;
      if (totalRow && typeof totalRow.score === 'number') summary.score = totalRow.score;
    } catch (error) {
      // A bug in jixiao must not stop the batch: say so plainly, as the CLI does.
      summary.code = 'internal';
      summary.reason =
        config.locale === 'en'
          ? `jixiao failed on this file (${errorText(error)}); please report it`
          : `jixiao 处理该文件时出错（${errorText(error)}）；请报告此问题`;
    }
  }

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    while (queue.length > 0) {
      const id = queue.shift()!;
      queued.delete(id);
      const entry = entries.get(id);
      if (!entry) continue;
      await process(entry);
      if (!entries.has(id)) continue; // cleared meanwhile
      finished.add(id);
      post({ type: 'result', summary: entry.summary, done: finished.size, total: run.size });
      await yieldToEvents();
    }
    run.clear();
    finished.clear();
    running = false;
  }

  function enqueue(ids: Iterable<number>): void {
    for (const id of ids) {
      if (queued.has(id)) continue;
      queued.add(id);
      queue.push(id);
      run.add(id);
    }
    void pump();
  }

  function details(id: number): Details | undefined {
    const entry = entries.get(id);
    if (!entry || entry.text === undefined) return undefined;
    const tree = parserOf(entry.format)(entry.text, { tables: entry.tables });
    return {
      id,
      name: entry.name,
      text: entry.text,
      outline: outlineOf(tree),
      findings: entry.findings,
      figures: entry.records.filter((r) => !isTableRow(r)),
      tables: entry.records
        .filter(isTableRow)
        .map((row) => ({ row, findings: findingsIn(row, entry.findings, entry.text!) })),
    };
  }

  async function exportFile(kind: ExportKind, ids: number[]): Promise<Reply> {
    const chosen = ids.map((id) => entries.get(id)).filter((e): e is Entry => e !== undefined);
    const one = chosen.length === 1 ? stem(chosen[0]!.name) : 'jixiao';
    const findings = (): FileFindings[] =>
      chosen.map((e) => ({
        file: e.name,
        ok: e.summary.ok,
        ...(e.summary.code ? { code: e.summary.code, reason: e.summary.reason ?? '' } : {}),
        findings: e.findings,
      }));
    const records = (): FileRecords[] =>
      chosen.filter((e) => e.summary.ok).map((e) => ({ file: e.name, records: e.records }));
    const text = (name: string, mime: string, content: string): Reply => ({
      type: 'file',
      name,
      mime,
      bytes: new TextEncoder().encode(content),
    });
    switch (kind) {
      case 'findings-csv':
        return text(`${one}.findings.csv`, 'text/csv;charset=utf-8', findingsCsv(findings()));
      case 'findings-json':
        return text(`${one}.findings.json`, 'application/json', findingsJson(findings()));
      case 'findings-sarif':
        return text(`${one}.sarif`, 'application/sarif+json', findingsSarif(findings(), __VERSION__, config.locale));
      case 'figures-csv':
      case 'tables-csv': {
        const pick: Pick = kind === 'figures-csv' ? 'all' : 'tables';
        return text(
          `${one}.${pick === 'all' ? 'figures' : 'tables'}.csv`,
          'text/csv;charset=utf-8',
          recordsCsv(records(), pick),
        );
      }
      case 'figures-xlsx':
      case 'tables-xlsx': {
        const pick: Pick = kind === 'figures-xlsx' ? 'all' : 'tables';
        const { sheets, options } = recordsWorkbook(records(), pick, config.locale);
        // The workbook and zip writers are chunks of their own, loaded on the first export that needs them.
        const { default: writeXlsxFile } = await import('write-excel-file/universal');
        const blob = await writeXlsxFile(sheets as never, options as never).toBlob();
        return {
          type: 'file',
          name: `${one}${pick === 'all' ? '' : '.tables'}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: new Uint8Array(await blob.arrayBuffer()),
        };
      }
      case 'markdown': {
        const readable = chosen.filter((e) => e.text !== undefined);
        const markdown = (e: Entry) => toMarkdown(parserOf(e.format)(e.text!, { tables: e.tables }));
        if (chosen.length === 1 && readable.length === 1)
          return text(`${one}.md`, 'text/markdown;charset=utf-8', markdown(readable[0]!));
        // Many files: a zip of one Markdown file each, in the folders they came from.
        const { zipSync } = await import('fflate');
        const files: Record<string, Uint8Array> = {};
        const encoder = new TextEncoder();
        for (const e of readable) {
          const base = e.name.replace(/\.[^./\\]+$/, '');
          let path = `${base}.md`;
          for (let n = 2; path in files; n++) path = `${base} (${n}).md`;
          files[path] = encoder.encode(markdown(e));
        }
        const skipped = chosen.filter((e) => e.text === undefined).map((e) => e.name);
        return {
          type: 'file',
          name: 'jixiao-markdown.zip',
          mime: 'application/zip',
          bytes: zipSync(files),
          ...(skipped.length ? { skipped } : {}),
        };
      }
    }
  }

  post({
    type: 'ready',
    rules: RULES,
    profiles: [...profiles.values()].map((p) => ({ id: p.id, name: p.name })),
    version: __VERSION__,
    headers: HEADERS,
  });

  return (request: Request) => {
    switch (request.type) {
      case 'configure': {
        let options;
        try {
          resolveSettings(rules, request.config.rules as Record<string, RuleSetting>);
          if (request.config.profile) resolveProfile(request.config.profile as Parameters<typeof resolveProfile>[0]);
          options = readOptions(request.config);
        } catch (error) {
          post({ type: 'configured', error: errorText(error) });
          return;
        }
        config = request.config;
        reading = options;
        post({ type: 'configured' });
        enqueue(entries.keys());
        return;
      }
      case 'add': {
        for (const f of request.files) {
          entries.set(f.id, {
            id: f.id,
            name: f.name,
            file: f.file,
            findings: [],
            records: [],
            summary: unread(f.id, f.name, f.file),
          });
        }
        enqueue(request.files.map((f) => f.id));
        return;
      }
      case 'details': {
        const found = details(request.id);
        if (found) post({ type: 'details', details: found });
        return;
      }
      case 'export': {
        exportFile(request.kind, request.ids).then(
          (reply) => post(reply, reply.type === 'file' ? [reply.bytes.buffer as ArrayBuffer] : []),
          (error) => post({ type: 'failed', message: errorText(error) }),
        );
        return;
      }
      case 'clear': {
        entries.clear();
        queue.length = 0;
        queued.clear();
        run.clear();
        finished.clear();
        return;
      }
    }
  };
}

// In a worker: answer the page's messages (in their envelope: pdf.js, once loaded here, talks on this channel too).
// On a page (the file:// fallback): hand the page `createEngine`.
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const handle = createEngine((reply, transfer) =>
    self.postMessage({ jixiao: reply } satisfies Envelope<Reply>, transfer ?? []),
  );
  self.onmessage = (event: MessageEvent<Partial<Envelope<Request>> | null>) => {
    if (event.data?.jixiao) handle(event.data.jixiao);
  };
} else {
  (globalThis as { jixiaoEngine?: EngineFactory }).jixiaoEngine = createEngine;
}
