import { describe, expect, test } from "vitest";
import { decideCatalogEntity, evolveCatalogEntity } from "./catalog-entity.decider.ts";

type Room = { id: string; name: string; capacity: number; tags: string[] };
const now = new Date("2027-01-10T09:00:00Z");
const room: Room = { id: "r1", name: "Blue room", capacity: 2, tags: ["sea"] };

describe("catalog entity decider", () => {
  test("given nothing, Create records Created", () => {
    expect(
      decideCatalogEntity<Room, Partial<Room>>({ type: "Create", entity: room }, null, now),
    ).toEqual([{ type: "Created", data: { entity: room, at: "2027-01-10T09:00:00.000Z" } }]);
  });

  test("given an entity, Create is INVALID_STATE", () => {
    expect(decideCatalogEntity({ type: "Create", entity: room }, room, now)).toMatchObject({
      code: "INVALID_STATE",
    });
  });

  test("given nothing, Update is NOT_FOUND", () => {
    expect(
      decideCatalogEntity<Room, Partial<Room>>({ type: "Update", patch: { name: "x" } }, null, now),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("an update records only what changed, and nothing when nothing changed", () => {
    const events = decideCatalogEntity<Room, Partial<Room>>(
      { type: "Update", patch: { name: "Blue room", capacity: 3, tags: ["sea"] } },
      room,
      now,
    );
    expect(events).toEqual([
      { type: "Updated", data: { patch: { capacity: 3 }, at: "2027-01-10T09:00:00.000Z" } },
    ]);
    expect(
      decideCatalogEntity<Room, Partial<Room>>(
        { type: "Update", patch: { tags: ["sea"] } },
        room,
        now,
      ),
    ).toEqual([]);
  });

  test("state is the fold of the events", () => {
    const created = decideCatalogEntity<Room, Partial<Room>>(
      { type: "Create", entity: room },
      null,
      now,
    );
    if (!Array.isArray(created)) throw new Error("expected events");
    const afterCreate = created.reduce(evolveCatalogEntity<Room, Partial<Room>>, null);
    const updated = decideCatalogEntity<Room, Partial<Room>>(
      { type: "Update", patch: { capacity: 4 } },
      afterCreate,
      now,
    );
    if (!Array.isArray(updated)) throw new Error("expected events");
    expect(updated.reduce(evolveCatalogEntity<Room, Partial<Room>>, afterCreate)).toEqual({
      ...room,
      capacity: 4,
    });
  });
});
