import { matchPath, type PathParams } from "./router/match-path.ts";

/** Every page of the app; links and redirects use these, never string literals. */
export const paths = {
  home: "/",
  status: "/status",
  login: "/login",
  register: "/register",
  account: "/account",
  goodbye: "/goodbye",
  admin: "/admin",
} as const;

export type RouteName = keyof typeof paths | "notFound";

export function resolveRoute(pathname: string): { name: RouteName; params: PathParams } {
  for (const [name, pattern] of Object.entries(paths) as [keyof typeof paths, string][]) {
    const params = matchPath(pattern, pathname);
    if (params) return { name, params };
  }
  return { name: "notFound", params: {} };
}

/**
 * Where to go after login. Only a path of this app is accepted: `?next=//evil.example`
 * or `?next=https://…` would make the login page an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return paths.account;
  }
  return next;
}

export function loginPathReturningTo(path: string): string {
  return `${paths.login}?${new URLSearchParams({ next: path })}`;
}
