/** What the page knows and shows: one object, changed by the actions in main.ts, read by the views. */
import type { Strings } from '../i18n.js';
import type { Locale, Rc } from '../lib/rc.js';
import type { Details, ExportKind, FileSummary, ProfileInfo, RuleInfo } from '../protocol.js';

export type SortKey = 'name' | 'status' | 'errors' | 'warnings' | 'profile' | 'year' | 'score' | 'figures';
export type Show = 'all' | 'errors' | 'warnings' | 'clean' | 'unreadable';
export type Panel = 'findings' | 'figures' | 'tables';

export interface FileRow {
  id: number;
  name: string;
  /** Absent while the engine works on the file. */
  summary?: FileSummary;
}

export interface State {
  locale: Locale;
  t: Strings;
  rc: Rc;
  rules: RuleInfo[];
  /** The exports' column headers by field, in both languages (from the engine: the CLI's). */
  headers: Record<Locale, Record<string, string>>;
  profiles: ProfileInfo[];
  files: Map<number, FileRow>;
  progress: { done: number; total: number };
  sort: { key: SortKey; dir: 1 | -1 };
  filter: { text: string; show: Show };
  view: 'files' | 'report';
  selected?: number;
  details?: Details;
  activeFinding?: number;
  /** The form row last chosen in the self-evaluation form view (its index in `details.tables`). */
  activeRow?: number;
  panel: Panel;
  collapsed: Set<string>;
  scope: 'one' | 'all';
  inline: boolean;
}

/** What the views can ask for. */
export interface Actions {
  open(id: number): void;
  sortBy(key: SortKey): void;
  setFilter(filter: Partial<State['filter']>): void;
  setView(view: State['view']): void;
  setPanel(panel: Panel): void;
  focusFinding(index: number): void;
  scrollToOffset(offset: number): void;
  focusRow(index: number): void;
  toggleSection(key: string): void;
  exportAs(kind: ExportKind): void;
  setScope(scope: State['scope']): void;
}
