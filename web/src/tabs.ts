/**
 * ARIA tabs (WAI-ARIA Authoring Practices "tabs with automatic activation"): one tab stop for
 * the tab list, arrow keys / Home / End move between tabs, the URL hash remembers the tab.
 */

/** Called with the panel's id suffix ('train', 'draw', …) each time a tab is shown. */
export type TabListener = (name: string) => void;

/**
 * Wires every `[role=tab]` inside `tablist` to the panel named by its aria-controls.
 * @example
 * setupTabs(document.querySelector('[role=tablist]')!, (name) => console.log(name));
 */
export function setupTabs(tablist: HTMLElement, onShow: TabListener): void {
  const tabs = Array.from(tablist.querySelectorAll<HTMLButtonElement>('[role=tab]'));
  const nameOf = (tab: HTMLElement): string => tab.id.replace(/^tab-/, '');

  const select = (tab: HTMLButtonElement, focus: boolean): void => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(t.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
    if (focus) tab.focus();
    const name = nameOf(tab);
    if (location.hash !== `#${name}`) history.replaceState(null, '', `#${name}`);
    onShow(name);
  };

  tablist.addEventListener('click', (e) => {
    const tab = (e.target as HTMLElement).closest<HTMLButtonElement>('[role=tab]');
    if (tab) select(tab, false);
  });
  tablist.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next: Record<string, number> = {
      ArrowRight: (i + 1) % tabs.length,
      ArrowLeft: (i - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    select(tabs[next[e.key]!]!, true);
  });

  const initial = tabs.find((t) => `#${nameOf(t)}` === location.hash) ?? tabs[0];
  if (initial) select(initial, false);
}
