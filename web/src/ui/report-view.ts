/**
 * One report: its outline, its source with figures and findings marked in place, and the findings, figures and
 * self-evaluation table rows beside it.
 */
import type { Strings } from '../i18n.js';
import type { Locale } from '../lib/rc.js';
import { lineStarts, segments } from '../lib/segments.js';
import type { Details, OutlineNode, RecordRow } from '../protocol.js';
import { h, tablist } from './dom.js';
import { readReason } from './files-view.js';
import type { Actions, Panel, State } from './state.js';

const APPROX: Record<string, string> = { over: '>', about: '≈', under: '<' };

/** One formatter per language: `toLocaleString` makes a new one each call, 3 s for a report of 5,800 figures. */
const formats = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })));
  return format;
}

/** A record's value as a reader wants it: `13,422,300 元`, `98.5%`, `2 名`, `2020-09-07`. */
export function formatValue(record: RecordRow, locale: Locale, t: Strings): string {
  const number = (n: unknown) => (typeof n === 'number' ? numberFormat(locale).format(n) : String(n ?? ''));
  const unit =
    record.kind === 'money' ? (locale === 'en' ? ' yuan' : ' 元') : typeof record.unit === 'string' ? record.unit : '';
  const approx = typeof record.approx === 'string' ? (APPROX[record.approx] ?? '') : '';
  if (record.value === null && (record.min !== null || record.max !== null))
    return t.rangeValue(number(record.min), number(record.max)) + unit;
  if (typeof record.value === 'number')
    return approx + number(record.value) + (unit === '%' ? '%' : unit ? ` ${unit.trim()}` : '');
  return String(record.value ?? '');
}

/** The source, one element a line, with figures (`mark.fig`) and findings (`[data-f]`) as runs. */
function sourceView(details: Details, state: State, onTip: (mark: HTMLElement | null) => void): HTMLElement {
  const { text, figures, findings } = details;
  const starts = lineStarts(text);
  // Events are clauses around a date, not figures: marked by their date. `indexOf[i]` is the place in `figures`.
  const indexOf: number[] = [];
  const figureSpans = figures.filter((f, i) => f.kind !== 'event' && indexOf.push(i) > 0);
  const runs = segments(text.length, figureSpans, findings, starts);
  const pre = h('div', { class: 'source', id: 'source', tabindex: 0, role: 'region', 'aria-label': state.t.source });
  let line = 0;
  let lineEl: HTMLElement | undefined;
  const newLine = () => {
    line++;
    lineEl = h('div', { class: 'line', 'data-line': line }, h('span', { class: 'ln', 'aria-hidden': 'true' }, line));
    pre.append(lineEl);
  };
  newLine();
  for (const run of runs) {
    while (line < starts.length && run.start >= starts[line]!) newLine();
    const slice = text.slice(run.start, run.end);
    if (run.figure < 0 && run.findings.length === 0) {
      lineEl!.append(slice);
      continue;
    }
    const figure = run.figure >= 0 ? figureSpans[run.figure]! : undefined;
    const severity = run.findings.some((i) => findings[i]!.severity === 'error') ? 'error' : 'warning';
    const el = h(
      figure ? 'mark' : 'span',
      {
        class: [
          figure ? `fig fig-${figure.kind}` : '',
          run.findings.length ? `hit hit-${severity}` : '',
          run.findings.includes(state.activeFinding ?? -1) ? 'active' : '',
        ]
          .filter(Boolean)
          .join(' '),
        'data-f': run.findings.length ? run.findings.join(' ') : undefined,
        'data-fig': figure ? indexOf[run.figure] : undefined,
        'data-start': run.start,
      },
      slice,
    );
    lineEl!.append(el);
  }
  pre.addEventListener('mouseover', (event) => onTip((event.target as HTMLElement).closest<HTMLElement>('mark.fig')));
  pre.addEventListener('mouseleave', () => onTip(null));
  return pre;
}

