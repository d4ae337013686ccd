/**
 * Why Chorus sets its security headers itself: `npm run bench:headers`.
 * Same Fastify route three ways, in one run: bare, @fastify/helmet, and our precomputed headers.
 */
import helmet from "@fastify/helmet";
import autocannon from "autocannon";
import Fastify, { type FastifyInstance } from "fastify";
import { registerSecurityHeaders } from "../server/http/plugins/securityHeaders";

async function measure(name: string, setup: (app: FastifyInstance) => Promise<void> | void) {
  const app = Fastify({ logger: false });
  await setup(app);
  app.get("/h", async () => ({ status: "ok" }));
  await app.listen({ port: 3981, host: "127.0.0.1" });
  const url = "http://127.0.0.1:3981/h";
  await autocannon({ url, connections: 50, duration: 1 });
  const result = await autocannon({ url, connections: 50, duration: 4 });
  await app.close();
  return { name, rps: result.requests.average };
}

const rows = [
  await measure("bare Fastify", () => {}),
  await measure("@fastify/helmet", async (app) => {
    await app.register(helmet);
  }),
  await measure("Chorus precomputed headers", (app) => registerSecurityHeaders(app)),
];
console.log("\nSecurity headers cost (autocannon in the same process, 50 connections, 4 s)\n");
for (const row of rows)
  console.log(
    `${row.name.padEnd(30)} ${row.rps.toFixed(0).padStart(8)} req/s  ${(row.rps / rows[0]!.rps).toFixed(2)}× bare`,
  );
