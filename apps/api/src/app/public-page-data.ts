import { type PageDataEntry, transformer } from "@booking/contracts";
import type { Context } from "hono";
import type { AppDependencies } from "../context/app-dependencies.ts";
import type { AppEnv } from "../http/app-env.ts";
import { anonymous } from "../identity/principal.ts";
import { createTrpcContext } from "../trpc/context.ts";
import { createCallerFactory } from "../trpc/trpc.ts";
import { appRouter } from "./app-router.ts";

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/**
 * The public pages people open from a link on a phone (a venue, an offering to book), and
 * the queries each one starts with — with the very inputs the web app's queries pass, or
 * the cache keys would not match. Pages not listed here load their data themselves.
 */
const publicPages: {
  path: RegExp;
  load: (caller: Caller, params: string[]) => Promise<PageDataEntry>[];
}[] = [
  {
    path: new RegExp(`^/venues/(${uuid})$`),
    load: (caller, [venueId = ""]) => [
      entry("venues.get", { id: venueId }, (input) => caller.venues.get(input)),
      entry("offerings.list", { venueId }, (input) => caller.offerings.list(input)),
    ],
  },
  {
    path: new RegExp(`^/venues/(${uuid})/offerings/(${uuid})$`),
    load: (caller, [venueId = "", offeringId = ""]) => [
      entry("venues.get", { id: venueId }, (input) => caller.venues.get(input)),
      entry("offerings.get", { id: offeringId }, (input) => caller.offerings.get(input)),
      entry("resources.list", { venueId }, (input) => caller.resources.list(input)),
    ],
  },
];

/**
 * A page's answers are worth sending only if they come at once; the page itself must never
 * wait for a slow database. Whatever is not ready by then, the web app asks for itself.
 */
const patienceMs = 250;

async function entry<Input>(
  procedure: string,
  input: Input,
  call: (input: Input) => Promise<unknown>,
): Promise<PageDataEntry> {
  return { procedure, input, result: transformer.serialize(await call(input)) };
}

/** The answers the page at `c`'s path starts with, as an anonymous visitor gets them. */
export async function publicPageData(
  c: Context<AppEnv>,
  deps: AppDependencies,
): Promise<PageDataEntry[]> {
  const page = publicPages.find((candidate) => candidate.path.test(c.req.path));
  if (!page) return [];
  const params = page.path.exec(c.req.path)?.slice(1) ?? [];
  // Anonymous on purpose: the HTML of a page is the same for everyone who opens it.
  const caller = createCaller({
    ...createTrpcContext(c, deps, () => {}),
    principal: anonymous,
  });
  const settled = Promise.allSettled(page.load(caller, params));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), patienceMs);
  });
  const outcome = await Promise.race([settled, late]).finally(() => clearTimeout(timer));
  if (outcome === "late") return [];
  // A page that does not exist gets no answers; the web app shows its own "not found".
  return outcome.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
}
