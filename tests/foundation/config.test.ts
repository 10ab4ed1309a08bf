import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../lib/config";

describe("config", () => {
  it("defaults to embedded Postgres and the devnet", () => {
    const c = parseConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.runDevnet).toBe(true);
    expect(c.chainUrl).toBe("ws://127.0.0.1:9944");
    expect(c.PORT).toBe(3000);
    expect(c.dataDir).toMatch(/\.data$/);
  });

  it("uses SUBTENSOR_URL instead of the devnet when set", () => {
    const c = parseConfig({
      SUBTENSOR_URL: "wss://entrypoint-finney.opentensor.ai:443",
      DATABASE_URL: "postgresql://u:p@db:5432/x",
    });
    expect(c.runDevnet).toBe(false);
    expect(c.chainUrl).toBe("wss://entrypoint-finney.opentensor.ai:443");
    expect(c.DATABASE_URL).toBe("postgresql://u:p@db:5432/x");
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", SUBTENSOR_URL: " " }).runDevnet).toBe(true);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["PORT", "-1"],
    ["TAOVIEW_PG_PORT", "1.5"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["DATABASE_URL", "not a url"],
    ["SUBTENSOR_URL", "ftp://node"],
    ["SUBTENSOR_URL", "entrypoint-finney.opentensor.ai"],
    ["LOG_LEVEL", "loud"],
    ["DEVNET_BLOCK_TIME", "0"],
  ])("rejects %s=%s with one line naming the variable", (variable, value) => {
    let error: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const e = error as ConfigError;
    expect(e.variable).toBe(variable);
    expect(e.message.startsWith(`${variable}=`)).toBe(true);
    expect(e.message).not.toContain("\n");
  });
});
