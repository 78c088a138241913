// Entry of the matching worker thread: the thread loads TypeScript through tsx, like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./match-thread.ts');
