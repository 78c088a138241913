import { NULL_LEVEL, type Comparison } from './comparison.js';
import { csrIntersects } from './string-dictionary.js';

/**
 * Where the person lives, as one comparison: a shared UPRN or household (tenancy) key, else the
 * best postcode agreement over any postcode of each side (full, sector, district), else none.
 * One comparison, not two: a shared UPRN and a shared postcode are the same evidence, and
 * counting both would make every household member look like the same person.
 * Null when neither side has any address data to compare.
 */
export const addressComparison: Comparison = {
  name: 'address',
  levels: [
    { label: 'shared uprn/household', mPrior: 0.35 },
    { label: 'postcode full', mPrior: 0.3 },
    { label: 'postcode sector', mPrior: 0.07 },
    { label: 'postcode district', mPrior: 0.05 },
    { label: 'else', mPrior: 0.23 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const places = enc.placeIds.offsets;
    const hasPlaces = places[i] !== places[i + 1] && places[j] !== places[j + 1];
    if (hasPlaces && csrIntersects(enc.placeIds, i, enc.placeIds, j)) return 0;
    const off = enc.postcodeFull.offsets;
    const a0 = off[i] as number;
    const a1 = off[i + 1] as number;
    const b0 = off[j] as number;
    const b1 = off[j + 1] as number;
    if (a0 === a1 || b0 === b1) return hasPlaces ? 4 : NULL_LEVEL;
    const full = enc.postcodeFull.data;
    const sector = enc.postcodeSector.data;
    const district = enc.postcodeDistrict.data;
    let best = 4;
    for (let x = a0; x < a1; x++) {
      for (let y = b0; y < b1; y++) {
        if (full[x] === full[y]) return 1;
        const s = sector[x] as number;
        if (s >= 0 && s === sector[y]) best = 2;
        else if (best > 3) {
          const d = district[x] as number;
          if (d >= 0 && d === district[y]) best = 3;
        }
      }
    }
    return best;
  },
};
