// frame_system: accounts (nonce, providers, balances data), block bookkeeping and its calls.
import type { Struct } from "@polkadot/types";
import type { Codec } from "@polkadot/types/types";
import { blake2AsU8a } from "@polkadot/util-crypto";
import type { StorageReader, StorageWriter } from "../types";
import { DispatchFailure } from "../types";
import type { RuntimeCodec } from "./codec";
import { type ExecContext, ensureRoot, ensureSigned, type Pallet, weight } from "./pallet";

export interface AccountInfo {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  free: bigint;
  reserved: bigint;
  frozen: bigint;
  flags: bigint;
}

const big = (c: Codec | undefined): bigint => BigInt((c ?? 0).toString());

/** Byte layout of AccountInfo<u32, AccountData<Balance>>, checked against createType once per runtime. */
interface AccountLayout {
  balanceBytes: number;
  flagsBytes: number;
}

const layouts = new WeakMap<RuntimeCodec, AccountLayout | null>();

function leUint(bytes: Uint8Array, off: number, len: number): bigint {
  let x = 0n;
  for (let i = off + len - 1; i >= off; i--) x = (x << 8n) | BigInt(bytes[i] ?? 0);
  return x;
}

function putUint(out: Uint8Array, off: number, len: number, v: bigint): void {
  let x = v;
  for (let i = 0; i < len; i++) {
    out[off + i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

function encodeAccount(l: AccountLayout, a: AccountInfo): Uint8Array {
  const out = new Uint8Array(16 + 3 * l.balanceBytes + l.flagsBytes);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, a.nonce, true);
  dv.setUint32(4, a.consumers, true);
  dv.setUint32(8, a.providers, true);
  dv.setUint32(12, a.sufficients, true);
  putUint(out, 16, l.balanceBytes, a.free);
  putUint(out, 16 + l.balanceBytes, l.balanceBytes, a.reserved);
  putUint(out, 16 + 2 * l.balanceBytes, l.balanceBytes, a.frozen);
  putUint(out, 16 + 3 * l.balanceBytes, l.flagsBytes, a.flags);
  return out;
}

function decodeAccount(l: AccountLayout, b: Uint8Array): AccountInfo {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    nonce: dv.getUint32(0, true),
    consumers: dv.getUint32(4, true),
    providers: dv.getUint32(8, true),
    sufficients: dv.getUint32(12, true),
    free: leUint(b, 16, l.balanceBytes),
    reserved: leUint(b, 16 + l.balanceBytes, l.balanceBytes),
    frozen: leUint(b, 16 + 2 * l.balanceBytes, l.balanceBytes),
    flags: leUint(b, 16 + 3 * l.balanceBytes, l.flagsBytes),
  };
}

function accountLayout(codec: RuntimeCodec): AccountLayout | null {
  let l = layouts.get(codec);
  if (l !== undefined) return l;
  const probe: AccountInfo = {
    nonce: 1,
    consumers: 2,
    providers: 3,
    sufficients: 4,
    free: 5n,
    reserved: 6n,
    frozen: 7n,
    flags: 1n << 127n,
  };
  const slow = codec.registry
    .createType(codec.valueType("System", "Account"), {
      nonce: 1,
      consumers: 2,
      providers: 3,
      sufficients: 4,
      data: { free: 5n, reserved: 6n, frozen: 7n, flags: 1n << 127n },
    })
    .toU8a();
  l = null;
  for (const balanceBytes of [8, 16]) {
    const candidate = { balanceBytes, flagsBytes: 16 };
    const fast = encodeAccount(candidate, probe);
    if (fast.length === slow.length && fast.every((x, i) => x === slow[i])) l = candidate;
  }
  layouts.set(codec, l);
  return l;
}

export function readAccount(codec: RuntimeCodec, state: StorageReader, who: Uint8Array): AccountInfo {
  const layout = accountLayout(codec);
  if (layout) {
    const raw = state.get(codec.key("System", "Account", who));
    if (!raw)
      return {
        nonce: 0,
        consumers: 0,
        providers: 0,
        sufficients: 0,
        free: 0n,
        reserved: 0n,
        frozen: 0n,
        flags: 0n,
      };
    return decodeAccount(layout, raw);
  }
  const info = codec.read<Struct>(state, "System", "Account", who) as Struct;
  const data = info.get("data") as Struct;
  return {
    nonce: Number(big(info.get("nonce"))),
    consumers: Number(big(info.get("consumers"))),
    providers: Number(big(info.get("providers"))),
    sufficients: Number(big(info.get("sufficients"))),
    free: big(data.get("free")),
    reserved: big(data.get("reserved")),
    frozen: big(data.get("frozen")),
    flags: big(data.get("flags")),
  };
}

/** Writes an account; an account with no providers/sufficients and no balance is removed, like frame_system. */
export function writeAccount(
  codec: RuntimeCodec,
  state: StorageWriter,
  who: Uint8Array,
  a: AccountInfo,
): void {
  if (a.providers === 0 && a.sufficients === 0 && a.free === 0n && a.reserved === 0n) {
    codec.remove(state, "System", "Account", who);
    return;
  }
  const layout = accountLayout(codec);
  if (layout) {
    state.set(codec.key("System", "Account", who), encodeAccount(layout, a));
    return;
  }
  codec.write(state, "System", "Account", [who], {
    nonce: a.nonce,
    consumers: a.consumers,
    providers: a.providers,
    sufficients: a.sufficients,
    data: { free: a.free, reserved: a.reserved, frozen: a.frozen, flags: a.flags },
  });
}

/** The value `flags` gets on new accounts (the "new logic" bit of pallet_balances). */
export const NEW_ACCOUNT_FLAGS = 1n << 127n;

export const systemPallet: Pallet = {
  name: "System",
  calls: {
    remark: {
      weight: weight(2_000_000),
      handler: (_ctx, origin) => {
        ensureSigned(origin);
      },
    },
    remark_with_event: {
      weight: weight(8_000_000),
      handler: (ctx, origin, args) => {
        const who = ensureSigned(origin);
        const remark = (args[0] as Codec).toU8a(true);
        ctx.deposit("System", "Remarked", [who, blake2AsU8a(remark)]);
      },
    },
    set_code: {
      weight: weight(100_000_000_000n),
      class: "Operational",
      handler: (ctx, origin, args) => setCode(ctx, origin, (args[0] as Codec).toU8a(true)),
    },
    set_code_without_checks: {
      weight: weight(100_000_000_000n),
      class: "Operational",
      handler: (ctx, origin, args) => setCode(ctx, origin, (args[0] as Codec).toU8a(true)),
    },
  },
};

export const CODE_KEY = "0x3a636f6465"; // ":code"

function setCode(ctx: ExecContext, origin: Parameters<typeof ensureRoot>[0], code: Uint8Array): void {
  ensureRoot(origin);
  const spec = ctx.host.specOfCode(code);
  if (spec === undefined)
    throw new DispatchFailure(
      ctx.codec.moduleError("System", "FailedToExtractRuntimeVersion"),
      "FailedToExtractRuntimeVersion",
    );
  if (spec <= ctx.host.specVersion)
    throw new DispatchFailure(
      ctx.codec.moduleError("System", "SpecVersionNeedsToIncrease"),
      "SpecVersionNeedsToIncrease",
    );
  ctx.storage.set(CODE_KEY, code);
  ctx.deposit("System", "CodeUpdated", []);
}
