// balances.Transfer arguments as stored by the indexer: named ({from, to, amount}) or positional.
export interface TransferArgs {
  from: string | null;
  to: string | null;
  amount: bigint | null;
}

const text = (v: unknown) => (typeof v === "string" ? v : null);

function integer(v: unknown): bigint | null {
  if (typeof v === "string" && /^(0|[1-9][0-9]*)$/.test(v)) return BigInt(v);
  // Narrow amounts arrive as JSON integers; a safe integer converts exactly.
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  return null;
}

export function transferArgs(args: unknown): TransferArgs {
  if (Array.isArray(args)) return { from: text(args[0]), to: text(args[1]), amount: integer(args[2]) };
  if (args && typeof args === "object") {
    const o = args as Record<string, unknown>;
    return { from: text(o.from), to: text(o.to), amount: integer(o.amount) };
  }
  return { from: null, to: null, amount: null };
}
