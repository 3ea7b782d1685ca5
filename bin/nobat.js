#!/usr/bin/env node
// The `nobat` command. The server is TypeScript run through tsx's loader, so there is no build
// step between editing and running an office.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