function outlineTree(nodes: OutlineNode[], state: State, actions: Actions, path = ''): HTMLElement {
  const { t } = state;
  return h(
    'ul',
    { class: path ? 'tree-group' : 'tree' },
    nodes.map((node, i) => {
      const key = `${path}/${i}`;
      const open = !state.collapsed.has(key);
      const label = `${node.marker}${node.title}`;
      return h(
        'li',
        {},
        node.children.length
          ? h(
              'button',
              {
                type: 'button',
                class: 'toggle',
                'aria-expanded': String(open),
                'aria-label': `${open ? t.collapse : t.expand} ${label}`,
                onClick: () => actions.toggleSection(key),
              },
              h('span', { 'aria-hidden': 'true' }, open ? '▾' : '▸'),
            )
          : h('span', { class: 'toggle-space', 'aria-hidden': 'true' }),
        h('button', { type: 'button', class: 'go', onClick: () => actions.scrollToOffset(node.start) }, label),
        node.children.length && open ? outlineTree(node.children, state, actions, key) : null,
      );
    }),
  );
}

function findingsPanel(details: Details, state: State, actions: Actions): HTMLElement {
  const { t } = state;
  if (details.findings.length === 0) return h('p', { class: 'empty' }, t.noFindings);
  return h(
    'ol',
    { class: 'findings' },
    details.findings.map((f, i) =>
      h(
        'li',
        { class: `finding ${f.severity}` },
        h(
          'button',
          {
            type: 'button',
            class: 'finding-go',
            'data-finding': i,
            'data-rule': f.ruleId,
            'aria-pressed': String(state.activeFinding === i),
            onClick: () => actions.focusFinding(i),
          },
          h('span', { class: `severity ${f.severity}` }, f.severity === 'error' ? t.error : t.warning),
          ' ',
          h('code', { class: 'rule' }, f.ruleId),
          h('span', { class: 'where' }, t.at(f.line, f.column)),
          h('span', { class: 'message' }, f.message),
        ),
        h(
          'a',
          {
            // The rule's page in the build (offline too); the online one for a rule the engine did not list.
            href: state.rules.find((r) => r.id === f.ruleId)?.docs ?? f.url,
            target: '_blank',
            rel: 'noopener noreferrer',
            class: 'docs',
            'aria-label': t.ruleDocs(f.ruleId),
          },
          t.docs,
        ),
      ),
    ),
  );
}

function figuresPanel(details: Details, state: State, actions: Actions): HTMLElement {
  const { t, locale } = state;
  if (details.figures.length === 0) return h('p', { class: 'empty' }, t.noFigures);
  return h(
    'table',
    { class: 'figures' },
    h('caption', { class: 'visually-hidden' }, t.figures(details.figures.length)),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'kind' }, t.colKind),
        h('th', { scope: 'col', class: 'text' }, t.colText),
        h('th', { scope: 'col', class: 'value' }, t.colValue),
        h('th', { scope: 'col', class: 'place' }, t.colPlace),
      ),
    ),
    h(
      'tbody',
      {},
      details.figures.map((f) =>
        h(
          'tr',
          { class: `kind-${f.kind}` },
          h('td', { class: 'kind' }, t.kind(f.kind)),
          h('td', { class: 'text', title: String(f.text ?? '') }, h('div', { class: 'clamp' }, String(f.text ?? ''))),
          h('td', { class: 'value' }, formatValue(f, locale, t)),
          h(
            'td',
            {},
            h(
              'button',
              { type: 'button', class: 'link', onClick: () => actions.scrollToOffset(f.start) },
              `${f.line}:${f.column}`,
            ),
          ),
        ),
      ),
    ),
  );
}

/** The columns of each kind of form row, as the exports name them (the CLI's headers). */
const FORM_COLUMNS = {
  indicator: ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'reason', 'achieved'],
  budget: ['item', 'initial', 'adjusted', 'executed', 'rate', 'weight', 'score'],
  // A total has no name: its row is headed by its kind (总分).
  total: ['kind', 'weight', 'score'],
} as const;
type FormKind = keyof typeof FORM_COLUMNS;
/** The column whose cell names the row, and takes the button that shows it in the source. */
const NAMED_BY: Record<FormKind, string> = { indicator: 'name', budget: 'item', total: 'kind' };
/** Columns of numbers, aligned right. */
const NUMERIC = new Set(['weight', 'score', 'initial', 'adjusted', 'executed', 'rate']);

