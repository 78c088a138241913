/**
 * An encoding as another thread receives it: typed arrays and plain string lists (structured
 * clone keeps those), without fingerprints and stated relationships (scoring reads neither); `fromWire` rebuilds the dictionaries and
 * Jaro-Winkler tables, which hold classes a clone would drop.
 */
import { JaroWinklerTable } from './jaro-winkler.js';
import type { EncodedMentions } from './mention.encoding.js';
import { StringDictionary } from './string-dictionary.js';

type Dictionaries = 'names' | 'identifiers' | 'postcodes' | 'places' | 'texts';

export type WireEncoding = Omit<EncodedMentions, Dictionaries | 'fingerprints' | 'stated' | 'nameJw' | 'textJw'> &
  Record<Dictionaries, string[]>;

export function toWire(enc: EncodedMentions): WireEncoding {
  const rest: Partial<EncodedMentions> = { ...enc };
  delete rest.fingerprints;
  delete rest.stated;
  delete rest.nameJw;
  delete rest.textJw;
  return {
    ...(rest as Omit<EncodedMentions, 'fingerprints' | 'stated' | 'nameJw' | 'textJw'>),
    names: enc.names.values,
    identifiers: enc.identifiers.values,
    postcodes: enc.postcodes.values,
    places: enc.places.values,
    texts: enc.texts.values,
  };
}

export function fromWire(wire: WireEncoding): EncodedMentions {
  return {
    ...wire,
    fingerprints: new Float64Array(0),
    stated: { from: new Int32Array(0), to: new Int32Array(0), type: [] },
    names: StringDictionary.fromValues(wire.names),
    identifiers: StringDictionary.fromValues(wire.identifiers),
    postcodes: StringDictionary.fromValues(wire.postcodes),
    places: StringDictionary.fromValues(wire.places),
    texts: StringDictionary.fromValues(wire.texts),
    nameJw: new JaroWinklerTable(wire.names),
    textJw: new JaroWinklerTable(wire.texts),
  };
}
