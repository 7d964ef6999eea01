/**
 * The messages between the page (main thread) and the engine (a Web Worker, or the same code on the main thread
 * where workers cannot start, as on file:// in Chromium). Plain data only: it crosses threads by structured clone.
 */
import type { Locale } from './lib/rc.js';

/** A rule as the page shows it. */
export interface RuleInfo {
  id: string;
  severity: 'warn' | 'error';
  summary: { zh: string; en: string };
  /** Its docs page online (in exports, as the CLI gives it). */
  url: string;
  /** Its docs page in the build, relative to the page (`rules/<id>.html`): the page links there, offline too. */
  docs: string;
}

export interface ProfileInfo {
  id: string;
  name: string;
}

/** A reader's remark on a file it could read (a .docx comment dropped, say). */
export interface ReadWarning {
  code: string;
  reason: string;
}

/** One file's line in the batch table. */
export interface FileSummary {
  id: number;
  name: string;
  size: number;
  ok: boolean;
  /** Why the file could not be read (the CLI's codes: `binary`, `empty`, `too-large` …) or `internal`. */
  code?: string;
  reason?: string;
  format?: 'text' | 'markdown';
  encoding?: string;
  readWarnings: ReadWarning[];
  errors: number;
  warnings: number;
  profile?: string;
  year?: number;
  /** The total score of the self-evaluation table, when the report has one. */
  score?: number;
  figures: number;
  tableRows: number;
}

/** A checker message, with the UTF-16 offsets of its span in the source. */
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  url: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  /** The span of the node the finding is about besides its own (the form's total the text's score differs from). */
  related?: { start: number; end: number };
}

/**
 * An extracted record: a figure (`extract()`'s `FigureRecord`) or a table row (`indicator`, `budget`, `total`).
 * Figures always have their offsets; a table row's may be `null` (its place in the text not known).
 */
export type RecordRow = Record<string, unknown> & { kind: string; start: number; end: number };

/** A section of the outline, nested. */
export interface OutlineNode {
  marker: string;
  title: string;
  depth: number;
  start: number;
  line: number;
  children: OutlineNode[];
}

/** What the report view shows of one file. */
export interface Details {
  id: number;
  name: string;
  text: string;
  outline: OutlineNode[];
  findings: Finding[];
  figures: RecordRow[];
  /**
   * The rows of the self-evaluation forms (indicators, budget lines, totals), each with the indices (into
   * `findings`) of the findings that point into it.
   */
  tables: Array<{ row: RecordRow; findings: number[] }>;
}

/** The settings the engine checks with. */
export interface EngineConfig {
  profile?: string | Record<string, unknown>;
  rules: Record<string, unknown>;
  locale: Locale;
  /** `encoding`, `maxSize`, `maxExpandedSize` as the settings file has them; the engine checks them (`readOptions`). */
  encoding?: unknown;
  maxSize?: unknown;
  maxExpandedSize?: unknown;
}

export type ExportKind =
  | 'findings-csv'
  | 'findings-json'
  | 'findings-sarif'
  | 'figures-csv'
  | 'figures-xlsx'
  | 'tables-csv'
  | 'tables-xlsx'
  | 'markdown';

export type Request =
  | { type: 'configure'; config: EngineConfig }
  | { type: 'add'; files: Array<{ id: number; name: string; file: Blob }> }
  | { type: 'details'; id: number }
  | { type: 'export'; kind: ExportKind; ids: number[] }
  | { type: 'clear' };

export type Reply =
  | {
      type: 'ready';
      rules: RuleInfo[];
      profiles: ProfileInfo[];
      version: string;
      /** The column headers of the exports (the CLI's, by field), for the page's tables of records. */
      headers: Record<Locale, Record<string, string>>;
    }
  | { type: 'configured'; error?: string }
  | { type: 'result'; summary: FileSummary; done: number; total: number }
  | { type: 'details'; details: Details }
  | { type: 'file'; name: string; mime: string; bytes: Uint8Array; skipped?: string[] }
  | { type: 'failed'; message: string };

/**
 * What crosses between the page and the engine's worker: each message in an envelope of its own, so each side can
 * tell jixiao's from others'. pdf.js, once its module loads in the worker, posts its own `{action: 'ready'}` to the
 * page and listens to the page's messages.
 */
export interface Envelope<T> {
  jixiao: T;
}

/** Sends a reply to the page, handing over the buffers listed (a worker's `postMessage`). */
export type Post = (reply: Reply, transfer?: ArrayBuffer[]) => void;

/** What the engine script offers a page that runs it itself: make an engine that answers through `post`. */
export type EngineFactory = (post: Post) => (request: Request) => void;
