// Projections through the real decode path: a block built with our own metadata (signed extrinsics and
// SCALE-encoded events, as a subtensor node would produce them) is decoded by the indexer, projected, and
// written to Postgres.
import { Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import { expandMetadata } from "@polkadot/types";
import type { Extrinsic } from "@polkadot/types/interfaces";
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMetadata, type EventRecordInput, encodeEventRecords } from "../../devnet/metadata";
import {
  createRuntime,
  type DecodedBlock,
  decodeBlock,
  type Hex,
  headerHash,
  type RawBlock,
  type RawHeader,
  type Runtime,
} from "../../indexer/decode";
import { PROJECTIONS } from "../../indexer/project";
import { tradePriceRao } from "../../indexer/project/staking";
import { deleteFrom, writeBlocks } from "../../indexer/store/write-blocks";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const SPEC = 393;
const ZERO = `0x${"00".repeat(32)}` as Hex;
const FEE = 123_456n;
const BURN = 1_000_000_000n;
const BIG = 2n ** 60n + 9n;

let runtime: Runtime;
let alice: KeyringPair;
let bob: KeyringPair;
let hot: KeyringPair;
let block: DecodedBlock;
let raw: RawBlock;

function sign(call: unknown, who: KeyringPair, nonce: number): Extrinsic {
  const { registry } = runtime;
  const ext = registry.createType<Extrinsic>("Extrinsic", call);
  return ext.sign(who, {
    blockHash: ZERO,
    genesisHash: ZERO,
    nonce,
    era: registry.createType("ExtrinsicEra", "0x00"),
    runtimeVersion: {
      specVersion: registry.createType("u32", SPEC),
      transactionVersion: registry.createType("u32", 1),
    } as never,
    signedExtensions: registry.signedExtensions,
  });
}

function buildBlock(): RawBlock {
  const { registry } = runtime;
  const tx = expandMetadata(registry, runtime.metadata).tx;
  const call = (section: string, method: string, args: unknown[]) => tx[section]![method]!(...args);
  const info = { weight: { refTime: 1, proofSize: 0 }, class: "Normal", paysFee: "Yes" };
  const success = (i: number): EventRecordInput => ({
    phase: { applyExtrinsic: i },
    pallet: "System",
    name: "ExtrinsicSuccess",
    fields: [info],
  });
  const feePaid = (i: number, who: KeyringPair): EventRecordInput[] => [
    { phase: { applyExtrinsic: i }, pallet: "Balances", name: "Withdraw", fields: [who.address, FEE] },
    {
      phase: { applyExtrinsic: i },
      pallet: "TransactionPayment",
      name: "TransactionFeePaid",
      fields: [who.address, FEE, 0],
    },
  ];
  const exts = [
    sign(call("balances", "transferKeepAlive", [bob.address, BIG]), alice, 0),
    sign(call("subtensorModule", "burnedRegister", [3, hot.address]), alice, 1),
    sign(call("subtensorModule", "addStake", [hot.address, 3, 2_000_000_000n]), alice, 2),
    sign(call("sudo", "sudo", [call("adminUtils", "sudoSetTempo", [3, 100])]), alice, 3),
    sign(
      call("utility", "batch", [
        [call("subtensorModule", "setSubnetIdentity", [3, "apex", "gh", "c", "u", "d", "desc", "logo", "x"])],
      ]),
      alice,
      4,
    ),
    sign(call("adminUtils", "sudoSetKappa", [3, 10]), bob, 0),
  ];
  const events: EventRecordInput[] = [
    ...feePaid(0, alice).slice(0, 1),
    {
      phase: { applyExtrinsic: 0 },
      pallet: "Balances",
      name: "Transfer",
      fields: [alice.address, bob.address, BIG],
    },
    ...feePaid(0, alice).slice(1),
    success(0),
    ...feePaid(1, alice).slice(0, 1),
    { phase: { applyExtrinsic: 1 }, pallet: "Balances", name: "Withdraw", fields: [alice.address, BURN] },
    {
      phase: { applyExtrinsic: 1 },
      pallet: "SubtensorModule",
      name: "NeuronRegistered",
      fields: [3, 7, hot.address],
    },
    ...feePaid(1, alice).slice(1),
    success(1),
    {
      phase: { applyExtrinsic: 2 },
      pallet: "SubtensorModule",
      name: "StakeAdded",
      fields: [alice.address, hot.address, 2_000_000_000n, 1_500_000_000n, 3, 1_000n],
    },
    {
      phase: { applyExtrinsic: 2 },
      pallet: "SubtensorModule",
      name: "StakeRemoved",
      fields: [alice.address, hot.address, 10n, 0n, 3, 0n],
    },
    {
      phase: { applyExtrinsic: 2 },
      pallet: "SubtensorModule",
      name: "StakeMoved",
      fields: [alice.address, hot.address, 3, bob.address, 4, 5n],
    },
    {
      phase: { applyExtrinsic: 2 },
      pallet: "SubtensorModule",
      name: "AlphaBurned",
      fields: [alice.address, hot.address, 77n, 3],
    },
    {
      phase: { applyExtrinsic: 2 },
      pallet: "SubtensorModule",
      name: "TakeIncreased",
      fields: [alice.address, hot.address, 11_796],
    },
    success(2),
    success(3),
    { phase: { applyExtrinsic: 4 }, pallet: "SubtensorModule", name: "SubnetIdentitySet", fields: [3] },
    success(4),
    { phase: { applyExtrinsic: 5 }, pallet: "System", name: "ExtrinsicFailed", fields: ["BadOrigin", info] },
    { phase: "finalization", pallet: "SubtensorModule", name: "WeightsSet", fields: [3, 7] },
  ];
  const header: RawHeader = {
    parentHash: ZERO,
    number: "0x2a",
    stateRoot: ZERO,
    extrinsicsRoot: ZERO,
    digest: { logs: [] },
  };
  return {
    number: 42,
    hash: headerHash(header),
    parentHash: ZERO,
    header,
    extrinsics: exts.map((e) => e.toHex() as Hex),
    eventsHex: u8aToHex(encodeEventRecords(registry, events)) as Hex,
  };
}

