/**
 * The page: wires the views to the engine. The engine (a Web Worker) reads, checks and extracts; this thread only
 * shows results, so it answers clicks and keys while a batch of hundreds of files runs.
 */
import './style.css';
import { strings } from './i18n.js';
import { parseRc, rcToJson, withSeverity, type Locale, type Rc, type Severity } from './lib/rc.js';
import type { EngineConfig, ExportKind, Reply } from './protocol.js';
import { configDialogContent } from './ui/config-dialog.js';
import { download, fill, h, tablist } from './ui/dom.js';
import { startEngine, type EngineClient } from './ui/engine-client.js';
import { FilesTable, filterBar, totalsText } from './ui/files-view.js';
import { fromDrop, fromInput, type Picked } from './ui/pick.js';
import { formatValue, outlineNav, reportView, sideSection } from './ui/report-view.js';
import type { Actions, State } from './ui/state.js';

const SAVED = 'jixiao.settings';

/** Settings kept between visits (only the configuration and the language: never a document). */
function loadSaved(): { rc: Rc; locale: Locale } {
  try {
    const saved = localStorage.getItem(SAVED);
    if (saved) {
      const read = parseRc(saved);
      if (read.ok) return { rc: read.rc, locale: read.rc.locale ?? 'zh-CN' };
    }
  } catch {
    // Storage refused (a file:// page in some browsers, a private window): start from the defaults.
  }
  return { rc: { raw: {}, rules: {} }, locale: 'zh-CN' };
}

function save(rc: Rc): void {
  try {
    localStorage.setItem(SAVED, rcToJson(rc));
  } catch {
    // Not kept; the page works the same.
  }
}

const saved = loadSaved();
const state: State = {
  locale: saved.locale,
  t: strings(saved.locale),
  rc: saved.rc,
  rules: [],
  headers: { 'zh-CN': {}, en: {} },
  profiles: [],
  files: new Map(),
  progress: { done: 0, total: 0 },
  sort: { key: 'name', dir: 1 },
  filter: { text: '', show: 'all' },
  view: 'files',
  panel: 'findings',
  collapsed: new Set(),
  scope: 'all',
  inline: false,
};
let nextId = 1;
// eslint-disable-next-line prefer-const -- assigned once, at the end, after the views exist
let engine: EngineClient;
let configError: string | undefined;
/**
 * The configuration the engine last accepted, to return to when a new one is refused. Before the first answer:
 * the saved one without its rules and profile (saved settings a newer jixiao no longer takes must not stick).
 */
let accepted: Rc = { raw: state.rc.raw, rules: {} };

const root = document.getElementById('app')!;
const dialog = h('dialog', { id: 'config', 'aria-labelledby': 'config-title' });
const tip = h('div', { id: 'tip', role: 'tooltip', hidden: true });
const status = h('p', { id: 'status', role: 'status', class: 'status' });
document.body.append(dialog, tip);

function engineConfig(rc: Rc): EngineConfig {
  const raw = rc.raw;
  return {
    rules: rc.rules,
    locale: state.locale,
    ...(rc.profile ? { profile: rc.profile } : {}),
    ...(raw.encoding !== undefined ? { encoding: raw.encoding } : {}),
    ...(raw.maxSize !== undefined ? { maxSize: raw.maxSize } : {}),
    ...(raw.maxExpandedSize !== undefined ? { maxExpandedSize: raw.maxExpandedSize } : {}),
  };
}

/**
 * Each configuration sent, in order, with what to do with the engine's answer: the engine answers every one, in the
 * order sent. `rc` is what the page holds if it is accepted; `from` names where it came from, for the error.
 */
const sent: Array<{ rc: Rc; from: string; revert?: boolean }> = [];

/** Sends a configuration; the engine answers `configured`, with an error when it refuses it. */
function configure(rc: Rc, from = ''): void {
  state.rc = rc;
  sent.push({ rc, from });
  engine.send({ type: 'configure', config: engineConfig(rc) });
}

function announce(message: string): void {
  status.textContent = message;
  status.title = message;
}

// ---------------------------------------------------------------------------
// Replies from the engine

let tableDirty = false;
let tableTimer: number | undefined;
/** Rebuilds the files table at most four times a second while results stream in. */
function scheduleTable(): void {
  tableDirty = true;
  if (tableTimer !== undefined) return;
  tableTimer = window.setTimeout(() => {
    tableTimer = undefined;
    if (tableDirty) renderTable();
  }, 250);
}

