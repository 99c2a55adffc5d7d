import { defineConfig } from "vitest/config";

// The shared configuration's own check; its fixtures are run by that check, not directly.
export default defineConfig({ test: { include: ["test/*.test.ts"] } });
