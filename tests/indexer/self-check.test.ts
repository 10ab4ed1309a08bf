// Engine self-check against scenario devnets (both rule sets): the devnet runs the same engine, so every block
// must be checked with zero mismatches; any mismatch is a bug in reading the parent state or in the comparison.
// Then the check must catch a tampered engine input and a tampered stored value.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { createRuntime, type Hex, type Runtime, unwrapOpaqueMetadata } from "../../indexer/decode";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient, type RpcBatchResult, type RpcCall, type RpcClient } from "../../indexer/rpc";
import { storageKey } from "../../indexer/state/keys";
import { type CheckTarget, checkBlocks, missingItems, ruleSetFor } from "../../indexer/state/self-check";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const TEMPO = 12;
const HISTORY = 60;
const UPGRADE_AT = 25;

interface CheckRow {
  block_number: number;
  spec_version: number;
  rules: string | null;
  subnets_checked: number;
  items_checked: number;
  mismatches: number;
  details: { reason: string | null; unsupported: string[]; mismatches: unknown[] };
}

async function runtimeAt(client: RpcClient, hash: string): Promise<Runtime> {
  const hex = await client.call<string>("state_call", ["Metadata_metadata_at_version", "0x0f000000", hash]);
  return createRuntime(unwrapOpaqueMetadata(hex)!);
}

async function target(client: RpcClient, n: number): Promise<CheckTarget> {
  const hash = await client.call<Hex>("chain_getBlockHash", [n]);
  const header = await client.call<{ parentHash: Hex }>("chain_getHeader", [hash]);
  return {
    number: n,
    hash,
    parentHash: header.parentHash,
    parentRuntime: await runtimeAt(client, header.parentHash),
    runtime: await runtimeAt(client, hash),
  };
}

