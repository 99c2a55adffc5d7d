import type { Role, UserStatus } from "@booking/contracts";

/** Who is calling: resolved once per request from its credentials. */
export type Principal =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      role: Role;
      status: UserStatus;
      credential: { type: "session"; sessionId: string } | { type: "api_token"; tokenId: string };
    }
  | { kind: "guest"; bookingId: string; tokenId: string };

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

export const anonymous: Principal = { kind: "anonymous" };
