import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startTestPostgres } from "@booking/vitest-config/postgres-server";
import pg from "pg";
import { startApi } from "./api-process.ts";
import { closedLoop, HttpClient } from "./http-load.ts";
import { freeNights, type StayTarget, seed, stayBody } from "./seed.ts";

const server = await startTestPostgres();
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
await admin.query("CREATE DATABASE cp");
await admin.end();
const u = new URL(server.adminUrl);
u.pathname = "/cp";
const owner = { email: "owner@bench.example.org", password: "bench owner password" };
const api = await startApi(
  {
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: u.toString(),
    BOOKING_DATA_DIR: await mkdtemp(join(tmpdir(), "cp-")),
    BOOKING_DEMO: "0",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
  },
  process.env.PROF,
);
const client = new HttpClient(api.url, 64);
const s = await seed(client, owner, { rooms: 20, bookingsPerRoom: 5, concurrency: 16 });
const targets = freeNights(20, 2, 725, s.today);
let next = 0;
const create = async () => {
  const t = targets[next++] as StayTarget;
  await client.json("POST", "/api/v1/bookings", 201, {
    token: s.token,
    body: stayBody(s.createTarget, t, 2),
  });
};
await closedLoop(32, { maxOperations: 400, maxSeconds: 60 }, create);
const before = (await api.memory()).cpuMicros;
let n = 0;
for (let k = 0; k < 3; k++) {
  const r = await closedLoop(32, { maxOperations: 2000, maxSeconds: 15 }, create);
  n += r.count;
  console.log("create", Math.round(r.throughput), r.p50.toFixed(2), r.p99.toFixed(2));
}
console.log("api cpu ms/create", (((await api.memory()).cpuMicros - before) / 1000 / n).toFixed(3));
client.close();
await api.stop();
await server.stop();
