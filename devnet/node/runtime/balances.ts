// pallet_balances: free balances with the existential deposit, transfers, fee withdrawal.
// Errors follow the fungible traits the current pallet uses: Token(FundsUnavailable | NotExpendable |
// BelowMinimum) rather than the legacy InsufficientBalance/KeepAlive module errors.
import type { Codec } from "@polkadot/types/types";
import { u8aEq } from "@polkadot/util";
import { DispatchFailure, type StorageWriter, TransactionRejected } from "../types";
import type { RuntimeCodec } from "./codec";
import { type ExecContext, ensureSigned, type Pallet, weight } from "./pallet";
import { type AccountInfo, NEW_ACCOUNT_FLAGS, readAccount, writeAccount } from "./system";

const edCache = new WeakMap<RuntimeCodec, bigint>();

export function existentialDeposit(codec: RuntimeCodec): bigint {
  let ed = edCache.get(codec);
  if (ed === undefined) {
    ed = BigInt(codec.constant("Balances", "ExistentialDeposit").toString());
    edCache.set(codec, ed);
  }
  return ed;
}

function token(kind: string): DispatchFailure {
  return new DispatchFailure({ Token: kind }, `Token.${kind}`);
}

export function totalIssuance(codec: RuntimeCodec, state: StorageWriter): bigint {
  return codec.readBig(state, "Balances", "TotalIssuance");
}

export function adjustIssuance(codec: RuntimeCodec, state: StorageWriter, delta: bigint): void {
  codec.write(state, "Balances", "TotalIssuance", [], totalIssuance(codec, state) + delta);
}

/** Credits `amount` to `who`, creating the account when it reaches the existential deposit. */
export function credit(ctx: ExecContext, who: Uint8Array, amount: bigint): void {
  const { codec, storage } = ctx;
  const a = readAccount(codec, storage, who);
  const isNew = a.providers === 0 && a.free === 0n;
  if (isNew && amount < existentialDeposit(codec)) throw token("BelowMinimum");
  a.free += amount;
  if (isNew) {
    a.providers = 1;
    a.flags = NEW_ACCOUNT_FLAGS;
    ctx.deposit("System", "NewAccount", [who]);
  }
  writeAccount(codec, storage, who, a);
  if (isNew) ctx.deposit("Balances", "Endowed", [who, amount]);
}

/** Debits `amount` from `who`; `keepAlive` refuses to go below the existential deposit, otherwise dust is reaped. */
export function debit(ctx: ExecContext, who: Uint8Array, amount: bigint, keepAlive: boolean): void {
  const { codec, storage } = ctx;
  const a = readAccount(codec, storage, who);
  const ed = existentialDeposit(codec);
  if (a.free - a.frozen < amount) throw token("FundsUnavailable");
  const left = a.free - amount;
  if (left < ed && a.providers > 0) {
    if (keepAlive || a.frozen > 0n || a.reserved > 0n || a.consumers > 0) throw token("NotExpendable");
    reap(ctx, who, a, left);
    return;
  }
  a.free = left;
  writeAccount(codec, storage, who, a);
}

function reap(ctx: ExecContext, who: Uint8Array, a: AccountInfo, dust: bigint): void {
  a.free = 0n;
  a.providers = 0;
  writeAccount(ctx.codec, ctx.storage, who, { ...a, nonce: 0, providers: 0, sufficients: 0 });
  ctx.deposit("System", "KilledAccount", [who]);
  if (dust > 0n) {
    ctx.deposit("Balances", "DustLost", [who, dust]);
    adjustIssuance(ctx.codec, ctx.storage, -dust);
  }
}

export function transfer(
  ctx: ExecContext,
  from: Uint8Array,
  to: Uint8Array,
  amount: bigint,
  keepAlive: boolean,
): void {
  if (!u8aEq(from, to)) {
    debit(ctx, from, amount, keepAlive);
    credit(ctx, to, amount);
  }
  ctx.deposit("Balances", "Transfer", [from, to, amount]);
}

/**
 * Takes a transaction fee before dispatch. Like ChargeTransactionPayment it never kills the payer and
 * refuses the transaction (InvalidTransaction::Payment) instead of failing it.
 */
export function withdrawFee(ctx: ExecContext, who: Uint8Array, fee: bigint): void {
  if (fee === 0n) return;
  const { codec, storage } = ctx;
  if (!canPay(codec, storage, who, fee)) throw new TransactionRejected("Payment");
  const a = readAccount(codec, storage, who);
  a.free -= fee;
  writeAccount(codec, storage, who, a);
  ctx.deposit("Balances", "Withdraw", [who, fee]);
}

export function canPay(
  codec: RuntimeCodec,
  state: StorageWriter | Parameters<typeof readAccount>[1],
  who: Uint8Array,
  fee: bigint,
): boolean {
  const a = readAccount(codec, state, who);
  return a.providers > 0 && a.free - a.frozen - fee >= existentialDeposit(codec);
}

export function lookupAccount(dest: Codec): Uint8Array {
  const addr = dest as unknown as { type?: string; value?: Codec };
  if (addr.type === undefined) return dest.toU8a();
  if (addr.type !== "Id" || !addr.value) throw new DispatchFailure("CannotLookup", "CannotLookup");
  return addr.value.toU8a();
}

const big = (c: Codec | undefined): bigint => BigInt((c ?? 0).toString());

export const balancesPallet: Pallet = {
  name: "Balances",
  genesis: ({ codec, storage, config }) => {
    let issuance = 0n;
    for (const { id, free } of config.accounts) {
      writeAccount(codec, storage, id, {
        nonce: 0,
        consumers: 0,
        providers: 1,
        sufficients: 0,
        free,
        reserved: 0n,
        frozen: 0n,
        flags: NEW_ACCOUNT_FLAGS,
      });
      issuance += free;
    }
    codec.write(storage, "Balances", "TotalIssuance", [], issuance);
  },
  calls: {
    transfer_allow_death: {
      weight: weight(60_000_000, 3_593),
      handler: (ctx, origin, args) =>
        transfer(ctx, ensureSigned(origin), lookupAccount(args[0] as Codec), big(args[1]), false),
    },
    transfer_keep_alive: {
      weight: weight(48_000_000, 3_593),
      handler: (ctx, origin, args) =>
        transfer(ctx, ensureSigned(origin), lookupAccount(args[0] as Codec), big(args[1]), true),
    },
    transfer_all: {
      weight: weight(57_000_000, 3_593),
      handler: (ctx, origin, args) => {
        const from = ensureSigned(origin);
        const keepAlive = (args[1] as Codec).toJSON() === true;
        const a = readAccount(ctx.codec, ctx.storage, from);
        const ed = existentialDeposit(ctx.codec);
        let floor = a.frozen;
        if (keepAlive && ed > floor) floor = ed;
        const amount = a.free > floor ? a.free - floor : 0n;
        transfer(ctx, from, lookupAccount(args[0] as Codec), amount, keepAlive);
      },
    },
  },
};

/** Balance of an account as `free` (for tests and runtime APIs). */
export function freeBalance(
  codec: RuntimeCodec,
  state: Parameters<typeof readAccount>[1],
  who: Uint8Array,
): bigint {
  return readAccount(codec, state, who).free;
}
