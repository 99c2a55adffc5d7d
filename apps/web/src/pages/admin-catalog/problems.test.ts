import { describe, expect, test } from "vitest";
import { problemAt, problemOfMessage, problemsOfRefusal, unplacedProblems } from "./problems.ts";

describe("problemOfMessage", () => {
  test("the contract's own sentences have texts of their own", () => {
    expect(problemOfMessage("must end after it starts")).toEqual({
      key: "adminCatalog.problem.endBeforeStart",
    });
    expect(problemOfMessage("intervals must not overlap")).toEqual({
      key: "adminCatalog.problem.overlap",
    });
    expect(problemOfMessage("must be EUR")).toEqual({
      key: "adminCatalog.problem.currencyOfVenue",
    });
  });

  test("zod's limits keep their number", () => {
    expect(problemOfMessage("Too small: expected number to be >=0")).toEqual({
      key: "adminCatalog.problem.atLeast",
      values: { min: 0 },
    });
    expect(problemOfMessage("Too big: expected number to be <=730")).toEqual({
      key: "adminCatalog.problem.atMost",
      values: { max: 730 },
    });
    expect(problemOfMessage("Too small: expected string to have >=1 characters")).toEqual({
      key: "validation.required",
    });
    expect(problemOfMessage("Invalid input: expected int, received number")).toEqual({
      key: "adminCatalog.problem.wholeNumber",
    });
  });

  test("anything else still gets a sentence", () => {
    expect(problemOfMessage("something new")).toEqual({ key: "adminCatalog.problem.invalid" });
  });
});

describe("problemsOfRefusal", () => {
  test("takes the call's wrapper off each path, first message per field", () => {
    expect(
      problemsOfRefusal({
        code: "VALIDATION_FAILED",
        details: {
          "patch.openingHours.mon.0": ["must end after it starts", "other"],
          "offering.price.amount": ["Too small: expected number to be >=0"],
          name: ["must not be empty"],
        },
      }),
    ).toEqual({
      "openingHours.mon.0": { key: "adminCatalog.problem.endBeforeStart" },
      "price.amount": { key: "adminCatalog.problem.atLeast", values: { min: 0 } },
      name: { key: "validation.required" },
    });
  });

  test("a refusal of the whole body belongs to the form", () => {
    expect(problemsOfRefusal({ code: "VALIDATION_FAILED", details: { "(body)": ["x"] } })).toEqual({
      form: { key: "adminCatalog.problem.invalid" },
    });
    expect(problemsOfRefusal({ code: "VALIDATION_FAILED", details: undefined })).toEqual({});
    expect(problemsOfRefusal({ code: "VALIDATION_FAILED", details: {} })).toEqual({
      form: { key: "errors.VALIDATION_FAILED" },
    });
  });

  test("other refusals are no field's problem", () => {
    expect(problemsOfRefusal({ code: "FORBIDDEN", details: { name: ["x"] } })).toEqual({});
    expect(problemsOfRefusal(undefined)).toEqual({});
  });
});

test("problemAt finds a problem at a path or below it", () => {
  const problems = { "openingHours.mon.0.1": { key: "adminCatalog.problem.time" as const } };
  expect(problemAt(problems, "openingHours.mon.0")).toEqual({ key: "adminCatalog.problem.time" });
  expect(problemAt(problems, "openingHours.tue")).toBeUndefined();
});

test("unplacedProblems are those outside every field's path", () => {
  const problems = {
    "openingHours.mon.0": { key: "adminCatalog.problem.endBeforeStart" as const },
    address: { key: "adminCatalog.problem.invalid" as const },
    form: { key: "errors.VALIDATION_FAILED" as const },
  };
  expect(unplacedProblems(problems, ["openingHours", "address.street"])).toEqual([
    { key: "adminCatalog.problem.invalid" },
    { key: "errors.VALIDATION_FAILED" },
  ]);
});
