import { lineChart } from 'gradlab';
import { ChartSlot } from './chart.js';
import { byId, fmt } from './dom.js';
import { t, type MessageKey } from './i18n/i18n.js';
import { readParam, writeParams } from './url-state.js';
import { LOSSES } from './loss-catalog.js';
import type { LossEntry, OptionControl, OptionValues } from './loss-curves.js';

const SAMPLES = 241;

const GROUP_LABELS: Readonly<Record<LossEntry['group'], MessageKey>> = {
  'Book (ch. 4)': 'losses.groupBook',
  'PyTorch: regression': 'losses.groupRegression',
  'PyTorch: classification': 'losses.groupClassification',
};

/** A labelled slider with its value shown beside it, or a checkbox. */
function control(
  id: string,
  label: string,
  spec: { min: number; max: number; step: number; value: number } | { value: boolean },
): HTMLLabelElement {
  const wrap = document.createElement('label');
  wrap.append(label);
  const input = document.createElement('input');
  input.id = id;
  if (typeof spec.value === 'boolean') {
    input.type = 'checkbox';
    input.checked = spec.value;
    wrap.append(input);
    return wrap;
  }
  const s = spec as { min: number; max: number; step: number; value: number };
  Object.assign(input, {
    type: 'range',
    min: String(s.min),
    max: String(s.max),
    step: String(s.step),
    value: String(s.value),
  });
  const out = document.createElement('output');
  out.htmlFor.add(id);
  out.textContent = String(s.value);
  input.addEventListener('input', () => (out.textContent = input.value));
  const stack = document.createElement('span');
  stack.className = 'field-stack';
  stack.append(input, out);
  wrap.append(stack);
  return wrap;
}

/** The Losses panel: ℓ(x; t) and ∂ℓ/∂x of every loss, live with the target and options. */
export function mount(panel: HTMLElement): void {
  const select = byId<HTMLSelectElement>('ls-loss');
  const lossSlot = new ChartSlot(byId('ls-loss-chart'));
  const gradSlot = new ChartSlot(byId('ls-grad-chart'));
  let entry: LossEntry = LOSSES[0]!;

  for (const group of new Set(LOSSES.map((l) => l.group))) {
    const optgroup = document.createElement('optgroup');
    optgroup.label = t(GROUP_LABELS[group]);
    for (const l of LOSSES.filter((x) => x.group === group))
      optgroup.append(new Option(l.label, l.id));
    select.append(optgroup);
  }

  const target = (): number => {
    const t = entry.target;
    if (t.kind === 'fixed') return 0;
    return Number(byId<HTMLInputElement | HTMLSelectElement>('ls-t').value);
  };
  const options = (): OptionValues =>
    Object.fromEntries(
      entry.options.map((o: OptionControl) => {
        const input = byId<HTMLInputElement>(`ls-o-${o.key}`);
        return [o.key, o.kind === 'boolean' ? input.checked : Number(input.value)];
      }),
    );

  const build = (): void => {
    entry = LOSSES.find((l) => l.id === select.value) ?? LOSSES[0]!;
    const t = entry.target;
    const holder = byId('ls-target');
    if (t.kind === 'range') {
      holder.replaceChildren(control('ls-t', t.label, t));
    } else if (t.kind === 'choice') {
      const wrap = document.createElement('label');
      const choice = document.createElement('select');
      choice.id = 'ls-t';
      for (const v of t.values) choice.add(new Option(String(v), String(v)));
      wrap.append(t.label, choice);
      holder.replaceChildren(wrap);
    } else {
      const note = document.createElement('p');
      note.className = 'hint';
      note.textContent = t.label;
      holder.replaceChildren(note);
    }
    byId('ls-options').replaceChildren(
      ...entry.options.map((o) => control(`ls-o-${o.key}`, o.label, o)),
    );
    byId('ls-formula').textContent = entry.formula;
    draw();
  };

  const draw = (): void => {
    const o = options();
    const tv = target();
    const [a, b] = entry.xDomain(o);
    const x = Float64Array.from({ length: SAMPLES }, (_, i) => a + ((b - a) * i) / (SAMPLES - 1));
    const { loss, grad } = entry.curves(x, tv, o);
    const tag = entry.target.kind === 'fixed' ? '' : ` (t = ${fmt(tv)})`;
    const width = lossSlot.fitWidth(90, 460, 200);
    const frame = { xLabel: t(entry.xLabel), width, height: 260, legend: 'none' as const };
    lossSlot.showLater(() =>
      lineChart([{ name: 'loss', x, y: loss }], {
        ...frame,
        title: `${entry.label}${tag}`,
        yLabel: 'loss ℓ',
      }),
    );
    gradSlot.showLater(() =>
      lineChart([{ name: 'gradient', x, y: grad, color: '#d62728' }], {
        ...frame,
        title: t('losses.gradientTitle', { tag }),
        yLabel: '∂ℓ/∂x',
      }),
    );
    panel.dataset.loss = entry.id;
    writeParams({ 'ls-loss': entry.id });
    panel.dataset.lossAtMid = String(loss[(SAMPLES - 1) / 2]);
  };

  select.addEventListener('change', build);
  const shared = readParam('ls-loss');
  if (shared && LOSSES.some((l) => l.id === shared)) select.value = shared;
  // Sliders, checkboxes and the target select all fire 'input'.
  byId('ls-form').addEventListener('input', (e) => {
    if (e.target !== select) draw();
  });
  build();
}
