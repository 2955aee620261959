import { applyMessages, LANG, t, type MessageKey } from './i18n/i18n.js';
import { setupTabs } from './tabs.js';

/** A tab of the playground: its name (ids tab-NAME, panel-NAME), label and module. */
interface TabEntry {
  readonly name: string;
  readonly label: MessageKey;
  readonly load: () => Promise<{ mount(panel: HTMLElement): void }>;
}

/**
 * The playground's tabs in order; each module is loaded the first time its tab is shown, so the
 * first paint does not wait for every chart.
 */
const TABS: readonly TabEntry[] = [
  { name: 'train', label: 'tab.train', load: () => import('./train-tab.js') },
  { name: 'draw', label: 'tab.draw', load: () => import('./draw-tab.js') },
  { name: 'derivatives', label: 'tab.derivatives', load: () => import('./derivatives-tab.js') },
  { name: 'descent', label: 'tab.descent', load: () => import('./descent-tab.js') },
  { name: 'losses', label: 'tab.losses', load: () => import('./losses-tab.js') },
  { name: 'graph', label: 'tab.graph', load: () => import('./graph-tab.js') },
  { name: 'backprop', label: 'tab.backprop', load: () => import('./backprop-tab.js') },
];
const mounted = new Set<string>();

function show(name: string): void {
  if (mounted.has(name)) return;
  mounted.add(name);
  const panel = document.getElementById(`panel-${name}`);
  const entry = TABS.find((tab) => tab.name === name);
  if (!panel || !entry) return;
  entry
    .load()
    .then((m) => {
      m.mount(panel);
      // Tests and scripts wait for this before they touch the panel's controls.
      panel.dataset.ready = 'true';
    })
    .catch((error: unknown) => {
      panel.textContent = t('app.loadError', {
        message: error instanceof Error ? error.message : String(error),
      });
      console.error(error);
    });
}

/** The tab buttons, made from TABS (the first one selected until the URL says otherwise). */
function tabButtons(): HTMLButtonElement[] {
  return TABS.map((tab, i) => {
    const button = document.createElement('button');
    Object.assign(button, { id: `tab-${tab.name}`, type: 'button', textContent: t(tab.label) });
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-controls', `panel-${tab.name}`);
    button.setAttribute('aria-selected', String(i === 0));
    button.tabIndex = i === 0 ? 0 : -1;
    return button;
  });
}

document.documentElement.lang = LANG;
document.title = t('app.title');
applyMessages(document);
const languages = document.querySelector<HTMLSelectElement>('#lang-switch');
if (languages) {
  languages.value = LANG;
  // The URL remembers the choice; a reload puts every panel in the new language at once.
  languages.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set('lang', languages.value);
    location.assign(url);
  });
}
const tablist = document.querySelector<HTMLElement>('[role=tablist]');
if (tablist) {
  tablist.append(...tabButtons());
  setupTabs(tablist, show);
}
