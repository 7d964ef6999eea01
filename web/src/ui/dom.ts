/** A small element builder: the page has no framework, and needs none. */

export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

/**
 * Creates an element. `on…` props become listeners, `false`/`null`/`undefined` props are left out, `true` sets an
 * empty attribute; children may be nested arrays, strings or nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else if (key === 'checked' || key === 'selected')
      (element as unknown as Record<string, boolean>)[key] = Boolean(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** Saves bytes as a file through a download link (a blob: URL, revoked once the download has started). */
export function download(name: string, mime: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * ARIA tabs: arrow keys, Home and End move between tabs (WAI-ARIA Authoring Practices, automatic activation);
 * only the selected tab is in the Tab order.
 */
export function tablist(
  label: string,
  tabs: Array<{ id: string; label: string; panel: string; disabled?: boolean }>,
  selected: string,
  choose: (id: string) => void,
): HTMLElement {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tabs' });
  const enabled = tabs.filter((t) => !t.disabled);
  for (const tab of tabs) {
    const isSelected = tab.id === selected;
    list.append(
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `tab-${tab.id}`,
          'aria-selected': String(isSelected),
          'aria-controls': tab.panel,
          tabindex: isSelected ? 0 : -1,
          disabled: tab.disabled,
          onClick: () => choose(tab.id),
          onKeydown: (event: KeyboardEvent) => {
            const at = enabled.findIndex((t) => t.id === tab.id);
            const to =
              event.key === 'ArrowRight'
                ? enabled[(at + 1) % enabled.length]
                : event.key === 'ArrowLeft'
                  ? enabled[(at - 1 + enabled.length) % enabled.length]
                  : event.key === 'Home'
                    ? enabled[0]
                    : event.key === 'End'
                      ? enabled[enabled.length - 1]
                      : undefined;
            if (!to) return;
            event.preventDefault();
            choose(to.id);
            document.getElementById(`tab-${to.id}`)?.focus();
          },
        },
        tab.label,
      ),
    );
  }
  return list;
}
