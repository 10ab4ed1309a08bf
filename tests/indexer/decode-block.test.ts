import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Keyring } from "@polkadot/keyring";
import { expandMetadata } from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";
import { compactToU8a, hexToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import { blake2AsHex, cryptoWaitReady } from "@polkadot/util-crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AURA_AUTHORITIES_KEY,
  createRuntime,
  decodeBlock,
  fetchAuraAuthorities,
  findStorageEntry,
  type Hex,
  headerHash,
  type RawBlock,
  type RawHeader,
  type Runtime,
  unwrapOpaqueMetadata,
} from "../../indexer/decode";
import { ReplayRpcClient } from "../../indexer/rpc";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const finney = path.resolve(repoRoot, "../shared/fixtures/finney");
const present = existsSync(path.join(finney, "metadata/spec343-v15.metadata_at_version.hex"));
if (!present)
  console.warn(`[decode-block] skipped: ${finney} is absent (shared Finney metadata not mounted)`);

/** A real Finney header (block 6,852,690, recorded in the metagraph seed); bodies below are synthetic. */
function recordedHeader(): { header: RawHeader; hash: Hex } {
  const seeds = JSON.parse(readFileSync(path.join(finney, "rpc/bittensor-sdk-ws-finney.json"), "utf8"));
  const hash = "0xdb13c066e2c63969f140164fb3bfe7a0aaa7b71407fc0fe525d68e57329ef9d0" as Hex;
  return { header: seeds.metagraph.chain_getHeader[`["${hash}"]`].result as RawHeader, hash };
}

function loadRuntime(file: string): Runtime {
  const text = readFileSync(path.join(finney, "metadata", file));
  const bytes = file.endsWith(".scale") ? text : unwrapOpaqueMetadata(text.toString("utf8").trim())!;
  return createRuntime(bytes);
}

const U64_BIG = 2n ** 60n + 7n; // above 2^53: would lose digits as a JS number
const TIP = 2n ** 55n + 1n;
const FEE = 2n ** 54n + 3n;
const NOW = 1_761_000_000_123;

/** SCALE bytes of one EventRecord, built from the runtime's own metadata (our data, not a recording). */
function eventRecord(
  rt: Runtime,
  phase: Record<string, unknown> | string,
  pallet: string,
  name: string,
  values: unknown[],
) {
  const recordId = Number(rt.eventRecordType.replace("Lookup", ""));
  const fields = rt.registry.lookup.getSiType(recordId).def.asComposite.fields;
  const phaseType = rt.registry.createLookupType(fields[0]!.type);
  const meta = rt.metadata.asLatest.pallets.find((p) => p.name.toString() === pallet)!;
  const decorated = expandMetadata(rt.registry, rt.metadata).events;
  const section = Object.keys(decorated).find((k) => k.toLowerCase() === pallet.toLowerCase())!;
  const event = decorated[section]![name]!;
  const args = event.meta.fields.map((f, i) =>
    rt.registry.createTypeUnsafe<Codec>(rt.registry.createLookupType(f.type), [values[i]]).toU8a(),
  );
  return u8aConcat(
    rt.registry.createTypeUnsafe<Codec>(phaseType, [phase]).toU8a(),
    new Uint8Array([meta.index.toNumber(), event.meta.index.toNumber()]),
    ...args,
    compactToU8a(0),
  );
}

function eventsValue(records: Uint8Array[]): Hex {
  return u8aToHex(u8aConcat(compactToU8a(records.length), ...records)) as Hex;
}

function moduleError(rt: Runtime, pallet: string, error: string) {
  const p = rt.metadata.asLatest.pallets.find((x) => x.name.toString() === pallet)!;
  const variants = rt.registry.lookup.getSiType(p.errors.unwrap().type).def.asVariant.variants;
  const v = variants.find((x) => x.name.toString() === error)!;
  return {
    Module: { index: p.index.toNumber(), error: u8aToHex(new Uint8Array([v.index.toNumber(), 0, 0, 0])) },
  };
}

