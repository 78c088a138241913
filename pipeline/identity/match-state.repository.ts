import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { PairState } from '../match/delta.scoring.js';

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

/** Replaces the stored state (inside the run's transaction). */
export async function saveMatchState(
  db: Kysely<Database>,
  runId: number,
  state: PairState,
): Promise<void> {
  await db.deleteFrom('match_state').execute();
  await db
    .insertInto('match_state')
    .values({
      run_id: runId,
      model_version: state.modelVersion,
      evidence_cut: state.evidenceCut,
      mentions: state.recordKeys.length,
      pairs: state.a.length,
      record_keys: state.recordKeys.join('\n'),
      fingerprints: bytesOf(state.fingerprints),
      pair_a: bytesOf(state.a),
      pair_b: bytesOf(state.b),
      evidence: bytesOf(state.evidence),
      kind: bytesOf(state.kind),
    })
    .execute();
}
