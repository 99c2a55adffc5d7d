import { expect, test } from "vitest";
import { pickLanguage } from "./languages.ts";

test("the first preferred language we have wins, regional variants included", () => {
  expect(pickLanguage(["de-AT", "en-US"])).toBe("de");
  expect(pickLanguage(["en-GB", "de"])).toBe("en");
  expect(pickLanguage(["fr-FR", "DE-ch"])).toBe("de");
});

test("English when nothing fits", () => {
  expect(pickLanguage(["fr", "it"])).toBe("en");
  expect(pickLanguage([])).toBe("en");
});
