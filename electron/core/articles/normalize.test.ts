import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize.js';
import { storedForm } from './store.js';

describe('normalizeText', () => {
  it('composes to NFC, unifies line ends, trims line ends and blank edges', () => {
    const decomposed = 'Қозоғистон'.normalize('NFD');
    expect(normalizeText(`\n\r\n${decomposed} \t\r\nбир\rикки\u2028уч  \n\n`)).toBe('Қозоғистон\nбир\nикки\nуч');
  });
  it('leaves text already in normal form as it is', () => {
    const text = 'МОSKVА. Кazinform — Қасим-Жомарт Тоқаев\n— «Марказий Осиё + Россия»';
    expect(normalizeText(text)).toBe(text);
  });
  it('keeps no-break spaces and spaces inside lines', () => {
    expect(normalizeText('a\u00a0b  c\u00a0\nd')).toBe('a\u00a0b  c\u00a0\nd');
  });
});

describe('stored titles', () => {
  it('drop control characters and line breaks, keeping the words', () => {
    expect(storedForm({ title: 'Тошкент\u0007 \u001b[31mnews\u001b[0m\nline two', text: 'Матн.' }).title).toBe('Тошкент [31mnews[0m line two');
    expect(storedForm({ title: '\u0007\u0008', text: 'Матн.' }).title).toBe('(untitled)');
  });
});
