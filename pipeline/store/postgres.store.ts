import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Kysely, PostgresDialect, sql, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../schemas/database.js';
import { copyStatement, type Store } from './store.js';
import { TYPE_PARSERS } from './type-parsers.js';

const types = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    return TYPE_PARSERS[oid] ?? (pg.types.getTypeParser(oid, format as 'text') as (text: string) => unknown);
  },
};

export function createPool(databaseUrl: string, max = 4): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    options: '-c TimeZone=UTC -c statement_timeout=600000',
    types,
  });
  // An idle client whose server went away (restart, dropped database) is discarded by the
  // pool; the next query opens a new one. Without a listener the process would crash.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A client's queries one after another, in the order asked: work that runs side by side inside
 * one transaction (the overnight rebuild) shares its connection, and pg 9 will refuse a query
 * while another is running.
 */
function serialized(client: pg.PoolClient): PostgresPoolClient['query'] {
  let last: Promise<unknown> = Promise.resolve();
  const query = (text: string, values: readonly unknown[]) => {
    const run = last.then(() => client.query(text, [...values]));
    last = run.catch(() => undefined);
    return run;
  };
  return query as unknown as PostgresPoolClient['query'];
}

/** A pool of one: lets Kysely run on a client we hold for COPY in the same transaction. */
function singleClientPool(client: pg.PoolClient) {
  const query = serialized(client);
  return {
    connect: () => Promise.resolve({ query, release: () => undefined }),
    end: () => Promise.resolve(),
  };
}

export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const pool = createPool(databaseUrl);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);
  return {
    mode: 'postgres',
    db,
    async transaction(work) {
      const client = await pool.connect();
      const trxDb = new Kysely<Database>({
        dialect: new PostgresDialect({ pool: singleClientPool(client) }),
      });
      try {
        await client.query('BEGIN');
        const result = await work({
          db: trxDb,
          async copyCsv(table, columns, csv) {
            const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
            const chunk = typeof csv === 'string' ? csv : Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
            await pipeline(Readable.from([chunk]), stream);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
