// Public interface of the devnet's metadata module.
export {
  type BuildMetadataOptions,
  type BuiltMetadata,
  buildMetadata,
  METADATA_VERSIONS,
  metadataAtVersion,
} from "./build";
export type * from "./dsl";
export {
  type EventPhase,
  type EventRecordInput,
  encodeEvent,
  encodeEventRecords,
  eventMeta,
} from "./events";
export {
  BASE_SPEC_VERSION,
  type RuntimeFeatures,
  type RuntimeVariant,
  runtimeFeatures,
  UPGRADE_SPEC_VERSION,
} from "./features";
export {
  describeRuntime,
  type RuntimeVersionJson,
  runtimeVersion,
  SPEC_NAME,
  TRANSACTION_VERSION,
} from "./runtime";
export { typeShape } from "./shape";
export {
  decodeStorageKey,
  decodeStorageValue,
  encodeStorageValue,
  type HasherName,
  hashKeyPart,
  type StorageEntryInfo,
  storageEntry,
  storageKey,
} from "./storage";
