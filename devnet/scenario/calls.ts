// Builds `Call`s of the runtime that executes the next block from positional arguments. Field types and
// call indexes are resolved once per runtime (the metadata changes at the spec upgrade) and the call is
// created from its SCALE bytes, which keeps multi-word argument names (`amount_staked`) intact.
import type { Call } from "@polkadot/types/interfaces";
import { u8aConcat } from "@polkadot/util";
import type { Chain } from "../node/chain";
import type { ComposedRuntime } from "../node/runtime/compose";
import { buildFastEncoder, type FastEncoder } from "../node/runtime/fastCodec";

interface Resolved {
  index: Uint8Array;
  types: string[];
  /** Hand-written encoders per argument (undefined: createType). */
  fast: Array<FastEncoder | undefined>;
}

export class CallFactory {
  private readonly cache = new WeakMap<ComposedRuntime, Map<string, Resolved>>();

  constructor(private readonly chain: Chain) {}

  private resolve(runtime: ComposedRuntime, pallet: string, call: string): Resolved {
    let byName = this.cache.get(runtime);
    if (!byName) {
      byName = new Map();
      this.cache.set(runtime, byName);
    }
    const id = `${pallet}.${call}`;
    let r = byName.get(id);
    if (!r) {
      const registry = runtime.codec.registry;
      const index = runtime.codec.callIndex(pallet, call);
      const meta = registry.findMetaCall(index);
      r = {
        index,
        types: meta.meta.fields.map((f) => registry.createLookupType(f.type)),
        fast: meta.meta.fields.map((f) => buildFastEncoder(registry.lookup, f.type.toNumber())),
      };
      byName.set(id, r);
    }
    return r;
  }

  make(pallet: string, call: string, args: unknown[]): Call {
    const runtime = this.chain.runtimeAt(this.chain.best);
    const { index, types, fast } = this.resolve(runtime, pallet, call);
    const registry = runtime.codec.registry;
    const parts = types.map((t, i) => {
      const a = args[i];
      // A nested call (sudo) is passed already built: its bytes are the encoding.
      if (a && typeof a === "object" && "toU8a" in a && typeof a.toU8a === "function") return a.toU8a();
      return fast[i]?.(a) ?? registry.createType(t, a).toU8a();
    });
    return registry.createType("Call", u8aConcat(index, ...parts)) as Call;
  }
}
