import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DevnetChainMismatch, resolveDevnetChain } from "../../scripts/lib/devnet-chain";

describe("devnet chain parameters kept with the data folder", () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(path.join(tmpdir(), "taoview-devnet-"));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const wanted = { seed: 1, history: 600, blockTime: 6 };

  it("places the pre-built head at the first start and reuses that genesis later", () => {
    const d = dir();
    const first = resolveDevnetChain(d, wanted, 1_800_000_000_000);
    expect(first.genesisTimeMs).toBe(1_800_000_000_000 - 600 * 6 * 1000);
    const again = resolveDevnetChain(d, wanted, 1_900_000_000_000);
    expect(again).toEqual(first);
    expect(JSON.parse(readFileSync(path.join(d, "devnet.json"), "utf8"))).toEqual(first);
  });

  it("refuses a changed setting and names the variable and the way out", () => {
    const d = dir();
    resolveDevnetChain(d, wanted);
    expect(() => resolveDevnetChain(d, { ...wanted, seed: 2 })).toThrow(DevnetChainMismatch);
    expect(() => resolveDevnetChain(d, { ...wanted, seed: 2 })).toThrow(/DEVNET_SEED: is 2, .* built with 1/);
    expect(() => resolveDevnetChain(d, { ...wanted, history: 10 })).toThrow(/DEVNET_HISTORY/);
    expect(() => resolveDevnetChain(d, { ...wanted, blockTime: 12 })).toThrow(/DEVNET_BLOCK_TIME/);
  });

  it("reports a damaged record instead of guessing", () => {
    const d = dir();
    writeFileSync(path.join(d, "devnet.json"), "{not json");
    expect(() => resolveDevnetChain(d, wanted)).toThrow(/not valid JSON/);
  });
});
