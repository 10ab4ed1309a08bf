// Encoding of runtime events and of System.Events, driven by the metadata set on a registry.
// (@polkadot/types' GenericEvent only decodes bytes; it cannot be built from an object.)
import type { TypeRegistry } from "@polkadot/types";
import { compactToU8a, u8aConcat } from "@polkadot/util";

interface EventMeta {
  palletIndex: number;
  variantIndex: number;
  fields: { name: string | null; type: string }[];
}

const eventCache = new WeakMap<TypeRegistry, Map<string, EventMeta>>();

/** Index and field types of `pallet.name` (names as in metadata, e.g. "SubtensorModule", "StakeAdded"). */
export function eventMeta(registry: TypeRegistry, pallet: string, name: string): EventMeta {
  let byName = eventCache.get(registry);
  if (!byName) {
    byName = new Map();
    eventCache.set(registry, byName);
  }
  const key = `${pallet}.${name}`;
  const hit = byName.get(key);
  if (hit) return hit;
  const p = registry.metadata.pallets.find((x) => x.name.toString() === pallet);
  if (!p || p.events.isNone) throw new Error(`pallet ${pallet} has no events`);
  const variant = registry.lookup
    .getSiType(p.events.unwrap().type)
    .def.asVariant.variants.find((v) => v.name.toString() === name);
  if (!variant) throw new Error(`no event ${pallet}.${name}`);
  const meta: EventMeta = {
    palletIndex: p.index.toNumber(),
    variantIndex: variant.index.toNumber(),
    fields: variant.fields.map((f) => ({
      name: f.name.isSome ? f.name.unwrap().toString() : null,
      type: registry.createLookupType(f.type),
    })),
  };
  byName.set(key, meta);
  return meta;
}

/**
 * SCALE bytes of one RuntimeEvent. `fields` are positional (tuple-like events such as StakeAdded) or by
 * name (struct-like events such as Balances.Transfer); values are whatever createType accepts.
 */
export function encodeEvent(
  registry: TypeRegistry,
  pallet: string,
  name: string,
  fields: readonly unknown[] | Readonly<Record<string, unknown>> = [],
): Uint8Array {
  const meta = eventMeta(registry, pallet, name);
  const values = Array.isArray(fields)
    ? fields
    : meta.fields.map((f) => {
        const byName = fields as Readonly<Record<string, unknown>>;
        if (f.name === null || !(f.name in byName))
          throw new Error(`${pallet}.${name}: missing field ${f.name}`);
        return byName[f.name];
      });
  if (values.length !== meta.fields.length) {
    throw new Error(`${pallet}.${name} has ${meta.fields.length} fields, got ${values.length}`);
  }
  return u8aConcat(
    new Uint8Array([meta.palletIndex, meta.variantIndex]),
    ...meta.fields.map((f, i) => registry.createType(f.type, values[i]).toU8a()),
  );
}

export type EventPhase = { applyExtrinsic: number } | "finalization" | "initialization";

export interface EventRecordInput {
  phase: EventPhase;
  pallet: string;
  name: string;
  fields?: readonly unknown[] | Readonly<Record<string, unknown>>;
  /** 32-byte topics (rarely used on subtensor). */
  topics?: readonly Uint8Array[];
}

function encodePhase(phase: EventPhase): Uint8Array {
  if (phase === "finalization") return new Uint8Array([1]);
  if (phase === "initialization") return new Uint8Array([2]);
  const i = phase.applyExtrinsic;
  return new Uint8Array([0, i & 0xff, (i >>> 8) & 0xff, (i >>> 16) & 0xff, (i >>> 24) & 0xff]);
}

/** The value of System.Events: Vec<EventRecord<RuntimeEvent, H256>>. */
export function encodeEventRecords(registry: TypeRegistry, records: readonly EventRecordInput[]): Uint8Array {
  const parts: Uint8Array[] = [compactToU8a(records.length)];
  for (const r of records) {
    parts.push(encodePhase(r.phase), encodeEvent(registry, r.pallet, r.name, r.fields ?? []));
    const topics = r.topics ?? [];
    parts.push(compactToU8a(topics.length), ...topics);
  }
  return u8aConcat(...parts);
}
