// pallet_sudo: the sudo key dispatches calls as Root (used for runtime upgrades and hyperparameters).
import type { Call } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import { u8aEq } from "@polkadot/util";
import { DispatchFailure } from "../types";
import { addWeight, type ExecContext, ensureSigned, type Pallet, weight } from "./pallet";

function ensureSudo(ctx: ExecContext, who: Uint8Array): void {
  const key = ctx.codec.read(ctx.storage, "Sudo", "Key");
  if (!key || !u8aEq(key.toU8a(true), who)) ctx.codec.fail("Sudo", "RequireSudo");
}

function runAsRoot(ctx: ExecContext, call: Call): void {
  let result: unknown = { Ok: null };
  try {
    ctx.dispatch(call, { kind: "root" });
  } catch (e) {
    if (!(e instanceof DispatchFailure)) throw e;
    result = { Err: e.value };
  }
  ctx.deposit("Sudo", "Sudid", [result]);
}

export function sudoPallet(weightOf: (c: Call) => ReturnType<ExecContext["weightOf"]>): Pallet {
  return {
    name: "Sudo",
    genesis: ({ codec, storage, config }) => {
      if (config.sudo) codec.write(storage, "Sudo", "Key", [], config.sudo);
    },
    calls: {
      sudo: {
        weight: (args) => addWeight(weightOf(args[0] as unknown as Call), weight(10_000_000)),
        handler: (ctx, origin, args) => {
          ensureSudo(ctx, ensureSigned(origin));
          runAsRoot(ctx, args[0] as unknown as Call);
        },
      },
      sudo_unchecked_weight: {
        weight: (args) => {
          const w = (args[1] as Codec).toJSON() as { refTime?: number; proofSize?: number };
          return weight(BigInt(w.refTime ?? 0), BigInt(w.proofSize ?? 0));
        },
        handler: (ctx, origin, args) => {
          ensureSudo(ctx, ensureSigned(origin));
          runAsRoot(ctx, args[0] as unknown as Call);
        },
      },
    },
  };
}
