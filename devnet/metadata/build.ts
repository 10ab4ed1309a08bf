// Builds Metadata V14 and V15 bytes from the declarative runtime description.
import { Metadata, TypeRegistry } from "@polkadot/types";
import { compactToU8a, hexToU8a, isHex, u8aConcat, u8aToHex } from "@polkadot/util";
import type { DeclValue, NamedTypeDecl, PalletDecl, RuntimeDecl, StorageDecl } from "./dsl";
import type { RuntimeVariant } from "./features";
import { PortableRegistryBuilder } from "./portableRegistry";
import { describeRuntime } from "./runtime";

const MAGIC = hexToU8a("0x6d657461"); // "meta"

export interface BuiltMetadata {
  specVersion: number;
  variant: RuntimeVariant;
  /** `0x6d657461 0e …`: what state_getMetadata returns. */
  v14: Uint8Array;
  /** `0x6d657461 0f …`: what Metadata_metadata_at_version(15) returns wrapped in Option<OpaqueMetadata>. */
  v15: Uint8Array;
  /** A registry with `metadata` (V15) set: decodes storage, events, extrinsics of this runtime. */
  registry: TypeRegistry;
  metadata: Metadata;
  /** The description the bytes were built from. */
  runtime: RuntimeDecl;
}

export interface BuildMetadataOptions {
  specVersion: number;
  variant?: RuntimeVariant;
}

const cache = new Map<string, BuiltMetadata>();

