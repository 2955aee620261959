import {
  getDotGraph,
  GRADIENT_COLOR,
  layoutDot,
  type DotLayout,
  type GraphVariableInfo,
} from 'gradlab';
import { byId, el } from './dom.js';
import {
  APPLE_ORANGE,
  appleOrangeModel,
  expressionModel,
  parseValues,
  show,
  type GraphModel,
} from './graph-model.js';
import { t, type MessageKey } from './i18n/i18n.js';
import { readParam, writeParams } from './url-state.js';

const SVG = 'http://www.w3.org/2000/svg';
// Time per node of the backward animation (a URL's graph-delay overrides it; tests use 0).
const STEP_MS = Math.max(0, Number(readParam('graph-delay') ?? 450) || 0);

/** An SVG element with attributes. */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The local rule of a function node, shown on hover and focus. */
function ruleOf(name: string): MessageKey {
  if (name === 'Mul') return 'graph.ruleMul';
  if (name === 'Add') return 'graph.ruleAdd';
  return 'graph.ruleOther';
}

function markup(panel: HTMLElement): void {
  const mode = el('select', { id: 'gr-mode' });
  mode.add(new Option(t('graph.appleOrange'), 'apple-orange'));
  mode.add(new Option(t('graph.expression'), 'expression'));
  panel.append(
    el('div', { class: 'layout' }, [
      el('form', { class: 'card controls', id: 'gr-form', onsubmit: 'return false;' }, [
        el('h2', {}, [t('graph.title')]),
        el('p', {}, [t('graph.intro')]),
        el('label', { class: 'stacked' }, [t('graph.mode'), mode]),
        el(
          'div',
          { id: 'gr-inputs', class: 'controls' },
          APPLE_ORANGE.map(([name, value]) =>
            el('label', {}, [
              name,
              el('input', { id: `gr-${name}`, type: 'number', step: 'any', value }),
            ]),
          ),
        ),
        el('div', { id: 'gr-expr-inputs', class: 'controls', hidden: true }, [
          el('label', { class: 'stacked' }, [
            t('graph.formula'),
            el('input', { id: 'gr-expr', type: 'text', value: '(x + y) * z', spellcheck: 'false' }),
          ]),
          el('label', { class: 'stacked' }, [
            t('graph.values'),
            el('input', {
              id: 'gr-values',
              type: 'text',
              value: 'x=-2, y=5, z=-4',
              spellcheck: 'false',
            }),
          ]),
        ]),
        el('p', { class: 'status error', id: 'gr-error', role: 'alert' }),
        el('div', { class: 'buttons' }, [
          el('button', { type: 'button', class: 'action', id: 'gr-forward' }, [t('graph.forward')]),
          el('button', { type: 'button', class: 'action primary', id: 'gr-backward' }, [
            t('graph.backward'),
          ]),
        ]),
        el('p', { class: 'hint', id: 'gr-rule', 'aria-live': 'polite' }, [t('graph.hoverHint')]),
      ]),
      el('div', { class: 'stack' }, [
        el('div', { class: 'card' }, [
          el('div', {
            class: 'graph-view',
            id: 'gr-graph',
            role: 'img',
            'aria-label': t('graph.title'),
          }),
          el('p', { class: 'status', id: 'gr-summary', role: 'status', 'aria-live': 'polite' }),
        ]),
        el('div', { class: 'charts' }, [
          el('div', { class: 'card' }, [
            el('h3', {}, [t('graph.stepsTitle')]),
            el('ol', { class: 'steps', id: 'gr-steps' }),
          ]),
          el('div', { class: 'card' }, [
            el('h3', {}, [t('graph.checkTitle')]),
            el('table', { class: 'path-table', id: 'gr-check' }),
          ]),
        ]),
      ]),
    ]),
  );
}

/**
 * The Graph panel (ch05 §5.1–5.4): the book's apple–orange graph or a typed expression, laid out
 * by Graphviz (WASM), with Forward filling the values and Backward animating the gradients node by
 * node (upstream × local = downstream), each node's local rule on hover or focus, and every
 * input's gradient checked against the numerical derivative.
 */
