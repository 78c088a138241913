/** Registered users and their roles (deny by default: no row, no trawl). */
import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { UserRole } from '../../schemas/summary.schema.js';

export interface AppUser {
  name: string;
  role: UserRole;
  createdAt: string;
}

export async function findUser(db: Kysely<Database>, name: string): Promise<AppUser | null> {
  const row = await db.selectFrom('app_user').select(['name', 'role', 'created_at']).where('name', '=', name).executeTakeFirst();
  return row === undefined ? null : { name: row.name, role: row.role, createdAt: row.created_at };
}

/** Adds the user or changes their role; returns whether the user is new. */
export async function upsertUser(db: Kysely<Database>, name: string, role: UserRole): Promise<boolean> {
  const existing = await findUser(db, name);
  if (existing === null) {
    await db.insertInto('app_user').values({ name, role }).execute();
    return true;
  }
  await db.updateTable('app_user').set({ role }).where('name', '=', name).execute();
  return false;
}

export async function listUsers(db: Kysely<Database>): Promise<AppUser[]> {
  const rows = await db.selectFrom('app_user').select(['name', 'role', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at }));
}
