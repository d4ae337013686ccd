// The ceiling: a bare Fastify server answering a small JSON object, no auth, no database.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/hello", async () => ({
  id: "00000000-0000-0000-0000-000000000000",
  name: "Halcyon Outdoor",
  slug: "halcyon-outdoor",
}));
const port = Number(process.env.PORT ?? 3999);
await app.listen({ port, host: "127.0.0.1" });
console.log(`peer listening on ${port}`);