export function mount(panel: HTMLElement): void {
  markup(panel);
  const mode = byId<HTMLSelectElement>('gr-mode');
  const view = byId('gr-graph');
  let model: GraphModel | null = null;
  let layout: DotLayout | null = null;
  let shownGrads = new Set<string>();
  let showValues = true;
  let timer = 0;
  let build = 0;

  const readModel = (): GraphModel => {
    if (mode.value === 'apple-orange') {
      const values = Object.fromEntries(
        APPLE_ORANGE.map(([name]) => [name, Number(byId<HTMLInputElement>(`gr-${name}`).value)]),
      );
      return appleOrangeModel(values);
    }
    return expressionModel(
      byId<HTMLInputElement>('gr-expr').value,
      parseValues(byId<HTMLInputElement>('gr-values').value),
    );
  };

  const varById = (id: string): GraphVariableInfo | undefined =>
    model?.description.variables.find((v) => v.id === id);

  const draw = (): void => {
    if (!model || !layout) return;
    const pad = 8;
    const root = svg('svg', {
      viewBox: `${-pad} ${-pad} ${layout.width + 2 * pad} ${layout.height + 2 * pad}`,
      width: layout.width + 2 * pad,
      height: layout.height + 2 * pad,
    });
    for (const e of layout.edges) {
      const [p0, ...rest] = e.points;
      if (!p0) continue;
      let d = `M${p0[0]},${p0[1]}`;
      for (let i = 0; i + 2 < rest.length; i += 3)
        d += ` C${rest[i]![0]},${rest[i]![1]} ${rest[i + 1]![0]},${rest[i + 1]![1]} ${rest[i + 2]![0]},${rest[i + 2]![1]}`;
      root.append(svg('path', { d, class: 'edge', 'marker-end': 'url(#arrow)' }));
    }
    const defs = svg('defs', {});
    const marker = svg('marker', {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto',
    });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#555' }));
    defs.append(marker);
    root.prepend(defs);
    for (const n of layout.nodes) {
      const g = svg('g', { class: 'node', 'data-id': n.id, tabindex: 0 });
      const v = varById(n.id);
      if (v) {
        g.append(
          svg('ellipse', {
            cx: n.x,
            cy: n.y,
            rx: n.width / 2,
            ry: n.height / 2,
            class: 'variable',
          }),
        );
        const lines = [v.name ?? ''];
        if (showValues) lines.push(show(typeof v.value === 'number' ? v.value : NaN));
        lines.forEach((line, i) =>
          g.append(
            svg(
              'text',
              {
                x: n.x,
                y: n.y - 10 + i * 15,
                'text-anchor': 'middle',
                class: i === 0 ? 'name' : 'value',
              },
              line,
            ),
          ),
        );
        if (shownGrads.has(n.id) && typeof v.grad === 'number')
          g.append(
            svg(
              'text',
              { x: n.x, y: n.y + 20, 'text-anchor': 'middle', class: 'grad', fill: GRADIENT_COLOR },
              show(v.grad),
            ),
          );
        g.setAttribute('aria-label', `${v.name ?? n.id}: ${lines.slice(1).join(' ')}`);
      } else {
        const f = model.description.functions.find((x) => x.id === n.id);
        g.append(
          svg('rect', {
            x: n.x - n.width / 2,
            y: n.y - n.height / 2,
            width: n.width,
            height: n.height,
            rx: 4,
            class: 'function',
          }),
        );
        g.append(
          svg('text', { x: n.x, y: n.y + 5, 'text-anchor': 'middle', class: 'op' }, f?.label ?? ''),
        );
        g.dataset.fn = f?.name ?? '';
        const explain = (): void => {
          byId('gr-rule').textContent =
            `${f?.label ?? ''} (${f?.name ?? ''}): ${t(ruleOf(f?.name ?? ''))}`;
        };
        g.addEventListener('mouseenter', explain);
        g.addEventListener('focus', explain);
        g.setAttribute('aria-label', `${f?.name ?? ''}: ${t(ruleOf(f?.name ?? ''))}`);
      }
      root.append(g);
    }
    view.replaceChildren(root);
  };

  const drawSteps = (count: number): void => {
    if (!model) return;
    const name = (id: string): string => varById(id)?.name ?? id;
    byId('gr-steps').replaceChildren(
      ...model.steps
        .slice(0, count)
        .map((s) =>
          el('li', {}, [
            `${s.fn} → ${name(s.output)}: `,
            ...s.inputs.map((i) =>
              el('span', { class: 'step-eq' }, [
                `∂/∂${name(i.id)} = ${show(s.upstream)} × ${show(i.local)} = `,
                el('strong', {}, [show(i.downstream)]),
              ]),
            ),
          ]),
        ),
    );
  };

  const drawCheck = (): void => {
    if (!model) return;
    byId('gr-check').replaceChildren(
      el(
        'tr',
        {},
        [t('graph.input'), t('graph.backprop'), t('graph.numerical'), '|Δ|'].map((h) =>
          el('th', {}, [h]),
        ),
      ),
      ...model.check.map((c) =>
        el(
          'tr',
          {},
          [
            c.name,
            show(c.backprop),
            String(c.numerical),
            Math.abs(c.backprop - c.numerical).toExponential(1),
          ].map((x) => el('td', {}, [x])),
        ),
      ),
    );
  };

  const forward = async (): Promise<void> => {
    clearInterval(timer);
    const token = ++build;
    try {
      model = readModel();
      byId('gr-error').textContent = '';
    } catch (error) {
      byId('gr-error').textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    const next = await layoutDot(getDotGraph(model.y, { verbose: true, edgeValues: false }));
    if (token !== build) return;
    layout = next;
    shownGrads = new Set();
    showValues = true;
    const out = varById(model.output)!;
    byId('gr-summary').textContent = t('graph.forwardDone', {
      name: out.name ?? 'y',
      value: show(typeof out.value === 'number' ? out.value : NaN),
    });
    Object.assign(panel.dataset, { state: 'forward', output: String(out.value), grads: '' });
    drawSteps(0);
    drawCheck();
    draw();
    writeParams(
      mode.value === 'apple-orange'
        ? {
            'gr-mode': 'apple-orange',
            ...Object.fromEntries(
              APPLE_ORANGE.map(([n]) => [`gr-${n}`, byId<HTMLInputElement>(`gr-${n}`).value]),
            ),
          }
        : {
            'gr-mode': 'expression',
            'gr-expr': byId<HTMLInputElement>('gr-expr').value,
            'gr-values': byId<HTMLInputElement>('gr-values').value,
          },
    );
  };

  const backward = (): void => {
    if (!model) return;
    clearInterval(timer);
    shownGrads = new Set([model.output]);
    panel.dataset.state = 'backward';
    let k = 0;
    const advance = (): void => {
      if (!model) return;
      const s = model.steps[k];
      if (s) for (const i of s.inputs) shownGrads.add(i.id);
      k++;
      drawSteps(k);
      draw();
      if (k >= model.steps.length) {
        clearInterval(timer);
        const leaves = model.description.variables.filter(
          (v) => v.leaf && typeof v.grad === 'number',
        );
        panel.dataset.grads = leaves.map((v) => `${v.name}=${show(v.grad as number)}`).join(',');
        panel.dataset.state = 'backward-done';
        byId('gr-summary').textContent = t('graph.backwardDone');
      }
    };
    draw();
    if (STEP_MS === 0) while (panel.dataset.state === 'backward') advance();
    else timer = window.setInterval(advance, STEP_MS);
  };

  mode.addEventListener('change', () => {
    const apple = mode.value === 'apple-orange';
    byId('gr-inputs').hidden = !apple;
    byId('gr-expr-inputs').hidden = apple;
    void forward();
  });
  byId('gr-form').addEventListener('change', (e) => {
    if (e.target !== mode) void forward();
  });
  byId('gr-forward').addEventListener('click', () => void forward());
  byId('gr-backward').addEventListener('click', backward);

  // A shared link opens on its graph.
  if (readParam('gr-mode') === 'expression') {
    mode.value = 'expression';
    byId<HTMLInputElement>('gr-expr').value = readParam('gr-expr') ?? '(x + y) * z';
    byId<HTMLInputElement>('gr-values').value = readParam('gr-values') ?? 'x=-2, y=5, z=-4';
    byId('gr-inputs').hidden = true;
    byId('gr-expr-inputs').hidden = false;
  } else {
    for (const [name] of APPLE_ORANGE) {
      const v = readParam(`gr-${name}`);
      if (v !== null && Number.isFinite(Number(v))) byId<HTMLInputElement>(`gr-${name}`).value = v;
    }
  }
  void forward();
}
