import { expect, test } from "vitest";
import { createUpcasterRegistry, upcast } from "./upcasters.ts";

const registry = createUpcasterRegistry([
  { type: "Booked", fromSchemaVersion: 1, upcast: (d) => ({ ...(d as object), currency: "EUR" }) },
  {
    type: "Booked",
    fromSchemaVersion: 2,
    upcast: (d) => {
      const { amount, ...rest } = d as { amount: number };
      return { ...rest, price: { amount } };
    },
  },
]);

test("upcasters chain from the stored schema version to the newest", () => {
  expect(upcast(registry, "Booked", 1, { amount: 5 })).toEqual({
    schemaVersion: 3,
    data: { currency: "EUR", price: { amount: 5 } },
  });
  expect(upcast(registry, "Booked", 3, { x: 1 })).toEqual({ schemaVersion: 3, data: { x: 1 } });
  expect(upcast(registry, "Other", 1, { x: 1 })).toEqual({ schemaVersion: 1, data: { x: 1 } });
});

test("two upcasters for the same type and version are refused", () => {
  const twice = { type: "A", fromSchemaVersion: 1, upcast: (d: unknown) => d };
  expect(() => createUpcasterRegistry([twice, twice])).toThrow(/Two upcasters/);
});
