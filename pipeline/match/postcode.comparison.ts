import { NULL_LEVEL, type Comparison } from './comparison.js';

/** Postcode: best agreement over any postcode of each side: full, sector, district, else. */
export const postcodeComparison: Comparison = {
  name: 'postcode',
  levels: [
    { label: 'full', mPrior: 0.6 },
    { label: 'sector', mPrior: 0.08 },
    { label: 'district', mPrior: 0.07 },
    { label: 'else', mPrior: 0.25 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const off = enc.postcodeFull.offsets;
    const a0 = off[i] as number;
    const a1 = off[i + 1] as number;
    const b0 = off[j] as number;
    const b1 = off[j + 1] as number;
    if (a0 === a1 || b0 === b1) return NULL_LEVEL;
    const full = enc.postcodeFull.data;
    const sector = enc.postcodeSector.data;
    const district = enc.postcodeDistrict.data;
    let best = 3;
    for (let x = a0; x < a1; x++) {
      for (let y = b0; y < b1; y++) {
        if (full[x] === full[y]) return 0;
        const s = sector[x] as number;
        if (s >= 0 && s === sector[y]) best = 1;
        else if (best > 2) {
          const d = district[x] as number;
          if (d >= 0 && d === district[y]) best = 2;
        }
      }
    }
    return best;
  },
};
