import { createPostgresGlobalSetup } from "@booking/vitest-config/global-setup";

// Browser tests drive a real api process, which migrates its empty database itself.
export default createPostgresGlobalSetup();