const rowsOf = (table: string) => PROJECTIONS.find((p) => p.table === table)!.rows(block);

describe("projections", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    await cryptoWaitReady();
    runtime = createRuntime(buildMetadata({ specVersion: SPEC }).v15);
    const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
    [alice, bob, hot] = ["//Alice", "//Bob", "//AliceHot"].map((s) => keyring.addFromUri(s)) as [
      KeyringPair,
      KeyringPair,
      KeyringPair,
    ];
    raw = buildBlock();
    block = decodeBlock(raw, runtime);
    database = await freshDatabase();
    pool = testPool(database.url);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it("decodes the test block cleanly", () => {
    expect(block.extrinsics.map((x) => x.decodeError)).toEqual(Array(6).fill(null));
    expect(block.events.every((e) => e.decodeError === null)).toBe(true);
    expect(block.extrinsics.map((x) => x.success)).toEqual([true, true, true, true, true, false]);
  });

  it("projects transfers with exact amounts", () => {
    expect(rowsOf("transfers")).toEqual([[42, 1, 0, null, alice.address, bob.address, BIG.toString()]]);
  });

  it("projects stake trades with their price, and no price when no alpha moved", () => {
    const trades = rowsOf("stake_trades");
    expect(trades).toEqual([
      [
        42,
        9,
        2,
        null,
        "stake",
        alice.address,
        hot.address,
        3,
        "2000000000",
        "1500000000",
        "1000",
        "1333333333",
      ],
      [42, 10, 2, null, "unstake", alice.address, hot.address, 3, "10", "0", "0", null],
    ]);
    expect(tradePriceRao("1", "3")).toBe("333333333");
    expect(tradePriceRao(BIG.toString(), "1")).toBe((BIG * 1_000_000_000n).toString());
  });

  it("projects moves, burns, takes and weights", () => {
    expect(rowsOf("stake_moves")).toEqual([
      [42, 11, 2, null, "move", alice.address, alice.address, hot.address, bob.address, 3, 4, "5"],
    ]);
    expect(rowsOf("alpha_burns")).toEqual([[42, 12, 2, null, "burn", alice.address, hot.address, 3, "77"]]);
    expect(rowsOf("take_changes")).toEqual([
      [42, 13, 2, null, "increase", alice.address, hot.address, 11796],
    ]);
    expect(rowsOf("weights_set")).toEqual([[42, 19, null, null, 3, 7, null]]);
  });

  it("prices a registration at what the signer paid beyond the fee", () => {
    expect(rowsOf("registrations")).toEqual([
      [42, 6, 1, null, "neuron", 3, 7, hot.address, alice.address, BURN.toString()],
    ]);
  });

  it("takes the identity from the (batched) call and hyperparameters from successful sudo calls only", () => {
    const [identity] = rowsOf("subnet_identity_changes");
    expect(identity!.slice(0, 5)).toEqual([42, 16, 4, null, 3]);
    expect(JSON.parse(identity![5] as string)).toMatchObject({ netuid: 3, subnet_name: "apex" });
    expect(rowsOf("hyperparameter_changes")).toEqual([[42, 3, 1, null, 3, "tempo", "100"]]);
  });

  it("writes every projection in the block's transaction and removes them on rollback", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await writeBlocks(client, [{ raw, decoded: block }], 0);
      await writeBlocks(client, [{ raw, decoded: block }], 0);
      await client.query("COMMIT");
      for (const p of PROJECTIONS) {
        const n = await client.query(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(p.table)}`);
        expect([p.table, n.rows[0].n]).toEqual([p.table, p.rows(block).length]);
      }
      const t = await client.query("SELECT amount::text FROM transfers");
      expect(t.rows[0].amount).toBe(BIG.toString());
      await deleteFrom(client, 42);
      for (const p of PROJECTIONS) {
        const n = await client.query(`SELECT count(*)::int AS n FROM ${client.escapeIdentifier(p.table)}`);
        expect(n.rows[0].n).toBe(0);
      }
    } finally {
      client.release();
    }
  });
});
