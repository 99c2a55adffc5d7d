import { describe, expect, test } from "vitest";
import { loggablePath } from "./request-context.ts";

describe("the access log's path", () => {
  test("keeps no feed token or manage token", () => {
    expect(loggablePath("/api/v1/feeds/abcDEF_123-x.ics")).toBe("/api/v1/feeds/<token>.ics");
    expect(loggablePath("/manage/manage.eyJpZCI6Ij.sig")).toBe("/manage/<token>");
  });

  test("leaves every other path as it is", () => {
    expect(loggablePath("/api/v1/me/feeds")).toBe("/api/v1/me/feeds");
    expect(loggablePath("/api/v1/bookings/1f0e/ics")).toBe("/api/v1/bookings/1f0e/ics");
  });
});