function onReply(reply: Reply): void {
  switch (reply.type) {
    case 'ready':
      state.rules = reply.rules;
      state.profiles = reply.profiles;
      state.headers = reply.headers;
      renderAll();
      return;
    case 'configured': {
      const request = sent.shift();
      if (!request || request.revert) return;
      if (reply.error) {
        configError = state.t.configInvalid(request.from || state.t.savedSettings, reply.error);
        // Back to the settings last accepted, in the page and in the engine (which kept what it had, perhaps in
        // another language). The error stays on screen until the next change.
        state.rc = accepted;
        sent.push({ rc: accepted, from: '', revert: true });
        engine.send({ type: 'configure', config: engineConfig(accepted) });
        announce(configError);
      } else {
        configError = undefined;
        accepted = request.rc;
        save(request.rc);
      }
      if (dialog.open) renderDialog();
      return;
    }
    case 'result': {
      const row = state.files.get(reply.summary.id);
      if (!row) return; // cleared meanwhile
      row.summary = reply.summary;
      state.progress = { done: reply.done, total: reply.total };
      renderProgress();
      scheduleTable();
      if (reply.done === reply.total) renderTable();
      if (row.id === state.selected) engine.send({ type: 'details', id: row.id });
      return;
    }
    case 'details':
      if (reply.details.id !== state.selected) return;
      state.details = reply.details;
      if (state.activeFinding !== undefined && state.activeFinding >= reply.details.findings.length)
        delete state.activeFinding;
      if (state.activeRow !== undefined && state.activeRow >= reply.details.tables.length) delete state.activeRow;
      renderReport();
      return;
    case 'file':
      download(reply.name, reply.mime, reply.bytes);
      announce(
        state.t.exported(reply.name) + (reply.skipped ? ` ${state.t.exportSkipped(reply.skipped.join('、'))}` : ''),
      );
      return;
    case 'failed':
      announce(state.t.engineFailed(reply.message));
      return;
  }
}

// ---------------------------------------------------------------------------
// Actions

function addFiles(picked: Picked[]): void {
  if (picked.length === 0) return;
  const byName = new Map([...state.files.values()].map((r) => [r.name, r.id]));
  const files = picked.map((p) => {
    // The same name again replaces the earlier file (a corrected version), keeping its place in the list.
    const id = byName.get(p.name) ?? nextId++;
    state.files.set(id, { id, name: p.name });
    return { id, name: p.name, file: p.file as Blob };
  });
  engine.send({ type: 'add', files });
  renderTabs();
  renderTable();
}

const actions: Actions = {
  open(id) {
    state.selected = id;
    delete state.activeFinding;
    delete state.activeRow;
    state.collapsed.clear();
    if (state.details?.id !== id) delete state.details;
    state.view = 'report';
    engine.send({ type: 'details', id });
    renderTabs();
    renderTable();
    renderReport();
    renderExport();
    document.getElementById('tab-report')?.focus();
  },
  sortBy(key) {
    state.sort = { key, dir: state.sort.key === key ? (state.sort.dir === 1 ? -1 : 1) : 1 };
    renderTable(true);
    // The header was rebuilt: keep the keyboard on the button just used.
    document.querySelector<HTMLElement>(`[data-key="sort-${key}"]`)?.focus();
  },
  setFilter(filter) {
    state.filter = { ...state.filter, ...filter };
    renderTable();
  },
  setView(view) {
    state.view = view;
    renderTabs();
  },
  setPanel(panel) {
    state.panel = panel;
    const side = root.querySelector('.side');
    if (side && state.details) side.replaceWith(sideSection(state.details, state, actions));
    // The forms' tables have many columns: their panel takes more of the width while it is open.
    root.querySelector('.report-body')?.classList.toggle('wide-side', panel === 'tables');
  },
  focusRow(index) {
    const row = state.details?.tables[index]?.row;
    if (!row || typeof row.start !== 'number') return;
    state.activeRow = index;
    for (const el of root.querySelectorAll('.records tr.active')) el.classList.remove('active');
    root.querySelector(`.records tr[data-row="${index}"]`)?.classList.add('active');
    for (const button of root.querySelectorAll('.row-go'))
      button.setAttribute('aria-pressed', String(button.getAttribute('data-row') === String(index)));
    const lines = markRow();
    lines[0]?.scrollIntoView({ block: 'center' });
    if (lines[0]) announce(state.t.rowShown(Number(lines[0].dataset.line)));
  },
  focusFinding(index) {
    state.activeFinding = index;
    for (const el of root.querySelectorAll('.source .active')) el.classList.remove('active');
    const marks = root.querySelectorAll<HTMLElement>(`.source [data-f~="${index}"]`);
    for (const el of marks) el.classList.add('active');
    for (const button of root.querySelectorAll('.finding-go'))
      button.setAttribute('aria-pressed', String(button.getAttribute('data-finding') === String(index)));
    marks[0]?.scrollIntoView({ block: 'center' });
    const f = state.details?.findings[index];
    if (f) announce(`${state.t.at(f.line, f.column)}：${f.message}`);
  },
  scrollToOffset(offset) {
    const lines = root.querySelectorAll<HTMLElement>('.source .line');
    const text = state.details?.text ?? '';
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    }
    const el = lines[line - 1];
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
  },
  toggleSection(key) {
    if (state.collapsed.has(key)) state.collapsed.delete(key);
    else state.collapsed.add(key);
    const nav = root.querySelector('.outline');
    if (nav && state.details) {
      const index = [...nav.querySelectorAll('.toggle')].indexOf(document.activeElement as Element);
      nav.replaceWith(outlineNav(state.details, state, actions));
      root.querySelectorAll<HTMLElement>('.outline .toggle')[index]?.focus();
    }
  },
  exportAs(kind: ExportKind) {
    const ids = state.scope === 'one' && state.selected !== undefined ? [state.selected] : [...state.files.keys()];
    if (ids.length === 0) return announce(state.t.nothingToExport);
    engine.send({ type: 'export', kind, ids });
  },
  setScope(scope) {
    state.scope = scope;
  },
};

