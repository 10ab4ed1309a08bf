// The devnet node through @polkadot/api exactly as the indexer uses it: metadata, headers, blocks, events,
// historical state, signed transfers with fees, rejected transactions, subscriptions, reorgs.
import "@polkadot/api-augment";
import { ApiPromise, HttpProvider, WsProvider } from "@polkadot/api";
import type { SubmittableExtrinsic } from "@polkadot/api/types";
import type { KeyringPair } from "@polkadot/keyring/types";
import type { Header } from "@polkadot/types/interfaces";
import { compactFromU8a, hexToU8a, u8aToHex } from "@polkadot/util";
import { blake2AsHex } from "@polkadot/util-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devPairs } from "../../devnet/node/genesis";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { builtRuntime, RawWs } from "../../devnet/node/testing/harness";

// The product path: runtimes over our own metadata (devnet/metadata). rpc.test.ts covers Finney's metadata.
const runtime = builtRuntime(393);

const TAO = 1_000_000_000n;

function evNames(events: Array<{ event: { section: string; method: string } }>) {
  return events.map((e) => `${e.event.section}.${e.event.method}`);
}

/** Signs and sends, producing blocks until the extrinsic is in a block; returns its events and block hash. */
async function sendAndInclude(node: Devnet, tx: SubmittableExtrinsic<"promise">, signer: KeyringPair) {
  return new Promise<{
    blockHash: string;
    events: Array<{ event: { section: string; method: string; data: { toJSON(): unknown } } }>;
  }>((resolve, reject) => {
    let produced = false;
    tx.signAndSend(signer, (r) => {
      if (r.status.isReady && !produced) {
        produced = true;
        setImmediate(() => node.newBlocks(1));
      }
      if (r.status.isInBlock) resolve({ blockHash: r.status.asInBlock.toHex(), events: r.events as never });
      if (r.status.isInvalid || r.status.isDropped) reject(new Error(r.status.type));
    }).catch(reject);
  });
}

