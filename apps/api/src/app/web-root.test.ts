import { expect, test } from "vitest";
import { webRootBesideApi } from "./web-root.ts";

test("the web app's build is found from the sources and from the production bundle alike", () => {
  expect(webRootBesideApi("file:///srv/booking/apps/api/src/main.ts")).toBe(
    "/srv/booking/apps/web/dist/",
  );
  expect(webRootBesideApi("file:///srv/booking/apps/api/dist/main.js")).toBe(
    "/srv/booking/apps/web/dist/",
  );
});