async function buildBlock(rt: Runtime) {
  await cryptoWaitReady();
  const alice = new Keyring({ type: "sr25519", ss58Format: 42 }).addFromUri("//Alice");
  const tx = expandMetadata(rt.registry, rt.metadata).tx;
  const sign = (call: Codec, nonce: number) => {
    const ext = rt.registry.createType("Extrinsic", call);
    ext.sign(alice, {
      blockHash: `0x${"11".repeat(32)}`,
      genesisHash: `0x${"22".repeat(32)}`,
      nonce,
      tip: TIP,
      era: rt.registry.createType("ExtrinsicEra", { current: 6852690, period: 64 }),
      runtimeVersion: { specVersion: rt.specVersion, transactionVersion: 1 },
      signedExtensions: rt.registry.signedExtensions,
    } as never);
    return ext.toHex() as Hex;
  };
  const inherent = rt.registry.createType("Extrinsic", tx.timestamp!.set!(NOW)).toHex() as Hex;
  const stake = sign(tx.subtensorModule!.addStake!(alice.address, 3, U64_BIG), 5);
  const failing = sign(tx.subtensorModule!.addStake!(alice.address, 4, 1), 6);
  const dispatchInfoType = (rt2: Runtime) => {
    const decorated = expandMetadata(rt2.registry, rt2.metadata).events.system!.ExtrinsicSuccess!;
    return rt2.registry.createLookupType(decorated.meta.fields[0]!.type);
  };
  const dispatchInfo = rt.registry.createTypeUnsafe<Codec>(dispatchInfoType(rt), []).toJSON();
  const records = [
    eventRecord(rt, { ApplyExtrinsic: 0 }, "System", "ExtrinsicSuccess", [dispatchInfo]),
    eventRecord(rt, { ApplyExtrinsic: 1 }, "SubtensorModule", "StakeAdded", [
      alice.address,
      alice.address,
      U64_BIG,
      U64_BIG - 1n,
      3,
      12345n,
    ]),
    eventRecord(rt, { ApplyExtrinsic: 1 }, "TransactionPayment", "TransactionFeePaid", [
      alice.address,
      FEE,
      TIP,
    ]),
    eventRecord(rt, { ApplyExtrinsic: 1 }, "System", "ExtrinsicSuccess", [dispatchInfo]),
    eventRecord(rt, { ApplyExtrinsic: 2 }, "TransactionPayment", "TransactionFeePaid", [
      alice.address,
      777n,
      TIP,
    ]),
    eventRecord(rt, { ApplyExtrinsic: 2 }, "System", "ExtrinsicFailed", [
      moduleError(rt, "SubtensorModule", "NotEnoughBalanceToStake"),
      dispatchInfo,
    ]),
  ];
  const { header, hash } = recordedHeader();
  const raw: RawBlock = {
    number: Number.parseInt(header.number, 16),
    hash,
    parentHash: header.parentHash,
    header,
    extrinsics: [inherent, stake, failing],
    eventsHex: eventsValue(records),
  };
  return { raw, alice: alice.address, records };
}