/** A row of a form fails when a finding points into it, or when it missed its target. */
const isFailing = (entry: Details['tables'][number]) => entry.findings.length > 0 || entry.row.achieved === false;

function formCell(row: RecordRow, column: string, state: State): Node | string {
  const { t, locale } = state;
  const value = row[column];
  if (column === 'kind') return t.kind(String(value));
  if (column === 'achieved')
    return value === null || value === undefined
      ? h('span', { title: t.notComparedTitle }, t.notCompared)
      : value
        ? t.yes
        : t.no;
  if (column === 'rate' && typeof value === 'number') return `${numberFormat(locale).format(value)}%`;
  if (typeof value === 'number') return numberFormat(locale).format(value);
  return value === null || value === undefined ? '' : String(value);
}

/** One form kind's rows as a table: the CLI's columns, a cell of problems, failing rows marked. */
function formTable(
  kind: FormKind,
  caption: string,
  entries: Array<{ entry: Details['tables'][number]; index: number }>,
  details: Details,
  state: State,
  actions: Actions,
): HTMLElement {
  const { t } = state;
  const label = (c: string) => state.headers[state.locale][c] ?? c;
  const columns = FORM_COLUMNS[kind];
  return h(
    'table',
    { class: `records form-${kind}` },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((c) => h('th', { scope: 'col', class: `col-${c}${NUMERIC.has(c) ? ' num' : ''}` }, label(c))),
        h('th', { scope: 'col', class: 'col-problems' }, t.colFindings),
      ),
    ),
    h(
      'tbody',
      {},
      entries.map(({ entry, index }) => {
        const { row, findings } = entry;
        const failing = isFailing(entry);
        const ids = [...new Set(findings.map((i) => details.findings[i]!.ruleId))];
        const name = kind === 'total' ? t.kind('total') : String(row[NAMED_BY[kind]] ?? '');
        // A row whose place in the text is not known (a form read on its own) cannot be shown in the source.
        const go = (content: Node | string) =>
          typeof row.start === 'number'
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link row-go',
                  'data-row': index,
                  'aria-label': t.goToRow(name),
                  'aria-pressed': String(state.activeRow === index),
                  onClick: () => actions.focusRow(index),
                },
                content,
              )
            : content;
        return h(
          'tr',
          {
            class:
              [failing ? 'failing' : '', state.activeRow === index ? 'active' : ''].filter(Boolean).join(' ') ||
              undefined,
            'data-row': index,
            'data-findings': findings.join(' ') || undefined,
            // The whole row answers a click; its name's button is what the keyboard reaches.
            onClick: (event: MouseEvent) => {
              if (typeof row.start === 'number' && !(event.target as Element).closest('button, a'))
                actions.focusRow(index);
            },
          },
          columns.map((c) => {
            const content = formCell(row, c, state);
            // The name is the row's header: a screen reader says it with each cell.
            return c === NAMED_BY[kind]
              ? h('th', { scope: 'row' }, go(content))
              : h('td', { class: NUMERIC.has(c) ? 'num' : undefined }, content);
          }),
          h(
            'td',
            { class: 'problems' },
            ids.length ? h('span', { class: 'badge', title: t.failingRow(ids.join(', ')) }, ids.join(', ')) : null,
            row.achieved === false ? h('span', { class: 'badge missed', title: t.missedTitle }, t.missed) : null,
          ),
        );
      }),
    ),
  );
}

