import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A throwaway node:http server on 127.0.0.1 (random port) for connector tests: no internet here,
 * so every protocol is replayed locally. Routes are plain handlers keyed by pathname.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LocalServer {
  url: (path: string) => string;
  port: number;
  requests: { path: string; headers: IncomingMessage["headers"] }[];
  route: (path: string, handler: Handler) => void;
  close: () => Promise<void>;
}

export async function startLocalServer(routes: Record<string, Handler> = {}): Promise<LocalServer> {
  const table = new Map(Object.entries(routes));
  const requests: LocalServer["requests"] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404).end("not found");
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
