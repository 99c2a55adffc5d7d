/** Parameters taken from a path, e.g. `{ id: "42" }` for `/users/:id` and `/users/42`. */
export type PathParams = Record<string, string>;

/**
 * Matches a pathname against a pattern with `:name` segments. Trailing slashes are
 * ignored so that `/account/` and `/account` are the same page; query and hash are
 * never part of `pathname`.
 */
export function matchPath(pattern: string, pathname: string): PathParams | undefined {
  const expected = segments(pattern);
  const actual = segments(pathname);
  if (expected.length !== actual.length) return undefined;
  const params: PathParams = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? "";
    if (part.startsWith(":")) {
      if (value === "") return undefined;
      params[part.slice(1)] = safeDecode(value);
    } else if (part !== value) {
      return undefined;
    }
  }
  return params;
}

function segments(path: string): string[] {
  return path.split("/").filter((part) => part !== "");
}

// A malformed escape in a hand-typed URL must not crash the whole app.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
