/**
 * A WCAG 2.2 text-contrast check (1.4.3, AA) over what the browser rendered, for what axe leaves
 * out: axe skips disabled and `aria-disabled` controls, but an unavailable Resend must still be
 * readable. Every element with its own text is checked: its colour, faded by the opacity of it and
 * its ancestors, against the backgrounds behind it composited up to the first opaque one.
 */

type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba | null {
  const match = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (!match?.[1]) return null;
  const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  if (parts.length < 3 || parts.some((part) => Number.isNaN(part))) return null;
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

/** `top` drawn over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const alpha = top[3];
  return [
    top[0] * alpha + bottom[0] * (1 - alpha),
    top[1] * alpha + bottom[1] * (1 - alpha),
    top[2] * alpha + bottom[2] * (1 - alpha),
    1,
  ];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The opaque colour behind `element`: its own and its ancestors' backgrounds, composited. */
function backgroundBehind(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color && color[3] > 0) {
      layers.push(color);
      if (color[3] >= 1) break;
    }
  }
  let result: Rgba = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

function opacityOf(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
  return opacity;
}

function hasOwnText(element: Element): boolean {
  return [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
}

/** One line per text below AA inside `root`, empty when all pass. */
export function contrastFailures(root: Element): string[] {
  const failures: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (!hasOwnText(element) || element.closest('.tfa-visually-hidden, [hidden], option, script, style')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility !== 'visible') continue;
    const color = parseColor(style.color);
    if (!color) continue;
    const background = backgroundBehind(element);
    const text = over([color[0], color[1], color[2], color[3] * opacityOf(element)], background);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    const ratio = contrastRatio(text, background);
    if (ratio < required) {
      const label = (element.textContent ?? '').trim().slice(0, 40);
      failures.push(`"${label}" (${element.tagName.toLowerCase()}.${String(element.className)}): ${ratio.toFixed(2)}:1 < ${required}:1`);
    }
  }
  return failures;
}
