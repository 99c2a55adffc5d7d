/**
 * Who is logged in lives under its own key rather than `me.get`'s: "not logged in" is a
 * normal answer here, not an error, and login/logout write it directly.
 */
export const sessionQueryKey = ["session"] as const;
