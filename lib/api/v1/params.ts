// Query and path parameter schemas shared by endpoints. Query strings are text, so each schema parses text and
// carries OpenAPI metadata (`openapi`) describing the value as a client sees it; the document generator uses
// that instead of the text-parsing pipeline.
import { z } from "zod";
import { type Address, parseAddress } from "./address";

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 50;
export const INT32_MAX = 2_147_483_647;

/** JSON Schema shown for a parameter in the OpenAPI document. */
export type ParamDoc = Record<string, unknown>;
const docs = new WeakMap<z.ZodType, ParamDoc>();

export function documented<S extends z.ZodType>(schema: S, doc: ParamDoc): S {
  docs.set(schema, doc);
  return schema;
}

export function paramDoc(schema: z.ZodType): ParamDoc | undefined {
  let s: z.ZodType = schema;
  // optional()/default() wrap the documented schema.
  for (let i = 0; i < 4; i++) {
    const d = docs.get(s);
    if (d) return d;
    const inner = (s as unknown as { def?: { innerType?: z.ZodType } }).def?.innerType;
    if (!inner) break;
    s = inner;
  }
  return undefined;
}

/** A non-negative integer as text, at most `max` (no signs, exponents, spaces or leading zeros). */
export function uint(description: string, max = INT32_MAX, min = 0) {
  return documented(
    z
      .string()
      .regex(/^(0|[1-9][0-9]{0,15})$/, "must be a non-negative integer")
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
    { type: "integer", minimum: min, maximum: max, description },
  );
}

export const blockNumber = (description: string) => uint(description);

export function bool(description: string) {
  return documented(
    z.enum(["true", "false"], "must be true or false").transform((v) => v === "true"),
    { type: "boolean", description },
  );
}

/** Unix seconds or ISO 8601 → Date. */
export function timestamp(description: string) {
  return documented(
    z.string().transform((v, ctx) => {
      let ms = Number.NaN;
      if (/^[0-9]{1,11}$/.test(v)) ms = Number(v) * 1000;
      else if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$/.test(v))
        ms = Date.parse(v);
      if (!Number.isFinite(ms) || ms < 0 || ms > 253_402_300_799_000) {
        ctx.addIssue({ code: "custom", message: "must be unix seconds or an ISO 8601 date/time" });
        return z.NEVER;
      }
      return new Date(ms);
    }),
    {
      oneOf: [
        { type: "integer", minimum: 0, description: "unix seconds" },
        { type: "string", format: "date-time" },
      ],
      description,
    },
  );
}

export function address(description: string) {
  return documented(
    z.string().transform((v, ctx): Address => {
      const a = parseAddress(v);
      if (!a) {
        ctx.addIssue({ code: "custom", message: "must be an SS58 address or a 0x 32-byte public key" });
        return z.NEVER;
      }
      return a;
    }),
    { type: "string", description: `${description} (SS58 with any prefix, or 0x + 64 hex)` },
  );
}

export function name(description: string) {
  return documented(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "must be an identifier (letters, digits, underscore)"),
    { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]{0,63}$", description },
  );
}

export interface BlockIndex {
  block: number;
  index: number;
}

/** `123-2`: block number and index within the block (extrinsics, events). */
export function parseBlockIndex(v: string): BlockIndex | null {
  const m = /^(0|[1-9][0-9]{0,9})-(0|[1-9][0-9]{0,5})$/.exec(v);
  if (!m) return null;
  const block = Number(m[1]);
  const index = Number(m[2]);
  return block <= INT32_MAX && index <= INT32_MAX ? { block, index } : null;
}

export function blockIndex(description: string) {
  return documented(
    z.string().transform((v, ctx) => {
      const k = parseBlockIndex(v);
      if (!k) {
        ctx.addIssue({ code: "custom", message: "must be <block>-<index>, e.g. 123-2" });
        return z.NEVER;
      }
      return k;
    }),
    { type: "string", pattern: "^[0-9]+-[0-9]+$", description },
  );
}

export function orderParam<F extends string>(
  fields: readonly [F, ...F[]],
  fallback: `${F}_${"asc" | "desc"}`,
) {
  const values = fields.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const);
  return documented(
    z
      .string()
      .refine((v) => (values as string[]).includes(v), { message: `must be one of ${values.join(", ")}` })
      .transform((v) => {
        const i = v.lastIndexOf("_");
        return { field: v.slice(0, i) as F, dir: v.slice(i + 1) as "asc" | "desc" };
      })
      .optional()
      .transform(
        (v) =>
          v ?? {
            field: fallback.slice(0, fallback.lastIndexOf("_")) as F,
            dir: fallback.slice(fallback.lastIndexOf("_") + 1) as "asc" | "desc",
          },
      ),
    { type: "string", enum: values, default: fallback, description: "sort order" },
  );
}

