import { defineProjectConfig } from "@booking/vitest-config";

export default defineProjectConfig();
