import { describe, expect, test } from "vitest";
import { adminTexts } from "./admin-texts.ts";
import { placeholders } from "./interpolate.ts";
import { addTexts, dictionaries, languages } from "./languages.ts";

// The admin's desk adds its texts when its chunk loads; they obey the same rules.
addTexts(adminTexts);

// The type already demands every key in both files; this also catches extra keys, empty
// texts and a translation that drops or renames a placeholder.
const reference = dictionaries.en;
const referenceKeys = Object.keys(reference).sort();

describe.each(languages)("the %s dictionary", (language) => {
  const dictionary = dictionaries[language];

  test("has exactly the keys of the English one", () => {
    expect(Object.keys(dictionary).sort()).toEqual(referenceKeys);
  });

  test("has no empty text", () => {
    for (const [key, text] of Object.entries(dictionary)) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  test("uses the same placeholders as the English text", () => {
    for (const key of referenceKeys) {
      const text = dictionary[key as keyof typeof reference];
      expect(placeholders(text ?? ""), key).toEqual(
        placeholders(reference[key as keyof typeof reference] ?? ""),
      );
    }
  });
});
