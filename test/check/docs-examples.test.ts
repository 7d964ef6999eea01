import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, rules } from '../../src/index.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

interface Example {
  kind: 'ok' | 'not-ok';
  text: string;
  profile?: string;
  year?: number;
  messages?: string[];
}

/** The `report ok|not-ok` blocks of a rule page, each not-ok with its `messages` block. */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const fence = /```(\S+)([^\n]*)\n([^]*?)```/g;
  for (let m = fence.exec(markdown); m; m = fence.exec(markdown)) {
    const [, lang, info, body] = m;
    if (lang === 'report') {
      const attrs = Object.fromEntries([...info!.matchAll(/(\w+)=(\S+)/g)].map((a) => [a[1], a[2]]));
      const kind = info!.trim().split(/\s+/)[0] as Example['kind'];
      out.push({ kind, text: body!, profile: attrs.profile, ...(attrs.year ? { year: Number(attrs.year) } : {}) });
    } else if (lang === 'messages') {
      out[out.length - 1]!.messages = body!.trim().split('\n');
    }
  }
  return out;
}

const only = (id: string) => Object.fromEntries(rules.map((r) => [r.id, r.id === id ? 'error' : 'off'] as const));

describe('rule docs', () => {
  const pages = readdirSync(join(DOCS, 'rules')).filter((f) => f.endsWith('.md'));

  it('has one page per rule, and docs/rules.md lists every rule', () => {
    expect(pages.map((p) => p.replace(/\.md$/, '')).sort()).toEqual(rules.map((r) => r.id).sort());
    const index = readFileSync(join(DOCS, 'rules.md'), 'utf8');
    for (const rule of rules) expect(index).toContain(`| [\`${rule.id}\`](rules/${rule.id}.md) | ${rule.severity} |`);
  });

  it('documents every rule’s options with their defaults, as the rule declares them', () => {
    const show = (value: unknown) =>
      typeof value === 'object'
        ? `\`${JSON.stringify(value).replace(/"/g, '').replace(/,/g, ', ').replace(/:/g, ': ')}\``
        : String(value);
    for (const rule of rules) {
      const page = readFileSync(join(DOCS, 'rules', `${rule.id}.md`), 'utf8');
      const section = /## 选项 \/ Options\n([^]*?)\n## /.exec(page)![1]!;
      const english = section.trim().split('\n\n').pop()!;
      const options = Object.entries(rule.options);
      if (options.length === 0) expect(english, rule.id).toBe('None.');
      for (const [name, spec] of options)
        expect(english, rule.id).toContain(`\`${name}\` (default ${show(spec.default)})`);
      expect(english.match(/`\w+` \(default/g) ?? [], rule.id).toHaveLength(options.length);
    }
  });

  for (const page of pages) {
    const id = page.replace(/\.md$/, '');
    const list = examples(readFileSync(join(DOCS, 'rules', page), 'utf8'));
    it(`${id}: has ok and not-ok examples`, () => {
      expect(list.some((e) => e.kind === 'ok')).toBe(true);
      expect(list.some((e) => e.kind === 'not-ok' && e.messages && e.messages.length > 0)).toBe(true);
    });
    list.forEach((example, n) => {
      it(`${id}: example ${n + 1} (${example.kind})`, () => {
        const got = check(example.text, { profile: example.profile, year: example.year, rules: only(id) }).map(
          (m) => `${m.line}:${m.column} ${m.reason}`,
        );
        expect(got).toEqual(example.kind === 'ok' ? [] : example.messages);
      });
    });
  }
});
