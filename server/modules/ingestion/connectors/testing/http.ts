import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A scripted failure for the next matching request: status, headers, body. */
export interface Fault {
  /** Path prefix the fault applies to; any request when omitted. */
  path?: string;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface LocalHttp {
  server: Server;
  url: string;
  sockets: Set<Socket>;
  close(): Promise<void>;
}

/** Starts a node:http server on 127.0.0.1 with a random port and tracks sockets for hard closes. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LocalHttp> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Takes the first fault whose path prefix matches; faults are consumed once each. */
export function takeFault(faults: Fault[], path: string): Fault | undefined {
  const i = faults.findIndex((f) => !f.path || path.startsWith(f.path));
  return i === -1 ? undefined : faults.splice(i, 1)[0];
}

export function sendFault(res: ServerResponse, fault: Fault): void {
  res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
  res.end(fault.body ?? JSON.stringify({ error: `scripted ${fault.status}` }));
}

export function sendJson(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}
