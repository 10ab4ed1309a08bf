// Test helpers for the economy suites: an in-process chain over our metadata with the economy pallets,
// signed extrinsics through the node's real path (decode, signature, nonce, fee), and typed reads.
import type { KeyringPair } from "@polkadot/keyring/types";
import type { Codec } from "@polkadot/types/types";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { type EconomyGenesis, type EconomyRules, economyPallets } from "../../devnet/economy";
import { buildMetadata, type RuntimeVariant } from "../../devnet/metadata";
import { Chain } from "../../devnet/node/chain";
import { devGenesis, devPairs } from "../../devnet/node/genesis";
import { type ComposedRuntime, composeRuntime } from "../../devnet/node/runtime/compose";
import { makeCall as nodeMakeCall, signCall } from "../../devnet/node/signer";
import { Store } from "../../devnet/pallets/subtensor/store";

export const TAO = 1_000_000_000n;

/** A call from pallet/call names and positional args (the node's makeCall). */
export const makeCall = nodeMakeCall;

export function economyRuntime(
  variant: RuntimeVariant,
  genesis: EconomyGenesis = {},
  rules?: EconomyRules,
  specVersion = 393,
): ComposedRuntime {
  return composeRuntime({
    metadata: buildMetadata({ specVersion, variant }),
    specVersion,
    pallets: economyPallets({ specVersion, variant, rules, genesis }),
  });
}

export interface EventRow {
  section: string;
  method: string;
  data: unknown[];
  extrinsic: number | null;
}

export class EconChain {
  readonly chain: Chain;
  readonly pairs = devPairs();

  private constructor(runtime: ComposedRuntime) {
    this.chain = new Chain({ runtimes: [runtime], genesis: devGenesis({ seed: 1 }), blockTimeMs: 12_000 });
  }

  static async create(variant: RuntimeVariant, genesis: EconomyGenesis = {}): Promise<EconChain> {
    await cryptoWaitReady();
    return new EconChain(economyRuntime(variant, genesis));
  }

  get runtime(): ComposedRuntime {
    return this.chain.runtimeAt(this.chain.best);
  }

  get store(): Store {
    return new Store(this.runtime.codec, this.chain.reader(this.chain.best));
  }

  storeAt(n: number): Store {
    const b = this.chain.blockByNumber(n);
    if (!b) throw new Error(`no block ${n}`);
    return new Store(b.runtime.codec, this.chain.reader(b));
  }

  blocks(n: number): void {
    for (let i = 0; i < n; i++) this.chain.produceBlock();
  }

  /** Submits a signed call, builds one block, returns the events of that extrinsic (and whether it succeeded). */
  send(
    pair: KeyringPair,
    pallet: string,
    call: string,
    args: unknown[],
  ): { ok: boolean; events: EventRow[]; error?: unknown } {
    this.chain.submit(signCall(this.chain, pair, makeCall(this.chain, pallet, call, args)));
    this.chain.produceBlock();
    const events = this.events();
    const signed = events.filter((e) => e.extrinsic !== null && e.extrinsic > 0);
    const idx = signed.at(-1)?.extrinsic;
    const mine = events.filter((e) => e.extrinsic === idx);
    const failed = mine.find((e) => e.section === "system" && e.method === "ExtrinsicFailed");
    return { ok: !failed, events: mine, error: failed?.data[0] };
  }

  sudo(pallet: string, call: string, args: unknown[]) {
    const inner = makeCall(this.chain, pallet, call, args);
    return this.send(this.pairs.Alice, "Sudo", "sudo", [inner]);
  }

  events(n = this.chain.best.number): EventRow[] {
    const b = this.chain.blockByNumber(n);
    if (!b) throw new Error(`no block ${n}`);
    const recs = b.runtime.codec.read(this.chain.reader(b), "System", "Events") as unknown as Array<{
      phase: { isApplyExtrinsic: boolean; asApplyExtrinsic: Codec };
      event: { section: string; method: string; data: Codec[] };
    }>;
    return [...recs].map((r) => ({
      section: r.event.section,
      method: r.event.method,
      data: [...r.event.data].map((d) => d.toJSON()),
      extrinsic: r.phase.isApplyExtrinsic ? Number(r.phase.asApplyExtrinsic.toString()) : null,
    }));
  }

  /** The module error name of a failed dispatch's `DispatchError` JSON. */
  errorName(error: unknown): string {
    if (error === undefined) return "";
    const m = (error as { module?: { index: number; error: string } }).module;
    if (!m) return JSON.stringify(error);
    const reg = this.runtime.codec.registry;
    const meta = reg.findMetaError(new Uint8Array([m.index, Number.parseInt(m.error.slice(2, 4), 16)]));
    return `${meta.section}.${meta.name}`;
  }

  free(pair: KeyringPair | Uint8Array): bigint {
    const id = pair instanceof Uint8Array ? pair : pair.publicKey;
    const acc = this.runtime.codec.read(
      this.chain.reader(this.chain.best),
      "System",
      "Account",
      id,
    ) as unknown as {
      data: { free: Codec };
    };
    return BigInt(acc.data.free.toString());
  }
}

/** Σ SubnetTAO over every subnet. */
export function poolTao(st: Store): bigint {
  return st.netuids().reduce((a, n) => a + st.big("SubnetTAO", n), 0n);
}

export function balancesIssuance(st: Store): bigint {
  return BigInt(st.read("Balances", "TotalIssuance")?.toString() ?? "0");
}
