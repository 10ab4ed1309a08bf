import type { GenericEvent, GenericExtrinsic } from "@polkadot/types";
import type { DispatchError, Header } from "@polkadot/types/interfaces";
import type { Codec } from "@polkadot/types/types";
import { compactFromU8a, hexToU8a, u8aToBigInt, u8aToHex } from "@polkadot/util";
import { blake2AsHex } from "@polkadot/util-crypto";
import { argsToJSON, type JsonValue, toJSONExact } from "./exact";
import type { RawBlock } from "./rawBlock";
import type { Hex, Runtime } from "./runtime";

export interface DigestLog {
  type: string;
  /** Consensus engine id as text ("aura", "fron", …) for PreRuntime/Consensus/Seal items. */
  engine: string | null;
  data: Hex;
}

export interface DecodedHeader {
  number: number;
  hash: Hex;
  parentHash: Hex;
  stateRoot: Hex;
  extrinsicsRoot: Hex;
  digest: DigestLog[];
  /** Aura slot (u64, decimal string) from the PreRuntime digest; null if there is none. */
  auraSlot: string | null;
  /** Block author (SS58): authorities[slot % n] when the caller passed the Aura authorities. */
  author: string | null;
}

export interface DispatchFailure {
  /** DispatchError variant: "Module", "BadOrigin", "Token", "Arithmetic", … */
  type: string;
  /** For Module errors: pallet and error names from metadata. */
  pallet: string | null;
  name: string | null;
  detail: JsonValue;
}

export interface DecodedExtrinsic {
  index: number;
  /** blake2-256 of the extrinsic bytes (as in every Substrate explorer). */
  hash: Hex;
  signed: boolean;
  signer: string | null;
  nonce: number | null;
  tip: string | null;
  era: { period: string; phase: string } | "immortal" | null;
  section: string | null;
  method: string | null;
  args: JsonValue;
  /** From System.ExtrinsicSuccess/ExtrinsicFailed of this extrinsic; null if neither was emitted. */
  success: boolean | null;
  error: DispatchFailure | null;
  /** `actual_fee` of TransactionPayment.TransactionFeePaid (rao, decimal string). */
  fee: string | null;
  /** Set when the bytes could not be decoded; the raw bytes stay in RawBlock.extrinsics[index]. */
  decodeError: string | null;
}

export interface DecodedEvent {
  index: number;
  phase: "ApplyExtrinsic" | "Finalization" | "Initialization" | null;
  extrinsicIndex: number | null;
  section: string | null;
  method: string | null;
  /** Object keyed by metadata field names when all fields are named, else positional array. */
  args: JsonValue;
  topics: Hex[];
  /** Set when this record (and, since records carry no length, every later one) could not be decoded. */
  decodeError: string | null;
  /** For undecodable records: the bytes from this record to the end of the events value. */
  rawHex: Hex | null;
}

export interface DecodedBlock {
  header: DecodedHeader;
  /** Spec version of the runtime used to decode (the parent's). */
  specVersion: number;
  /** From the `timestamp.set` inherent, in ms since the epoch. */
  timestampMs: number | null;
  extrinsics: DecodedExtrinsic[];
  events: DecodedEvent[];
}

export interface DecodeOptions {
  /** Aura authorities (SS58) at this block, to derive the author from the slot. */
  authorities?: readonly string[];
}

