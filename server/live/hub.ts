/**
 * The browsers connected to this process. Messages are small invalidations ("refetch
 * members"), never data, so a message can go to everyone in scope without leaking records:
 * the browser refetches through the API, which checks permissions as usual.
 */
export interface LiveMessage {
  keys: string[][];
  event?: string;
}

export type LiveScope =
  | { organisationId: string }
  | { userId: string }
  | { organisationId: string; room: string };

export interface LiveClient {
  organisationId: string | null;
  userId: string;
  rooms: Set<string>;
  send(message: LiveMessage): void;
  /** Ends the stream (shutdown); the browser's EventSource reconnects elsewhere. */
  close(): void;
}

export class LiveHub {
  private readonly clients = new Set<LiveClient>();

  add(client: LiveClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }

  closeAll(): void {
    for (const client of this.clients) client.close();
    this.clients.clear();
  }

  publish(scope: LiveScope, message: LiveMessage): number {
    let delivered = 0;
    for (const client of this.clients) {
      if (!inScope(client, scope)) continue;
      client.send(message);
      delivered++;
    }
    return delivered;
  }
}

function inScope(client: LiveClient, scope: LiveScope): boolean {
  if ("userId" in scope) return client.userId === scope.userId;
  if (client.organisationId !== scope.organisationId) return false;
  return "room" in scope ? client.rooms.has(scope.room) : true;
}
