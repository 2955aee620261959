import { barChart, DIGIT_SIZE, preprocessDigit } from 'gradlab';
import { ChartSlot } from './chart.js';
import { byId, fmt, grayImage } from './dom.js';
import { t } from './i18n/i18n.js';
import { describeModel, importModelFile } from './model-file.js';
import { workerClient } from './worker-client.js';

const INK_WIDTH = 20;
const CLASSES = Array.from({ length: 10 }, (_, i) => String(i));

/** The Draw panel: a drawing pad, the 28×28 image the network sees, and its prediction. */
export function mount(panel: HTMLElement): void {
  const pad = byId<HTMLCanvasElement>('draw-pad');
  const ctx = pad.getContext('2d', { willReadFrequently: true })!;
  const preview = byId<HTMLCanvasElement>('draw-preview').getContext('2d')!;
  const chart = new ChartSlot(byId('draw-chart'));
  const client = workerClient();
  let last: { x: number; y: number } | null = null;
  let inked = false;
  let pending = false;
  let seed = 1;

  const clear = (): void => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, pad.width, pad.height);
    inked = false;
    preview.clearRect(0, 0, DIGIT_SIZE, DIGIT_SIZE);
    byId('draw-prediction').textContent = '–';
    byId('draw-confidence').textContent = '';
    delete panel.dataset.prediction;
    showBars(new Array(10).fill(0));
  };

  const showBars = (p: readonly number[], best?: number): void => {
    const width = Math.min(360, chart.fitWidth(80, 360, 200));
    chart.showLater(() =>
      barChart(CLASSES, p, {
        title: t('draw.chartTitle'),
        xLabel: t('draw.digit'),
        yLabel: t('draw.probability'),
        yDomain: [0, 1],
        highlight: best,
        // Ten printed values need about 30 px per bar; without a prediction they say nothing.
        valueLabels: best !== undefined && width >= 300,
        width,
        height: 200,
      }),
    );
  };

  const showModel = (): void => {
    byId('draw-model').textContent = client.model
      ? t('train.model', { model: describeModel(client.model) })
      : t('draw.noModel');
  };

  const predict = async (): Promise<void> => {
    if (!inked) return;
    if (pending) return;
    pending = true;
    try {
      const image = ctx.getImageData(0, 0, pad.width, pad.height);
      const pixels = preprocessDigit({
        width: image.width,
        height: image.height,
        data: image.data,
      });
      preview.putImageData(grayImage(pixels, DIGIT_SIZE), 0, 0);
      if (!client.model) return showModel();
      const reply = await client.call({ type: 'predict', pixels });
      if (reply.type !== 'prediction') return;
      const p = reply.probabilities;
      const best = p.indexOf(Math.max(...p));
      byId('draw-prediction').textContent = String(best);
      byId('draw-confidence').textContent = `p = ${fmt(p[best]!)}`;
      panel.dataset.prediction = String(best);
      showBars(p, best);
    } catch (error) {
      byId('draw-model').textContent = error instanceof Error ? error.message : String(error);
    } finally {
      pending = false;
    }
  };

  const point = (e: PointerEvent): { x: number; y: number } => {
    const box = pad.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) * pad.width) / box.width,
      y: ((e.clientY - box.top) * pad.height) / box.height,
    };
  };
  pad.addEventListener('pointerdown', (e) => {
    pad.setPointerCapture(e.pointerId);
    last = point(e);
    stroke(last, last);
  });
  pad.addEventListener('pointermove', (e) => {
    if (!last) return;
    const next = point(e);
    stroke(last, next);
    last = next;
  });
  const end = (): void => {
    if (!last) return;
    last = null;
    void predict();
  };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);

  const stroke = (a: { x: number; y: number }, b: { x: number; y: number }): void => {
    ctx.strokeStyle = '#111';
    ctx.lineWidth = INK_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    inked = true;
  };

  byId('draw-clear').addEventListener('click', clear);
  byId('draw-sample').addEventListener('click', async () => {
    byId('draw-model').textContent = t('draw.loadingSample');
    try {
      const reply = await client.call({ type: 'sample', seed: seed++ });
      if (reply.type !== 'sample') return;
      drawDigit(reply.pixels);
      panel.dataset.sampleLabel = String(reply.label);
      showModel();
      await predict();
    } catch (error) {
      byId('draw-model').textContent = error instanceof Error ? error.message : String(error);
    }
  });
  byId<HTMLInputElement>('draw-load').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    byId('draw-model').textContent = await importModelFile(client, file);
    await predict();
  });

  /** Paints a 28×28 MNIST image (white on black) on the pad as dark ink on white. */
  const drawDigit = (pixels: Uint8Array): void => {
    const small = grayImage(pixels, DIGIT_SIZE, true);
    const tmp = document.createElement('canvas');
    tmp.width = tmp.height = DIGIT_SIZE;
    tmp.getContext('2d')!.putImageData(small, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tmp, 0, 0, pad.width, pad.height);
    inked = true;
  };

  client.on((event) => {
    if (event.type === 'model') showModel();
  });
  clear();
  showModel();
}