/** The rows of the report's self-evaluation forms: indicators, budget lines, totals, each kind a table. */
function tablesPanel(details: Details, state: State, actions: Actions): HTMLElement {
  const { t } = state;
  if (details.tables.length === 0) return h('p', { class: 'empty' }, t.noTables);
  const of = (kind: FormKind) =>
    details.tables.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.row.kind === kind);
  const indicators = of('indicator');
  const budget = of('budget');
  const totals = of('total');
  return h(
    'div',
    { class: 'forms' },
    h('p', { class: 'help' }, t.formsLegend),
    indicators.length
      ? formTable('indicator', t.formIndicators(indicators.length), indicators, details, state, actions)
      : null,
    budget.length ? formTable('budget', t.formBudget(budget.length), budget, details, state, actions) : null,
    totals.length ? formTable('total', t.formTotal, totals, details, state, actions) : null,
  );
}

/** The outline as a tree of disclosure buttons; each title scrolls the source to its section. */
export function outlineNav(details: Details, state: State, actions: Actions): HTMLElement {
  return h(
    'nav',
    { class: 'outline', 'aria-labelledby': 'outline-title' },
    h('h3', { id: 'outline-title' }, state.t.outline),
    details.outline.length
      ? outlineTree(details.outline, state, actions)
      : h('p', { class: 'empty' }, state.t.noOutline),
  );
}

/** Findings, figures and table rows, as tabs. */
export function sideSection(details: Details, state: State, actions: Actions): HTMLElement {
  const { t } = state;
  const panels: Array<{ id: Panel; label: string; make: () => HTMLElement }> = [
    { id: 'findings', label: t.findings(details.findings.length), make: () => findingsPanel(details, state, actions) },
    { id: 'figures', label: t.figures(details.figures.length), make: () => figuresPanel(details, state, actions) },
    { id: 'tables', label: t.tables(details.tables.length), make: () => tablesPanel(details, state, actions) },
  ];
  const panel = panels.find((p) => p.id === state.panel)!;
  return h(
    'section',
    { class: 'side', 'aria-label': t.tabReport },
    tablist(
      t.tabReport,
      panels.map((p) => ({ id: `panel-${p.id}`, label: p.label, panel: 'side-panel' })),
      `panel-${state.panel}`,
      (id) => actions.setPanel(id.replace('panel-', '') as Panel),
    ),
    h(
      'div',
      {
        id: 'side-panel',
        role: 'tabpanel',
        'aria-labelledby': `tab-panel-${state.panel}`,
        tabindex: 0,
        class: 'side-panel',
      },
      panel.make(),
    ),
  );
}

export function reportView(state: State, actions: Actions, onTip: (mark: HTMLElement | null) => void): HTMLElement {
  const { t, details } = state;
  const row = state.selected === undefined ? undefined : state.files.get(state.selected);
  if (!row) return h('p', { class: 'empty' }, t.chooseReport);
  const s = row.summary;
  if (s && !s.ok)
    return h(
      'div',
      { class: 'report-error' },
      h('h2', {}, row.name),
      h('p', { role: 'alert' }, `${t.cannotRead}（${s.code}）：${readReason(t, s.reason ?? '')}`),
    );
  if (!details || details.id !== row.id || !s) return h('p', { class: 'empty' }, t.statusPending);
  return h(
    'div',
    { class: 'report' },
    h(
      'div',
      { class: 'report-head' },
      h('h2', {}, row.name),
      h(
        'p',
        { class: 'meta' },
        s.format ? t.readInfo(row.name, s.format, s.encoding) : '',
        s.profile ? ` · ${t.profileInfo(s.profile)}` : '',
        s.year ? ` · ${t.yearInfo(s.year)}` : '',
      ),
      s.readWarnings.length
        ? h(
            'ul',
            { class: 'read-warnings' },
            s.readWarnings.map((w) => h('li', {}, `${t.readWarning}（${w.code}）：${readReason(t, w.reason)}`)),
          )
        : null,
    ),
    h(
      'div',
      { class: state.panel === 'tables' ? 'report-body wide-side' : 'report-body' },
      outlineNav(details, state, actions),
      sourceView(details, state, onTip),
      sideSection(details, state, actions),
    ),
  );
}
