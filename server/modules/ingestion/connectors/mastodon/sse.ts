/** One server-sent event; `comment` is a ":thump"-style heartbeat line. */
export type SseMessage = { type: "event"; event: string; data: string } | { type: "comment"; text: string };

/**
 * Parses a text/event-stream body per the WHATWG rules the Mastodon streaming server follows:
 * fields per line, multi-line data joined with "\n", a blank line dispatches, ":" starts a
 * comment. Works on the raw byte stream so it needs no EventSource dependency.
 */
export async function* parseSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl = buffer.search(/\r\n|\r|\n/);
      while (nl !== -1) {
        const line = buffer.slice(0, nl);
        // A lone "\r" at the end of a chunk may be the first half of "\r\n": wait for more.
        if (buffer[nl] === "\r" && nl === buffer.length - 1) break;
        buffer = buffer.slice(nl + (buffer[nl] === "\r" && buffer[nl + 1] === "\n" ? 2 : 1));
        if (line === "") {
          if (data.length > 0) yield { type: "event", event: event || "message", data: data.join("\n") };
          event = "";
          data = [];
        } else if (line.startsWith(":")) {
          yield { type: "comment", text: line.slice(1).trim() };
        } else {
          const colon = line.indexOf(":");
          const field = colon === -1 ? line : line.slice(0, colon);
          let value = colon === -1 ? "" : line.slice(colon + 1);
          if (value.startsWith(" ")) value = value.slice(1);
          if (field === "event") event = value;
          else if (field === "data") data.push(value);
        }
        nl = buffer.search(/\r\n|\r|\n/);
      }
    }
  } finally {
    reader.releaseLock();
  }
}
