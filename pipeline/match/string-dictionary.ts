/** Interns strings as dense integer ids (0, 1, 2, ...) so hot loops compare numbers. */
export class StringDictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  /** Values below this index are in `ids` (a dictionary rebuilt from its values indexes them when first asked). */
  private indexed = 0;

  /** A dictionary holding `values` with their ids (as sent to another thread). */
  static fromValues(values: readonly string[]): StringDictionary {
    const dictionary = new StringDictionary();
    for (const value of values) dictionary.values.push(value);
    return dictionary;
  }

  private index(): void {
    for (; this.indexed < this.values.length; this.indexed++) this.ids.set(this.values[this.indexed] as string, this.indexed);
  }

  /** Id of `value`, adding it when new. */
  intern(value: string): number {
    this.index();
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      this.indexed++;
    }
    return id;
  }

  /** Id of `value`, or -1 when not interned. */
  lookup(value: string): number {
    this.index();
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** Compressed sparse rows: the list for row r is `data[offsets[r] .. offsets[r + 1])`. */
export interface Csr {
  offsets: Int32Array;
  data: Int32Array;
}

/** Builds a CSR row by row without an array per row. */
export class CsrBuilder {
  private readonly offsets: Int32Array;
  private data: Int32Array;
  private length = 0;
  private row = 0;
  constructor(rows: number, capacity = rows) {
    this.offsets = new Int32Array(rows + 1);
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** True when the current row already holds v. */
  rowHas(v: number): boolean {
    for (let k = this.offsets[this.row] as number; k < this.length; k++) if (this.data[k] === v) return true;
    return false;
  }
  endRow(): void {
    this.offsets[++this.row] = this.length;
  }
  build(): Csr {
    return { offsets: this.offsets, data: this.data.slice(0, this.length) };
  }
}

export function buildCsr(rows: readonly (readonly number[])[]): Csr {
  const offsets = new Int32Array(rows.length + 1);
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    total += rows[r]?.length ?? 0;
    offsets[r + 1] = total;
  }
  const data = new Int32Array(total);
  let k = 0;
  for (const row of rows) for (const v of row) data[k++] = v;
  return { offsets, data };
}

/**
 * Rows of `n` for pairs read both ways: row x lists every y paired with x (x !== y), in the
 * pairs' order.
 */
export function symmetricCsr(n: number, pairs: readonly (readonly [number, number])[]): Csr {
  const offsets = new Int32Array(n + 1);
  for (const [x, y] of pairs) {
    if (x === y) continue;
    offsets[x + 1]!++;
    offsets[y + 1]!++;
  }
  for (let r = 0; r < n; r++) offsets[r + 1]! += offsets[r] as number;
  const fill = offsets.slice(0, n);
  const data = new Int32Array(offsets[n] as number);
  for (const [x, y] of pairs) {
    if (x === y) continue;
    data[fill[x]!++] = y;
    data[fill[y]!++] = x;
  }
  return { offsets, data };
}

/** True when rows a of `x` and b of `y` share a value (lists are short: linear scan). */
export function csrIntersects(x: Csr, a: number, y: Csr, b: number): boolean {
  const a0 = x.offsets[a] ?? 0;
  const a1 = x.offsets[a + 1] ?? 0;
  const b0 = y.offsets[b] ?? 0;
  const b1 = y.offsets[b + 1] ?? 0;
  for (let i = a0; i < a1; i++) {
    const v = x.data[i];
    for (let j = b0; j < b1; j++) if (y.data[j] === v) return true;
  }
  return false;
}

export function csrHas(x: Csr, row: number, value: number): boolean {
  const r1 = x.offsets[row + 1] ?? 0;
  for (let i = x.offsets[row] ?? 0; i < r1; i++) if (x.data[i] === value) return true;
  return false;
}

export function csrLength(x: Csr, row: number): number {
  return (x.offsets[row + 1] ?? 0) - (x.offsets[row] ?? 0);
}
