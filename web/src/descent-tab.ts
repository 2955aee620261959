/** Placeholder until the pieces this panel needs land. */
export function mount(panel: HTMLElement): void {
  panel.textContent = 'descent';
}
