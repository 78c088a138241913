// Entry of a scoring thread: the thread loads TypeScript through tsx, like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./score-shard.thread.ts');
