#!/usr/bin/env node
// The command line: `npx endcap --help`. TypeScript sources run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli/main.ts');
