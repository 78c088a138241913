import { Migrator, type Kysely } from 'kysely';
import { MIGRATIONS } from '../../schemas/migrations/index.js';

export class MigrationError extends Error {
  constructor(readonly migration: string, cause: unknown) {
    super(`MIGRATION_FAILED: ${migration}`, { cause });
    this.name = 'MigrationError';
  }
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    migrationTableName: 'mash_migration',
    migrationLockTableName: 'mash_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(failed, error);
  }
}
