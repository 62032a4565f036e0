import { sendKeys } from '@web/test-runner-commands';
import { deepActiveElement } from './basic-flow.js';

/**
 * Measures of WCAG 1.4.10 Reflow and 2.4.11 Focus Not Obscured on a widget's screen, through its
 * shadow roots.
 */

/** What a person operates or reads as a control. */
const CONTROLS = 'button, input, select, textarea, a[href], label, canvas, legend, [tabindex]:not([tabindex="-1"])';

/** The element's parent, through shadow roots. */
const parentOf = (element: Element): Element | null =>
  element.parentElement ?? ((element.getRootNode() as ShadowRoot).host || null);

/** Every element under `root`, through the shadow roots of the steps and their parts. */
function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

const describeElement = (element: Element) =>
  `<${element.localName}${element.id ? `#${element.id}` : ''}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;

/** What breaks reflow on the screen of `host`: sideways scroll, controls outside the viewport or clipped. */
export function reflowProblems(host: Element): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`);
  }
  for (const element of deepElements(host.shadowRoot!)) {
    if (!element.matches(CONTROLS)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    if (rect.left < -0.5 || rect.right > width + 0.5) {
      problems.push(`${describeElement(element)} outside the viewport (${rect.left}–${rect.right})`);
    }
    for (let parent = parentOf(element); parent && parent !== document.body; parent = parentOf(parent)) {
      if (getComputedStyle(parent).overflowX === 'visible') continue;
      const box = parent.getBoundingClientRect();
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) {
        problems.push(`${describeElement(element)} clipped by <${parent.localName}>`);
      }
    }
    // Text wider than its box (an input's own value scrolls inside it, as it should).
    const block = getComputedStyle(element).display !== 'inline';
    if (block && !(element instanceof HTMLInputElement) && element.scrollWidth > element.clientWidth + 1) {
      problems.push(`${describeElement(element)} cut (${element.scrollWidth} > ${element.clientWidth})`);
    }
  }
  return problems;
}

/** The element drawn at a point, through shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

const isWithin = (element: Element | null, ancestor: Element) => {
  for (let node = element; node; node = parentOf(node)) if (node === ancestor) return true;
  return false;
};

/**
 * Tabs from where the focus is through every control of `host` (until the focus leaves it or
 * comes round again); answers each focused control that something else covers at its centre, and
 * how many controls the focus reached.
 */
export async function obscuredWhileTabbing(host: Element): Promise<{ problems: string[]; reached: number }> {
  const problems: string[] = [];
  const visited = new Set<Element>();
  for (let presses = 0; presses < 40; presses++) {
    await sendKeys({ press: 'Tab' });
    const focused = deepActiveElement();
    if (!focused || !isWithin(focused, host) || visited.has(focused)) break;
    visited.add(focused);
    const rect = focused.getBoundingClientRect();
    const hit = deepElementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    if (!isWithin(hit, focused)) {
      problems.push(`${describeElement(focused)} under ${hit ? describeElement(hit) : 'nothing (off screen)'}`);
    }
  }
  return { problems, reached: visited.size };
}
