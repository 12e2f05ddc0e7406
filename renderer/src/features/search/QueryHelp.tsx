// A small popover with the query language, opened by a button and closed by Escape or a click
// elsewhere.
import { useEffect, useId, useRef, useState } from 'react';
import { onEscape } from '../../state/escape.js';

const SYNTAX: [string, string][] = [
  ['Тошкент пахта', 'articles with both words (in any script: Toshkent paxta too)'],
  ['"Олий Мажлис"', 'the exact phrase'],
  ['paxta OR cotton', 'either word'],
  ['Тошкент -спорт', 'without the second word'],
  ['иқтисод*', 'words that start so'],
  ['title:сайлов', 'in the title only'],
  ['lang:uz-Cyrl', 'language: uz-Cyrl, uz-Latn, kk, ru, en'],
  ['source:kun.uz', 'from one source'],
  ['date:2024-01-01..2024-12-31', 'a date range; either end may be left out'],
];

/// A button that opens a short guide to the query language.
export function QueryHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = () => {
      setOpen(false);
      buttonRef.current?.focus();
    };
    const unregister = onEscape(close);
    const outside = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => {
      unregister();
      document.removeEventListener('pointerdown', outside);
    };
  }, [open]);

  return (
    <div className="popover-anchor" ref={ref}>
      <button ref={buttonRef} type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        Query syntax
      </button>
      {open && (
        <div id={id} className="popover" role="region" aria-label="Query syntax">
          <table className="syntax">
            <caption>What you can type in the search box</caption>
            <tbody>
              {SYNTAX.map(([example, meaning]) => (
                <tr key={example}>
                  <th scope="row">
                    <code>{example}</code>
                  </th>
                  <td>{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Matching ignores case and script unless “Exact script” is ticked.</p>
        </div>
      )}
    </div>
  );
}
