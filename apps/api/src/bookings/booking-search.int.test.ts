import { transformer } from "@booking/contracts";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { describe, expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { inDays } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { useTestServer } from "../../test/test-server.ts";
import type { AppRouter } from "../app/app-router.ts";

const server = useTestServer();
const call = restClient(() => server().url);

const trpcAs = (token: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${server().url}/trpc`,
        transformer,
        headers: { Authorization: `Bearer ${token}` },
      }),
    ],
  });

describe("finding bookings by words", () => {
  test("q matches the booker's name or e-mail, a guest's contact and the notes, in any case", async () => {
    const owner = await ownerToken(call);
    const { venueId, offeringId, resourceIds } = await venueWithOffering(call, owner, "stay", 3);
    const [first, second, third] = resourceIds;
    const member = await activeUser(call);
    const stay = (room: string | undefined, day: number) => ({
      offeringId,
      resourceIds: [room],
      checkIn: inDays(day),
      checkOut: inDays(day + 2),
      guests: 1,
    });
    const byMember = await call<{ booking: { id: string } }>("POST", "/bookings", {
      token: member.token,
      body: { ...stay(first, 50), notes: "We arrive late, 100% sure" },
    });
    const byGuest = await call<{ booking: { id: string } }>("POST", "/bookings", {
      body: {
        ...stay(second, 50),
        guest: { name: "Gerda Gast", email: "gerda@example.org", phone: "+49 170 1234567" },
      },
    });
    const plain = await call<{ booking: { id: string } }>("POST", "/bookings", {
      token: member.token,
      body: stay(third, 50),
    });
    expect([byMember.status, byGuest.status, plain.status]).toEqual([201, 201, 201]);

    const found = async (q: string) => {
      const response = await call<{ items: { id: string }[] }>(
        "GET",
        `/bookings?venueId=${venueId}&q=${encodeURIComponent(q)}`,
        { token: owner },
      );
      expect(response.status).toBe(200);
      return response.body.items.map((booking) => booking.id).sort();
    };
    const mine = [byMember.body.booking.id, plain.body.booking.id].sort();
    expect(await found(member.person.name.toUpperCase())).toEqual(mine);
    expect(await found(member.person.email)).toEqual(mine);
    expect(await found("arrive LATE")).toEqual([byMember.body.booking.id]);
    expect(await found("gerda")).toEqual([byGuest.body.booking.id]);
    expect(await found("gerda late")).toEqual([]);
    // Wildcards are plain characters: "%" finds only the note that has one.
    expect(await found("%")).toEqual([byMember.body.booking.id]);
    expect(await found("_")).toEqual([]);
    // A member searches only their own bookings.
    const asMember = await call<{ items: { id: string }[] }>("GET", "/bookings?q=gerda", {
      token: member.token,
    });
    expect(asMember.body.items).toEqual([]);
    const empty = await call<{ error: { code: string } }>("GET", "/bookings?q=%20%20", {
      token: owner,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("VALIDATION_FAILED");
  });
});

describe("the people a booking names", () => {
  test("staff read bookers by id; members may not", async () => {
    const owner = await ownerToken(call);
    const member = await activeUser(call);
    const other = await activeUser(call);
    const { items } = await trpcAs(owner).bookings.people.query({
      userIds: [member.id, other.id, member.id, "00000000-0000-4000-8000-000000000000"],
    });
    expect(items.map((user) => [user.id, user.name, user.email]).sort()).toEqual(
      [
        [member.id, member.person.name, member.person.email],
        [other.id, other.person.name, other.person.email],
      ].sort(),
    );
    const refused = await trpcAs(member.token)
      .bookings.people.query({ userIds: [other.id] })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.code).toBe("FORBIDDEN");
    const none = await trpcAs(owner)
      .bookings.people.query({ userIds: [] })
      .catch((error: unknown) => error);
    expect((none as TRPCClientError<AppRouter>).data?.code).toBe("BAD_REQUEST");

    // Over REST the ids come as one comma-separated parameter.
    const rest = await call<{ items: { id: string }[] }>(
      "GET",
      `/booking-people?userIds=${member.id},${other.id}`,
      { token: owner },
    );
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((user) => user.id).sort()).toEqual([member.id, other.id].sort());
    const malformed = await call<{ error: { code: string } }>(
      "GET",
      `/booking-people?userIds=${member.id},not-an-id`,
      { token: owner },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("VALIDATION_FAILED");
  });
});
