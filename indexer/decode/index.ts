export { AURA_AUTHORITIES_KEY, fetchAuraAuthorities } from "./author";
export {
  type DecodedBlock,
  type DecodedEvent,
  type DecodedExtrinsic,
  type DecodedHeader,
  type DecodeOptions,
  type DigestLog,
  type DispatchFailure,
  decodeBlock,
} from "./decodeBlock";
export { argsToJSON, callToJSON, type JsonValue, toJSONExact } from "./exact";
export {
  fetchMetadataBytes,
  METADATA_V15_ARG,
  MemoryMetadataStore,
  type MetadataStore,
  RuntimeProvider,
  type RuntimeProviderOptions,
} from "./metadata";
export {
  assembleRawBlock,
  type FetchOptions,
  fetchRawBlock,
  fetchRawBlockByHash,
  fetchRawRange,
  headerHash,
  type RawBlock,
  RawBlockError,
  type RawHeader,
  SYSTEM_EVENTS_KEY,
} from "./rawBlock";
export {
  type ChainProperties,
  createRuntime,
  type Hex,
  metadataToHex,
  type Runtime,
  SUBTENSOR_PROPERTIES,
  unwrapOpaqueMetadata,
} from "./runtime";
export {
  bisectSpecSegments,
  rpcSpecProbe,
  type SpecProbe,
  type SpecSegment,
  SpecSegments,
} from "./specSegments";
export { decodeStorageValue, findStorageEntry, type StorageEntryRef } from "./storage";
