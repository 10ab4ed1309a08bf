// Route-parameter parsing shared by the explorer pages. Anything unreadable is ignored (lists) or a 404
// (detail pages), never a 500.
import { z } from "zod";

export const blockNumber = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,9})$/)
  .transform(Number)
  .refine((n) => n <= 2_147_483_647);
export const hash32 = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((v) => v.toLowerCase());
export const blockId = z.union([blockNumber, hash32]);
export const extrinsicKey = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,9})-(0|[1-9][0-9]{0,5})$/)
  .transform((v) => {
    const [block, index] = v.split("-").map(Number) as [number, number];
    return { block, index };
  })
  .refine((k) => k.block <= 2_147_483_647);
export const extrinsicId = z.union([hash32, extrinsicKey]);

/** First value of a search param (Next gives string | string[] | undefined). */
export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