export const limitParam = documented(
  uint(`page size, 1-${MAX_LIMIT}`, MAX_LIMIT, 1)
    .optional()
    .transform((v) => v ?? DEFAULT_LIMIT),
  { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: "page size" },
);

export const pageParam = documented(
  uint("page number, from 1", 1_000_000, 1)
    .optional()
    .transform((v) => v ?? 1),
  { type: "integer", minimum: 1, maximum: 1_000_000, default: 1, description: "page number, from 1" },
);

export const formatParam = documented(z.enum(["json", "csv"]).optional(), {
  type: "string",
  enum: ["json", "csv"],
  default: "json",
  description: "csv: the full result (every page) as CSV, streamed; pagination parameters are ignored",
});

/** Block and timestamp range filters (taostats names). Timestamps resolve to block ranges. */
export const rangeParams = {
  block_start: blockNumber("first block, inclusive").optional(),
  block_end: blockNumber("last block, inclusive").optional(),
  timestamp_start: timestamp("from this time, inclusive").optional(),
  timestamp_end: timestamp("until this time, inclusive").optional(),
};

interface Ranged {
  block_start?: number;
  block_end?: number;
  timestamp_start?: Date;
  timestamp_end?: Date;
}

/** Rejects inverted ranges, naming the end parameter. */
export function checkRanges(v: Ranged, ctx: z.RefinementCtx): void {
  if (v.block_start !== undefined && v.block_end !== undefined && v.block_start > v.block_end)
    ctx.addIssue({ code: "custom", path: ["block_end"], message: "must be >= block_start" });
  if (
    v.timestamp_start !== undefined &&
    v.timestamp_end !== undefined &&
    v.timestamp_start.getTime() > v.timestamp_end.getTime()
  )
    ctx.addIssue({ code: "custom", path: ["timestamp_end"], message: "must be >= timestamp_start" });
}

/** Keyset cursors: `after`/`before` take the `next`/`prev` value of a previous page. */
export function cursorParams<K>(parse: (v: string) => K | null, example: string) {
  const cursor = (description: string) =>
    documented(
      z
        .string()
        .transform((v, ctx) => {
          const k = parse(v);
          if (k === null) {
            ctx.addIssue({ code: "custom", message: `must be a cursor like ${example}` });
            return z.NEVER;
          }
          return k;
        })
        .optional(),
      { type: "string", description },
    );
  return {
    after: cursor("the `pagination.next` of the previous page"),
    before: cursor("the `pagination.prev` of the current page"),
  };
}

export function checkCursors(v: { after?: unknown; before?: unknown }, ctx: z.RefinementCtx): void {
  if (v.after !== undefined && v.before !== undefined)
    ctx.addIssue({ code: "custom", path: ["before"], message: "give either after or before, not both" });
}

export const blockCursor = (v: string): number | null =>
  /^(0|[1-9][0-9]{0,9})$/.test(v) && Number(v) <= INT32_MAX ? Number(v) : null;

/** A call or event name is only meaningful within its pallet (and only then served by an index). */
export function checkMethodNeedsSection(
  v: { section?: string; method?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.method !== undefined && v.section === undefined)
    ctx.addIssue({ code: "custom", path: ["method"], message: "needs section as well" });
}

/** An amount in the smallest unit (rao) as a decimal integer string → bigint (at most u128). */
export function amount(description: string) {
  return documented(
    z
      .string()
      .regex(/^(0|[1-9][0-9]{0,38})$/, "must be a non-negative integer amount in rao")
      .transform((v) => BigInt(v))
      .refine((v) => v < 2n ** 128n, "must fit 128 bits"),
    {
      type: "string",
      pattern: "^(0|[1-9][0-9]{0,38})$",
      description: `${description} (decimal string, rao)`,
    },
  );
}

/** Rejects amount_min > amount_max, naming amount_max. */
export function checkAmounts(v: { amount_min?: bigint; amount_max?: bigint }, ctx: z.RefinementCtx): void {
  if (v.amount_min !== undefined && v.amount_max !== undefined && v.amount_min > v.amount_max)
    ctx.addIssue({ code: "custom", path: ["amount_max"], message: "must be >= amount_min" });
}

/** `123-4`: block number and event index (projection tables). */
export const eventCursor = parseBlockIndex;
