import { z } from "zod";

/**
 * Every setting Chorus reads from the environment, validated once at boot.
 * A wrong value stops the process with a message naming the variable (see loadConfig).
 */
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /**
   * Which proxies may set X-Forwarded-For (the client IP used by rate limits and the audit log):
   * "false" (default, direct exposure), "true" (trust any: only behind a proxy that overwrites it),
   * a hop count, or comma-separated addresses/CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v): boolean | number | string =>
      v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v,
    ),
  PUBLIC_URL: z.url().optional(),
  CHORUS_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls|wss?):\/\//, "must start with nats://, tls://, ws:// or wss://")
    .optional(),
  NATS_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,30}$/, "lower-case letters, digits, - and _, starting with a letter")
    .default("chorus"),
  /** Let sources reach private and loopback addresses (intranet feeds, local test servers). */
  CHORUS_ALLOW_PRIVATE_SOURCES: bool.default(false),
  CHORUS_ENRICH_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Chorus <chorus@localhost>"),
  CHORUS_OPEN_SIGNUP: bool.default(false),
  CHORUS_SECURE_COOKIES: bool.optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24 * 14),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(1024 * 1024),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 ** 3),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  CHORUS_DEMO_PASSWORD: z.string().min(8).optional(),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; empty strings count as unset so `FOO= chorus start` behaves. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Test and embedded callers build a config from overrides without touching process.env. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...configSchema.parse({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...overrides };
}
