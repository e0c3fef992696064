#!/usr/bin/env node
// The `tonghop` command: the CLI in main/cli, compiled on the fly by tsx (a dependency for this reason).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
