import { type Command, type CommandContext, UsageError } from "../command.ts";
import { askHidden, askLine, readPasswordFromStdin } from "../prompt.ts";
import { formatTimestamp, printable } from "../table.ts";

export const loginCommand: Command = {
  name: "login",
  synopsis: "login [--email <e-mail>] [--password-stdin]",
  summary: "log in and keep the session token for this server",
  options: ["email", "password-stdin"],
  async run(context) {
    const { email, password } = await askCredentials(context);
    const session = await context.connect().auth.login.mutate({ email, password });
    await context.store.save({
      url: context.url,
      token: session.token,
      expiresAt: session.expiresAt,
      email: session.user.email,
    });
    const { output } = context;
    output.out(
      `Logged in to ${context.url} as ${printable(session.user.email)} (${session.user.role}).`,
    );
    output.out(
      `The session lasts until ${formatTimestamp(session.expiresAt)} UTC; token kept in ${context.store.path}.`,
    );
    if (context.explicitToken) {
      output.err(
        `Note: the token from ${context.explicitToken.source} still takes precedence over this login.`,
      );
    }
    return 0;
  },
};

async function askCredentials(
  context: CommandContext,
): Promise<{ email: string; password: string }> {
  const { options, terminal } = context;
  if (options["password-stdin"]) {
    // stdin carries the password, so the e-mail address cannot be asked for.
    if (!options.email) throw new UsageError("--password-stdin needs --email.");
    const password = await readPasswordFromStdin(terminal.input);
    if (!password) throw new UsageError("No password on stdin.");
    return { email: options.email, password };
  }
  if (!terminal.input.isTTY) {
    throw new UsageError("No terminal to ask for the password; use --email and --password-stdin.");
  }
  const email = options.email ?? (await askLine(terminal, "E-mail: ")).trim();
  if (!email) throw new UsageError("An e-mail address is needed.");
  const password = await askHidden(terminal, "Password: ");
  if (!password) throw new UsageError("A password is needed.");
  return { email, password };
}
