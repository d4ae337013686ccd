import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NatsBus } from "../../server/events/nats-bus";
import type { ChorusEvent } from "../../server/events/types";

const NATS_URL = process.env.NATS_URL;
if (!NATS_URL) console.warn("NATS_URL is not set: skipping the NATS JetStream event bus tests (CI sets it).");

const instanceId = randomBytes(8).toString("hex");
const event = (id: number, name = "test.happened", instance = instanceId): ChorusEvent => ({
  id,
  instanceId: instance,
  name,
  organisationId: null,
  actorId: null,
  subjectType: null,
  subjectId: null,
  data: { n: id },
  ip: null,
  requestId: null,
  createdAt: new Date().toISOString(),
  audit: true,
});

async function until(check: () => boolean, ms = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!NATS_URL)("NATS JetStream event bus", () => {
  const suffix = randomBytes(4).toString("hex");
  const options = { streamName: `CHORUS_TEST_${suffix}`, subjectPrefix: `chorus-test-${suffix}` };
  const logger = pino({ level: "silent" });
  let publisher: NatsBus;
  let workerA: NatsBus;
  let workerB: NatsBus;

  beforeAll(async () => {
    publisher = await NatsBus.connect(NATS_URL!, logger, options);
    workerA = await NatsBus.connect(NATS_URL!, logger, options);
    workerB = await NatsBus.connect(NATS_URL!, logger, options);
  });
  afterAll(async () => {
    await workerA?.close();
    await workerB?.close();
    await publisher?.close();
  });

  it("shares durable work between workers: each event handled once", async () => {
    const handled: number[] = [];
    const byWorker = { a: 0, b: 0 };
    const stopA = await workerA.subscribe(
      (e) => {
        handled.push(e.id);
        byWorker.a++;
      },
      { durable: `work-${suffix}` },
    );
    const stopB = await workerB.subscribe(
      (e) => {
        handled.push(e.id);
        byWorker.b++;
      },
      { durable: `work-${suffix}` },
    );
    const events = Array.from({ length: 200 }, (_, i) => event(i + 1));
    await publisher.publish(events);
    await until(() => handled.length >= 200);
    await new Promise((r) => setTimeout(r, 300));
    expect(handled.length).toBe(200);
    expect(new Set(handled).size).toBe(200);
    expect(byWorker.a + byWorker.b).toBe(200);
    await stopA();
    await stopB();
  });

  it("drops a re-published event with the same id (relay crash between publish and stamp)", async () => {
    const handled: number[] = [];
    const stop = await workerA.subscribe((e) => void handled.push(e.id), { durable: `dedupe-${suffix}` });
    await publisher.publish([event(5000)]);
    await publisher.publish([event(5000)]);
    await publisher.publish([event(5001)]);
    await until(() => handled.includes(5001));
    await new Promise((r) => setTimeout(r, 300));
    expect(handled.filter((id) => id === 5000)).toHaveLength(1);
    await stop();
  });

  it("keeps events of two databases apart even when their ids collide", async () => {
    const handled: string[] = [];
    const stop = await workerA.subscribe((e) => void handled.push(`${e.instanceId}:${e.id}`), {
      durable: `instances-${suffix}`,
    });
    await publisher.publish([event(6000, "test.happened", "db-one"), event(6000, "test.happened", "db-two")]);
    await until(() => handled.length >= 2);
    expect(handled.sort()).toEqual(["db-one:6000", "db-two:6000"]);
    await stop();
  });

  it("broadcasts to every process that listens without a durable name", async () => {
    const seenA: number[] = [];
    const seenB: number[] = [];
    const stopA = await workerA.subscribe((e) => void seenA.push(e.id), { names: ["broadcast.*"] });
    const stopB = await workerB.subscribe((e) => void seenB.push(e.id), { names: ["broadcast.*"] });
    await publisher.publish([event(7001, "broadcast.one"), event(7002, "broadcast.two")]);
    await until(() => seenA.length >= 2 && seenB.length >= 2);
    expect(seenA).toEqual([7001, 7002]);
    expect(seenB).toEqual([7001, 7002]);
    await stopA();
    await stopB();
  });

  it("redelivers durable work whose handler failed", async () => {
    let attempts = 0;
    const stop = await workerA.subscribe(
      () => {
        attempts++;
        if (attempts === 1) throw new Error("transient failure");
      },
      { durable: `retry-${suffix}`, retryDelayMs: 100 },
    );
    await publisher.publish([event(9001)]);
    await until(() => attempts >= 2);
    expect(attempts).toBe(2);
    await stop();
  });
});