// ---------------------------------------------------------------------------
// Rendering

const slots = {
  header: h('header', { class: 'top' }),
  inputs: h('section', { class: 'inputs', id: 'inputs' }),
  exports: h('fieldset', { class: 'exports' }),
  tabs: h('div', { class: 'view-tabs' }),
  files: h('div', { id: 'panel-files', role: 'tabpanel', 'aria-labelledby': 'tab-files', class: 'panel' }),
  report: h('div', { id: 'panel-report', role: 'tabpanel', 'aria-labelledby': 'tab-report', class: 'panel' }),
};
const table = new FilesTable(actions);
const progress = h('progress', { id: 'progress', max: 1, value: 0 });
const progressText = h('span', { id: 'progress-text' });
// A live region that is busy while a batch runs: screen readers hold its many updates and read the last one.
const progressRow = h(
  'div',
  { class: 'progress-row', 'aria-live': 'polite' },
  h('label', { for: 'progress' }),
  progress,
  progressText,
);

function renderAll(): void {
  document.documentElement.lang = state.locale;
  document.title = state.t.title;
  renderHeader();
  renderInputs();
  renderExport();
  fill(slots.files, filterBar(state, actions), table.element);
  renderTabs();
  renderTable();
  renderReport();
  renderProgress();
  if (dialog.open) renderDialog();
  fill(
    root,
    h('a', { class: 'skip', href: '#main' }, state.locale === 'en' ? 'Skip to the results' : '跳到检查结果'),
    slots.header,
    h('main', { id: 'main', tabindex: -1 }, slots.inputs, slots.exports, slots.tabs, slots.files, slots.report),
    status,
  );
}

function renderHeader(): void {
  const { t } = state;
  fill(
    slots.header,
    h('div', { class: 'brand' }, h('h1', {}, t.title), h('p', { class: 'tagline' }, t.tagline)),
    h(
      'div',
      { class: 'header-actions' },
      h('button', { type: 'button', id: 'settings', onClick: openDialog }, t.settings),
      h(
        'button',
        {
          type: 'button',
          id: 'language',
          lang: state.locale === 'en' ? 'zh-CN' : 'en',
          'aria-label': t.switchLanguageLabel,
          onClick: switchLanguage,
        },
        t.switchLanguage,
      ),
    ),
  );
}

