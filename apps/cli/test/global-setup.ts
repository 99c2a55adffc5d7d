import { createPostgresGlobalSetup } from "@booking/vitest-config/global-setup";

// The CLI talks to a real api process, which migrates its empty database itself.
export default createPostgresGlobalSetup();
