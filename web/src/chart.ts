import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * A chart slot in the page: renders gradlab's Vega-Lite specs (src/plot, the same specs the CLI
 * turns into SVG/PNG) as live SVG. Each `show` replaces the previous view and finalizes it, so
 * its timers and listeners do not leak; `showLater` coalesces bursts of updates to one per frame.
 */
/**
 * Extra milliseconds between a `showLater` call and its render, from the page URL's
 * `chart-delay` parameter (0 when absent). Tests set it so that training events keep arriving
 * while a render is pending, which is when a spec built from live arrays would go wrong.
 */
const RENDER_DELAY_MS = Math.max(
  0,
  Number(new URLSearchParams(globalThis.location?.search ?? '').get('chart-delay')) || 0,
);

export class ChartSlot {
  readonly #el: HTMLElement;
  #view: View | null = null;
  #pending: (() => TopLevelSpec) | null = null;
  #frame = 0;
  #busy: Promise<void> = Promise.resolve();
  #queued = 0;

  readonly #initial: Node[];

  constructor(el: HTMLElement) {
    this.#el = el;
    this.#initial = Array.from(el.childNodes);
  }

  /** The plot-area width that fits the slot (axes and legend need about `reserve` px more). */
  fitWidth(reserve = 120, max = 560, min = 180): number {
    const w = this.#el.clientWidth || max + reserve;
    return Math.max(min, Math.min(max, Math.floor(w - reserve)));
  }

  /** Removes the chart and puts back what the slot held before the first render (a placeholder). */
  clear(): void {
    this.#pending = null;
    this.#busy = this.#busy.then(() => {
      this.#view?.finalize();
      this.#view = null;
      this.#el.replaceChildren(...this.#initial);
    });
  }

  /** Renders `spec` now (after any render in progress). */
  show(spec: TopLevelSpec): Promise<void> {
    // data-busy marks a render in progress (tests and scripts wait for it to go).
    this.#queued++;
    this.#el.dataset.busy = 'true';
    this.#busy = this.#busy
      .then(() => this.#render(spec))
      .catch((error: unknown) => {
        // A bad spec must not block later renders; show it where the chart would be.
        this.#el.textContent = `chart error: ${error instanceof Error ? error.message : String(error)}`;
        console.error(error);
      })
      .finally(() => {
        if (--this.#queued === 0 && !this.#frame) delete this.#el.dataset.busy;
      });
    return this.#busy;
  }

  /**
   * Renders the spec that `build` returns at the next animation frame; later calls win.
   * `build` runs later than this call, so it must read only data that will not change meanwhile
   * (pass it copies, not arrays that keep growing).
   */
  showLater(build: () => TopLevelSpec): void {
    this.#pending = build;
    this.#el.dataset.busy = 'true';
    if (this.#frame) return;
    const render = (): void => {
      this.#frame = 0;
      const next = this.#pending;
      this.#pending = null;
      if (next) void this.show(next());
      else if (this.#queued === 0) delete this.#el.dataset.busy;
    };
    this.#frame =
      RENDER_DELAY_MS > 0
        ? window.setTimeout(() => requestAnimationFrame(render), RENDER_DELAY_MS)
        : requestAnimationFrame(render);
  }

  /**
   * The data coordinates under a pointer event, through the view's scales named `x` and `y`
   * (Vega-Lite's names for a shared x / y encoding), or null outside the plot area.
   */
  dataPoint(event: MouseEvent): [number, number] | null {
    const view = this.#view;
    const svg = this.#el.querySelector('svg');
    if (!view || !svg) return null;
    const box = svg.getBoundingClientRect();
    // The SVG may be scaled down by CSS on small screens; map back to view pixels first.
    const sx0 = box.width > 0 ? svg.viewBox.baseVal.width / box.width || 1 : 1;
    const sy0 = box.height > 0 ? svg.viewBox.baseVal.height / box.height || 1 : 1;
    const [ox, oy] = view.origin();
    const px = (event.clientX - box.left) * sx0 - ox;
    const py = (event.clientY - box.top) * sy0 - oy;
    if (px < 0 || py < 0 || px > view.width() || py > view.height()) return null;
    const sx = view.scale('x') as { invert(v: number): number } | undefined;
    const sy = view.scale('y') as { invert(v: number): number } | undefined;
    return sx && sy ? [sx.invert(px), sy.invert(py)] : null;
  }

  async #render(spec: TopLevelSpec): Promise<void> {
    const runtime = parse(compile(spec).spec);
    const view = new View(runtime, { renderer: 'svg', hover: false });
    const holder = document.createElement('div');
    holder.className = 'chart-view';
    await view.initialize(holder).runAsync();
    this.#view?.finalize();
    this.#view = view;
    this.#el.replaceChildren(holder);
  }
}
