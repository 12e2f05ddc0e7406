// Real articles for the editor's tests: Uzbek in Cyrillic and its Latin twin, read from the team
// corpus in the seed format (a ` date YYYY-MM-DD title` line, then one paragraph per line).
import uzCyrl053 from '../../../../shared/corpus/uz-cyrl/uzt-053.txt?raw';
import uzLatn053 from '../../../../shared/corpus/uz-latn/uzt-053.txt?raw';

/// The body of a seed-format file: everything after the header line, as the importer keeps it.
function seedBody(file: string): string {
  const newline = file.indexOf('\n');
  return file.slice(newline + 1).replace(/\n+$/, '');
}

/// uzt-053 in Uzbek Cyrillic (Қозоғистонга КХШТ қўшинлари келиб…).
export const uzCyrlText = seedBody(uzCyrl053);
/// The same article in Uzbek Latin (Qozog‘istonga …).
export const uzLatnText = seedBody(uzLatn053);
