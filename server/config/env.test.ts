import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env";

describe("loadConfig", () => {
  it("applies defaults", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.CHORUS_DATA_DIR).toBe("./data");
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres/);
    try {
      loadConfig({ NATS_URL: "http://x", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues.join("\n");
      expect(issues).toMatch(/NATS_URL/);
      expect(issues).toMatch(/LOG_LEVEL/);
    }
  });

  it("treats empty strings as unset and parses booleans", () => {
    const config = loadConfig({ DATABASE_URL: "", CHORUS_OPEN_SIGNUP: "true" });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CHORUS_OPEN_SIGNUP).toBe(true);
  });
});