function renderInputs(): void {
  const { t } = state;
  const picker = (id: string, label: string, folder: boolean) => [
    h('input', {
      type: 'file',
      id,
      multiple: true,
      class: 'visually-hidden',
      webkitdirectory: folder,
      onChange: (e: Event) => {
        const input = e.target as HTMLInputElement;
        addFiles(fromInput(input.files));
        input.value = '';
      },
    }),
    h('label', { for: id, class: 'button' }, label),
  ];
  fill(
    slots.inputs,
    h('h2', { class: 'visually-hidden' }, t.chooseFiles),
    h(
      'div',
      { class: 'pickers' },
      picker('file-input', t.chooseFiles, false),
      picker('folder-input', t.chooseFolder, true),
      h('p', { class: 'drop-hint', id: 'drop-hint' }, t.drop),
      h(
        'button',
        {
          type: 'button',
          id: 'clear',
          onClick: () => {
            engine.send({ type: 'clear' });
            state.files.clear();
            delete state.selected;
            delete state.details;
            state.progress = { done: 0, total: 0 };
            state.view = 'files';
            renderAll();
          },
        },
        t.clear,
      ),
    ),
    progressRow,
    state.inline ? h('p', { class: 'note' }, t.inlineMode) : null,
  );
}

function renderProgress(): void {
  const { done, total } = state.progress;
  const running = total > 0 && done < total;
  progressRow.setAttribute('aria-busy', String(running));
  progressRow.querySelector('label')!.textContent = state.t.progressLabel;
  progress.max = Math.max(1, total);
  progress.value = running ? done : total > 0 ? total : 0;
  progressText.textContent = running
    ? state.t.progress(done, total)
    : state.files.size
      ? state.t.finished(state.files.size)
      : state.t.idle;
}

function renderExport(): void {
  const { t } = state;
  const hasOne = state.selected !== undefined;
  if (!hasOne) state.scope = 'all';
  const scope = (value: State['scope'], label: string, disabled: boolean) =>
    h(
      'label',
      { class: 'radio' },
      h('input', {
        type: 'radio',
        name: 'scope',
        value,
        checked: state.scope === value,
        disabled,
        onChange: () => actions.setScope(value),
      }),
      label,
    );
  const button = (kind: ExportKind, label: string) =>
    h('button', { type: 'button', 'data-export': kind, onClick: () => actions.exportAs(kind) }, label);
  fill(
    slots.exports,
    h('legend', {}, t.exportLegend),
    h(
      'div',
      { class: 'scope', role: 'radiogroup', 'aria-label': t.exportScope },
      scope('one', t.scopeOne, !hasOne),
      scope('all', t.scopeAll, false),
    ),
    h(
      'div',
      { class: 'export-group', role: 'group', 'aria-label': t.exportFindings },
      h('span', { class: 'group-label', 'aria-hidden': 'true' }, t.exportFindings),
      button('findings-csv', 'CSV'),
      button('findings-json', 'JSON'),
      button('findings-sarif', 'SARIF'),
    ),
    h(
      'div',
      { class: 'export-group', role: 'group', 'aria-label': t.exportFigures },
      h('span', { class: 'group-label', 'aria-hidden': 'true' }, t.exportFigures),
      button('figures-csv', 'CSV'),
      button('figures-xlsx', 'Excel'),
    ),
    h(
      'div',
      { class: 'export-group', role: 'group', 'aria-label': t.exportTables },
      h('span', { class: 'group-label', 'aria-hidden': 'true' }, t.exportTables),
      button('tables-csv', 'CSV'),
      button('tables-xlsx', 'Excel'),
    ),
    button('markdown', t.exportMarkdown),
  );
}

function renderTabs(): void {
  const { t } = state;
  const row = state.selected === undefined ? undefined : state.files.get(state.selected);
  fill(
    slots.tabs,
    tablist(
      state.locale === 'en' ? 'Views' : '视图',
      [
        { id: 'files', label: t.tabFiles(state.files.size), panel: 'panel-files' },
        { id: 'report', label: row ? t.tabReportOf(row.name) : t.tabReport, panel: 'panel-report', disabled: !row },
      ],
      state.view,
      (id) => actions.setView(id as State['view']),
    ),
  );
  slots.files.hidden = state.view !== 'files';
  slots.report.hidden = state.view !== 'report';
}

/** Updates the files table (its header too when sorting or the language changed). */
function renderTable(header = false): void {
  tableDirty = false;
  table.update(state, header);
  const totals = document.getElementById('totals');
  if (totals) totals.textContent = totalsText(state);
  const tab = document.getElementById('tab-files');
  if (tab) tab.textContent = state.t.tabFiles(state.files.size);
}

function renderReport(): void {
  fill(slots.report, reportView(state, actions, showTip));
  if (state.activeFinding !== undefined) {
    for (const el of slots.report.querySelectorAll(`.source [data-f~="${state.activeFinding}"]`))
      el.classList.add('active');
  }
  markRow();
}

