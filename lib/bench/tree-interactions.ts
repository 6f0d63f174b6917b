// Interactions on an open tree, timed inside the page (no browser-driver round trips in the
// figures): from the input event to the frame after the change is painted.
import type { Page } from "playwright-core";

export interface InteractionTimes {
  /** Clicking a node row until it, the inspector and the transcript show it. */
  click: number[];
  /** An arrow key on the tree until the new node is selected and the inspector shows it. */
  key: number[];
  /** Clicking a folded step's "+N" until its subtree is drawn. */
  unfold: number[];
}

/** Runs in the page (serialized by Playwright): everything it uses is defined inside. */
async function timeInPage(): Promise<InteractionTimes> {
  const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const until = async (done: () => boolean, what: string) => {
    for (let frame = 0; frame < 600 && !done(); frame++) await new Promise((r) => requestAnimationFrame(r));
    if (!done()) throw new Error(`timed out waiting for ${what}`);
  };
  const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
  const heading = () => document.getElementById("inspector-heading")?.textContent ?? "";
  const onScreen = (el: Element) => {
    const r = el.getBoundingClientRect();
    const t = tree.getBoundingClientRect();
    return r.top >= t.top && r.bottom <= t.bottom && r.left >= t.left && r.right <= t.right;
  };
  const times: InteractionTimes = { click: [], key: [], unfold: [] };

  for (let i = 0; i < 3; i++) {
    const rows = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"][aria-selected="false"]')].filter(onScreen);
    const row = rows[Math.floor(rows.length / 2) + i] ?? rows[0];
    if (!row) break;
    const started = performance.now();
    row.click();
    await until(() => row.getAttribute("aria-selected") === "true" && heading().startsWith(`Node ${row.dataset.idx} `), "a clicked node to be shown");
    await afterPaint();
    times.click.push(performance.now() - started);
  }

  tree.focus();
  for (const key of ["ArrowLeft", "ArrowLeft", "ArrowRight"]) {
    const before = tree.getAttribute("aria-activedescendant");
    const started = performance.now();
    tree.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    // shown once the inspector has the new node (the canvas may still be gliding to it)
    const target = () => tree.getAttribute("aria-activedescendant");
    await until(() => target() !== before && heading().startsWith(`Node ${target()?.replace("tree-node-", "")} `), `${key} to move the selection`);
    await afterPaint();
    times.key.push(performance.now() - started);
  }

  // folded steps in the left part of the canvas, so that what unfolds to their right is drawn too
  const leftPart = (el: Element) => onScreen(el) && el.getBoundingClientRect().right < tree.getBoundingClientRect().left + tree.clientWidth * 0.6;
  for (let i = 0; i < 3; i++) {
    const button = [...tree.querySelectorAll<HTMLButtonElement>('button[aria-label^="Expand the"]')].find(leftPart);
    if (!button) break;
    const card = button.closest("[data-group]")!;
    const rowsBefore = tree.querySelectorAll('[role="treeitem"]').length;
    const started = performance.now();
    button.click();
    await until(
      () => card.querySelector("button")?.getAttribute("aria-label") === "Collapse the branches below" && tree.querySelectorAll('[role="treeitem"]').length > rowsBefore,
      "a folded subtree to unfold",
    );
    await afterPaint();
    times.unfold.push(performance.now() - started);
  }
  return times;
}

export async function measureInteractions(page: Page): Promise<InteractionTimes> {
  // the CLI's TypeScript loader (esbuild, keeping function names) wraps functions in calls to a
  // __name helper that the page does not have; an identity stand-in lets the function run there
  await page.evaluate("globalThis.__name ??= (fn) => fn");
  return page.evaluate(timeInPage);
}
