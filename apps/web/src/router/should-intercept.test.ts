import { describe, expect, test } from "vitest";
import { type LinkClick, shouldIntercept } from "./should-intercept.ts";

const origin = "https://booking.example";
const plain: LinkClick = {
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};
const link = (href: string, extra: Partial<{ target: string; hasDownload: boolean }> = {}) => ({
  href,
  target: "",
  hasDownload: false,
  ...extra,
});

describe("shouldIntercept", () => {
  test("a plain click on an app page stays in the app", () => {
    expect(shouldIntercept(plain, link(`${origin}/account`), origin)).toBe(true);
    expect(shouldIntercept(plain, link(`${origin}/login?next=%2Fadmin`), origin)).toBe(true);
  });

  test.each([
    ["meta", { metaKey: true }],
    ["ctrl", { ctrlKey: true }],
    ["shift", { shiftKey: true }],
    ["alt", { altKey: true }],
    ["middle button", { button: 1 }],
    ["already handled", { defaultPrevented: true }],
  ])("a %s click is the browser's", (_name, change) => {
    expect(shouldIntercept({ ...plain, ...change }, link(`${origin}/account`), origin)).toBe(false);
  });

  test("other origins, new windows and downloads are the browser's", () => {
    expect(shouldIntercept(plain, link("https://elsewhere.example/account"), origin)).toBe(false);
    expect(shouldIntercept(plain, link(`${origin}/a`, { target: "_blank" }), origin)).toBe(false);
    expect(shouldIntercept(plain, link(`${origin}/a`, { hasDownload: true }), origin)).toBe(false);
    expect(shouldIntercept(plain, link(`${origin}/a`, { target: "_self" }), origin)).toBe(true);
  });

  test("paths the api serves are loaded for real", () => {
    for (const path of ["/docs", "/api/v1/openapi.json", "/trpc/x", "/health", "/metrics"]) {
      expect(shouldIntercept(plain, link(`${origin}${path}`), origin)).toBe(false);
    }
    // Only whole segments count: an app page that merely starts with the same letters.
    expect(shouldIntercept(plain, link(`${origin}/docsearch`), origin)).toBe(true);
  });
});
