// The runtime codec's fast paths (hand-rolled keys, account and event encodings) must equal what
// @polkadot/types produces from the metadata.

import { decorateStorage } from "@polkadot/types/metadata";
import { compactStripLength, u8aToHex } from "@polkadot/util";
import { describe, expect, it } from "vitest";
import { readAccount, writeAccount } from "../../devnet/node/runtime/system";
import { Overlay } from "../../devnet/node/state/overlay";
import { builtRuntime, finneyRuntime } from "../../devnet/node/testing/harness";

const ALICE = new Uint8Array(32).map((_, i) => i + 1);

describe.each([
  ["our metadata", () => builtRuntime(393)],
  ["Finney spec 393 metadata", () => finneyRuntime(393)],
])("runtime codec over %s", (_name, get) => {
  it("builds storage keys like @polkadot/types", (ctx) => {
    const runtime = get();
    if (!runtime) return ctx.skip();
    const { codec } = runtime;
    const decorated = decorateStorage(
      codec.registry,
      codec.bundle.metadata.asLatest,
      codec.bundle.metadata.version,
    );
    const slow = (section: string, item: string, args: unknown[]) => {
      const fn = decorated[section]?.[item];
      if (!fn) throw new Error(`${section}.${item}`);
      const raw = fn(...args);
      return u8aToHex(compactStripLength(raw)[1]);
    };
    expect(codec.key("System", "Account", ALICE)).toBe(slow("system", "account", [ALICE]));
    expect(codec.key("System", "BlockHash", 1234)).toBe(slow("system", "blockHash", [1234]));
    expect(codec.key("System", "Number")).toBe(slow("system", "number", []));
    expect(codec.key("SubtensorModule", "Alpha", ALICE, ALICE, 7)).toBe(
      slow("subtensorModule", "alpha", [ALICE, ALICE, 7]),
    );
    expect(codec.key("SubtensorModule", "SubnetTAO", 3)).toBe(slow("subtensorModule", "subnetTAO", [3]));
  });

  it("encodes accounts and events like @polkadot/types", (ctx) => {
    const runtime = get();
    if (!runtime) return ctx.skip();
    const { codec } = runtime;
    const state = new Overlay({ get: () => undefined, keys: () => [] });
    const info = {
      nonce: 5,
      consumers: 1,
      providers: 2,
      sufficients: 0,
      free: 123_456_789_012n,
      reserved: 7n,
      frozen: 3n,
      flags: 1n << 127n,
    };
    writeAccount(codec, state, ALICE, info);
    const raw = state.get(codec.key("System", "Account", ALICE));
    const typed = codec.registry.createType(codec.valueType("System", "Account"), raw).toJSON() as {
      nonce: number;
      data: { free: number | string };
    };
    expect(typed.nonce).toBe(5);
    expect(BigInt(typed.data.free)).toBe(123_456_789_012n);
    expect(readAccount(codec, state, ALICE)).toEqual(info);
    const ev = codec.encodeEvent("Balances", "Transfer", [ALICE, ALICE, 42n]);
    const decoded = codec.registry.createType("Event", ev);
    expect(`${decoded.section}.${decoded.method}`).toBe("balances.Transfer");
    expect(BigInt(decoded.data[2]?.toString() ?? "")).toBe(42n);
  });
});
