import type { RunningServer } from "../src/app/server.ts";
import { type AppContext, internalContext } from "../src/context/app-context.ts";
import type { UserPrincipal } from "../src/identity/principal.ts";
import { ownerToken } from "./accounts.ts";
import {
  createVenue,
  holidayHome,
  slotOffering,
  stayOffering,
  workshopVenue,
} from "./catalog-fixtures.ts";
import type { restClient } from "./http-client.ts";

type Call = ReturnType<typeof restClient>;

/** A venue with three resources of a kind and one offering over them. */
async function venueWithResources(call: Call, token: string, venue: unknown, kind: "room" | "bay") {
  const venueId = await createVenue(call, token, venue as Record<string, unknown>);
  const ids: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const { body } = await call<{ resource: { id: string } }>(
      "POST",
      `/venues/${venueId}/resources`,
      { token, body: { name: `${kind} ${i}`, kind, capacity: 4 } },
    );
    ids.push(body.resource.id);
  }
  const offering = kind === "room" ? stayOffering(ids) : slotOffering(ids);
  const { body } = await call<{ offering: { id: string } }>(
    "POST",
    `/venues/${venueId}/offerings`,
    { token, body: offering },
  );
  return { offeringId: body.offering.id, ids };
}

/**
 * What the read models' rebuild property tests drive their random commands through: the
 * owner's context for the use cases, a holiday home with three rooms, and a workshop with
 * three bays in `slotZone` (a zone far from UTC, so local months matter).
 */
export async function propertyWorld(server: RunningServer, call: Call, slotZone: string) {
  const token = await ownerToken(call);
  const owner = await server.deps.database.db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  const principal: UserPrincipal = {
    kind: "user",
    userId: owner.id,
    role: "owner",
    status: "active",
    credential: { type: "session", sessionId: "property" },
  };
  const staff: AppContext = internalContext(server.deps, principal, "property");
  const home = await venueWithResources(call, token, holidayHome(), "room");
  const policies = { ...workshopVenue().policies, maxAdvanceDays: 730 };
  const workshop = await venueWithResources(
    call,
    token,
    workshopVenue({ timeZone: slotZone, policies }),
    "bay",
  );
  return {
    staff,
    house: { offeringId: home.offeringId, rooms: home.ids },
    workshop: { offeringId: workshop.offeringId },
  };
}
