// TEST-ONLY metadata source: the real Finney spec-393 V15 metadata from ../shared/fixtures (never copied into
// the repo, never the product default). Lets the protocol layer be tested against the exact Finney type
// shapes independently of devnet/metadata. Returns undefined when the fixture is absent (tests then skip).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Metadata, TypeRegistry } from "@polkadot/types";
import { compactStripLength, hexToU8a, u8aConcat, u8aToHex } from "@polkadot/util";
import type { MetadataBundle } from "../types";

export const FINNEY_V15_FIXTURE = path.resolve(
  import.meta.dirname,
  "../../../../shared/fixtures/finney/metadata/spec393-v15.metadata_at_version.hex",
);

const MAGIC = new Uint8Array([0x6d, 0x65, 0x74, 0x61]);

/** `specVersion` rewrites System.Version's spec_version so two "runtimes" can share Finney's shapes. */
export function loadFinneyMetadata(specVersion = 393): MetadataBundle | undefined {
  if (!existsSync(FINNEY_V15_FIXTURE)) return undefined;
  const raw = hexToU8a(readFileSync(FINNEY_V15_FIXTURE, "utf8").trim());
  const [, v15bytes] = compactStripLength(raw.subarray(1)); // Option<OpaqueMetadata>: 0x01 ++ Vec<u8>
  const probe = new TypeRegistry();
  const v15 = new Metadata(probe, v15bytes).asV15;
  probe.setMetadata(new Metadata(probe, v15bytes));

  // V14 is V15 without docs on pallets, runtime APIs, outer enums and custom values.
  const lookup = v15.lookup;
  const findType = (p: string) =>
    lookup.types.find((t) => t.type.path.map((s) => s.toString()).join("::") === p)?.id.toNumber();
  const uxt = findType("sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic");
  const runtimeType = findType("node_subtensor_runtime::Runtime");
  if (uxt === undefined || runtimeType === undefined) throw new Error("Finney metadata lacks expected types");
  const pallets = v15.pallets.map((p) => {
    const constants = p.constants.map((c) => {
      if (p.name.toString() !== "System" || c.name.toString() !== "Version") return c;
      const version = probe
        .createType(probe.createLookupType(c.type), c.value.toU8a(true))
        .toJSON() as Record<string, unknown>;
      const value = probe.createType(probe.createLookupType(c.type), { ...version, specVersion }).toU8a();
      return probe.createType("PalletConstantMetadataV14", { ...c.toJSON(), value: u8aToHex(value) });
    });
    return {
      name: p.name,
      storage: p.storage,
      calls: p.calls,
      events: p.events,
      constants,
      errors: p.errors,
      index: p.index,
      docs: p.docs,
    };
  });
  const v15Value = probe.createType("MetadataV15", {
    ...v15.toJSON(),
    pallets: pallets.map((p) => ({ ...p })),
  });
  const v14Value = probe.createType("MetadataV14", {
    lookup,
    pallets: pallets.map(({ docs: _docs, ...p }) => p),
    extrinsic: {
      type: uxt,
      version: v15.extrinsic.version,
      signedExtensions: v15.extrinsic.signedExtensions,
    },
    type: runtimeType,
  });
  const v14bytes = u8aConcat(MAGIC, [14], v14Value.toU8a());
  const v15full = u8aConcat(MAGIC, [15], v15Value.toU8a());
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, v15full);
  registry.setMetadata(metadata);
  return { v14: v14bytes, v15: v15full, registry, metadata };
}
