/**
 * Rule settings: the profile, each rule's severity, and the CLI's `.jixiaorc.json` in and out. A modal <dialog>:
 * the browser keeps focus inside it and Escape closes it.
 */
import { severityOf, type Severity } from '../lib/rc.js';
import { h } from './dom.js';
import type { State } from './state.js';

export interface ConfigActions {
  setProfile(profile: string | undefined): void;
  setSeverity(id: string, severity: Severity): void;
  importRc(file: File): void;
  exportRc(): void;
  resetRc(): void;
  close(): void;
}

export function configDialogContent(
  state: State,
  actions: ConfigActions,
  error: string | undefined,
): Array<HTMLElement | null> {
  const { t, rc, locale } = state;
  const custom = rc.profile && typeof rc.profile === 'object' ? String(rc.profile.id ?? 'custom') : undefined;
  const profileValue = custom ? '__custom' : typeof rc.profile === 'string' ? rc.profile : '';
  const levels: Array<[Severity, string]> = [
    ['off', t.off],
    ['warn', t.warn],
    ['error', t.errorLevel],
  ];
  return [
    h('h2', { id: 'config-title' }, t.configTitle),
    h('p', { class: 'help' }, t.configHelp),
    error ? h('p', { role: 'alert', class: 'config-error' }, error) : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'config-profile' }, t.profile),
      h(
        'select',
        {
          id: 'config-profile',
          onChange: (e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            if (value !== '__custom') actions.setProfile(value || undefined);
          },
        },
        h('option', { value: '', selected: profileValue === '' }, t.profileAuto),
        state.profiles.map((p) => h('option', { value: p.id, selected: profileValue === p.id }, `${p.id} — ${p.name}`)),
        custom ? h('option', { value: '__custom', selected: true }, t.profileCustom(custom)) : null,
      ),
    ),
    h(
      'div',
      { class: 'rules-wrap' },
      h(
        'table',
        { class: 'rules' },
        h('caption', {}, t.rulesCaption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [t.colRule, t.colDescription, t.colSeverity].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          state.rules.map((rule) => {
            const current = severityOf(rc.rules[rule.id]) ?? rule.severity;
            return h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h(
                  'a',
                  { href: rule.docs, target: '_blank', rel: 'noopener noreferrer', 'aria-label': t.ruleDocs(rule.id) },
                  h('code', {}, rule.id),
                ),
              ),
              h('td', {}, locale === 'en' ? rule.summary.en : rule.summary.zh),
              h(
                'td',
                {},
                h(
                  'select',
                  {
                    'aria-label': t.severityLabel(rule.id),
                    'data-rule': rule.id,
                    onChange: (e: Event) =>
                      actions.setSeverity(rule.id, (e.target as HTMLSelectElement).value as Severity),
                  },
                  levels.map(([value, label]) =>
                    h(
                      'option',
                      { value, selected: current === value },
                      label + (value === rule.severity ? t.defaultMark : ''),
                    ),
                  ),
                ),
              ),
            );
          }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'buttons' },
      h(
        'label',
        { class: 'button file-button' },
        t.importRc,
        h('input', {
          type: 'file',
          id: 'rc-input',
          accept: '.json,application/json',
          class: 'visually-hidden',
          onChange: (e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) actions.importRc(file);
            input.value = '';
          },
        }),
      ),
      h('button', { type: 'button', id: 'rc-export', onClick: () => actions.exportRc() }, t.exportRc),
      h('button', { type: 'button', onClick: () => actions.resetRc() }, t.resetRc),
      h('button', { type: 'button', class: 'primary', onClick: () => actions.close() }, t.close),
    ),
  ];
}
