import { setupTabs } from './tabs.js';

/**
 * Entry point of the playground: wires the tabs and mounts each panel the first time it is
 * shown (its module is loaded on demand, so the first paint does not wait for every chart).
 */
const mounts: Record<string, () => Promise<{ mount(panel: HTMLElement): void }>> = {
  train: () => import('./train-tab.js'),
  draw: () => import('./draw-tab.js'),
  descent: () => import('./descent-tab.js'),
  losses: () => import('./losses-tab.js'),
};
const mounted = new Set<string>();

function show(name: string): void {
  if (mounted.has(name)) return;
  mounted.add(name);
  const panel = document.getElementById(`panel-${name}`);
  const load = mounts[name];
  if (!panel || !load) return;
  load()
    .then((m) => {
      m.mount(panel);
      // Tests and scripts wait for this before they touch the panel's controls.
      panel.dataset.ready = 'true';
    })
    .catch((error: unknown) => {
      panel.textContent = `Could not load this panel: ${error instanceof Error ? error.message : String(error)}`;
      console.error(error);
    });
}

const tablist = document.querySelector<HTMLElement>('[role=tablist]');
if (tablist) setupTabs(tablist, show);
