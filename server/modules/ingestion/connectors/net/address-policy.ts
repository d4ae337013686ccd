import ipaddr from "ipaddr.js";

/**
 * Decides whether an IP address may be contacted on behalf of a user-supplied URL.
 *
 * It is an allowlist: only ranges ipaddr.js classifies as global "unicast" pass. Everything else
 * (private, loopback, link-local, unique-local, CGNAT, multicast, broadcast, unspecified,
 * documentation/benchmark "reserved", 6to4/Teredo/NAT64 tunnels that can embed an internal v4)
 * is refused, so a range we forgot to list is refused rather than allowed.
 */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // Strip an IPv6 zone id ("fe80::1%eth0"): ipaddr.js accepts it but it only matters for link-local.
    parsed = ipaddr.parse(address.replace(/%.*$/, ""));
  } catch {
    return false;
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d (mapped) reaches the v4 host on dual-stack sockets: judge the v4 address.
    if (v6.isIPv4MappedAddress()) return isPublicAddress(v6.toIPv4Address().toString());
    // ::a.b.c.d (deprecated IPv4-compatible, ::/96) — ipaddr.js calls it "unicast"; judge the embedded v4.
    const parts = v6.parts;
    if (parts.slice(0, 6).every((p) => p === 0)) {
      const v4 = `${parts[6]! >> 8}.${parts[6]! & 255}.${parts[7]! >> 8}.${parts[7]! & 255}`;
      return isPublicAddress(v4);
    }
  }
  return parsed.range() === "unicast";
}

/** True when the hostname is an IP literal (URL hostnames keep IPv6 in brackets). */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
