import { XMLParser } from 'fast-xml-parser';
import { QalamError } from '../errors.js';

const REPEATED = new Set([
  'Code', 'User', 'Variable', 'VariableValue', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource',
  'PlainTextSelection', 'Coding', 'NoteRef', 'Note', 'Case', 'Set',
]);

/// Parse a REFI-QDA XML file into plain objects: attributes as properties, elements that may
/// repeat always as arrays, text kept exactly (positions count its characters).
export function parseQdaXml(xml: string, name: string): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    isArray: (tag) => REPEATED.has(tag),
  });
  try {
    return parser.parse(xml.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (e) {
    throw new QalamError('bad_input', `${name} is not readable XML: ${(e as Error).message}`);
  }
}
