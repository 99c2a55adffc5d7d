import { createFeedInputSchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";
import { checkedInput } from "./option-values.ts";

export const feedsCreateCommand: Command = {
  name: "feeds create",
  synopsis: "feeds create <name> [--venue <id>]",
  summary:
    "make a calendar feed of my bookings (admins: --venue, all of a venue's); prints its url once",
  options: ["venue"],
  async run({ authenticated, operands, options, output }) {
    const [name, extra] = operands;
    if (name === undefined) {
      throw new UsageError('The feed\'s name is missing, e.g. booking feeds create "My bookings".');
    }
    if (extra !== undefined) {
      throw new UsageError(`Unexpected argument "${extra}" (quote a name with spaces).`);
    }
    const input = checkedInput(
      createFeedInputSchema,
      { name, ...(options.venue !== undefined ? { venueId: options.venue } : {}) },
      { name: "<name>", venueId: "--venue" },
    );
    const client = await authenticated();
    const feed = await client.feeds.create.mutate(input);
    if (options.json) {
      output.out(JSON.stringify(feed, null, 2));
      return 0;
    }
    output.out(feed.url);
    output.err(
      `Feed ${feed.id} created. Subscribe to the url above in a calendar app; it is shown only now, and anyone who has it can read the feed (\`booking feeds revoke ${feed.id}\` ends it).`,
    );
    return 0;
  },
};
