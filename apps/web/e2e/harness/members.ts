import type { DemoSite } from "./demo-site.ts";

export interface Member {
  id: string;
  email: string;
  password: string;
  name: string;
  /** A login token for the api. */
  token: string;
}

/** A person who registered and whom the owner approved, logged in over the api. */
export async function approvedMember(
  site: DemoSite,
  person: { email: string; name: string; password?: string },
): Promise<Member> {
  const member = { password: "members-password-42", ...person };
  const { user } = await site.call<{ user: { id: string } }>("POST", "/auth/register", {
    body: member,
  });
  await site.call("POST", `/users/${user.id}/approve`, { token: site.ownerToken });
  const { token } = await site.call<{ token: string }>("POST", "/auth/login", {
    body: { email: member.email, password: member.password },
  });
  return { ...member, id: user.id, token };
}
