/** The batch: every file with its counts, sortable and filterable. */
import type { Strings } from '../i18n.js';
import { settingNamed } from '../lib/rc.js';
import { h } from './dom.js';
import type { Actions, FileRow, Show, SortKey, State } from './state.js';

/** A reader's reason as the CLI gives it, and where it names a CLI flag, what does the same in the page. */
export const readReason = (t: Strings, reason: string): string => {
  const key = settingNamed(reason);
  return key ? reason + t.inPage(key) : reason;
};

const collator = (locale: string) => new Intl.Collator(locale, { numeric: true });

/** The value a row is sorted by; `undefined` sorts last whatever the direction. */
function sortValue(row: FileRow, key: SortKey): string | number | undefined {
  const s = row.summary;
  switch (key) {
    case 'name':
      return row.name;
    case 'status':
      return s ? (s.ok ? '' : (s.code ?? '')) : undefined;
    case 'errors':
      return s?.ok ? s.errors : undefined;
    case 'warnings':
      return s?.ok ? s.warnings : undefined;
    case 'profile':
      return s?.profile;
    case 'year':
      return s?.year;
    case 'score':
      return s?.score;
    case 'figures':
      return s?.ok ? s.figures : undefined;
  }
}

export function matches(row: FileRow, text: string, show: Show): boolean {
  if (text && !row.name.toLowerCase().includes(text.toLowerCase())) return false;
  const s = row.summary;
  switch (show) {
    case 'all':
      return true;
    case 'errors':
      return !!s?.ok && s.errors > 0;
    case 'warnings':
      return !!s?.ok && s.warnings > 0;
    case 'clean':
      return !!s?.ok && s.errors === 0 && s.warnings === 0;
    case 'unreadable':
      return !!s && !s.ok;
  }
}

/** The rows shown, in the order shown. */
export function visibleRows(state: State): FileRow[] {
  const compare = collator(state.locale).compare;
  const { key, dir } = state.sort;
  const rows = [...state.files.values()].filter((r) => matches(r, state.filter.text, state.filter.show));
  return rows.sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compare(String(x), String(y));
    return order * dir || compare(a.name, b.name);
  });
}

/** The line under the filters: how many files, errors, warnings, unreadable, and how many are shown. */
export function totalsText(state: State): string {
  const all = [...state.files.values()];
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const r of all) {
    if (!r.summary) continue;
    if (r.summary.ok) {
      errors += r.summary.errors;
      warnings += r.summary.warnings;
    } else unreadable++;
  }
  const shown = all.filter((r) => matches(r, state.filter.text, state.filter.show)).length;
  return (
    state.t.summary(all.length, errors, warnings, unreadable) +
    (shown !== all.length ? ` · ${state.t.shown(shown)}` : '')
  );
}

/** The name filter and the show-only select: built once per language, so typing is never interrupted. */
export function filterBar(state: State, actions: Actions): HTMLElement {
  const { t } = state;
  const shows: Array<[Show, string]> = [
    ['all', t.showAll],
    ['errors', t.showErrors],
    ['warnings', t.showWarnings],
    ['clean', t.showClean],
    ['unreadable', t.showUnreadable],
  ];
  return h(
    'div',
    { class: 'filters' },
    h('label', { for: 'filter-text' }, t.filterName),
    h('input', {
      id: 'filter-text',
      type: 'search',
      value: state.filter.text,
      autocomplete: 'off',
      onInput: (e: Event) => actions.setFilter({ text: (e.target as HTMLInputElement).value }),
    }),
    h('label', { for: 'filter-show' }, t.show),
    h(
      'select',
      {
        id: 'filter-show',
        onChange: (e: Event) => actions.setFilter({ show: (e.target as HTMLSelectElement).value as Show }),
      },
      shows.map(([value, label]) => h('option', { value, selected: state.filter.show === value }, label)),
    ),
    h('p', { class: 'totals', id: 'totals', 'aria-live': 'off' }, totalsText(state)),
  );
}

const COLUMNS: Array<[SortKey, keyof State['t'], boolean]> = [
  ['name', 'colFile', false],
  ['status', 'colStatus', false],
  ['errors', 'colErrors', true],
  ['warnings', 'colWarnings', true],
  ['profile', 'colProfile', false],
  ['year', 'colYear', true],
  ['score', 'colScore', true],
  ['figures', 'colFigures', true],
];

/**
 * The table of files. Its elements live as long as their file: a result updates its row's cells in place, and
 * sorting moves rows instead of rebuilding them, so a button under the pointer is still the same button when the
 * click lands, however fast results arrive.
 */
