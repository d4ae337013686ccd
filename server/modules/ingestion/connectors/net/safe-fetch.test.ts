import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectorError } from "../types";
import { isPublicAddress } from "./address-policy";
import { createGuardedFetch } from "./guarded-fetch";
import { safeFetch } from "./safe-fetch";
import { type LocalServer, startLocalServer } from "./test-server";

describe("isPublicAddress", () => {
  it.each([
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "127.0.0.1",
    "127.255.0.9",
    "169.254.169.254",
    "100.64.0.1",
    "100.127.255.254",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::a00:1",
    "2002:7f00:1::1",
    "not an ip",
  ])("refuses %s", (ip) => expect(isPublicAddress(ip)).toBe(false));

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (ip) => expect(isPublicAddress(ip)).toBe(true),
  );
});

describe("safeFetch against a local server", () => {
  let srv: LocalServer;
  beforeAll(async () => {
    srv = await startLocalServer({
      "/ok": (_q, r) => void r.writeHead(200, { "content-type": "text/plain" }).end("hello ✓"),
      "/gzip": (_q, r) => void r.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync("zipped")),
      "/bomb": (_q, r) =>
        void r.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(20_000_000))),
      "/big-declared": (_q, r) => void r.writeHead(200, { "content-length": "99999999" }).end("x"),
      "/big-chunked": (_q, r) => {
        r.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 97);
        let sent = 0;
        const pump = () => {
          while (sent < 200 && r.write(chunk)) sent++;
          if (sent < 200) r.once("drain", pump);
          else r.end();
        };
        pump();
      },
      "/slow-body": (_q, r) => {
        r.writeHead(200);
        const t = setInterval(() => r.write("."), 50);
        r.on("close", () => clearInterval(t));
      },
      "/slow-headers": () => {},
      "/redirect": (_q, r) => void r.writeHead(302, { location: "/ok" }).end(),
      "/loop": (_q, r) => void r.writeHead(301, { location: "/loop" }).end(),
      "/to-metadata": (_q, r) =>
        void r.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
      "/to-localhost-name": (_q, r) =>
        void r.writeHead(307, { location: `http://internal.test:${srv.port}/ok` }).end(),
      "/to-file": (_q, r) => void r.writeHead(302, { location: "file:///etc/passwd" }).end(),
    });
  });
  afterAll(() => srv.close());

  const local = { allowPrivateNetworks: true, timeoutMs: 2000 };

  it("fetches text and exposes lower-cased headers", async () => {
    const res = await safeFetch(srv.url("/ok"), local);
    expect(res.status).toBe(200);
    expect(res.body.toString("utf8")).toBe("hello ✓");
    expect(res.headers["content-type"]).toBe("text/plain");
  });

  it("decodes gzip", async () => {
    expect((await safeFetch(srv.url("/gzip"), local)).body.toString()).toBe("zipped");
  });

  it("refuses loopback and private targets when allowPrivateNetworks is false", async () => {
    const before = srv.requests.length;
    for (const u of [
      srv.url("/ok"),
      `http://localhost:${srv.port}/ok`,
      `http://[::1]:${srv.port}/ok`,
      `http://[::ffff:127.0.0.1]:${srv.port}/ok`,
      `http://2130706433:${srv.port}/ok`,
      `http://0x7f.1:${srv.port}/ok`,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.1.2.3/",
    ]) {
      const err = await safeFetch(u, { timeoutMs: 2000 }).catch((e) => e);
      expect(err, u).toBeInstanceOf(ConnectorError);
      expect(err.kind).toBe("fatal");
      expect(err.message).toMatch(/Refusing to connect/);
    }
    expect(srv.requests.length).toBe(before);
  });

  it("refuses names that resolve to a mix of public and private addresses", async () => {
    const resolve = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    await expect(safeFetch("http://mixed.test/", { resolve })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it("refuses non-http schemes", async () => {
    for (const u of ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "data:text/plain,hi"]) {
      await expect(safeFetch(u, local)).rejects.toThrow(/Only http and https/);
    }
    await expect(safeFetch("not a url", local)).rejects.toThrow(/Not a valid URL/);
  });

  it("follows redirects and re-checks each target", async () => {
    const res = await safeFetch(srv.url("/redirect"), local);
    expect(res.body.toString()).toBe("hello ✓");
    expect(res.url).toBe(srv.url("/ok"));
    // Policy that treats the test server (127.0.0.1) as "public" so we can watch the next hop be refused.
    const onlyTestServer = (ip: string) => ip === "127.0.0.1";
    await expect(safeFetch(srv.url("/to-metadata"), { isAllowedAddress: onlyTestServer })).rejects.toThrow(
      /169\.254\.169\.254/,
    );
    const resolve = async (h: string) => [
      { address: h === "internal.test" ? "10.0.0.7" : "127.0.0.1", family: 4 },
    ];
    await expect(
      safeFetch(srv.url("/to-localhost-name"), { isAllowedAddress: onlyTestServer, resolve }),
    ).rejects.toThrow(/internal\.test \(10\.0\.0\.7\)/);
    await expect(safeFetch(srv.url("/to-file"), local)).rejects.toThrow(/Only http and https/);
  });

  it("pins the connection to the vetted address (the socket uses our lookup, not DNS)", async () => {
    // "pinned.test" does not exist in DNS; the request can only succeed through the pinned lookup.
    const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const res = await safeFetch(`http://pinned.test:${srv.port}/ok`, { resolve, allowPrivateNetworks: true });
    expect(res.status).toBe(200);
  });

  it("stops after the redirect limit", async () => {
    await expect(safeFetch(srv.url("/loop"), { ...local, maxRedirects: 3 })).rejects.toThrow(
      /Too many redirects/,
    );
  });

  it("enforces the size cap on declared, streamed and decompressed bodies", async () => {
    for (const p of ["/big-declared", "/big-chunked", "/bomb"]) {
      const err = await safeFetch(srv.url(p), { ...local, maxBytes: 1024 * 1024 }).catch((e) => e);
      expect(err, p).toBeInstanceOf(ConnectorError);
      expect(err.message).toMatch(/larger than the 1048576-byte limit/);
    }
  });

  it("times out slowloris bodies and silent servers", async () => {
    const t0 = Date.now();
    for (const p of ["/slow-body", "/slow-headers"]) {
      const err = await safeFetch(srv.url(p), { allowPrivateNetworks: true, timeoutMs: 400 }).catch((e) => e);
      expect(err, p).toBeInstanceOf(ConnectorError);
      expect(err.kind).toBe("retryable");
      expect(err.message).toMatch(/Timed out after 400 ms/);
    }
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it("passes the caller's abort through untouched", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("shutdown")), 100);
    await expect(safeFetch(srv.url("/slow-body"), { ...local, signal: ac.signal })).rejects.toThrow(
      "shutdown",
    );
  });

  it("reports connection failures as retryable", async () => {
    const err = await safeFetch("http://127.0.0.1:1/", local).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe("retryable");
  });

  it("createGuardedFetch returns a standard Response", async () => {
    const f = createGuardedFetch({ allowPrivateNetworks: true });
    const res = await f(srv.url("/gzip"));
    expect(await res.text()).toBe("zipped");
    await expect(createGuardedFetch()(srv.url("/ok"))).rejects.toThrow(/Refusing/);
    await expect(f(srv.url("/ok"), { method: "POST" })).rejects.toThrow(/GET\/HEAD/);
  });
});
