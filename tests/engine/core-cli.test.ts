// The JSON-lines CLI (`npm run engine -- eval`): one answer per line, errors that name the field, and the same
// answers from the WASM and the reference engine.

import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type OpContext } from "../../lib/engine/ops";
import { referenceEngine } from "../../lib/engine/ref/index";
import { wasmEngine } from "./core-harness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function runCli(lines: string[], engine = "wasm"): unknown[] {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "lib/engine/cli.ts", "eval", "--engine", engine],
    {
      cwd: root,
      input: `${lines.join("\n")}\n`,
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

const pool = { taoReserve: "100000000000", alphaReserve: "400000000000" };

describe("engine CLI", () => {
  let ctx: OpContext;
  beforeAll(async () => {
    const wasm = await wasmEngine();
    ctx = { engine: wasm, reference: referenceEngine, wasm };
  });

  it("answers every line, in order, through the WASM engine", () => {
    const out = runCli([
      JSON.stringify({ op: "blockEmission", args: { issuance: "10500000000000000" } }),
      JSON.stringify({ op: "swap", args: { spec: 425, direction: "stake", amount: "1000000000", ...pool } }),
      "",
      "not json",
      JSON.stringify({ op: "nope", args: {} }),
    ]);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ ok: "500000000" });
    expect((out[1] as { ok: { amountPaidOut: string } }).ok.amountPaidOut).toBe("3958421529");
    expect(out[2]).toEqual({ error: "request is not valid JSON" });
    expect((out[3] as { error: string }).error).toMatch(/^op: unknown op "nope"/);
  });

  it("bad input gives one line naming the field", () => {
    const cases: [unknown, RegExp][] = [
      [{ op: "swap", args: { spec: 425, direction: "stake", ...pool } }, /args\.amount: is required/],
      [
        { op: "swap", args: { spec: 425, direction: "stake", amount: "-1", ...pool } },
        /args\.amount: must not be negative/,
      ],
      [
        { op: "swap", args: { spec: 425, direction: "stake", amount: "18446744073709551616", ...pool } },
        /args\.amount: .*overflows u64/,
      ],
      [
        { op: "swap", args: { spec: 426, direction: "stake", amount: "1", ...pool } },
        /args\.spec: spec 426 is newer/,
      ],
      [
        { op: "swap", args: { spec: 100, direction: "stake", amount: "1", ...pool } },
        /args\.spec: spec 100 predates/,
      ],
      [{ op: "swap", args: { spec: 425, direction: "sideways", amount: "1", ...pool } }, /args\.direction/],
      [
        { op: "swap", args: { spec: 425, direction: "stake", amount: "1", quoteWeight: "1", ...pool } },
        /args\.quoteWeight/,
      ],
      [
        { op: "swap", args: { spec: 425, direction: "stake", amount: "1", limitPrice: "1", ...pool } },
        /PriceLimitExceeded/,
      ],
      [
        { op: "swap", args: { spec: 273, direction: "stake", amount: "1", limitPrice: "1", ...pool } },
        /args\.limitPrice/,
      ],
      [
        { op: "movingPrice", args: { spec: 425, movingPrice: "x", price: "1", block: "1" } },
        /args\.movingPrice: not a decimal/,
      ],
      [
        { op: "movingPrice", args: { spec: 425, movingPrice: "0.5", price: "-1", block: "1" } },
        /args\.price/,
      ],
      [
        { op: "neuronBurn", args: { spec: 425, burn: "1", minBurn: "0", maxBurn: "5", halfLife: 70000 } },
        /args\.halfLife: 70000 overflows u16/,
      ],
      [{ op: "neuronBurn", args: { spec: 393, burn: "1", minBurn: "0", maxBurn: "5" } }, /spec 397/],
      [
        { op: "stakeValue", args: { spec: 425, sharedValue: "1", share: "1", denominator: "1" } },
        /args\.share/,
      ],
      [
        { op: "swap", args: { spec: 425, direction: "stake", amount: "1", extra: 1, ...pool } },
        /unknown field/,
      ],
      [{ args: {} }, /^op: is required/],
      [[1, 2], /must be a JSON object/],
    ];
    for (const [req, re] of cases) {
      const r = evaluate(ctx, req) as { error?: string };
      expect(r.error, JSON.stringify(req)).toMatch(re);
      expect(r.error).not.toContain("\n");
    }
  });

  it("WASM and reference give identical answers (--engine both)", () => {
    const lines = [
      {
        op: "rootProportion",
        args: {
          rootTao: "6000000000000000",
          taoWeight: "3320413933267719290",
          alphaIssuance: "3000000000000000",
        },
      },
      {
        op: "movingPrice",
        args: { spec: 393, movingPrice: "0.5", price: "0.25", block: "1000000", firstEmissionBlock: "10" },
      },
      { op: "maxAmount", args: { spec: 425, direction: "stake", limitPrice: "300000000", ...pool } },
      { op: "swap", args: { spec: 393, direction: "unstake", amount: "1000000000", ...pool } },
      { op: "swap", args: { spec: 273, direction: "stake", amount: "1000000000", ...pool } },
      {
        op: "stakeValue",
        args: {
          spec: 425,
          sharedValue: "100",
          share: { mantissa: "3", exponent: 0 },
          denominator: { mantissa: "10", exponent: 0 },
        },
      },
      { op: "stakeValue", args: { spec: 393, sharedValue: "10", share: "3", denominator: "3" } },
      {
        op: "lockCost",
        args: {
          spec: 425,
          lastLock: "1250000000000",
          minLock: "100000000000",
          lastLockBlock: "5000000",
          currentBlock: "5010000",
          lockReductionInterval: "57600",
          totalIssuance: "10000000000000000",
        },
      },
      {
        op: "neuronBurn",
        args: {
          spec: 425,
          burn: "1000",
          minBurn: "0",
          maxBurn: "18446744073709551615",
          halfLife: 1000,
          registrations: 1,
          increaseMult: "2",
        },
      },
    ].map((l) => JSON.stringify(l));
    const both = runCli(lines, "both");
    for (const r of both) expect(r).toHaveProperty("ok");
    expect(both).toEqual(runCli(lines, "ref"));
    expect(both[6]).toEqual({ ok: "9" });
    expect(both[7]).toEqual({ ok: "2282986120000" });
    expect(both[8]).toEqual({ ok: "2000" });
  });
});
