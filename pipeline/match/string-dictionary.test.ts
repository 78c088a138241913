import { symmetricCsr } from './string-dictionary.js';

function row(csr: ReturnType<typeof symmetricCsr>, r: number): number[] {
  return [...csr.data.subarray(csr.offsets[r], csr.offsets[r + 1])];
}

describe('symmetricCsr', () => {
  it('lists each pair under both of its members, in the order the pairs came', () => {
    const csr = symmetricCsr(5, [
      [0, 3],
      [3, 1],
      [0, 1],
      [2, 2],
    ]);
    expect([0, 1, 2, 3, 4].map((r) => row(csr, r))).toEqual([[3, 1], [3, 0], [], [0, 1], []]);
  });

  it('holds nothing for no pairs', () => {
    const csr = symmetricCsr(3, []);
    expect([...csr.offsets]).toEqual([0, 0, 0, 0]);
    expect(csr.data.length).toBe(0);
  });
});
