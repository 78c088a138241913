/** Phonetic codes (Double Metaphone) of a normalised name, spaces removed. */
import { doubleMetaphone } from 'double-metaphone';

/** Primary and alternate code; the alternate equals the primary for most names. */
export function phoneticCodes(normalisedName: string): [string, string] {
  const [p, s] = doubleMetaphone(normalisedName.replace(/ /g, ''));
  return [p, s.length > 0 ? s : p];
}
