import { el, grayImage } from './dom.js';
import { t } from './i18n/i18n.js';
import type { TestReport } from './protocol.js';

/**
 * The Train tab's views of a test report: the confusion matrix, misclassified digits and the
 * first layer's weights. The worker computed them with the library; this file only draws.
 */

const DIGIT = 28;

/** A 28×28 canvas showing grayscale bytes (0 black, 255 white). */
function digitCanvas(pixels: Uint8Array, label: string): HTMLCanvasElement {
  const canvas = el('canvas', { class: 'digit', width: DIGIT, height: DIGIT, 'aria-label': label });
  canvas.getContext('2d')!.putImageData(grayImage(pixels, DIGIT), 0, 0);
  return canvas;
}

/** The confusion matrix as a table: rows true classes, columns predicted, shaded by count. */
function confusionTable(report: TestReport): HTMLTableElement {
  const c = report.classes;
  let offDiagonalMax = 1;
  let diagonalMax = 1;
  for (let i = 0; i < c; i++)
    for (let j = 0; j < c; j++) {
      const v = report.confusion[i * c + j]!;
      if (i === j) diagonalMax = Math.max(diagonalMax, v);
      else offDiagonalMax = Math.max(offDiagonalMax, v);
    }
  const head = el('tr', {}, [
    el('th', { scope: 'col', class: 'corner' }, [t('train.confusionCorner')]),
    ...Array.from({ length: c }, (_, j) => el('th', { scope: 'col' }, [String(j)])),
  ]);
  const rows = Array.from({ length: c }, (_, i) =>
    el('tr', {}, [
      el('th', { scope: 'row' }, [String(i)]),
      ...Array.from({ length: c }, (_, j) => {
        const v = report.confusion[i * c + j]!;
        // Errors are scaled by the largest error, so that a few mistakes still show.
        const shade = i === j ? v / diagonalMax : v / offDiagonalMax;
        const cell = el('td', { class: i === j ? 'hit' : 'miss', 'data-count': v }, [String(v)]);
        cell.style.setProperty('--shade', shade.toFixed(3));
        return cell;
      }),
    ]),
  );
  return el('table', { class: 'confusion', id: 'tr-confusion-table' }, [
    el('thead', {}, [head]),
    el('tbody', {}, rows),
  ]);
}

/** The containers of the three views. */
export interface ReportSlots {
  readonly confusion: HTMLElement;
  readonly misclassified: HTMLElement;
  readonly weights: HTMLElement;
}

/** Puts the placeholder back in each view (after a reset). */
export function clearReport(slots: ReportSlots): void {
  for (const slot of Object.values(slots))
    slot.replaceChildren(el('p', { class: 'placeholder' }, [t('train.reportPlaceholder')]));
}

/** Replaces the three views in their containers with the report's. */
export function showReport(report: TestReport, slots: ReportSlots): void {
  slots.confusion.replaceChildren(
    confusionTable(report),
    el('p', { class: 'hint' }, [t('train.confusionHint', { count: report.count })]),
  );
  slots.misclassified.replaceChildren(
    ...(report.misclassified.length === 0
      ? [el('p', { class: 'placeholder' }, [t('train.noMisclassified')])]
      : report.misclassified.map((m) => {
          const caption = t('train.misclassifiedLabel', {
            label: m.label,
            predicted: m.predicted,
            probability: m.probability.toFixed(2),
          });
          return el(
            'figure',
            { class: 'digit-cell', 'data-label': m.label, 'data-predicted': m.predicted },
            [digitCanvas(m.pixels, caption), el('figcaption', {}, [caption])],
          );
        })),
  );
  slots.weights.replaceChildren(
    ...report.weights.map((w, j) => {
      const caption = t('train.weightUnit', { unit: j + 1 });
      return el('figure', { class: 'digit-cell' }, [
        digitCanvas(w, caption),
        el('figcaption', {}, [caption]),
      ]);
    }),
  );
}
