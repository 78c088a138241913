#!/usr/bin/env node
// The installed `mash` command: runs the TypeScript CLI through tsx (no build step; see README).
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