describe("devnet node through @polkadot/api", () => {
  let node: Devnet;
  let api: ApiPromise;
  let pairs: ReturnType<typeof devPairs>;

  beforeAll(async () => {
    node = await startDevnet({
      runtimes: [runtime],
      history: 20,
      manual: true,
      seed: 7,
    });
    api = await ApiPromise.create({
      provider: new WsProvider(node.wsUrl),
      noInitWarn: true,
      throwOnConnect: true,
    });
    pairs = devPairs();
  });
  afterAll(async () => {
    await api?.disconnect();
    await node?.close();
  });

  it("identifies as a subtensor chain", async () => {
    expect(api.genesisHash.toHex()).toBe(node.chain.genesisHash);
    expect(api.runtimeVersion.specName.toString()).toBe("node-subtensor");
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(393);
    expect((await api.rpc.system.chain()).toString()).toBe("Bittensor Devnet");
    const props = await api.rpc.system.properties();
    expect(props.ss58Format.unwrap().toNumber()).toBe(42);
    expect(props.tokenDecimals.unwrap().map((d) => d.toNumber())).toEqual([9]);
    expect(props.tokenSymbol.unwrap().map((d) => d.toString())).toEqual(["TAO"]);
    expect(api.runtimeMetadata.version).toBeGreaterThanOrEqual(14);
    expect(api.tx.balances.transferKeepAlive).toBeTypeOf("function");
    expect(api.query.subtensorModule?.subnetTAO).toBeTypeOf("function");
    const versions = await api.call.metadata.metadataVersions();
    expect(versions.toJSON()).toEqual([14, 15]);
  });

  it("serves headers whose hash is blake2-256 of the SCALE header, linked to their parents", async () => {
    let prev: Header | undefined;
    for (let n = 0; n <= 20; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const header = await api.rpc.chain.getHeader(hash);
      expect(blake2AsHex(header.toU8a())).toBe(hash.toHex());
      expect(header.number.toNumber()).toBe(n);
      if (prev) expect(header.parentHash.toHex()).toBe(prev.hash.toHex());
      if (n > 0) expect(header.digest.logs[0]?.isPreRuntime).toBe(true);
      prev = header;
    }
  });

  it("serves blocks starting with the timestamp inherent, and per-block events with phases", async () => {
    const hash = await api.rpc.chain.getBlockHash(5);
    const block = await api.rpc.chain.getBlock(hash);
    const first = block.block.extrinsics[0];
    expect(`${first?.method.section}.${first?.method.method}`).toBe("timestamp.set");
    const apiAt = await api.at(hash);
    const now = (await apiAt.query.timestamp.now()).toBigInt();
    expect(now.toString()).toBe(first?.method.args[0]?.toString());
    const events = await apiAt.query.system.events();
    expect(events.length).toBe(1);
    expect(events[0]?.phase.asApplyExtrinsic.toNumber()).toBe(0);
    expect(evNames(events)).toEqual(["system.ExtrinsicSuccess"]);
    expect((await apiAt.query.system.number()).toNumber()).toBe(5);
    expect((await apiAt.query.system.digest()).toHex()).toBe(
      (await api.rpc.chain.getHeader(hash)).digest.toHex(),
    );
    expect((await apiAt.query.system.lastRuntimeUpgrade()).unwrap().specVersion.toNumber()).toBe(393);
    expect((await apiAt.query.system.blockHash(4)).toHex()).toBe(
      (await api.rpc.chain.getBlockHash(4)).toHex(),
    );
  });

  it("includes a signed transferKeepAlive with the right events and fee, and keeps history", async () => {
    const before = await api.rpc.chain.getBlockHash();
    const aliceBefore = (await api.query.system.account(pairs.Alice.address)).data.free.toBigInt();
    const bobBefore = (await api.query.system.account(pairs.Bob.address)).data.free.toBigInt();
    const tx = api.tx.balances.transferKeepAlive(pairs.Bob.address, 5n * TAO);
    const info = await tx.paymentInfo(pairs.Alice);
    const { blockHash, events } = await sendAndInclude(node, tx, pairs.Alice);
    expect(evNames(events)).toEqual([
      "balances.Withdraw",
      "balances.Transfer",
      "transactionPayment.TransactionFeePaid",
      "system.ExtrinsicSuccess",
    ]);
    const feePaid = events[2]?.event.data.toJSON() as [string, number, number];
    const fee = BigInt(feePaid[1]);
    expect(fee).toBe(info.partialFee.toBigInt());
    expect(fee).toBeGreaterThan(0n);
    const at = await api.at(blockHash);
    expect((await at.query.system.account(pairs.Alice.address)).data.free.toBigInt()).toBe(
      aliceBefore - 5n * TAO - fee,
    );
    expect((await at.query.system.account(pairs.Alice.address)).nonce.toNumber()).toBe(1);
    expect((await at.query.system.account(pairs.Bob.address)).data.free.toBigInt()).toBe(
      bobBefore + 5n * TAO,
    );
    // The block before still shows the old balances (archive reads).
    const old = await api.at(before);
    expect((await old.query.system.account(pairs.Bob.address)).data.free.toBigInt()).toBe(bobBefore);
    const block = await api.rpc.chain.getBlock(blockHash);
    expect(block.block.extrinsics[1]?.signer.toString()).toBe(pairs.Alice.address);
    expect((await at.query.system.events())[1]?.phase.asApplyExtrinsic.toNumber()).toBe(1);
  });

  it("fails a dispatch with a module/token error, still charging the fee", async () => {
    const tx = api.tx.balances.transferKeepAlive(pairs.Charlie.address, 10_000_000n * TAO);
    const { events } = await sendAndInclude(node, tx, pairs.Dave);
    expect(evNames(events)).toEqual([
      "balances.Withdraw",
      "transactionPayment.TransactionFeePaid",
      "system.ExtrinsicFailed",
    ]);
    const failed = events[2]?.event.data.toJSON() as [unknown, unknown];
    expect(failed[0]).toEqual({ token: "FundsUnavailable" });
  });

  it("fails with a module error for a non-sudo caller of sudo", async () => {
    const { events } = await sendAndInclude(node, api.tx.sudo.sudo(api.tx.system.remark("0x00")), pairs.Bob);
    const failed = events.find((e) => e.event.method === "ExtrinsicFailed");
    const data = (failed?.event.data ?? []) as unknown as Array<{ isModule: boolean; asModule: never }>;
    const err = data[0];
    expect(err?.isModule).toBe(true);
    const meta = api.registry.findMetaError(err?.asModule as never);
    expect(`${meta.section}.${meta.name}`).toBe("sudo.RequireSudo");
  });

  it("notifies storage subscribers of changes (api.query with a callback)", async () => {
    const seen: bigint[] = [];
    const unsub = await api.query.system.account(pairs.Eve.address, (a) => {
      seen.push(a.data.free.toBigInt());
    });
    await waitUntil(() => seen.length === 1);
    await sendAndInclude(node, api.tx.balances.transferKeepAlive(pairs.Eve.address, 3n * TAO), pairs.Charlie);
    await waitUntil(() => seen.length === 2);
    unsub();
    expect((seen[1] as bigint) - (seen[0] as bigint)).toBe(3n * TAO);
  });

  it("runs utility.batch until the first failure", async () => {
    const tx = api.tx.utility.batch([
      api.tx.balances.transferKeepAlive(pairs.Eve.address, TAO),
      api.tx.balances.transferKeepAlive(pairs.Eve.address, 10_000_000n * TAO),
      api.tx.balances.transferKeepAlive(pairs.Eve.address, TAO),
    ]);
    const { events } = await sendAndInclude(node, tx, pairs.Ferdie);
    expect(evNames(events)).toEqual([
      "balances.Withdraw",
      "balances.Transfer",
      "utility.ItemCompleted",
      "utility.BatchInterrupted",
      "transactionPayment.TransactionFeePaid",
      "system.ExtrinsicSuccess",
    ]);
    const all = api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(pairs.Eve.address, TAO),
      api.tx.balances.transferKeepAlive(pairs.Eve.address, 10_000_000n * TAO),
    ]);
    const r = await sendAndInclude(node, all, pairs.Ferdie);
    expect(evNames(r.events)).toEqual([
      "balances.Withdraw",
      "transactionPayment.TransactionFeePaid",
      "system.ExtrinsicFailed",
    ]);
  });

  it("rejects a bad signature and a stale nonce with 1010, leaving state untouched", async () => {
    const ws = await RawWs.open(node.wsUrl);
    const nonceBefore = (await api.query.system.account(pairs.Alice.address)).nonce.toNumber();
    const signed = await api.tx.balances.transferKeepAlive(pairs.Bob.address, TAO).signAsync(pairs.Alice);
    const bytes = signed.toU8a();
    // Flip a byte of the signature: after the length prefix, version byte, MultiAddress::Id and the
    // MultiSignature variant byte.
    const tampered = new Uint8Array(bytes);
    const prefix = compactFromU8a(bytes)[0];
    const sigStart = prefix + 1 + 33 + 1;
    tampered[sigStart] = (tampered[sigStart] as number) ^ 0xff;
    const bad = await ws.call("author_submitExtrinsic", [u8aToHex(tampered)]);
    expect(bad.error).toEqual({
      code: 1010,
      message: "Invalid Transaction",
      data: "Transaction has a bad signature",
    });
    const stale = await api.tx.balances
      .transferKeepAlive(pairs.Bob.address, TAO)
      .signAsync(pairs.Alice, { nonce: 0 });
    const r = await ws.call("author_submitExtrinsic", [stale.toHex()]);
    expect(r.error).toEqual({ code: 1010, message: "Invalid Transaction", data: "Transaction is outdated" });
    const garbage = await ws.call("author_submitExtrinsic", ["0x0badbeef"]);
    expect(garbage.error?.code).toBe(1001);
    node.newBlocks(1);
    expect((await api.query.system.account(pairs.Alice.address)).nonce.toNumber()).toBe(nonceBefore);
    expect((await ws.call("author_pendingExtrinsics")).result).toEqual([]);
    // A correct one is accepted and shows up as pending until the next block.
    const good = await ws.call("author_submitExtrinsic", [signed.toHex()]);
    expect(good.result).toBe(signed.hash.toHex());
    expect((await ws.call("author_pendingExtrinsics")).result).toEqual([signed.toHex()]);
    expect((await ws.call("system_accountNextIndex", [pairs.Alice.address])).result).toBe(nonceBefore + 1);
    node.newBlocks(1);
    expect((await api.query.system.account(pairs.Alice.address)).nonce.toNumber()).toBe(nonceBefore + 1);
    ws.close();
  });

  it("works over HTTP with the same results", async () => {
    const http = await ApiPromise.create({ provider: new HttpProvider(node.httpUrl), noInitWarn: true });
    try {
      const hash = await http.rpc.chain.getBlockHash(3);
      expect(hash.toHex()).toBe(node.chain.blockByNumber(3)?.hash);
      const at = await http.at(hash);
      expect((await at.query.system.account(pairs.Alice.address)).data.free.toBigInt()).toBe(
        1_000_000n * TAO,
      );
      expect((await http.rpc.chain.getFinalizedHead()).toHex()).toBe(node.chain.finalized.hash);
    } finally {
      await http.disconnect();
    }
  });

  it("finality trails the best block by 2 and subscribers see new and finalized heads", async () => {
    const seenNew: number[] = [];
    const seenFin: number[] = [];
    const unsubNew = await api.rpc.chain.subscribeNewHeads((h) => {
      seenNew.push(h.number.toNumber());
    });
    const unsubFin = await api.rpc.chain.subscribeFinalizedHeads((h) => {
      seenFin.push(h.number.toNumber());
    });
    const start = node.chain.best.number;
    node.newBlocks(3);
    await waitUntil(() => seenNew.includes(start + 3) && seenFin.includes(start + 1));
    unsubNew();
    unsubFin();
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    const fin = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    expect(best - fin).toBe(2);
  });
});

