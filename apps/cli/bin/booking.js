#!/usr/bin/env node
// Node 24 runs the TypeScript sources directly (type stripping).
await import("../src/main.ts");
