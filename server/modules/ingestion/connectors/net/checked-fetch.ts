import { lookup } from "node:dns/promises";
import { ConnectorError } from "../types";
import { ipLiteral, isPublicAddress } from "./address-policy";

/**
 * Refuses a URL whose host resolves to a private, loopback, link-local or otherwise non-public
 * address. For connectors that must stream (SSE, WebSocket), where the buffering guarded fetch
 * cannot be used. Unlike safeFetch it does not pin the connection to the vetted address, so a
 * DNS rebinding between check and connect is not covered (documented in docs/INGESTION.md).
 */
export async function assertPublicUrl(raw: string): Promise<void> {
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = ipLiteral(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const refused = addresses.find((address) => !isPublicAddress(address));
  if (addresses.length === 0 || refused) {
    throw new ConnectorError(
      `Refusing to connect to ${host} (${refused ?? "no address"}): private, loopback, link-local or reserved address. An operator can allow internal sources with CHORUS_ALLOW_PRIVATE_SOURCES=true.`,
      "fatal",
    );
  }
}

/** A fetch that vets every URL's host first and never follows redirects (each hop would need vetting). */
export function createCheckedFetch(): typeof fetch {
  const checked = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    await assertPublicUrl(url);
    return fetch(input, { ...init, redirect: "manual" });
  };
  return checked as typeof fetch;
}