/** Metadata for one runtime version; built once per (variant, spec) and cached. */
export function buildMetadata(opts: BuildMetadataOptions): BuiltMetadata {
  const variant = opts.variant ?? "current";
  const key = `${variant}:${opts.specVersion}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const runtime = describeRuntime(opts.specVersion, variant);
  const { v14, v15 } = encodeRuntime(runtime);
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, v15);
  registry.setMetadata(metadata);
  const built: BuiltMetadata = {
    specVersion: opts.specVersion,
    variant,
    v14,
    v15,
    registry,
    metadata,
    runtime,
  };
  cache.set(key, built);
  return built;
}

const enumKey = (pallet: PalletDecl, kind: "Call" | "Event" | "Error") => `Pallet${kind}_${pallet.name}`;

/** The type table plus the pallets' Call/Event/Error enums and the runtime's outer enums. */
function allTypeDecls(rt: RuntimeDecl): Record<string, NamedTypeDecl> {
  const decls: Record<string, NamedTypeDecl> = { ...rt.types };
  const outer: Record<"Call" | "Event" | "Error", NamedTypeDecl["variants"]> = {
    Call: [],
    Event: [],
    Error: [],
  };
  for (const p of rt.pallets) {
    for (const [kind, e] of [
      ["Call", p.calls],
      ["Event", p.events],
      ["Error", p.errors],
    ] as const) {
      if (!e) continue;
      decls[enumKey(p, kind)] = { path: e.path, params: e.params ?? [], variants: e.variants };
      outer[kind] = [...(outer[kind] ?? []), { index: p.index, name: p.name, fields: [enumKey(p, kind)] }];
    }
  }
  for (const kind of ["Call", "Event", "Error"] as const) {
    decls[`Runtime${kind}`] = { path: `${rt.runtimePath}::Runtime${kind}`, variants: outer[kind] };
  }
  return decls;
}

function encodeRuntime(rt: RuntimeDecl): { v14: Uint8Array; v15: Uint8Array } {
  const b = new PortableRegistryBuilder(allTypeDecls(rt));
  const runtimeType = b.resolve("Runtime");

  // Resolve everything first (ids must be final before any value is encoded through the registry).
  const palletIds = rt.pallets.map((p) => ({
    storage: (p.storage ?? []).map((s) => storageTypeIds(b, s)),
    calls: p.calls ? b.resolve(enumKey(p, "Call")) : null,
    events: p.events ? b.resolve(enumKey(p, "Event")) : null,
    errors: p.errors ? b.resolve(enumKey(p, "Error")) : null,
    constants: (p.constants ?? []).map((c) => b.resolve(c.type)),
  }));
  const ex = rt.extrinsic;
  const extrinsicType = b.resolve(ex.type);
  const addressType = b.resolve(ex.address);
  const callType = b.resolve("RuntimeCall");
  const signatureType = b.resolve(ex.signature);
  const extraType = b.resolve(ex.extra);
  const signedExtensions = ex.signedExtensions.map((se) => ({
    identifier: se.identifier,
    type: b.resolve(se.type),
    additionalSigned: b.resolve(se.additionalSigned),
  }));
  const apis = rt.apis.map((a) => ({
    name: a.name,
    methods: a.methods.map((m) => ({
      name: m.name,
      inputs: m.inputs.map(([name, t]) => ({ name, type: b.resolve(t) })),
      output: b.resolve(m.output),
      docs: [...(m.docs ?? [])],
    })),
    docs: [...(a.docs ?? [])],
  }));
  const outerEnums = { callType, eventType: b.resolve("RuntimeEvent"), errorType: b.resolve("RuntimeError") };

  const reg = new TypeRegistry();
  const lookup = reg.createType("PortableRegistry", { types: b.types });
  reg.setLookup(lookup);
  const encode = (typeId: number, value: DeclValue | undefined): Uint8Array => {
    if (typeof value === "string" && isHex(value)) return hexToU8a(value);
    const type = reg.createLookupType(typeId);
    return value === undefined ? reg.createType(type).toU8a() : reg.createType(type, value).toU8a();
  };

  const pallets = rt.pallets.map((p, i) => {
    const ids = palletIds[i]!;
    const items = (p.storage ?? []).map((s, j) => {
      const t = ids.storage[j]!;
      return {
        name: s.name,
        modifier: s.modifier,
        type:
          t.key === null
            ? { Plain: t.value }
            : { Map: { hashers: s.keys.map(([h]) => h), key: t.key, value: t.value } },
        // Bytes fields take hex as raw content (a Uint8Array would be read as length-prefixed SCALE).
        fallback: s.modifier === "Optional" ? "0x00" : u8aToHex(encode(t.value, s.default)),
        docs: [...(s.docs ?? [])],
      };
    });
    return {
      name: p.name,
      storage: p.storage ? { prefix: p.storagePrefix ?? p.name, items } : null,
      calls: ids.calls === null ? null : { type: ids.calls },
      events: ids.events === null ? null : { type: ids.events },
      constants: (p.constants ?? []).map((c, j) => ({
        name: c.name,
        type: ids.constants[j]!,
        value: u8aToHex(encode(ids.constants[j]!, c.value)),
        docs: [...(c.docs ?? [])],
      })),
      errors: ids.errors === null ? null : { type: ids.errors },
      index: p.index,
      docs: [...(p.docs ?? [])],
    };
  });

  const v15 = reg.createType("MetadataV15", {
    lookup,
    pallets,
    extrinsic: { version: ex.version, addressType, callType, signatureType, extraType, signedExtensions },
    type: runtimeType,
    apis,
    outerEnums,
    custom: { map: new Map() },
  });
  const v14 = reg.createType("MetadataV14", {
    lookup,
    pallets: pallets.map(({ docs: _docs, ...rest }) => rest),
    extrinsic: { type: extrinsicType, version: ex.version, signedExtensions },
    type: runtimeType,
  });
  return {
    v14: u8aConcat(MAGIC, new Uint8Array([14]), v14.toU8a()),
    v15: u8aConcat(MAGIC, new Uint8Array([15]), v15.toU8a()),
  };
}

function storageTypeIds(b: PortableRegistryBuilder, s: StorageDecl): { key: number | null; value: number } {
  const value = b.resolve(s.value);
  if (s.keys.length === 0) return { key: null, value };
  const keyTypes = s.keys.map(([, t]) => t);
  const key = b.resolve(keyTypes.length === 1 ? (keyTypes[0] as string) : `(${keyTypes.join(", ")})`);
  return { key, value };
}

/** Metadata versions our runtime serves (Metadata_metadata_versions). */
export const METADATA_VERSIONS = [14, 15] as const;

/**
 * The SCALE reply of `Metadata_metadata_at_version(version)`: Option<OpaqueMetadata>, None for versions
 * we do not serve.
 */
export function metadataAtVersion(built: BuiltMetadata, version: number): Uint8Array {
  const bytes = version === 14 ? built.v14 : version === 15 ? built.v15 : null;
  if (!bytes) return new Uint8Array([0]);
  return u8aConcat(new Uint8Array([1]), compactToU8a(bytes.length), bytes);
}