export class FilesTable {
  readonly element = h('div', { class: 'table-slot' });
  private readonly rows = new Map<
    number,
    { tr: HTMLTableRowElement; shown?: FileRow['summary']; selected?: boolean; stale?: boolean }
  >();
  private readonly tbody = h('tbody', {});
  private readonly thead = h('thead', {});
  private readonly table = h('table', { class: 'files', 'aria-describedby': 'totals' });
  private readonly wrap = h('div', { class: 'table-wrap' }, this.table);
  private readonly none = h('p', { class: 'empty' });
  private locale = '';

  constructor(private readonly actions: Actions) {}

  /** Brings the table up to date with `state`; `header` rebuilds the header too (sort or language changed). */
  update(state: State, header = false): void {
    const { t } = state;
    if (state.files.size === 0) {
      this.none.textContent = t.noFiles;
      this.element.replaceChildren(this.none);
      this.rows.clear();
      this.tbody.replaceChildren();
      return;
    }
    if (header || this.locale !== state.locale || !this.thead.firstChild) {
      if (this.locale !== state.locale) for (const row of this.rows.values()) row.stale = true;
      this.locale = state.locale;
      this.table.replaceChildren(h('caption', { class: 'visually-hidden' }, t.colFile), this.thead, this.tbody);
      this.thead.replaceChildren(this.header(state));
    }
    const visible = visibleRows(state);
    const keep = new Set(visible.map((r) => r.id));
    for (const [id, row] of this.rows) {
      if (!keep.has(id) || !state.files.has(id)) {
        row.tr.remove();
        if (!state.files.has(id)) this.rows.delete(id);
      }
    }
    let at = this.tbody.firstElementChild;
    for (const file of visible) {
      const row = this.row(file, state);
      if (row !== at) this.tbody.insertBefore(row, at);
      else at = at.nextElementSibling;
    }
    this.none.textContent = t.noMatch;
    this.element.replaceChildren(this.wrap);
    if (visible.length === 0) this.element.append(this.none);
  }

  private header(state: State): HTMLTableRowElement {
    const { t } = state;
    return h(
      'tr',
      {},
      COLUMNS.map(([key, word, numeric]) => {
        const label = t[word] as string;
        const sorted = state.sort.key === key;
        return h(
          'th',
          {
            scope: 'col',
            class: numeric ? 'num' : undefined,
            'aria-sort': sorted ? (state.sort.dir === 1 ? 'ascending' : 'descending') : undefined,
          },
          h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-key': `sort-${key}`,
              title: t.sortBy(label),
              onClick: () => this.actions.sortBy(key),
            },
            label,
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, sorted ? (state.sort.dir === 1 ? '▲' : '▼') : ''),
          ),
        );
      }),
    );
  }

  /** The row of a file, made once and refilled when its result or selection changes. */
  private row(file: FileRow, state: State): HTMLTableRowElement {
    let row = this.rows.get(file.id);
    const selected = file.id === state.selected;
    if (row && !row.stale && row.shown === file.summary && row.selected === selected) return row.tr;
    const { t } = state;
    const s = file.summary;
    const cells: HTMLElement[] = [
      h(
        'th',
        { scope: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'data-key': `open-${file.id}`,
            'aria-current': selected ? 'true' : undefined,
            onClick: () => this.actions.open(file.id),
          },
          file.name,
        ),
      ),
      h(
        'td',
        { class: s ? (s.ok ? 'ok' : 'unreadable') : 'pending' },
        s
          ? s.ok
            ? [
                t.statusOk,
                // What the reader noticed (read as GB18030, a missing CMap): on the row, not only in the report.
                ...s.readWarnings.map((w) =>
                  h('span', { class: 'read-warning' }, `${t.readWarning}（${w.code}）`, ' ', readReason(t, w.reason)),
                ),
              ]
            : [h('strong', {}, `${t.cannotRead}（${s.code}）`), ' ', readReason(t, s.reason ?? '')]
          : t.statusPending,
      ),
      h('td', { class: `num${s?.ok && s.errors ? ' has-errors' : ''}` }, s?.ok ? s.errors : ''),
      h('td', { class: `num${s?.ok && s.warnings ? ' has-warnings' : ''}` }, s?.ok ? s.warnings : ''),
      h('td', {}, s?.profile ?? ''),
      h('td', { class: 'num' }, s?.year ?? ''),
      h('td', { class: 'num' }, s?.score ?? ''),
      h('td', { class: 'num' }, s?.ok ? s.figures : ''),
    ];
    if (!row) {
      row = { tr: h('tr', { 'data-id': file.id }) };
      this.rows.set(file.id, row);
    }
    // Keep the name button (it may have focus, or be under the pointer): refill the other cells.
    const button = row.tr.querySelector('th button');
    if (button && button.textContent === file.name) {
      if (selected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
      cells[0] = row.tr.firstElementChild as HTMLElement;
    }
    row.tr.replaceChildren();
    for (const cell of cells) row.tr.append(cell);
    row.tr.classList.toggle('selected', selected);
    row.shown = s;
    row.selected = selected;
    row.stale = false;
    return row.tr;
  }
}
