/** `mash users`, `mash trawl` and `mash audit` as a user runs them: separate processes, both store modes. */
import { runCli, storeEnv } from '../support/run-cli.js';
import { createTestStore, STORE_MODES, type TestStore } from '../support/stores.js';

describe.each(STORE_MODES)('mash users / trawl / audit (%s)', (mode) => {
  let t: TestStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestStore(mode);
    // The embedded store admits one process at a time: let the CLI have it.
    await t.store.close();
    env = { ...storeEnv(t), MASH_USER: 'operator' };
  });

  afterAll(async () => {
    await t.drop();
  });

  it('registers users and lists them', async () => {
    expect((await runCli(['users', 'add', 'ana', '--role', 'analyst'], env)).stdout).toContain('added user ana (analyst)');
    expect((await runCli(['users', 'add', 'cora', '--role', 'coordinator'], env)).code).toBe(0);
    const bad = await runCli(['users', 'add', 'x', '--role', 'superuser'], env);
    expect(bad.code).toBe(2);
    const list = await runCli(['users', 'list'], env);
    expect(list.stdout).toMatch(/ana\s+analyst/);
    expect(list.stdout).toMatch(/cora\s+coordinator/);
  }, 60_000);

  it('refuses an unknown user (exit 6) and a coordinator’s MASH trawl, and audits both', async () => {
    const unknown = await runCli(['trawl', '--record', 'education:pupils:A1', '--purpose', 'early-help', '--consent', 'none', '--as', 'mallory'], env);
    expect(unknown.code).toBe(6);
    expect(unknown.stderr).toContain('refused (UNKNOWN_USER)');
    expect(unknown.stdout).toBe('');
    const coordinator = await runCli(
      ['trawl', '--record', 'education:pupils:A1', '--purpose', 'mash', '--consent', 'none', '--lawful-basis', 'Section 47', '--as', 'cora'],
      env,
    );
    expect(coordinator.code).toBe(6);
    expect(coordinator.stderr).toContain('refused (ROLE_NOT_PERMITTED)');
  }, 60_000);

  it('says when no subject is found (exit 5) and checks its arguments (exit 2)', async () => {
    const none = await runCli(['trawl', '--record', 'education:pupils:A1', '--purpose', 'mash', '--consent', 'written', '--lawful-basis', 's47', '--as', 'ana'], env);
    expect(none.code).toBe(5);
    expect(none.stderr).toContain('no subject found (NO_RECORD)');
    const usage = await runCli(['trawl', '--record', 'x', '--purpose', 'gossip', '--consent', 'none', '--as', 'ana'], env);
    expect(usage.code).toBe(2);
    const noSubject = await runCli(['trawl', '--purpose', 'mash', '--consent', 'none', '--as', 'ana'], env);
    expect(noSubject.code).toBe(2);
  }, 60_000);

  it('lists the audit log', async () => {
    const audit = await runCli(['audit'], env);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/user_add\s+added\s+operator/);
    expect(audit.stdout).toMatch(/trawl\s+refused\s+mallory\s+early-help\s+none\s+UNKNOWN_USER/);
    expect(audit.stdout).toMatch(/trawl\s+refused\s+cora\s+coordinator\s+mash\s+none\s+Section 47\s+ROLE_NOT_PERMITTED/);
    expect(audit.stdout).toMatch(/trawl\s+not_found\s+ana\s+analyst\s+mash\s+written\s+s47\s+NO_RECORD/);
    const json = await runCli(['audit', '--json', '--user', 'mallory'], env);
    const entries = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { reason: string; query: string });
    expect(entries).toEqual([expect.objectContaining({ reason: 'UNKNOWN_USER', query: 'record:education:pupils:A1' })]);
  }, 60_000);
});