describe("devnet reorgs and runtime upgrades", () => {
  it("replaces up to 5 unfinalized blocks with a longer fork that subscribers see", async () => {
    const node = await startDevnet({
      runtimes: [runtime],
      history: 12,
      manual: true,
      finalityLag: 6,
    });
    const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      const heads: Array<{ n: number; hash: string; parent: string }> = [];
      const unsub = await api.rpc.chain.subscribeNewHeads((h) => {
        heads.push({ n: h.number.toNumber(), hash: h.hash.toHex(), parent: h.parentHash.toHex() });
      });
      await waitUntil(() => heads.length > 0);
      const oldHashes = [8, 9, 10, 11, 12].map((n) => node.chain.blockByNumber(n)?.hash);
      const ws = await RawWs.open(node.wsUrl);
      expect((await ws.call("dev_reorg", [7])).error?.code).toBe(-32602); // would touch finalized blocks
      const newBest = (await ws.call("dev_reorg", [5])).result as string;
      await waitUntil(() => heads.some((h) => h.hash === newBest));
      unsub();
      ws.close();
      const last = heads[heads.length - 1] as { n: number; hash: string; parent: string };
      expect(last.n).toBe(13);
      // The new head does not descend from the old #12: a reorg is visible to the subscriber.
      const newAt12 = (await api.rpc.chain.getBlockHash(12)).toHex();
      expect(newAt12).not.toBe(oldHashes[4]);
      expect(last.parent).toBe(newAt12);
      for (let i = 0; i < 5; i++)
        expect((await api.rpc.chain.getBlockHash(8 + i)).toHex()).not.toBe(oldHashes[i]);
      expect((await api.rpc.chain.getBlockHash(7)).toHex()).toBe(node.chain.blockByNumber(7)?.hash);
      // Orphaned blocks stay readable by hash.
      const orphan = await api.rpc.chain.getHeader(oldHashes[4]);
      expect(orphan.number.toNumber()).toBe(12);
      expect((await (await api.at(oldHashes[4] as string)).query.system.number()).toNumber()).toBe(12);
    } finally {
      await api.disconnect();
      await node.close();
    }
  });

  it("upgrades the runtime through sudo(system.setCode): new spec and metadata from that block on", async () => {
    const next = builtRuntime(394);
    const node = await startDevnet({
      runtimes: [runtime, next],
      history: 3,
      manual: true,
    });
    const api = await ApiPromise.create({ provider: new WsProvider(node.wsUrl), noInitWarn: true });
    try {
      const pairs = devPairs();
      const versions: number[] = [];
      const unsub = await api.rpc.state.subscribeRuntimeVersion((v) => {
        versions.push(v.specVersion.toNumber());
      });
      const before = await api.rpc.chain.getBlockHash();
      const tx = api.tx.sudo.sudo(api.tx.system.setCode(u8aToHex(next.code)));
      const { events, blockHash } = await sendAndInclude(node, tx, pairs.Alice);
      expect(evNames(events)).toContain("system.CodeUpdated");
      expect(evNames(events)).toContain("sudo.Sudid");
      await waitUntil(() => versions.includes(394));
      unsub();
      expect(versions).toEqual([393, 394]);
      expect((await api.rpc.state.getRuntimeVersion(before)).specVersion.toNumber()).toBe(393);
      expect((await api.rpc.state.getRuntimeVersion(blockHash)).specVersion.toNumber()).toBe(394);
      const md = await api.rpc.state.getMetadata(blockHash);
      const version = md.asLatest.pallets
        .find((p) => p.name.toString() === "System")
        ?.constants.find((c) => c.name.toString() === "Version");
      expect(version?.value.toHex()).toContain(
        u8aToHex(new Uint8Array([394 & 0xff, 394 >> 8, 0, 0])).slice(2),
      );
      // A later transfer is executed by the new runtime.
      node.newBlocks(1);
      const r = await sendAndInclude(
        node,
        api.tx.balances.transferKeepAlive(pairs.Bob.address, TAO),
        pairs.Alice,
      );
      expect(evNames(r.events)).toContain("balances.Transfer");
      expect(node.chain.blockByHash(r.blockHash)?.runtime.version.specVersion).toBe(394);
      expect(hexToU8a(r.blockHash).length).toBe(32);
    } finally {
      await api.disconnect();
      await node.close();
    }
  });
});

async function waitUntil(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
