// zod schemas for the engine's JSON wire format: integers are decimal strings, fixed-point inputs are decimal
// strings converted the way the chain converts its literals (fixed.fromDecimal), outputs are exact decimals.
// Every schema error names the offending field (see `formatZodError`).

import { z } from "zod";
import * as F from "./ref/fixed";
import { checkSpec } from "./ref/specs";

const INTEGER = /^(0|[1-9][0-9]*)$/;
export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;

function uintString(max: bigint, what: string) {
  return z
    .string({
      error: (iss) => (iss.input === undefined ? "is required" : `must be a decimal string (${what})`),
    })
    .transform((s, ctx) => {
      if (!INTEGER.test(s)) {
        ctx.addIssue({
          code: "custom",
          message: s.startsWith("-")
            ? "must not be negative"
            : `must be a non-negative integer string, got ${JSON.stringify(s)}`,
        });
        return z.NEVER;
      }
      const n = BigInt(s);
      if (n > max) {
        ctx.addIssue({ code: "custom", message: `${s} overflows ${what}` });
        return z.NEVER;
      }
      return n;
    });
}

export const u64 = uintString(U64_MAX, "u64");
export const u128 = uintString(U128_MAX, "u128");

/** A small unsigned integer given as a JSON number or a decimal string. */
export function smallUint(max: number, what: string) {
  return z
    .union([z.number(), z.string()], {
      error: (iss) => (iss.input === undefined ? "is required" : `must be a ${what}`),
    })
    .transform((v, ctx) => {
      const n = typeof v === "number" ? v : INTEGER.test(v) ? Number(v) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: `must be a non-negative integer (${what})` });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: "custom", message: `${n} overflows ${what}` });
        return z.NEVER;
      }
      return n;
    });
}

export const u16 = smallUint(65535, "u16");
export const u32 = smallUint(0xffff_ffff, "u32");

export const spec = smallUint(0xffff_ffff, "spec version").transform((n, ctx) => {
  try {
    return checkSpec(n);
  } catch (e) {
    ctx.addIssue({
      code: "custom",
      message: e instanceof Error ? e.message.replace(/^spec: /, "") : String(e),
    });
    return z.NEVER;
  }
});

/** A fixed-point decimal string → raw bits of `type` (chain literal conversion, exact values kept exactly). */
export function fixed(type: F.FixedSpec) {
  return z
    .string({
      error: (iss) => (iss.input === undefined ? "is required" : `must be a decimal string (${type.name})`),
    })
    .transform((s, ctx) => {
      try {
        const v = F.fromDecimal(type, s);
        if (!type.signed && v < 0n) throw new RangeError(`must not be negative`);
        return v;
      } catch (e) {
        ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    });
}

export const direction = z.enum(["stake", "unstake"], { error: () => 'must be "stake" or "unstake"' });

export const safeFloat = z.object({
  mantissa: u128,
  exponent: z.union([z.number().int(), z.string().regex(/^-?(0|[1-9][0-9]*)$/)]).transform((v, ctx) => {
    const n = BigInt(v);
    if (n < -(1n << 63n) || n >= 1n << 63n) {
      ctx.addIssue({ code: "custom", message: "overflows i64" });
      return z.NEVER;
    }
    return n;
  }),
});

/** One line naming the field: `args.amount: must not be negative`. */
export function formatZodError(err: z.ZodError, prefix = "args"): string {
  return err.issues
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].join(".");
      const msg = i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")}` : i.message;
      return `${path}: ${msg}`;
    })
    .join("; ");
}

/** JSON form of a result: bigints as decimal strings. */
export function toWireJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toWireJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWireJson(v);
    return out;
  }
  return value;
}
