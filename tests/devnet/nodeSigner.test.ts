// In-process signing: the fast ed25519 path must produce the exact bytes @polkadot/types produces, verify
// on the node, and be accepted by the trusted fast path with nonce/fee checks intact.
import { Keyring } from "@polkadot/keyring";
import { u8aToHex } from "@polkadot/util";
import { blake2AsU8a, cryptoWaitReady } from "@polkadot/util-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devPairs } from "../../devnet/node/genesis";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { readAccount } from "../../devnet/node/runtime/system";
import { Ed25519Signer, fastSign, makeCall, signCall } from "../../devnet/node/signer";
import { builtRuntime, RawWs } from "../../devnet/node/testing/harness";
import { TransactionRejected } from "../../devnet/node/types";

describe("in-process signing", () => {
  let node: Devnet;
  const label = "taoview/test/ed25519/0";

  beforeAll(async () => {
    await cryptoWaitReady();
    node = await startDevnet({ runtimes: [builtRuntime(393)], history: 3, manual: true });
  });
  afterAll(async () => {
    await node?.close();
  });

  it("fastSign matches @polkadot/types signing byte for byte", () => {
    const signer = Ed25519Signer.fromLabel(label);
    const pair = new Keyring({ type: "ed25519" }).addFromSeed(blake2AsU8a(label));
    expect(u8aToHex(signer.publicKey)).toBe(u8aToHex(pair.publicKey));
    const call = makeCall(node.chain, "Balances", "transfer_keep_alive", [
      { Id: devPairs().Bob.publicKey },
      12_345n,
    ]);
    const slow = signCall(node.chain, pair, call, { nonce: 7, tip: 3n });
    const fast = fastSign(node.chain, signer, call, 7, 3n);
    expect(u8aToHex(fast.bytes)).toBe(u8aToHex(slow));
  });

  it("fast-signed extrinsics verify over RPC and the trusted path still checks nonces", async () => {
    const chain = node.chain;
    const alice = devPairs().Alice;
    const signer = Ed25519Signer.fromLabel(label);
    // Fund the ed25519 account from Alice (sr25519, verified the slow way).
    const fund = makeCall(chain, "Balances", "transfer_keep_alive", [{ Id: signer.publicKey }, 10n ** 12n]);
    chain.submit(signCall(chain, alice, fund));
    node.newBlocks(1);
    const codec = chain.runtimeAt(chain.best).codec;
    expect(readAccount(codec, chain.reader(chain.best), signer.publicKey).free).toBe(10n ** 12n);

    const ws = await RawWs.open(node.wsUrl);
    const pay = (n: number) =>
      fastSign(
        chain,
        signer,
        makeCall(chain, "Balances", "transfer_keep_alive", [{ Id: alice.publicKey }, 1_000n]),
        n,
      );
    const first = pay(0);
    expect((await ws.call("author_submitExtrinsic", [u8aToHex(first.bytes)])).result).toBe(first.hash);
    const second = pay(1);
    expect(chain.submitTrusted(second)).toBe(second.hash);
    node.newBlocks(1);
    expect(readAccount(codec, chain.reader(chain.best), signer.publicKey).nonce).toBe(2);
    expect(() => chain.submitTrusted(pay(0))).toThrow(TransactionRejected);
    // A tampered signature is refused by the node.
    const bad = pay(2).bytes.slice();
    bad[40] = (bad[40] as number) ^ 1;
    const r = await ws.call("author_submitExtrinsic", [u8aToHex(bad)]);
    expect(r.error).toEqual({
      code: 1010,
      message: "Invalid Transaction",
      data: "Transaction has a bad signature",
    });
    ws.close();
  });

  it("signs 1,000 transfers per block fast enough for scenario pre-building", () => {
    const chain = node.chain;
    const signer = Ed25519Signer.fromLabel(label);
    const call = makeCall(chain, "Balances", "transfer_keep_alive", [
      { Id: devPairs().Bob.publicKey },
      1_000n,
    ]);
    const nonce = readAccount(
      chain.runtimeAt(chain.best).codec,
      chain.reader(chain.best),
      signer.publicKey,
    ).nonce;
    const t0 = performance.now();
    for (let i = 0; i < 300; i++) chain.submitTrusted(fastSign(chain, signer, call, nonce + i));
    const t1 = performance.now();
    node.newBlocks(1);
    const t2 = performance.now();
    console.log(
      `300 fast-signed transfers: sign+queue ${(t1 - t0).toFixed(0)} ms, block ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(chain.best.extrinsics.length).toBe(301);
    expect(chain.pending()).toEqual([]);
  });
});
