import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe secret with 256 bits of entropy, optionally prefixed so leaks are greppable. */
export function randomToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Tokens are random, so a fast unsalted hash is enough to make a stolen table useless. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
