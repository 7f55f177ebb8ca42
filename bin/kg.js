#!/usr/bin/env node
// Runs the TypeScript CLI from source through tsx, so `kg` works from a checkout and an install alike.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