describe.skipIf(!present)("decodeBlock", () => {
  const specs: [string, number][] = [
    ["spec343-v15.metadata_at_version.hex", 343],
    ["spec393-v16.scale", 393],
  ];
  const runtimes = new Map<number, Runtime>();
  beforeAll(() => {
    for (const [file, spec] of specs) runtimes.set(spec, loadRuntime(file));
  });

  it.each(specs)("decodes header, extrinsics and events exactly with %s", async (_file, spec) => {
    const rt = runtimes.get(spec)!;
    const { raw, alice } = await buildBlock(rt);
    const block = decodeBlock(raw, rt, { authorities: ["A", "B", "C"] });

    expect(block.specVersion).toBe(spec);
    expect(block.header.number).toBe(6852690);
    expect(block.header.hash).toBe(raw.hash);
    expect(block.header.digest.map((d) => `${d.type}:${d.engine}`)).toEqual([
      "PreRuntime:aura",
      "Consensus:fron",
      "Seal:aura",
    ]);
    const slot = BigInt(block.header.auraSlot!);
    expect(block.header.author).toBe(["A", "B", "C"][Number(slot % 3n)]);
    expect(block.timestampMs).toBe(NOW);

    const [inherent, stake, failing] = block.extrinsics;
    expect(inherent).toMatchObject({
      signed: false,
      section: "timestamp",
      method: "set",
      success: true,
      fee: null,
    });
    expect(inherent!.args).toEqual({ now: String(NOW) });
    expect(stake).toMatchObject({
      index: 1,
      signed: true,
      signer: alice,
      nonce: 5,
      tip: TIP.toString(),
      section: "subtensorModule",
      method: "addStake",
      success: true,
      error: null,
      fee: FEE.toString(),
      decodeError: null,
    });
    expect(stake!.hash).toBe(blake2AsHex(hexToU8a(raw.extrinsics[1]!)));
    expect(stake!.args).toEqual({ hotkey: alice, netuid: 3, amount_staked: U64_BIG.toString() });
    expect(stake!.era).toEqual({ period: "64", phase: String(6852690 % 64) });
    expect(failing).toMatchObject({ success: false, fee: "777" });
    expect(failing!.error).toMatchObject({
      type: "Module",
      pallet: "subtensorModule",
      name: "NotEnoughBalanceToStake",
    });

    expect(block.events).toHaveLength(6);
    const stakeAdded = block.events[1]!;
    expect(stakeAdded).toMatchObject({
      phase: "ApplyExtrinsic",
      extrinsicIndex: 1,
      section: "subtensorModule",
      method: "StakeAdded",
      decodeError: null,
    });
    // Unnamed fields stay positional; u64 amounts are exact decimal strings.
    expect(stakeAdded.args).toEqual([
      alice,
      alice,
      U64_BIG.toString(),
      (U64_BIG - 1n).toString(),
      3,
      "12345",
    ]);
    expect(block.events[2]!.args).toEqual({ who: alice, actual_fee: FEE.toString(), tip: TIP.toString() });
  });

  it("flags an undecodable extrinsic and an unknown event, keeps the rest", async () => {
    const rt = runtimes.get(343)!;
    const { raw, records } = await buildBlock(rt);
    const unknownEvent = u8aConcat(new Uint8Array([0, 1, 0, 0, 0, 0xfe, 0x01, 0x99]), compactToU8a(0));
    const broken: RawBlock = {
      ...raw,
      extrinsics: [raw.extrinsics[0]!, "0x1c0400deadbeef" as Hex, raw.extrinsics[2]!],
      eventsHex: eventsValue([records[0]!, records[1]!, unknownEvent, records[3]!]),
    };
    const block = decodeBlock(broken, rt);
    expect(block.extrinsics[1]!.decodeError).toBeTruthy();
    expect(block.extrinsics[1]!.hash).toBe(blake2AsHex(hexToU8a("0x1c0400deadbeef")));
    expect(block.extrinsics[0]!.decodeError).toBeNull();
    expect(block.extrinsics[2]!.decodeError).toBeNull();
    expect(block.events.map((e) => e.decodeError === null)).toEqual([true, true, false]);
    expect(block.events[2]!.rawHex!.startsWith(u8aToHex(unknownEvent))).toBe(true);
    expect(block.timestampMs).toBe(NOW);
  });

  it("refuses a header that does not hash to the block hash", async () => {
    const rt = runtimes.get(343)!;
    const { raw } = await buildBlock(rt);
    const wrong = { ...raw, header: { ...raw.header, stateRoot: `0x${"00".repeat(32)}` as Hex } };
    expect(() => decodeBlock(wrong, rt)).toThrow(/hashes to/);
    expect(headerHash(raw.header)).toBe(raw.hash);
  });

  it("handles a block without events storage", async () => {
    const rt = runtimes.get(343)!;
    const { raw } = await buildBlock(rt);
    const block = decodeBlock({ ...raw, eventsHex: null }, rt);
    expect(block.events).toEqual([]);
    expect(block.extrinsics.every((e) => e.success === null)).toBe(true);
  });

  it("derives the author from the Aura slot and Aura.Authorities read with the metadata", async () => {
    const rt = runtimes.get(343)!;
    await cryptoWaitReady();
    const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
    const keys = ["//Alice", "//Bob", "//Charlie"].map((uri) => keyring.addFromUri(uri));
    const entry = findStorageEntry(rt, AURA_AUTHORITIES_KEY)!;
    const value = rt.registry
      .createTypeUnsafe<Codec>(rt.registry.createLookupType(entry.valueType), [keys.map((k) => k.publicKey)])
      .toHex();
    const { raw } = await buildBlock(rt);
    const client = new ReplayRpcClient({});
    client.record("state_getStorage", [AURA_AUTHORITIES_KEY, raw.parentHash], { result: value });
    const authorities = await fetchAuraAuthorities(client, rt, raw.parentHash);
    expect(authorities).toEqual(keys.map((k) => k.address));
    const block = decodeBlock(raw, rt, { authorities });
    expect(block.header.author).toBe(keys[Number(BigInt(block.header.auraSlot!) % 3n)]!.address);
  });
});
