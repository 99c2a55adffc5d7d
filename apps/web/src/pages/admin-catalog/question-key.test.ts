import { expect, test } from "vitest";
import { questionKey } from "./question-key.ts";

const none = new Set<string>();

test("a key is the label in camel case, without accents", () => {
  expect(questionKey("Kennzeichen des Autos", none)).toBe("kennzeichenDesAutos");
  expect(questionKey("Größe (cm)", none)).toBe("grosseCm");
  expect(questionKey("Straße", none)).toBe("strasse");
});

test("a key always starts with a letter and fits the contract", () => {
  expect(questionKey("2 Räder?", none)).toBe("q2Rader");
  expect(questionKey("???", none)).toBe("q");
  expect(questionKey("x".repeat(80), none)).toMatch(/^[a-z][a-zA-Z0-9_]{0,49}$/);
});

test("a taken key gets a number", () => {
  expect(questionKey("Marke", new Set(["marke", "marke2"]))).toBe("marke3");
});
