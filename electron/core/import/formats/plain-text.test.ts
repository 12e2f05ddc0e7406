import { describe, expect, it } from 'vitest';
import { parseFile } from './index.js';
import { parsePlainText, titleFromText } from './plain-text.js';

const sentence = 'Парламент обсудил поправки к закону о таможенном тарифе и отложил голосование на неделю. ';

describe('plain text on one line', () => {
  it('a long single line becomes the text, titled by its first words cut between words', () => {
    const line = sentence.repeat(44).trim();
    expect(line.length).toBeGreaterThan(3800);
    const a = parseFile(Buffer.from(line), 'article.txt').articles[0];
    expect(a.text).toBe(line);
    expect(Array.from(a.title).length).toBeLessThanOrEqual(80);
    expect(a.title).toBe('Парламент обсудил поправки к закону о таможенном тарифе и отложил голосование…');
    expect(line.startsWith(a.title.slice(0, -1) + ' ')).toBe(true);
  });

  it('a short line alone is both the title and the text', () => {
    expect(parsePlainText('\n  Выборы перенесены на осень  \n\n')).toMatchObject({ title: 'Выборы перенесены на осень', text: 'Выборы перенесены на осень' });
  });

  it('a first line with paragraphs after it is still only the title', () => {
    expect(parsePlainText('Заголовок\nПервый абзац.')).toMatchObject({ title: 'Заголовок', text: 'Первый абзац.' });
  });

  it('a first word longer than a title is cut inside it', () => {
    const t = titleFromText('x'.repeat(200));
    expect(t).toBe('x'.repeat(79) + '…');
  });

  it('a file with the date header is read as before', () => {
    const a = parseFile(Buffer.from(' date 2020-01-02 Заголовок статьи\nТекст статьи.\n'), 'seed.txt').articles[0];
    expect(a).toMatchObject({ title: 'Заголовок статьи', text: 'Текст статьи.', date: '2020-01-02' });
  });
});
