import type { Command } from 'commander';
import { USER_ROLES, type UserRole } from '../../schemas/summary.schema.js';
import { appendAudit } from '../../pipeline/audit/audit.repository.js';
import { listUsers, upsertUser } from '../../pipeline/trawl/user.repository.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage.js';
import { withStore } from '../with-store.js';
import { requester } from './trawl.command.js';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('users add NAME --role analyst|coordinator|admin; users list');
  users
    .command('add')
    .description('register a user (or change their role); trawls need one')
    .argument('<name>', 'the user name given to --as')
    .requiredOption('--role <role>', USER_ROLES.join(' | '))
    .action(async (name: string, flags: { role: string }) => {
      if (!(USER_ROLES as readonly string[]).includes(flags.role)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
      if (name.trim() === '') throw new UsageError('give a user name');
      const role = flags.role as UserRole;
      await withStore(async (store) => {
        const added = await upsertUser(store.db, name.trim(), role);
        await appendAudit(store.db, {
          action: 'user_add', outcome: added ? 'added' : 'role_changed', actor: requester(undefined), detail: { user: name.trim(), role },
        });
        console.log(`${added ? 'added' : 'updated'} user ${name.trim()} (${role})`);
      });
    });
  users
    .command('list')
    .description('list registered users and their roles')
    .action(async () => {
      const rows = await withStore((store) => listUsers(store.db));
      console.log(formatTable(['user', 'role', 'since'], rows.map((u) => [u.name, u.role, u.createdAt.slice(0, 10)])));
    });
}
