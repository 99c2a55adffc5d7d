/**
 * Where to go after login. Only a path of this app is accepted: `?next=//evil.example`
 * or `?next=https://…` would make the login page an open redirect.
 */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return "/account";
  }
  return next;
}
