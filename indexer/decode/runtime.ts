import { Metadata, TypeRegistry } from "@polkadot/types";
import type { ExtDef } from "@polkadot/types/extrinsic/signedExtensions/types";
import type { ChainProperties as ChainPropertiesCodec } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import { hexToU8a, isHex, stringCamelCase, u8aToHex } from "@polkadot/util";

export type Hex = `0x${string}`;

export interface ChainProperties {
  ss58Format: number;
  tokenDecimals: number;
  tokenSymbol: string;
}

/** Finney's values (node/src/chain_spec/finney.rs); the devnet uses the same. */
export const SUBTENSOR_PROPERTIES: ChainProperties = { ss58Format: 42, tokenDecimals: 9, tokenSymbol: "TAO" };

/** Everything needed to decode blocks of one spec version. Building it costs ~100 ms, so it is cached. */
export interface Runtime {
  specVersion: number;
  specName: string;
  registry: TypeRegistry;
  metadata: Metadata;
  /** Lookup type name of one `frame_system::EventRecord`, from the `System.Events` storage type. */
  eventRecordType: string;
}

/** Signed-extension identifiers @polkadot/types knows how to decode without help. */
const KNOWN_EXTENSIONS = new Set([
  "CheckNonZeroSender",
  "CheckSpecVersion",
  "CheckTxVersion",
  "CheckGenesis",
  "CheckMortality",
  "CheckEra",
  "CheckNonce",
  "CheckWeight",
  "ChargeTransactionPayment",
  "ChargeAssetTxPayment",
  "CheckMetadataHash",
  "CheckBlockGasLimit",
  "PrevalidateAttests",
]);

/**
 * Describes the runtime-specific signed extensions (SubtensorTransactionExtension, DrandPriority, …) from
 * the metadata's own type ids, so extrinsics decode byte-exactly instead of treating unknown extensions
 * as empty (which silently misreads any extension that carries data).
 */
function userExtensionsFromMetadata(registry: TypeRegistry, metadata: Metadata): ExtDef {
  const out: ExtDef = {};
  for (const ext of metadata.asLatest.extrinsic.transactionExtensions) {
    const id = ext.identifier.toString();
    if (KNOWN_EXTENSIONS.has(id)) continue;
    const field = (typeId: number, label: string): Record<string, string> =>
      registry.lookup.getTypeDef(typeId).type === "Null"
        ? {}
        : { [stringCamelCase(`${id}_${label}`)]: registry.createLookupType(typeId) };
    out[id] = {
      extrinsic: field(ext.type.toNumber(), "extra"),
      payload: field(ext.implicit.toNumber(), "implicit"),
    };
  }
  return out;
}

function findPallet(metadata: Metadata, name: string) {
  const pallet = metadata.asLatest.pallets.find((p) => p.name.toString() === name);
  if (!pallet) throw new Error(`metadata has no ${name} pallet`);
  return pallet;
}

/** The `System.Version` constant: the spec this metadata belongs to, read from the metadata itself. */
function readRuntimeVersion(
  registry: TypeRegistry,
  metadata: Metadata,
): { specVersion: number; specName: string } {
  const constant = findPallet(metadata, "System").constants.find((c) => c.name.toString() === "Version");
  if (!constant) throw new Error("metadata has no System.Version constant");
  const version = registry.createTypeUnsafe<Codec & { specVersion: Codec; specName: Codec }>(
    registry.createLookupType(constant.type),
    [constant.value.toU8a(true)],
  );
  return { specVersion: Number(version.specVersion.toString()), specName: version.specName.toString() };
}

function eventRecordTypeOf(registry: TypeRegistry, metadata: Metadata): string {
  const storage = findPallet(metadata, "System").storage;
  const events = storage.isSome
    ? storage.unwrap().items.find((i) => i.name.toString() === "Events")
    : undefined;
  if (!events?.type.isPlain) throw new Error("metadata has no plain System.Events storage");
  const seq = registry.lookup.getSiType(events.type.asPlain).def;
  if (!seq.isSequence) throw new Error("System.Events is not a sequence type");
  return registry.createLookupType(seq.asSequence.type);
}

/** Accepts raw metadata (`6d657461…`) as bytes or 0x hex, e.g. from `state_getMetadata`. */
export function createRuntime(metadataBytes: Uint8Array | Hex, properties = SUBTENSOR_PROPERTIES): Runtime {
  const bytes = typeof metadataBytes === "string" ? hexToU8a(metadataBytes) : metadataBytes;
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  // The lookup must be in place before extension types can be named from it.
  registry.setLookup(metadata.asLatest.lookup);
  registry.setMetadata(metadata, undefined, userExtensionsFromMetadata(registry, metadata), true);
  registry.setChainProperties(
    registry.createType("ChainProperties", properties) as unknown as ChainPropertiesCodec,
  );
  return {
    ...readRuntimeVersion(registry, metadata),
    registry,
    metadata,
    eventRecordType: eventRecordTypeOf(registry, metadata),
  };
}

/**
 * Unwraps a `Metadata_metadata_at_version` reply: `Option<OpaqueMetadata>` = 0x00 (None) or 0x01 +
 * compact length + metadata. Returns null for None.
 */
export function unwrapOpaqueMetadata(reply: string): Uint8Array | null {
  if (!isHex(reply)) throw new Error("metadata reply is not hex");
  const u8a = hexToU8a(reply);
  if (u8a[0] === 0) return null;
  if (u8a[0] !== 1) throw new Error(`unexpected Option tag 0x${u8a[0]?.toString(16)} in metadata reply`);
  const registry = new TypeRegistry();
  const opaque = registry.createType("Bytes", u8a.subarray(1));
  return opaque.toU8a(true);
}

export function metadataToHex(runtime: Runtime): Hex {
  return u8aToHex(runtime.metadata.toU8a()) as Hex;
}
