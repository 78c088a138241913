import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { PairState } from '../match/delta.scoring.js';
import type { StoreTx } from '../store/store.js';
import { copyLine } from '../ingest/copy-csv.js';

/** Typed array -> bytes (a view, little-endian as the platform). */
function bytesOf(array: Int32Array | Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

type BytesColumn = 'fingerprints' | 'pair_a' | 'pair_b' | 'evidence' | 'kind';

/** Bytes read in pieces of this size: one value of 100 MB crawls through the driver's message buffer. */
const PIECE_BYTES = 4 * 1024 * 1024;

/** A bytea column of the state row, read piece by piece into a new (aligned) buffer. */
async function readBytes(db: Kysely<Database>, column: BytesColumn, length: number, pieceBytes: number): Promise<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += pieceBytes) {
    const { rows } = await sql<{ piece: Uint8Array }>`
      SELECT substring(${sql.ref(column)} FROM ${at + 1} FOR ${pieceBytes}) AS piece FROM match_state`.execute(db);
    const piece = rows[0]?.piece;
    if (piece === undefined || piece.byteLength !== Math.min(pieceBytes, length - at)) throw new Error('MATCH_STATE_CHANGED_WHILE_READ');
    out.set(piece, at);
  }
  return out.buffer;
}

/** The pair state the last run left, or null when there is none (or it does not hold together: the next run scores all pairs). */
export async function loadMatchState(db: Kysely<Database>, pieceBytes = PIECE_BYTES): Promise<PairState | null> {
  return db.transaction().execute(async (trx) => {
    // One snapshot for the pieces.
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(trx);
    const row = await trx
      .selectFrom('match_state')
      .select(['model_version', 'evidence_cut', 'mentions', 'pairs', 'record_keys'])
      .select((eb) => [
        eb.fn<number>('length', ['fingerprints']).as('fingerprints_bytes'),
        eb.fn<number>('length', ['pair_a']).as('pair_a_bytes'),
        eb.fn<number>('length', ['pair_b']).as('pair_b_bytes'),
        eb.fn<number>('length', ['evidence']).as('evidence_bytes'),
        eb.fn<number>('length', ['kind']).as('kind_bytes'),
      ])
      .executeTakeFirst();
    if (row === undefined) return null;
    const recordKeys = row.mentions === 0 ? [] : row.record_keys.split('\n');
    const state: PairState = {
      modelVersion: row.model_version,
      evidenceCut: row.evidence_cut,
      recordKeys,
      fingerprints: new Float64Array(await readBytes(trx, 'fingerprints', row.fingerprints_bytes, pieceBytes)),
      a: new Int32Array(await readBytes(trx, 'pair_a', row.pair_a_bytes, pieceBytes)),
      b: new Int32Array(await readBytes(trx, 'pair_b', row.pair_b_bytes, pieceBytes)),
      evidence: new Float64Array(await readBytes(trx, 'evidence', row.evidence_bytes, pieceBytes)),
      kind: new Uint8Array(await readBytes(trx, 'kind', row.kind_bytes, pieceBytes)),
    };
    const sizes = [state.a.length, state.b.length, state.evidence.length, state.kind.length];
    if (
      recordKeys.length !== row.mentions ||
      state.fingerprints.length !== row.mentions ||
      sizes.some((s) => s !== row.pairs)
    ) {
      return null;
    }
    return state;
  });
}

const HEX = new TextEncoder().encode('0123456789abcdef');

/** `bytes` as a bytea in COPY's text form (`\x` and hex), written into `out` at `at`; returns the end. */
function writeHex(out: Uint8Array, at: number, bytes: Uint8Array): number {
  out[at++] = 0x5c;
  out[at++] = 0x78;
  for (let i = 0; i < bytes.length; i++) {
    const v = bytes[i] as number;
    out[at++] = HEX[v >> 4] as number;
    out[at++] = HEX[v & 15] as number;
  }
  return at;
}

/**
 * Replaces the stored state (inside the run's transaction). One COPY line built as bytes: as
 * query parameters, a county's 100 MB of pairs became hex strings and a message buffer that
 * doubled as it grew, the peak of a delta run's memory.
 */
export async function saveMatchState(tx: StoreTx, runId: number, state: PairState): Promise<void> {
  const head = new TextEncoder().encode(
    copyLine([runId, state.modelVersion, state.evidenceCut, state.recordKeys.length, state.a.length, state.recordKeys.join('\n')]).slice(0, -1),
  );
  const columns = [state.fingerprints, state.a, state.b, state.evidence, state.kind].map(bytesOf);
  let length = head.length + 1;
  for (const bytes of columns) length += 3 + 2 * bytes.length;
  const line = new Uint8Array(length);
  line.set(head);
  let at = head.length;
  for (const bytes of columns) {
    line[at++] = 0x2c;
    at = writeHex(line, at, bytes);
  }
  line[at] = 0x0a;
  await tx.db.deleteFrom('match_state').execute();
  await tx.copyCsv('match_state', STATE_COLUMNS, line);
}

const STATE_COLUMNS = ['run_id', 'model_version', 'evidence_cut', 'mentions', 'pairs', 'record_keys', 'fingerprints', 'pair_a', 'pair_b', 'evidence', 'kind'];