for (const variant of ["current", "v3"] as const) {
  describe(`engine self-check on a scenario devnet (${variant} rules)`, () => {
    let devnet: Devnet;
    let database: TestDatabase;
    let pool: pg.Pool;
    let client: HttpRpcClient;
    let rows: CheckRow[];
    let indexer: Indexer;

    beforeAll(async () => {
      const scenario = await createScenario({
        seed: 5,
        accounts: 120,
        validators: 6,
        owners: 5,
        genesisSubnets: 3,
        tempo: TEMPO,
        upgradeAt: UPGRADE_AT,
      });
      devnet = await startDevnet({
        runtimes: scenarioRuntimes(scenario.economyGenesis, variant),
        genesis: scenario.genesis,
        history: HISTORY,
        manual: true,
        beforeBlock: scenario.beforeBlock,
      });
      database = await freshDatabase();
      pool = testPool(database.url);
      client = new HttpRpcClient(devnet.httpUrl);
      indexer = new Indexer({ client, pool, follow: false, batchSize: 16, snapshots: false });
      await indexer.run();
      rows = (await pool.query<CheckRow>("SELECT * FROM engine_checks ORDER BY block_number")).rows;
    }, 180_000);
    afterAll(async () => {
      await client?.close();
      await pool?.end();
      await devnet?.close();
      await database?.drop();
    });

    it("checks every block after genesis with the devnet's rule set and finds no mismatch", () => {
      const head = devnet.chain.best.number;
      expect(rows.map((r) => r.block_number)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      const expected = variant === "current" ? "425/balancer" : /^39[34]\/v3$/;
      for (const r of rows) {
        expect(r.details.reason).toBeNull();
        expect(r.rules).toMatch(expected);
        expect(r.subnets_checked).toBeGreaterThan(0);
        expect(r.items_checked).toBeGreaterThan(0);
      }
      // The upgrade block is executed by 393, the blocks after it by 394.
      expect(rows.find((r) => r.block_number === UPGRADE_AT)?.spec_version).toBe(393);
      expect(rows.at(-1)?.spec_version).toBe(394);
      const bad = rows.filter((r) => r.mismatches > 0);
      expect(bad.map((r) => ({ block: r.block_number, ...r.details }))).toEqual([]);
    });

    it("exposes the per-spec counts in the indexer metrics", () => {
      const bySpec = (spec: number) => rows.filter((r) => r.spec_version === spec).length;
      expect(Object.fromEntries(indexer.metrics.engineChecks)).toEqual({
        393: { blocks: bySpec(393), mismatchBlocks: 0, mismatches: 0 },
        394: { blocks: bySpec(394), mismatchBlocks: 0, mismatches: 0 },
      });
      const text = indexer.metrics.prometheus();
      expect(text).toContain(`taoview_indexer_engine_checked_blocks_total{spec="393"} ${bySpec(393)}`);
      expect(text).toContain(`taoview_indexer_engine_mismatches_total{spec="394"} 0`);
      expect(indexer.metrics.engineCheckMs).toBeGreaterThan(0);
    });

    it("records what the rule set cannot reproduce as unsupported, not as passes", () => {
      const unsupported = new Set(rows.flatMap((r) => r.details.unsupported));
      if (variant === "current") expect([...unsupported]).toEqual([]);
      else
        expect([...unsupported].sort()).toEqual(
          ["PendingRootAlphaDivs", "PendingValidatorEmission", "SubnetMovingPrice"].sort(),
        );
    });

    it("covers epoch blocks, and reads every planned item the runtime declares", async () => {
      // Blocks where an epoch fired drain the pending emissions to zero and bump the schedule counters: the
      // engine's schedule must agree there too (they are among the zero-mismatch rows above).
      const epochs = await pool.query<{ block_number: number }>(
        `SELECT DISTINCT block_number FROM events
         WHERE section = 'subtensorModule' AND method = 'IncentiveAlphaEmittedToMiners' ORDER BY 1`,
      );
      expect(epochs.rows.length).toBeGreaterThan(2);
      const checked = new Map(rows.map((r) => [r.block_number, r]));
      for (const e of epochs.rows) expect(checked.get(e.block_number)?.mismatches).toBe(0);
      const runtime = await runtimeAt(client, await client.call<Hex>("chain_getBlockHash", [HISTORY]));
      expect(ruleSetFor(runtime)).toMatchObject({ pool: variant === "current" ? "balancer" : "v3" });
      // Items of the read plan the runtime lacks are exactly those its layout does not have (a misspelt item
      // name would silently read as absent).
      expect(missingItems(runtime)).toEqual(
        variant === "current"
          ? ["subtensorModule.ownerCutEnabled"]
          : [
              "subtensorModule.lastEpochBlock",
              "subtensorModule.maxEpochsPerBlock",
              "subtensorModule.minerBurned",
              "subtensorModule.netTaoFlowEnabled",
              "subtensorModule.ownerCutEnabled",
              "subtensorModule.pendingEpochAt",
              "subtensorModule.subnetEmaProtocolFlow",
              "subtensorModule.subnetEmissionEnabled",
              "subtensorModule.subnetEpochIndex",
              "subtensorModule.subnetExcessTao",
              "subtensorModule.subnetProtocolFlow",
              "swap.swapBalancer",
            ],
      );
    });

    it("counts a tampered engine input as mismatches", async () => {
      const t = await target(client, HISTORY - 5);
      const [clean] = await checkBlocks(client, [t]);
      expect(clean!.mismatches).toEqual([]);
      const [tampered] = await checkBlocks(client, [t], {
        tamperState(state) {
          // Alpha issuance near the first halving: the subnet's alpha block emission halves.
          const s = state.subnets.find((x) => x.firstEmissionBlock !== null)!;
          s.alphaOut = 10_500_000_000_000_000n;
        },
      });
      expect(tampered!.mismatches.length).toBeGreaterThan(0);
      // State the engine refuses is recorded as not checked, never as a pass, and does not throw into ingest.
      const [failed] = await checkBlocks(client, [t], {
        tamperState(state) {
          state.spec = 100;
        },
      });
      expect(failed).toMatchObject({ itemsChecked: 0, mismatches: [] });
      expect(failed!.reason).toMatch(/^error: coinbase: spec 100 is not supported/);
      expect(tampered!.mismatches).toContainEqual(
        expect.objectContaining({ item: "SubnetAlphaOutEmission", chain: "1000000000", engine: "500000000" }),
      );
    });

    it("counts a tampered stored value as a mismatch", async () => {
      const t = await target(client, HISTORY - 4);
      const netuid = 1;
      const key = storageKey(t.runtime, "subtensorModule", "pendingOwnerCut", netuid).toLowerCase();
      // A client whose reply at the block claims one more rao of pending owner cut than the chain stored.
      const lying: RpcClient = {
        transport: "http",
        call: (method, params) => client.call(method, params),
        subscribe: (request, handlers) => client.subscribe(request, handlers as never),
        close: async () => {},
        async batch<T>(calls: readonly RpcCall[]): Promise<RpcBatchResult<T>[]> {
          const replies = await client.batch<T>(calls);
          return replies.map((r, i) => {
            const c = calls[i]!;
            if (!r.ok || c.method !== "state_queryStorageAt" || c.params[1] !== t.hash) return r;
            const sets = r.result as unknown as { changes: [string, string | null][] }[];
            for (const set of sets)
              set.changes = set.changes.map(([k, v]) => {
                if (k.toLowerCase() !== key) return [k, v];
                const le = Buffer.from((v ?? "0x0000000000000000").slice(2), "hex");
                le.writeBigUInt64LE(le.readBigUInt64LE() + 1n);
                return [k, `0x${le.toString("hex")}`];
              });
            return r;
          });
        },
      };
      const [check] = await checkBlocks(lying, [t]);
      expect(check!.mismatches).toHaveLength(1);
      const m = check!.mismatches[0]!;
      expect(m).toMatchObject({ netuid, item: "PendingOwnerCut" });
      expect(BigInt(m.chain) - BigInt(m.engine)).toBe(1n);
    });
  });
}