function decodeHeader(raw: RawBlock, runtime: Runtime, opts: DecodeOptions): DecodedHeader {
  const header = runtime.registry.createType<Header>("Header", raw.header);
  const hash = blake2AsHex(header.toU8a()) as Hex;
  if (hash !== raw.hash) throw new Error(`block ${raw.number}: header hashes to ${hash}, not ${raw.hash}`);
  let auraSlot: bigint | null = null;
  const digest = header.digest.logs.map((log): DigestLog => {
    const item = log.isPreRuntime
      ? log.asPreRuntime
      : log.isConsensus
        ? log.asConsensus
        : log.isSeal
          ? log.asSeal
          : null;
    if (!item) return { type: log.type, engine: null, data: u8aToHex(log.inner.toU8a()) as Hex };
    const [engine, data] = item;
    const engineText = engine.toString();
    if (log.isPreRuntime && engineText === "aura" && data.length === 8)
      auraSlot = u8aToBigInt(data, { isLe: true });
    return { type: log.type, engine: engineText, data: u8aToHex(data) as Hex };
  });
  const slot = auraSlot as bigint | null;
  const authorities = opts.authorities;
  const author =
    slot !== null && authorities && authorities.length > 0
      ? (authorities[Number(slot % BigInt(authorities.length))] ?? null)
      : null;
  return {
    number: header.number.toNumber(),
    hash,
    parentHash: header.parentHash.toHex() as Hex,
    stateRoot: header.stateRoot.toHex() as Hex,
    extrinsicsRoot: header.extrinsicsRoot.toHex() as Hex,
    digest,
    auraSlot: slot === null ? null : slot.toString(),
    author,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function decodeExtrinsic(
  runtime: Runtime,
  hex: Hex,
  index: number,
): { out: DecodedExtrinsic; codec: GenericExtrinsic | null } {
  const bytes = hexToU8a(hex);
  const base: DecodedExtrinsic = {
    index,
    hash: blake2AsHex(bytes) as Hex,
    signed: false,
    signer: null,
    nonce: null,
    tip: null,
    era: null,
    section: null,
    method: null,
    args: null,
    success: null,
    error: null,
    fee: null,
    decodeError: null,
  };
  try {
    const ext = runtime.registry.createType<GenericExtrinsic>("Extrinsic", bytes);
    // A decoder that consumed fewer bytes than given misread something (e.g. an extension's layout).
    if (ext.encodedLength !== bytes.length) {
      throw new Error(`decoded ${ext.encodedLength} of ${bytes.length} bytes`);
    }
    const call = ext.method;
    const names = call.meta.fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : null));
    const out: DecodedExtrinsic = {
      ...base,
      signed: ext.isSigned,
      section: call.section,
      method: call.method,
      args: argsToJSON(call.args, names),
    };
    if (ext.isSigned) {
      // MultiAddress::Id renders as SS58 in the registry's format; other variants as their own text.
      out.signer = ext.signer.toString();
      out.nonce = ext.nonce.toNumber();
      out.tip = ext.tip.toBigInt().toString();
      const era = ext.era;
      out.era = era.isMortalEra
        ? { period: era.asMortalEra.period.toString(), phase: era.asMortalEra.phase.toString() }
        : "immortal";
    }
    return { out, codec: ext };
  } catch (error) {
    return { out: { ...base, decodeError: errorMessage(error) }, codec: null };
  }
}

interface EventCodecs {
  phase: Codec & { isApplyExtrinsic: boolean; asApplyExtrinsic: Codec; type: string };
  event: GenericEvent;
  topics: Codec[];
}

/**
 * Decodes records one by one instead of as one `Vec<EventRecord>`, so everything before a bad record is
 * kept. Records have no length prefix: after a bad one the rest cannot be delimited and is kept raw.
 */
