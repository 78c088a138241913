// Entry of the ingest staging thread: the thread loads TypeScript through tsx, like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./stage-thread.ts');
