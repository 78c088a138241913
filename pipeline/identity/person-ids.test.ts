import { assignPersonIds, formatPersonId } from './person-ids.js';

function counter() {
  let n = 100;
  return () => formatPersonId(++n);
}

describe('assignPersonIds', () => {
  it('keeps ids where membership is unchanged and numbers new clusters', () => {
    const previous = new Map([
      ['a', 'P0000001'],
      ['b', 'P0000001'],
      ['c', 'P0000002'],
    ]);
    expect(assignPersonIds([['a', 'b'], ['c'], ['d']], previous, counter())).toEqual(['P0000001', 'P0000002', 'P0000101']);
  });

  it('gives a split person its id once, to the part holding most members', () => {
    const previous = new Map([
      ['a', 'P0000001'],
      ['b', 'P0000001'],
      ['c', 'P0000001'],
    ]);
    expect(assignPersonIds([['a'], ['b', 'c']], previous, counter())).toEqual(['P0000101', 'P0000001']);
  });

  it('lets a merge keep the majority id, the smaller on a tie', () => {
    const previous = new Map([
      ['a', 'P0000002'],
      ['b', 'P0000001'],
    ]);
    expect(assignPersonIds([['a', 'b']], previous, counter())).toEqual(['P0000001']);
  });
});
