import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as jixiao from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('public API', () => {
  it('exports exactly these names', () => {
    // Adding or removing a public name is an API change: update this list on purpose.
    const functions = Object.keys(jixiao).filter((k) => typeof (jixiao as Record<string, unknown>)[k] === 'function');
    expect(functions.sort()).toEqual([
      'JixiaoError',
      'applyFixes',
      'check',
      'configJsonSchema',
      'defaultFigureConfig',
      'detectProfile',
      'extract',
      'fixOf',
      'inferFiscalYear',
      'jixiaoLint',
      'jixiaoParse',
      'jixiaoStringify',
      'matchProfile',
      'normalizeHeading',
      'outline',
      'parse',
      'profileJsonSchema',
      'recommended',
      'remarkJixiao',
      'reportJsonSchema',
      'resolveProfile',
      'resolveSettings',
      'sectionTitle',
      'toMarkdown',
      'toMdast',
    ]);
  });

  it('exports a zod schema for every node type the tree uses', () => {
    const schemas = Object.keys(jixiao).filter((k) => k.endsWith('Schema'));
    for (const name of [
      'Report',
      'Section',
      'SectionTitle',
      'Paragraph',
      'List',
      'ListItem',
      'Text',
      'Marker',
      'Placeholder',
      'ReportTitle',
      'Label',
      'Field',
      'Toc',
      'Lead',
      'Template',
      'Money',
      'Count',
      'Percent',
      'Measure',
      'Date',
      'DocRef',
      'Event',
    ]) {
      expect(schemas).toContain(`${name}Schema`);
    }
  });
});

describe('browser safety', () => {
  it('has no node: import outside src/node', () => {
    const core = sourceFiles(join(ROOT, 'src')).filter((f) => !f.includes(`${join('src', 'node')}`));
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(['"]node:|\bprocess\.|\bBuffer\b/);
    }
  });

  it('bundles for the browser with esbuild', async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'src', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).toContain('parse');
  });
});

describe('built package', () => {
  const dist = join(ROOT, 'dist');
  it.runIf(existsSync(dist))('ships a JSON Schema of the tree generated from the zod schemas', () => {
    const schema = JSON.parse(readFileSync(join(dist, 'schema.json'), 'utf8'));
    expect(schema).toEqual(jixiao.reportJsonSchema());
    expect(schema.$schema).toContain('2020-12');
    expect(JSON.stringify(schema)).toContain('sectionTitle');
    expect(JSON.parse(readFileSync(join(dist, 'profile.schema.json'), 'utf8'))).toEqual(jixiao.profileJsonSchema());
    expect(JSON.parse(readFileSync(join(dist, 'config.schema.json'), 'utf8'))).toEqual(jixiao.configJsonSchema());
  });

  it.runIf(existsSync(dist))('loads from both the ESM and the CommonJS build', () => {
    const out = execFileSync(
      process.execPath,
      [
        '-e',
        "const j=require('./dist/index.cjs');import('./dist/index.js').then(m=>console.log(typeof j.parse, typeof m.parse, j.outline(j.parse('一、基本情况\\n保密')).length))",
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(out.trim()).toBe('function function 1');
  });
});
