// Extrinsics and events.
import { z } from "zod";
import { listEvents } from "../../../queries/events";
import { getExtrinsic, listExtrinsics } from "../../../queries/extrinsics";
import { defineEndpoint, notFound } from "../endpoint";
import {
  address,
  blockIndex,
  bool,
  checkCursors,
  checkMethodNeedsSection,
  checkRanges,
  cursorParams,
  documented,
  formatParam,
  limitParam,
  name,
  orderParam,
  parseBlockIndex,
  rangeParams,
} from "../params";
import { EventListSchema, ExtrinsicDetailSchema, ExtrinsicListSchema } from "../schemas";

const KEYSET =
  "Keyset pagination on (block_number, index): pass `pagination.next` as `after` for the next page, " +
  "`pagination.prev` as `before` for the previous one. `total` is the table's row count when no filter is " +
  "given (exact while small, then the planner's estimate, see `total_exact`) and null when filtered. A " +
  "timestamp range selects the blocks between its first and last block.";

export const extrinsics = defineEndpoint({
  id: "listExtrinsics",
  path: "/extrinsics",
  tag: "extrinsics",
  summary: "Extrinsics",
  description: `Extrinsics, newest first by default, with their outcome and fee (rao). ${KEYSET}`,
  query: z
    .object({
      ...rangeParams,
      signer: address("signer of the extrinsic").optional(),
      section: name("pallet, polkadot-js name, e.g. balances or subtensorModule").optional(),
      method: name("call, e.g. transferKeepAlive; requires section").optional(),
      success: bool("only successful (true) or failed (false) extrinsics").optional(),
      signed: bool("only signed (true) or unsigned (false) extrinsics").optional(),
      order: orderParam(["block_number"], "block_number_desc"),
      limit: limitParam,
      ...cursorParams(parseBlockIndex, "123-2"),
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges)
    .superRefine(checkCursors)
    .superRefine(checkMethodNeedsSection),
  response: ExtrinsicListSchema,
  cache: "head",
  list: "cursor",
  handler: ({ query: q }) =>
    listExtrinsics({
      block_start: q.block_start,
      block_end: q.block_end,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      signer: q.signer?.ss58,
      section: q.section,
      method: q.method,
      success: q.success,
      signed: q.signed,
      limit: q.limit,
      dir: q.order.dir,
      after: q.after,
      before: q.before,
    }),
});

const extrinsicId = documented(
  z.string().transform((v, ctx) => {
    if (/^0x[0-9a-fA-F]{64}$/.test(v)) return v.toLowerCase();
    const k = parseBlockIndex(v);
    if (k) return k;
    ctx.addIssue({
      code: "custom",
      message: "must be an extrinsic hash (0x + 64 hex) or block-index (123-2)",
    });
    return z.NEVER;
  }),
  { type: "string", description: "extrinsic hash or block-index, e.g. 123-2" },
);

export const extrinsic = defineEndpoint({
  id: "getExtrinsic",
  path: "/extrinsics/{id}",
  tag: "extrinsics",
  summary: "One extrinsic by hash or block-index, with its events",
  description:
    "By hash, the most recent extrinsic with that hash (hashes of identical unsigned extrinsics can repeat " +
    "across blocks; use block-index to be exact). 404 when not stored.",
  query: z.object({}).strict(),
  params: z.object({ id: extrinsicId }).strict(),
  response: ExtrinsicDetailSchema,
  cache: "head",
  handler: async ({ path }) => {
    const x = await getExtrinsic(path.id);
    if (!x) throw notFound("extrinsic");
    return x;
  },
});

export const events = defineEndpoint({
  id: "listEvents",
  path: "/events",
  tag: "events",
  summary: "Events",
  description: `Events, newest first by default. ${KEYSET}`,
  query: z
    .object({
      ...rangeParams,
      section: name("pallet, polkadot-js name, e.g. balances").optional(),
      method: name("event name, e.g. Transfer; requires section").optional(),
      extrinsic_id: blockIndex("only events of this extrinsic (block-index)").optional(),
      order: orderParam(["block_number"], "block_number_desc"),
      limit: limitParam,
      ...cursorParams(parseBlockIndex, "123-5"),
      format: formatParam,
    })
    .strict()
    .superRefine(checkRanges)
    .superRefine(checkCursors)
    .superRefine(checkMethodNeedsSection),
  response: EventListSchema,
  cache: "head",
  list: "cursor",
  handler: ({ query: q }) =>
    listEvents({
      block_start: q.block_start,
      block_end: q.block_end,
      timestamp_start: q.timestamp_start,
      timestamp_end: q.timestamp_end,
      section: q.section,
      method: q.method,
      extrinsic_id: q.extrinsic_id,
      limit: q.limit,
      dir: q.order.dir,
      after: q.after,
      before: q.before,
    }),
});
