import type { Command } from "../command.ts";
import { describeFailure, failureInfo } from "../describe-failure.ts";
import { formatTimestamp } from "../table.ts";

export const logoutCommand: Command = {
  name: "logout",
  synopsis: "logout",
  summary: "end the session on the server and forget the stored token",
  options: [],
  async run({ url, store, connect, output }) {
    const stored = await store.get(url);
    if (!stored) {
      output.out(`Not logged in to ${url}; nothing to do.`);
      return 0;
    }
    try {
      await connect(stored.token).auth.logout.mutate();
    } catch (error) {
      if (failureInfo(error)?.code === "UNAUTHENTICATED") {
        // Expired or revoked: there is no session left to end.
        await store.remove(url);
        output.out(`Logged out of ${url} (the session had already ended).`);
        return 0;
      }
      // Keeping a token the user wants gone helps nobody; say what could not be done.
      await store.remove(url);
      output.err(describeFailure(error, url));
      output.err(
        `Removed the stored token anyway; the session stays valid on the server until ${formatTimestamp(stored.expiresAt)} UTC.`,
      );
      return 1;
    }
    await store.remove(url);
    output.out(`Logged out of ${url}.`);
    return 0;
  },
};
