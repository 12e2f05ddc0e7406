import type { Locator, Page } from 'playwright-core';

/// Where a piece of text sits on screen: the middle of the left edge of its first character and
/// of the right edge of its last; with `scroll`, after scrolling it into view.
async function textEdges(within: Locator, needle: string, occurrence: number, scroll: boolean): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const edges = await within.evaluate(
    (root, { needle, occurrence, scroll }) => {
      // The text is split over many nodes (highlights wrap parts of it): search their concatenation.
      const nodes: Text[] = [];
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const whole = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i < occurrence; i++) {
        at = whole.indexOf(needle, at + 1);
        if (at < 0) return null;
      }
      // No named inner functions: tsx would wrap them in a helper that the page does not have.
      const boxes: DOMRect[] = [];
      for (const offset of [at, at + needle.length - 1]) {
        let base = 0;
        const node = nodes.find((n) => (base += n.data.length) > offset)!;
        const inNode = offset - (base - node.data.length);
        const range = root.ownerDocument.createRange();
        range.setStart(node, inNode);
        range.setEnd(node, inNode + 1);
        if (scroll && boxes.length === 0) node.parentElement!.scrollIntoView({ block: 'center' });
        boxes.push(range.getBoundingClientRect());
      }
      const [first, last] = boxes;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    },
    { needle, occurrence, scroll },
  );
  if (!edges) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  return edges;
}

/// Select text by dragging the mouse over it, as a reader does, and check the browser selected
/// exactly that text.
export async function selectWithMouse(page: Page, within: Locator, needle: string, occurrence = 1): Promise<void> {
  // Paragraphs out of sight are laid out only when scrolled near (content-visibility), so the
  // text may still move in the frames after scrolling: scroll, let two frames pass, scroll again
  // (to where it now is), and measure once it has settled.
  const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await textEdges(within, needle, occurrence, true);
  await frames();
  await textEdges(within, needle, occurrence, true);
  await frames();
  const { x1, y1, x2, y2 } = await textEdges(within, needle, occurrence, false);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(x2, y2, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  if (selected !== needle) throw new Error(`dragging over "${needle}" selected "${selected}"`);
}