/** Marks the source lines of the form row last chosen (a row is a line, its cells tab-separated); returns them. */
function markRow(): HTMLElement[] {
  for (const el of root.querySelectorAll('.source .row-active')) el.classList.remove('row-active');
  const row = state.activeRow === undefined ? undefined : state.details?.tables[state.activeRow]?.row;
  if (!row || typeof row.start !== 'number' || typeof row.line !== 'number') return [];
  const text = state.details!.text.slice(row.start, row.end);
  const count = 1 + (text.match(/\r\n|\r|\n/g)?.length ?? 0);
  const lines: HTMLElement[] = [];
  for (let line = row.line; line < row.line + count; line++) {
    const el = root.querySelector<HTMLElement>(`.source .line[data-line="${line}"]`);
    if (el) lines.push(el);
  }
  for (const el of lines) el.classList.add('row-active');
  return lines;
}

function showTip(mark: HTMLElement | null): void {
  const index = mark ? Number(mark.dataset.fig) : -1;
  const figure = state.details?.figures[index];
  if (!mark || !figure) {
    tip.hidden = true;
    return;
  }
  tip.textContent = state.t.figureTip(state.t.kind(figure.kind), formatValue(figure, state.locale, state.t));
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  tip.style.left = `${Math.min(window.innerWidth - tip.offsetWidth - 8, box.left)}px`;
  tip.style.top = `${box.bottom + 6}px`;
  mark.setAttribute('aria-describedby', 'tip');
}

// ---------------------------------------------------------------------------
// Settings

function renderDialog(): void {
  fill(
    dialog,
    h(
      'form',
      { method: 'dialog', class: 'config' },
      configDialogContent(
        state,
        {
          setProfile(profile) {
            const rc = { ...state.rc };
            if (profile) rc.profile = profile;
            else delete rc.profile;
            configure(rc);
            announce(state.t.configApplied);
          },
          setSeverity(id, severity: Severity) {
            const rule = state.rules.find((r) => r.id === id);
            const keep = Array.isArray(state.rc.rules[id]) || severity !== rule?.severity;
            configure({ ...state.rc, rules: withSeverity(state.rc.rules, id, keep ? severity : undefined) });
            announce(state.t.configApplied);
          },
          importRc(file) {
            file.text().then((text) => {
              const read = parseRc(text);
              if (!read.ok) {
                configError = state.t.configInvalid(file.name, read.error);
                renderDialog();
                return;
              }
              if (read.rc.locale && read.rc.locale !== state.locale) setLocale(read.rc.locale);
              configure(read.rc, file.name);
              announce(state.t.configApplied);
            });
          },
          exportRc() {
            download('.jixiaorc.json', 'application/json', new TextEncoder().encode(rcToJson(state.rc)));
          },
          resetRc() {
            const rc: Rc = { raw: state.rc.raw, rules: {} };
            if (state.rc.locale) rc.locale = state.rc.locale;
            configure(rc);
            announce(state.t.configApplied);
          },
          close() {
            dialog.close();
          },
        },
        configError,
      ),
    ),
  );
}

function openDialog(): void {
  renderDialog();
  dialog.showModal();
}

function setLocale(locale: Locale): void {
  state.locale = locale;
  state.t = strings(locale);
}

function switchLanguage(): void {
  setLocale(state.locale === 'en' ? 'zh-CN' : 'en');
  // Messages and read errors come in the page's language: check again in it.
  configure({ ...state.rc, locale: state.locale });
  renderAll();
  document.getElementById('language')?.focus();
}

// ---------------------------------------------------------------------------
// Drag and drop, anywhere on the page

let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  dragDepth++;
  document.body.classList.add('dragging');
  const hint = document.getElementById('drop-hint');
  if (hint) hint.textContent = state.t.dropActive;
});
document.addEventListener('dragleave', () => {
  if (--dragDepth > 0) return;
  document.body.classList.remove('dragging');
  const hint = document.getElementById('drop-hint');
  if (hint) hint.textContent = state.t.drop;
});
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('drop', (event) => {
  if (!event.dataTransfer) return;
  event.preventDefault();
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const hint = document.getElementById('drop-hint');
  if (hint) hint.textContent = state.t.drop;
  fromDrop(event.dataTransfer).then(addFiles, (error: unknown) => announce(String(error)));
});

// Started last: where workers are refused, the engine's fallback starts at once and the page must be ready for it.
engine = startEngine(onReply, () => {
  state.inline = true;
  renderInputs();
});
// The settings go first, before any file can be added.
configure(state.rc);
renderAll();
