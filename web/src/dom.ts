/** Small DOM helpers shared by the panels. */

/**
 * The element with this id; throws when the page markup lacks it (a bug, not a user error).
 * @example
 * const lr = byId<HTMLInputElement>('gd-lr');
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: element #${id} is missing from index.html`);
  return el as T;
}

/**
 * A number for tables and status lines: 4 significant digits, exponent form when tiny or huge.
 * @example
 * fmt(0.000012345); // '1.234e-5'
 */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a < 1e-3 || a >= 1e5
    ? v.toExponential(3).replace('e+', 'e')
    : String(Number(v.toPrecision(4)));
}

/** Attributes of {@link el}: ids, classes, data-i18n keys, ARIA and input attributes. */
export type Attributes = Readonly<Record<string, string | number | boolean>>;

/**
 * A new element with attributes and children (text or elements); `true` sets an empty
 * attribute, `false` leaves it out. Panels built in code use it instead of markup.
 * @example
 * el('label', {}, [t('derivatives.x'), el('input', { id: 'dv-x', type: 'number', value: 5 })]);
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/**
 * Grayscale bytes (0 black, 255 white) as an opaque square ImageData, `invert` for dark ink on
 * white (the drawing pad). Shapes: side² bytes → side × side RGBA.
 */
export function grayImage(pixels: Uint8Array, side: number, invert = false): ImageData {
  const image = new ImageData(side, side);
  pixels.forEach((v, i) => {
    const g = invert ? 255 - v : v;
    image.data.set([g, g, g, 255], i * 4);
  });
  return image;
}
