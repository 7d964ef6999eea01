/**
 * Findings of a batch written the way the CLI writes them (`jixiao check --format json|sarif`), plus CSV for
 * spreadsheets. The SARIF log and the CSV cells are the CLI's own code. Pure: no DOM.
 */
import { csvLine, CSV_BOM } from '../../../src/node/format/csv.js';
import { SarifLog } from '../../../src/node/format/sarif-log.js';
import type { Finding } from '../protocol.js';
import type { Locale } from './rc.js';

/** One file's findings, or why it could not be read. */
export interface FileFindings {
  file: string;
  ok: boolean;
  code?: string;
  reason?: string;
  findings: Finding[];
}

const plain = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  line: f.line,
  column: f.column,
  endLine: f.endLine,
  endColumn: f.endColumn,
  message: f.message,
  url: f.url,
});

/**
 * The CLI's JSON: one entry per file, `{file, messages: [{ruleId, severity, line, column, endLine, endColumn,
 * message, url}]}`, or `{file, error: {code, reason}, messages: []}`.
 */
export function findingsJson(files: readonly FileFindings[]): string {
  const entries = files.map((f) =>
    f.ok
      ? { file: f.file, messages: f.findings.map(plain) }
      : { file: f.file, error: { code: f.code, reason: f.reason }, messages: [] },
  );
  return JSON.stringify(entries, null, 2) + '\n';
}

export const FINDING_COLUMNS = [
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'severity',
  'ruleId',
  'message',
  'url',
] as const;

/** One line per finding, and one per unreadable file (its code as `ruleId`, its reason as `message`). */
export function findingsCsv(files: readonly FileFindings[]): string {
  const line = (row: Record<string, unknown>) => csvLine(FINDING_COLUMNS.map((c) => row[c]));
  let out = CSV_BOM + csvLine(FINDING_COLUMNS);
  for (const f of files) {
    if (!f.ok) out += line({ file: f.file, severity: 'error', ruleId: f.code, message: f.reason });
    for (const finding of f.findings) out += line({ file: f.file, ...plain(finding) });
  }
  return out;
}

/**
 * SARIF 2.1.0 as `jixiao check --format sarif` writes it (the same code): paths are the names the files were given
 * (relative to the folder dropped), under the `%SRCROOT%` base, so no folder of the reviewer's machine is written
 * into the log.
 */
export function findingsSarif(files: readonly FileFindings[], version: string, locale: Locale): string {
  const log = new SarifLog();
  for (const f of files) {
    const segments = f.file.split('/');
    if (!f.ok) log.unreadable(segments, f.code ?? '', `${locale === 'en' ? 'cannot read: ' : '无法读取：'}${f.reason}`);
    log.messages(segments, f.findings);
  }
  return log.toString(version);
}
