import { defineProjectConfig } from "@booking/vitest-config";

export default defineProjectConfig({ globalSetup: ["./test/global-setup.ts"] });
