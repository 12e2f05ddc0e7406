// One CSS rule per highlight colour, in a stylesheet of the reader's own: a segment names its
// colours in data attributes, and these rules turn them into the custom properties the reader's
// CSS paints with. Rules are added as colours appear and never removed (a codebook has dozens).
import { COLOUR_ATTR, HIGHLIGHT_CLASS, SECOND_COLOUR_ATTR, colourKey } from './highlights.js';

const sheets = new WeakMap<Document, { sheet: CSSStyleSheet; known: Set<string> }>();

/// Make sure every colour in `colours` (`#rrggbb`) has its rules in `doc`.
export function ensureColourRules(doc: Document, colours: Iterable<string>): void {
  let entry = sheets.get(doc);
  if (!entry) {
    const sheet = new CSSStyleSheet();
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    entry = { sheet, known: new Set() };
    sheets.set(doc, entry);
  }
  for (const colour of colours) {
    // colourKey admits only six hex digits, so nothing but a colour ever reaches the stylesheet.
    const hex = colourKey(colour);
    if (entry.known.has(hex)) continue;
    entry.known.add(hex);
    entry.sheet.insertRule(`.${HIGHLIGHT_CLASS}[${COLOUR_ATTR}="${hex}"]{--hl:#${hex}}`);
    entry.sheet.insertRule(`.${HIGHLIGHT_CLASS}[${SECOND_COLOUR_ATTR}="${hex}"]{--hl2:#${hex}}`);
  }
}
