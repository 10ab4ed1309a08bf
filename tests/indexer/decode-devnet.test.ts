import { Keyring } from "@polkadot/keyring";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { blake2AsHex } from "@polkadot/util-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { codeFor } from "../../devnet/node/runtime/compose";
import { makeCall, signCall } from "../../devnet/node/signer";
import { finneyRuntime } from "../../devnet/node/testing/harness";
import {
  bisectSpecSegments,
  decodeBlock,
  fetchAuraAuthorities,
  fetchRawBlockByHash,
  fetchRawRange,
  type Hex,
  type RawHeader,
  RuntimeProvider,
  rpcSpecProbe,
} from "../../indexer/decode";
import { createRpcClient, WsRpcClient } from "../../indexer/rpc";

// The devnet composes its runtimes from the Finney metadata fixture; without ../shared there is no devnet.
const base = finneyRuntime(393);
const upgraded = finneyRuntime(394);
if (!base || !upgraded)
  console.warn("[decode-devnet] skipped: ../shared/fixtures/finney is absent (devnet needs it)");

const TRANSFER_1 = 1_000_000_000_123n;
const TRANSFER_2 = 777_000_000_000n;

describe.skipIf(!base || !upgraded)("fetch and decode devnet blocks end to end", () => {
  let dev: Devnet;
  let upgradeBlock = -1;
  let head = -1;
  const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
  const alice = keyring.addFromUri("//Alice");
  const bob = keyring.addFromUri("//Bob");

  beforeAll(async () => {
    dev = await startDevnet({
      runtimes: [base!, upgraded!],
      history: 10,
      manual: true,
      port: 0,
      host: "127.0.0.1",
    });
    const chain = dev.chain;
    const transfer = (amount: bigint) =>
      chain.submit(
        signCall(chain, alice, makeCall(chain, "Balances", "transfer_keep_alive", [bob.address, amount])),
      );
    transfer(TRANSFER_1);
    dev.newBlocks(1);
    const setCode = makeCall(chain, "System", "set_code", [u8aToHex(codeFor(394))]);
    chain.submit(signCall(chain, alice, makeCall(chain, "Sudo", "sudo", [setCode])));
    dev.newBlocks(1);
    upgradeBlock = chain.best.number;
    transfer(TRANSFER_2);
    dev.newBlocks(5);
    head = chain.best.number;
  });

  afterAll(async () => {
    await dev?.close();
  });

  it.each(["http", "ws"] as const)(
    "over %s: every block matches the node, upgrade decoded with the parent's runtime",
    async (transport) => {
      const client = createRpcClient(transport === "http" ? dev.httpUrl : dev.wsUrl, { timeoutMs: 10_000 });
      try {
        const raw = await fetchRawRange(client, 0, head);
        raw.forEach((b) => {
          const record = dev.chain.blockByNumber(b.number)!;
          expect(b.hash).toBe(record.hash);
          expect(b.extrinsics).toEqual(record.extrinsics.map((x) => u8aToHex(x)));
        });

        const segments = await bisectSpecSegments(rpcSpecProbe(client), 0, head);
        expect(segments.toJSON()).toEqual([
          { from: 0, to: upgradeBlock - 1, specVersion: 393 },
          { from: upgradeBlock, to: head, specVersion: 394 },
        ]);

        const runtimes = new RuntimeProvider(client);
        const decoded = [];
        for (const b of raw) {
          const stateHash = b.number === 0 ? b.hash : b.parentHash;
          const runtime = await runtimes.get(segments.specAt(b.number), stateHash);
          const authorities = b.number === 0 ? [] : await fetchAuraAuthorities(client, runtime, stateHash);
          decoded.push(decodeBlock(b, runtime, { authorities }));
        }
        expect(runtimes.fetches).toBe(2);
        expect(decoded[upgradeBlock]!.specVersion).toBe(393);
        expect(decoded[upgradeBlock + 1]!.specVersion).toBe(394);

        for (const d of decoded) {
          expect(d.extrinsics.every((x) => x.decodeError === null)).toBe(true);
          expect(d.events.every((e) => e.decodeError === null)).toBe(true);
          d.extrinsics.forEach((x, i) => {
            expect(x.hash).toBe(blake2AsHex(hexToU8a(raw[d.header.number]!.extrinsics[i]!)));
          });
          if (d.header.number > 0) {
            expect(d.header.author).toBe(alice.address);
            expect(d.timestampMs).toBeGreaterThan(decoded[d.header.number - 1]!.timestampMs ?? 0);
          }
        }

        const transfers = decoded.flatMap((d) =>
          d.extrinsics.filter((x) => x.section === "balances").map((x) => ({ x, events: d.events })),
        );
        expect(transfers.map(({ x }) => x.args)).toEqual([
          { dest: { Id: bob.address }, value: TRANSFER_1.toString() },
          { dest: { Id: bob.address }, value: TRANSFER_2.toString() },
        ]);
        for (const { x, events } of transfers) {
          expect(x).toMatchObject({ signed: true, signer: alice.address, success: true, era: "immortal" });
          const feePaid = events.find(
            (e) => e.method === "TransactionFeePaid" && e.extrinsicIndex === x.index,
          )!;
          expect(x.fee).toBe((feePaid.args as { actual_fee: string }).actual_fee);
        }
        const sudo = decoded[upgradeBlock]!.extrinsics[1]!;
        expect(sudo).toMatchObject({ section: "sudo", method: "sudo", success: true });
        expect(
          decoded[upgradeBlock]!.events.some((e) => e.section === "system" && e.method === "CodeUpdated"),
        ).toBe(true);
      } finally {
        await client.close();
      }
    },
  );

  it("follows new heads over a WebSocket subscription and decodes them by hash", async () => {
    const client = new WsRpcClient(dev.wsUrl, { timeoutMs: 10_000 });
    try {
      const heads: RawHeader[] = [];
      const sub = await client.subscribe<RawHeader>(
        { method: "chain_subscribeNewHeads", unsubscribeMethod: "chain_unsubscribeNewHeads" },
        { onData: (h) => heads.push(h) },
      );
      dev.newBlocks(2);
      const deadline = Date.now() + 5_000;
      while (!heads.some((h) => Number.parseInt(h.number, 16) === head + 2) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await sub.unsubscribe();
      const newest = heads.find((h) => Number.parseInt(h.number, 16) === head + 2)!;
      expect(newest).toBeDefined();
      const hash = dev.chain.blockByNumber(head + 2)!.hash as Hex;
      const raw = await fetchRawBlockByHash(client, hash);
      expect(raw.number).toBe(head + 2);
      const runtime = await new RuntimeProvider(client).get(394, raw.parentHash);
      expect(decodeBlock(raw, runtime).extrinsics[0]).toMatchObject({ section: "timestamp", method: "set" });
    } finally {
      await client.close();
    }
  });
});
