/**
 * Findings of a batch written the way the CLI writes them (`jixiao check --format json|sarif`), plus CSV for
 * spreadsheets. Pure: no DOM.
 */
import type { Finding, RuleInfo } from '../protocol.js';
import { toCsv } from './csv.js';

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
  const rows: Array<Record<string, unknown>> = [];
  for (const f of files) {
    if (!f.ok) rows.push({ file: f.file, severity: 'error', ruleId: f.code, message: f.reason });
    for (const finding of f.findings) rows.push({ file: f.file, ...plain(finding) });
  }
  return toCsv(FINDING_COLUMNS, rows);
}

/**
 * SARIF 2.1.0: one run, the rules with their help links, one result per finding, and the files that could not be
 * read as tool execution notifications. Paths are the names the files were given (relative to the folder dropped),
 * under the `%SRCROOT%` base, so no folder of the reviewer's machine is written into the log.
 */
export function findingsSarif(files: readonly FileFindings[], rules: readonly RuleInfo[], version: string): string {
  const location = (file: string) => ({ uri: encodeURI(file), uriBaseId: '%SRCROOT%' });
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const f of files) {
    if (!f.ok) {
      notifications.push({
        level: 'error',
        message: { text: `cannot read: ${f.reason}` },
        descriptor: { id: f.code },
        locations: [{ physicalLocation: { artifactLocation: location(f.file) } }],
      });
    }
    for (const m of f.findings) {
      results.push({
        ruleId: m.ruleId,
        ruleIndex: rules.findIndex((r) => r.id === m.ruleId),
        level: m.severity === 'error' ? 'error' : 'warning',
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location(f.file),
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jixiao',
            version,
            informationUri: 'https://github.com/jixiao-dev/jixiao',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.summary.en },
              fullDescription: { text: r.summary.zh },
              helpUri: r.url,
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