function decodeEvents(
  runtime: Runtime,
  eventsHex: Hex | null,
): { out: DecodedEvent[]; codecs: (EventCodecs | null)[] } {
  const out: DecodedEvent[] = [];
  const codecs: (EventCodecs | null)[] = [];
  if (eventsHex === null) return { out, codecs };
  const bytes = hexToU8a(eventsHex);
  let offset = 0;
  let count = 0;
  try {
    const [lengthBytes, length] = compactFromU8a(bytes);
    offset = lengthBytes;
    count = length.toNumber();
  } catch (error) {
    out.push(failedEvent(0, `bad event count: ${errorMessage(error)}`, eventsHex));
    codecs.push(null);
    return { out, codecs };
  }
  for (let index = 0; index < count; index++) {
    try {
      if (offset >= bytes.length) throw new Error("events value ends early");
      const record = runtime.registry.createTypeUnsafe<Codec & EventCodecs>(runtime.eventRecordType, [
        bytes.subarray(offset),
      ]);
      offset += record.encodedLength;
      const { phase, event, topics } = record;
      const names = event.meta.fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : null));
      out.push({
        index,
        phase: phase.type as DecodedEvent["phase"],
        extrinsicIndex: phase.isApplyExtrinsic ? Number(phase.asApplyExtrinsic.toString()) : null,
        section: event.section,
        method: event.method,
        args: argsToJSON(event.data, names),
        topics: topics.map((t) => t.toHex() as Hex),
        decodeError: null,
        rawHex: null,
      });
      codecs.push(record);
    } catch (error) {
      out.push(failedEvent(index, errorMessage(error), u8aToHex(bytes.subarray(offset)) as Hex));
      codecs.push(null);
      return { out, codecs };
    }
  }
  if (offset !== bytes.length) {
    out.push(
      failedEvent(
        count,
        `${bytes.length - offset} bytes left after ${count} events`,
        u8aToHex(bytes.subarray(offset)) as Hex,
      ),
    );
    codecs.push(null);
  }
  return { out, codecs };
}

function failedEvent(index: number, message: string, rawHex: Hex): DecodedEvent {
  return {
    index,
    phase: null,
    extrinsicIndex: null,
    section: null,
    method: null,
    args: null,
    topics: [],
    decodeError: message,
    rawHex,
  };
}

function dispatchFailure(runtime: Runtime, error: DispatchError): DispatchFailure {
  if (error.isModule) {
    try {
      const meta = runtime.registry.findMetaError(error.asModule);
      return { type: "Module", pallet: meta.section, name: meta.name, detail: toJSONExact(error.asModule) };
    } catch {
      return { type: "Module", pallet: null, name: null, detail: toJSONExact(error.asModule) };
    }
  }
  const detail = toJSONExact(error);
  return { type: error.type, pallet: null, name: null, detail };
}

/**
 * Decodes one raw block with `runtime` (which must be the parent's runtime, see SpecSegments.specAt).
 * Never throws for one bad extrinsic or event: those are flagged with `decodeError` and decoding goes on.
 * Throws only when the header itself does not match the block hash.
 */
export function decodeBlock(raw: RawBlock, runtime: Runtime, opts: DecodeOptions = {}): DecodedBlock {
  const header = decodeHeader(raw, runtime, opts);
  const decodedExtrinsics = raw.extrinsics.map((hex, i) => decodeExtrinsic(runtime, hex, i));
  const extrinsics = decodedExtrinsics.map((d) => d.out);
  const { out: events, codecs } = decodeEvents(runtime, raw.eventsHex);

  codecs.forEach((record) => {
    if (!record?.phase.isApplyExtrinsic) return;
    const ext = extrinsics[Number(record.phase.asApplyExtrinsic.toString())];
    if (!ext) return;
    const { section, method, data } = record.event;
    if (section === "system" && method === "ExtrinsicSuccess") ext.success = true;
    else if (section === "system" && method === "ExtrinsicFailed") {
      ext.success = false;
      ext.error = dispatchFailure(runtime, data[0] as DispatchError);
    } else if (section === "transactionPayment" && method === "TransactionFeePaid") {
      ext.fee = (data[1] as Codec & { toBigInt(): bigint }).toBigInt().toString();
    }
  });

  let timestampMs: number | null = null;
  for (const { codec } of decodedExtrinsics) {
    if (codec && !codec.isSigned && codec.method.section === "timestamp" && codec.method.method === "set") {
      timestampMs = Number((codec.method.args[0] as Codec & { toBigInt(): bigint }).toBigInt());
    }
  }

  return { header, specVersion: runtime.specVersion, timestampMs, extrinsics, events };
}
