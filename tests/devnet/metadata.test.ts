// Our devnet metadata (built from devnet/metadata's declarations) against the real Finney metadata.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Keyring } from "@polkadot/keyring";
import { expandMetadata, Metadata, TypeRegistry } from "@polkadot/types";
import type {
  MetadataLatest,
  MetadataV15,
  PalletMetadataLatest,
  RuntimeVersion,
} from "@polkadot/types/interfaces";
import { compactFromU8a, compactStripLength, hexToU8a, u8aToHex } from "@polkadot/util";
import { blake2AsU8a, cryptoWaitReady, signatureVerify, xxhashAsHex } from "@polkadot/util-crypto";
import { describe, expect, it } from "vitest";
import {
  buildMetadata,
  decodeStorageKey,
  decodeStorageValue,
  encodeEventRecords,
  encodeStorageValue,
  metadataAtVersion,
  runtimeVersion,
  storageKey,
  typeShape,
} from "../../devnet/metadata";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const finneyDir = path.resolve(repoRoot, "../shared/fixtures/finney");
const FINNEY_V15 = path.join(finneyDir, "metadata/spec393-v15.metadata_at_version.hex");
const FINNEY_V16 = path.join(finneyDir, "metadata/spec393-v16.scale");
const FINNEY_RPC = path.join(finneyDir, "rpc/bittensor-sdk-ws-finney.json");
const haveFinney = existsSync(FINNEY_V15) && existsSync(FINNEY_V16) && existsSync(FINNEY_RPC);
if (!haveFinney) {
  console.warn(`[metadata.test] ${finneyDir} is absent: the comparisons with Finney are skipped`);
}

/** Items our runtime adds on purpose (runtime upgrade, current rule set); they have no spec-393 counterpart. */
const DEVNET_ONLY_STORAGE = new Set([
  "SubtensorModule.SubnetProtocolAlpha",
  "Swap.SwapBalancer",
  "Swap.PalSwapInitialized",
  ...[
    "SubnetEmissionEnabled",
    "SubnetExcessTao",
    "SubnetRootSellTao",
    "MinerBurned",
    "NetTaoFlowEnabled",
    "SubnetProtocolFlow",
    "SubnetEmaProtocolFlow",
    "LastEpochBlock",
    "PendingEpochAt",
    "SubnetEpochIndex",
    "ActivityCutoffFactorMilli",
    "MaxEpochsPerBlock",
    "BurnHalfLife",
    "BurnIncreaseMult",
  ].map((n) => `SubtensorModule.${n}`),
]);

function loadFinney(): { registry: TypeRegistry; metadata: Metadata } {
  const raw = hexToU8a(readFileSync(FINNEY_V15, "utf8").trim());
  // Option<OpaqueMetadata>: 0x01, compact length, metadata.
  const [offset] = compactFromU8a(raw.subarray(1));
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, raw.subarray(1 + offset));
  registry.setMetadata(metadata);
  return { registry, metadata };
}

const VARIANTS = [
  { specVersion: 393, variant: "v3" as const },
  { specVersion: 393, variant: "current" as const },
  { specVersion: 394, variant: "current" as const },
];

describe("built metadata", () => {
  it.each(VARIANTS)("spec $specVersion ($variant) decodes and re-encodes byte for byte", (opts) => {
    const built = buildMetadata(opts);
    expect(u8aToHex(built.v14.subarray(0, 5))).toBe("0x6d6574610e");
    expect(u8aToHex(built.v15.subarray(0, 5))).toBe("0x6d6574610f");
    for (const bytes of [built.v14, built.v15]) {
      const md = new Metadata(new TypeRegistry(), bytes);
      expect(u8aToHex(md.toU8a())).toBe(u8aToHex(bytes));
    }
    const v14 = new Metadata(new TypeRegistry(), built.v14);
    expect(v14.version).toBe(14);
    expect(v14.asV14.pallets.map((p) => p.name.toString())).toEqual(
      built.metadata.asV15.pallets.map((p) => p.name.toString()),
    );
    const versionBytes = built.metadata.asV15.pallets[0]?.constants.find((c) => c.name.eq("Version"))?.value;
    const version = built.registry.createType(
      "RuntimeVersion",
      versionBytes?.toU8a(true),
    ) as unknown as RuntimeVersion;
    expect(version.specVersion.toNumber()).toBe(opts.specVersion);
    expect(version.specName.toString()).toBe("node-subtensor");
    expect(version.apis.map(([id, v]) => [id.toHex(), v.toNumber()])).toEqual(
      runtimeVersion(opts.specVersion).apis,
    );
  });

  it("V14 gives clients the same extrinsic format, outer enums and storage keys as V15", () => {
    const built = buildMetadata({ specVersion: 393 });
    const r14 = new TypeRegistry();
    const m14 = new Metadata(r14, built.v14);
    r14.setMetadata(m14);
    expect(r14.signedExtensions).toEqual(built.registry.signedExtensions);
    const latest14 = m14.asLatest;
    const latest15 = built.metadata.asLatest;
    expect(latest14.extrinsic.addressType.toNumber()).toBe(latest15.extrinsic.addressType.toNumber());
    expect(latest14.extrinsic.signatureType.toNumber()).toBe(latest15.extrinsic.signatureType.toNumber());
    expect(latest14.outerEnums.callType.toNumber()).toBe(latest15.outerEnums.callType.toNumber());
    expect(latest14.outerEnums.eventType.toNumber()).toBe(latest15.outerEnums.eventType.toNumber());
    const d14 = expandMetadata(r14, m14);
    const call = d14.tx.subtensorModule!.removeStake!(
      "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
      2,
      5,
    );
    expect(built.registry.createType("Call", call.toU8a()).toJSON()).toEqual(call.toJSON());
    const [, key] = compactStripLength(d14.query.subtensorModule!.subnetAlphaIn!(9) as Uint8Array);
    expect(u8aToHex(key)).toBe(u8aToHex(storageKey(built.registry, "SubtensorModule", "SubnetAlphaIn", 9)));
  });

  it("is cached per spec and variant", () => {
    expect(buildMetadata({ specVersion: 393, variant: "v3" })).toBe(
      buildMetadata({ specVersion: 393, variant: "v3" }),
    );
    expect(buildMetadata({ specVersion: 393 })).not.toBe(buildMetadata({ specVersion: 394 }));
  });

  it("wraps Metadata_metadata_at_version replies as Option<OpaqueMetadata>", () => {
    const built = buildMetadata({ specVersion: 393 });
    const reply = metadataAtVersion(built, 15);
    const opt = built.registry.createType("Option<OpaqueMetadata>", reply);
    expect(opt.isSome).toBe(true);
    expect(u8aToHex(opt.unwrap().toU8a(true))).toBe(u8aToHex(built.v15));
    expect(u8aToHex(metadataAtVersion(built, 16))).toBe("0x00");
  });

  it("models the runtime upgrade: spec 394 adds SubtensorModule.SubnetProtocolAlpha", () => {
    const items = (spec: number) =>
      buildMetadata({ specVersion: spec })
        .metadata.asV15.pallets.find((p) => p.name.eq("SubtensorModule"))
        ?.storage.unwrap()
        .items.map((i) => i.name.toString());
    expect(items(393)).not.toContain("SubnetProtocolAlpha");
    expect(items(394)).toContain("SubnetProtocolAlpha");
    const v3Swap = buildMetadata({ specVersion: 393, variant: "v3" }).metadata.asV15.pallets.find((p) =>
      p.name.eq("Swap"),
    );
    expect(v3Swap?.storage.unwrap().items.map((i) => i.name.toString())).not.toContain("SwapBalancer");
  });

  it("exposes the decorated query/tx/events/errors/consts without an ApiPromise", () => {
    const { registry, metadata } = buildMetadata({ specVersion: 393 });
    const d = expandMetadata(registry, metadata);
    const subnetTao = d.query.subtensorModule?.subnetTAO;
    expect(subnetTao).toBeTypeOf("function");
    const [, raw] = compactStripLength(subnetTao?.(1) as Uint8Array);
    const expected = xxhashAsHex("SubtensorModule", 128) + xxhashAsHex("SubnetTAO", 128).slice(2) + "0100";
    expect(u8aToHex(raw)).toBe(expected);
    expect(u8aToHex(storageKey(registry, "SubtensorModule", "SubnetTAO", 1))).toBe(expected);
    expect(d.tx.subtensorModule?.addStake).toBeTypeOf("function");
    expect(d.tx.balances?.transferKeepAlive).toBeTypeOf("function");
    expect(d.events.subtensorModule?.StakeAdded).toBeDefined();
    expect(d.events.system?.ExtrinsicSuccess).toBeDefined();
    expect(d.errors.subtensorModule?.NotEnoughBalanceToStake).toBeDefined();
    expect(d.consts.system?.ss58Prefix?.toString()).toBe("42");
    expect(d.consts.balances?.existentialDeposit?.toString()).toBe("500");
    expect(d.query.swap?.alphaSqrtPrice).toBeTypeOf("function");
    expect(d.query.system?.events).toBeTypeOf("function");
  });

  it("encodes, decodes and defaults storage values through the metadata", () => {
    const { registry } = buildMetadata({ specVersion: 393 });
    const identity = {
      subnet_name: "Apex",
      github_repo: "https://github.com/x/y",
      subnet_contact: "",
      subnet_url: "",
      discord: "",
      description: "d",
      logo_url: "",
      additional: "",
    };
    const bytes = encodeStorageValue(registry, "SubtensorModule", "SubnetIdentitiesV3", identity);
    const back = decodeStorageValue(registry, "SubtensorModule", "SubnetIdentitiesV3", bytes);
    expect(back?.toHuman()).toMatchObject({ subnetName: "Apex", description: "d" });
    // ValueQuery default (tempo 360) and OptionQuery absence.
    expect(decodeStorageValue(registry, "SubtensorModule", "Tempo", null)?.toString()).toBe("360");
    expect(decodeStorageValue(registry, "SubtensorModule", "SubnetIdentitiesV3", null)).toBeNull();
    const tao = encodeStorageValue(registry, "SubtensorModule", "SubnetTAO", 123_456_789_000n);
    expect(decodeStorageValue(registry, "SubtensorModule", "SubnetTAO", u8aToHex(tao))?.toString()).toBe(
      "123456789000",
    );
    // Keys round-trip through the transparent hashers.
    const hot = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const cold = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    const key = storageKey(registry, "SubtensorModule", "Alpha", hot, cold, 7);
    const [k1, k2, k3] = decodeStorageKey(registry, "SubtensorModule", "Alpha", key);
    expect([k1?.toString(), k2?.toString(), k3?.toString()]).toEqual([hot, cold, "7"]);
    expect(u8aToHex(storageKey(registry, "SubtensorModule", "Alpha", hot))).toBe(
      u8aToHex(key.subarray(0, 32 + 16 + 32)),
    );
    expect(() => storageKey(registry, "SubtensorModule", "SubnetTAO", 1, 2)).toThrow();
    // Fast key paths (raw account bytes, numbers, bigints) agree with createType's encoding.
    const hotBytes = registry.createType("AccountId32", hot).toU8a();
    expect(u8aToHex(storageKey(registry, "SubtensorModule", "Alpha", hotBytes, cold, 7n))).toBe(
      u8aToHex(key),
    );
    expect(
      u8aToHex(storageKey(registry, "SubtensorModule", "Alpha", hot, cold, registry.createType("u16", 7))),
    ).toBe(u8aToHex(key));
    expect(() => storageKey(registry, "SubtensorModule", "SubnetTAO", 65_536)).toThrow(/out of range/);
    expect(u8aToHex(storageKey(registry, "System", "BlockHash", 0x01020304)).slice(-24)).toBe(
      // Twox64Concat: 8-byte hash then the u32 little-endian.
      `${u8aToHex(storageKey(registry, "System", "BlockHash", 0x01020304)).slice(-24, -8)}04030201`,
    );
  });
});

describe.skipIf(!haveFinney)("shapes identical to Finney spec 393", () => {
  const finney = haveFinney ? loadFinney() : null;

  let v16: MetadataLatest | undefined;
  const finneyV16 = () => {
    v16 ??= new Metadata(new TypeRegistry(), readFileSync(FINNEY_V16)).asLatest;
    return v16;
  };

  const palletOf = (md: MetadataLatest, name: string) => md.pallets.find((p) => p.name.toString() === name);

  function compareEnum(
    what: string,
    ours: { md: MetadataLatest; id: number },
    theirs: { md: MetadataLatest; id: number },
  ): string[] {
    const diffs: string[] = [];
    const o = ours.md.lookup.getSiType(ours.id);
    const t = theirs.md.lookup.getSiType(theirs.id);
    if (o.path.join("::") !== t.path.join("::"))
      diffs.push(`${what}: path ${o.path.join("::")} vs ${t.path.join("::")}`);
    for (const v of o.def.asVariant.variants) {
      const tv = t.def.asVariant.variants.find((x) => x.name.eq(v.name));
      if (!tv) {
        diffs.push(`${what}.${v.name}: not in Finney`);
        continue;
      }
      if (!tv.index.eq(v.index)) diffs.push(`${what}.${v.name}: index ${v.index} vs ${tv.index}`);
      const of = v.fields.map(
        (f) => `${f.name.unwrapOr("")}:${typeShape(ours.md.lookup, f.type.toNumber())}`,
      );
      const tf = tv.fields.map(
        (f) => `${f.name.unwrapOr("")}:${typeShape(theirs.md.lookup, f.type.toNumber())}`,
      );
      if (of.join(",") !== tf.join(","))
        diffs.push(`${what}.${v.name}: fields\n  ours   ${of}\n  finney ${tf}`);
    }
    return diffs;
  }

  function comparePallet(
    ours: MetadataLatest,
    theirs: MetadataLatest,
    p: PalletMetadataLatest,
    allowExtra: boolean,
  ): string[] {
    const name = p.name.toString();
    const tp = palletOf(theirs, name);
    if (!tp) return [`pallet ${name}: not in Finney`];
    const diffs: string[] = [];
    if (!tp.index.eq(p.index)) diffs.push(`${name}: index ${p.index} vs ${tp.index}`);
    if (p.storage.isSome) {
      const s = p.storage.unwrap();
      const ts = tp.storage.unwrap();
      if (!s.prefix.eq(ts.prefix)) diffs.push(`${name}: storage prefix`);
      for (const item of s.items) {
        const where = `${name}.${item.name}`;
        const ti = ts.items.find((x) => x.name.eq(item.name));
        if (!ti) {
          if (!(allowExtra && DEVNET_ONLY_STORAGE.has(where))) diffs.push(`${where}: not in Finney`);
          continue;
        }
        const shape = (md: MetadataLatest, e: typeof item) =>
          e.type.isPlain
            ? `plain ${typeShape(md.lookup, e.type.asPlain.toNumber())}`
            : `map [${e.type.asMap.hashers.map((h) => h.type).join(",")}] ${typeShape(md.lookup, e.type.asMap.key.toNumber())} => ${typeShape(md.lookup, e.type.asMap.value.toNumber())}`;
        const a = `${item.modifier.type} ${shape(ours, item)} default ${item.fallback.toHex()}`;
        const b = `${ti.modifier.type} ${shape(theirs, ti)} default ${ti.fallback.toHex()}`;
        if (a !== b) diffs.push(`${where}:\n  ours   ${a}\n  finney ${b}`);
      }
    }
    for (const kind of ["calls", "events", "errors"] as const) {
      const o = p[kind];
      if (o.isNone) continue;
      const t = tp[kind];
      if (t.isNone) {
        diffs.push(`${name}.${kind}: not in Finney`);
        continue;
      }
      diffs.push(
        ...compareEnum(
          `${name}.${kind}`,
          { md: ours, id: o.unwrap().type.toNumber() },
          { md: theirs, id: t.unwrap().type.toNumber() },
        ),
      );
    }
    for (const c of p.constants) {
      const tc = tp.constants.find((x) => x.name.eq(c.name));
      if (!tc) {
        diffs.push(`${name}.${c.name}: constant not in Finney`);
        continue;
      }
      const a = typeShape(ours.lookup, c.type.toNumber());
      const b = typeShape(theirs.lookup, tc.type.toNumber());
      if (a !== b) diffs.push(`${name}.${c.name}: constant type ${a} vs ${b}`);
      // The version constant carries our own spec version and API list.
      if (!c.name.eq("Version") && !c.value.eq(tc.value))
        diffs.push(`${name}.${c.name}: value ${c.value.toHex()} vs ${tc.value.toHex()}`);
    }
    return diffs;
  }

  const references = [
    { ref: "spec393 V15", load: () => finney!.metadata.asLatest },
    { ref: "spec393 V16", load: () => finneyV16() },
  ];
  const cases = VARIANTS.flatMap((v) => references.map((r) => ({ ...v, ...r })));
  it.each(cases)(
    "pallets: storage, calls, events, errors, constants (spec $specVersion, $variant) vs $ref",
    (opts) => {
      const ours = buildMetadata(opts).metadata.asLatest;
      const theirs = opts.load();
      const strict = opts.specVersion === 393 && opts.variant === "v3";
      const diffs = ours.pallets.flatMap((p) => comparePallet(ours, theirs, p, !strict));
      expect(diffs).toEqual([]);
      // Sanity: the comparison covered what dtao-math §7 lists.
      const sub = palletOf(ours, "SubtensorModule")!;
      const names = sub.storage.unwrap().items.map((i) => i.name.toString());
      for (const n of [
        "SubnetTAO",
        "SubnetAlphaIn",
        "SubnetAlphaOut",
        "SubnetMovingPrice",
        "Alpha",
        "TotalHotkeyAlpha",
        "TotalHotkeyShares",
        "SubnetMechanism",
        "SubnetTaoInEmission",
        "SubnetAlphaInEmission",
        "SubnetAlphaOutEmission",
        "TotalIssuance",
        "TotalStake",
        "NetworksAdded",
        "Tempo",
        "SubnetOwner",
        "SubnetOwnerHotkey",
        "SubnetIdentitiesV3",
        "Burn",
        "Keys",
        "Uids",
        "SubnetworkN",
        "Incentive",
        "Dividends",
        "Emission",
        "Consensus",
        "ValidatorTrust",
        "ValidatorPermit",
        "LastUpdate",
        "Weights",
        "Delegates",
        "Owner",
        "StakingHotkeys",
        "TaoWeight",
        "NetworkLastLockCost",
        "NetworkMinLockCost",
        "SubnetVolume",
        "PendingServerEmission",
        "PendingValidatorEmission",
        "PendingRootAlphaDivs",
        "PendingOwnerCut",
        "StakeWeight",
        "ChildKeys",
        "ParentKeys",
        "RootClaimable",
      ]) {
        expect(names, n).toContain(n);
      }
    },
  );

  it("runtime API methods have Finney's inputs and outputs", () => {
    const ours = buildMetadata({ specVersion: 393 }).metadata.asV15;
    const theirs = finney!.metadata.asV15;
    const diffs: string[] = [];
    for (const api of ours.apis) {
      const ta = theirs.apis.find((a) => a.name.eq(api.name));
      if (!ta) {
        diffs.push(`${api.name}: not in Finney`);
        continue;
      }
      for (const m of api.methods) {
        const tm = ta.methods.find((x) => x.name.eq(m.name));
        if (!tm) {
          diffs.push(`${api.name}.${m.name}: not in Finney`);
          continue;
        }
        const sig = (md: MetadataV15, x: typeof m) =>
          `(${x.inputs.map((i) => `${i.name}:${typeShape(md.lookup, i.type.toNumber())}`).join(",")}) -> ${typeShape(md.lookup, x.output.toNumber())}`;
        if (sig(ours, m) !== sig(theirs, tm))
          diffs.push(`${api.name}.${m.name}:\n  ours   ${sig(ours, m)}\n  finney ${sig(theirs, tm)}`);
      }
    }
    expect(diffs).toEqual([]);
    const names = ours.apis.map((a) => a.name.toString());
    for (const n of [
      "Core",
      "Metadata",
      "AccountNonceApi",
      "TransactionPaymentApi",
      "SubnetInfoRuntimeApi",
      "SwapRuntimeApi",
      "NeuronInfoRuntimeApi",
      "StakeInfoRuntimeApi",
      "DelegateInfoRuntimeApi",
    ]) {
      expect(names).toContain(n);
    }
  });

  it("extrinsic format: V4, MultiAddress, MultiSignature and Finney's signed extensions", () => {
    const ours = buildMetadata({ specVersion: 393 }).metadata.asV15;
    const theirs = finney!.metadata.asV15;
    const describe = (md: MetadataV15) => ({
      version: md.extrinsic.version.toNumber(),
      address: typeShape(md.lookup, md.extrinsic.addressType.toNumber()),
      signature: typeShape(md.lookup, md.extrinsic.signatureType.toNumber()),
      extra: typeShape(md.lookup, md.extrinsic.extraType.toNumber()),
      extensions: md.extrinsic.signedExtensions.map(
        (e) =>
          `${e.identifier}:${typeShape(md.lookup, e.type.toNumber())}/${typeShape(md.lookup, e.additionalSigned.toNumber())}`,
      ),
    });
    expect(describe(ours)).toEqual(describe(theirs));
    const outer = (md: MetadataV15, id: number) =>
      md.lookup.getSiType(id).def.asVariant.variants.map((v) => `${v.index}:${v.name}`);
    const ourCalls = outer(ours, ours.outerEnums.callType.toNumber());
    const finneyCalls = outer(theirs, theirs.outerEnums.callType.toNumber());
    expect(finneyCalls).toEqual(expect.arrayContaining(ourCalls));
    const ourEvents = outer(ours, ours.outerEnums.eventType.toNumber());
    expect(outer(theirs, theirs.outerEnums.eventType.toNumber())).toEqual(expect.arrayContaining(ourEvents));
  });

  it("events and calls encoded with our metadata decode identically with Finney's", () => {
    const { registry } = buildMetadata({ specVersion: 393 });
    const hot = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const cold = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
    const bytes = encodeEventRecords(registry, [
      {
        phase: { applyExtrinsic: 1 },
        pallet: "SubtensorModule",
        name: "StakeAdded",
        fields: [cold, hot, 1_000_000_000, 2_500_000_000, 3, 50_000],
      },
      {
        phase: { applyExtrinsic: 1 },
        pallet: "Balances",
        name: "Transfer",
        fields: { from: cold, to: hot, amount: 42 },
      },
      {
        phase: { applyExtrinsic: 1 },
        pallet: "TransactionPayment",
        name: "TransactionFeePaid",
        fields: { who: cold, actual_fee: 125_000, tip: 0 },
      },
      {
        phase: { applyExtrinsic: 2 },
        pallet: "System",
        name: "ExtrinsicFailed",
        fields: {
          dispatch_error: { Module: { index: 7, error: "0x0a000000" } },
          dispatch_info: { weight: { ref_time: 1, proof_size: 2 }, class: "Normal", pays_fee: "Yes" },
        },
      },
      { phase: "finalization", pallet: "SubtensorModule", name: "NetworkAdded", fields: [12, 1] },
    ]);
    const ourDecoded = decodeStorageValue(registry, "System", "Events", bytes);
    const fin = finney!;
    const theirDecoded = fin.registry.createType(
      fin.registry.createLookupType(
        fin.metadata.asV15.pallets
          .find((p) => p.name.eq("System"))!
          .storage.unwrap()
          .items.find((i) => i.name.eq("Events"))!
          .type.asPlain.toNumber(),
      ),
      bytes,
    );
    expect(theirDecoded.toJSON()).toEqual(ourDecoded?.toJSON());
    const human = theirDecoded.toHuman() as { event: { method: string; section: string } }[];
    expect(human.map((e) => `${e.event.section}.${e.event.method}`)).toEqual([
      "subtensorModule.StakeAdded",
      "balances.Transfer",
      "transactionPayment.TransactionFeePaid",
      "system.ExtrinsicFailed",
      "subtensorModule.NetworkAdded",
    ]);
    const d = expandMetadata(registry, buildMetadata({ specVersion: 393 }).metadata);
    const calls = [
      d.tx.subtensorModule!.addStakeLimit!(hot, 5, 1_000_000_000, 20_000_000, true),
      d.tx.balances!.transferKeepAlive!(hot, 10_000),
      d.tx.utility!.batchAll!([d.tx.subtensorModule!.moveStake!(hot, cold, 1, 2, 77)]),
      d.tx.sudo!.sudo!(d.tx.adminUtils!.sudoSetTempo!(3, 99)),
      d.tx.subtensorModule!.setSubnetIdentity!(4, "n", "g", "c", "u", "d", "desc", "logo", "add"),
    ];
    for (const call of calls) {
      const decoded = fin.registry.createType("Call", call.toU8a());
      expect(decoded.toJSON()).toEqual(call.toJSON());
      expect(`${decoded.section}.${decoded.method}`).toBe(`${call.section}.${call.method}`);
    }
  });

  it("signed extrinsics built on our metadata decode and verify with Finney's registry", async () => {
    await cryptoWaitReady();
    const { registry, metadata } = buildMetadata({ specVersion: 393 });
    const alice = new Keyring({ type: "sr25519", ss58Format: 42 }).addFromUri("//Alice");
    const d = expandMetadata(registry, metadata);
    const call = d.tx.subtensorModule!.addStake!(
      "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
      1,
      1_000_000_000,
    );
    const genesisHash = "0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
    const blockHash = "0x1111111111111111111111111111111111111111111111111111111111111111";
    const era = registry.createType("ExtrinsicEra", { current: 1000, period: 64 });
    const ext = registry.createType("Extrinsic", call);
    ext.sign(alice, {
      blockHash,
      genesisHash,
      era,
      nonce: 7,
      tip: 0,
      runtimeVersion: { specVersion: 393, transactionVersion: 1 } as unknown as RuntimeVersion,
      signedExtensions: registry.signedExtensions,
    });
    const fin = finney!;
    const decoded = fin.registry.createType("Extrinsic", ext.toU8a());
    expect(decoded.toJSON()).toEqual(ext.toJSON());
    expect(decoded.signer.toString()).toBe(alice.address);
    expect(`${decoded.method.section}.${decoded.method.method}`).toBe("subtensorModule.addStake");
    expect(decoded.nonce.toNumber()).toBe(7);
    // The signature verifies over the payload as Finney's registry builds it (same signed extensions).
    const payload = fin.registry.createType(
      "ExtrinsicPayload",
      {
        method: decoded.method.toHex(),
        era: decoded.era,
        nonce: decoded.nonce,
        tip: decoded.tip,
        specVersion: 393,
        transactionVersion: 1,
        genesisHash,
        blockHash,
        mode: 0,
      },
      { version: 4 },
    );
    const data = payload.toU8a({ method: true });
    const message = data.length > 256 ? blake2AsU8a(data) : data;
    expect(signatureVerify(message, decoded.signature.toU8a(), alice.address).isValid).toBe(true);
  });

  it("derives the storage keys recorded from Finney and decodes the recorded values like Finney's metadata", () => {
    const { registry } = buildMetadata({ specVersion: 393, variant: "v3" });
    const rpc = JSON.parse(readFileSync(FINNEY_RPC, "utf8")) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const ours = buildMetadata({ specVersion: 393, variant: "v3" }).metadata.asV15;
    // prefix hex -> [pallet, item] for every item we declare.
    const byPrefix = new Map<string, [string, string]>();
    for (const p of ours.pallets) {
      for (const i of p.storage.isSome ? p.storage.unwrap().items : []) {
        byPrefix.set(
          xxhashAsHex(p.storage.unwrap().prefix.toString(), 128) +
            xxhashAsHex(i.name.toString(), 128).slice(2),
          [p.name.toString(), i.name.toString()],
        );
      }
    }
    const pairs: [string, string | null][] = [];
    for (const methods of Object.values(rpc)) {
      for (const [params, reply] of Object.entries(methods.state_getStorageAt ?? {})) {
        const [key] = JSON.parse(params) as [string];
        pairs.push([key, ((reply as { result?: string | null }).result ?? null) as string | null]);
      }
      for (const reply of Object.values(methods.state_queryStorageAt ?? {})) {
        for (const set of (reply as { result?: { changes: [string, string | null][] }[] }).result ?? []) {
          pairs.push(...set.changes);
        }
      }
      for (const reply of Object.values(methods.state_getKeysPaged ?? {})) {
        for (const key of (reply as { result?: string[] }).result ?? []) pairs.push([key, null]);
      }
    }
    const fin = finney!;
    let checkedKeys = 0;
    let checkedValues = 0;
    const seen = new Set<string>();
    for (const [key, value] of pairs) {
      const entry = byPrefix.get(key.slice(0, 66));
      if (!entry) continue;
      const [pallet, item] = entry;
      seen.add(`${pallet}.${item}`);
      const args = decodeStorageKey(registry, pallet, item, key);
      expect(u8aToHex(storageKey(registry, pallet, item, ...args))).toBe(key);
      checkedKeys++;
      if (value !== null) {
        const ourValue = decodeStorageValue(registry, pallet, item, value);
        const theirValue = decodeStorageValue(fin.registry, pallet, item, value);
        expect(ourValue?.toJSON()).toEqual(theirValue?.toJSON());
        expect(u8aToHex(ourValue?.toU8a())).toBe(value);
        checkedValues++;
      }
    }
    expect(seen).toContain("Swap.AlphaSqrtPrice");
    expect(checkedKeys).toBeGreaterThan(100);
    expect(checkedValues).toBeGreaterThan(100);
    // SubnetTAO(1) through Finney's own metadata and decorator, an independent derivation.
    const decorated = expandMetadata(fin.registry, fin.metadata);
    const [, finneyKey] = compactStripLength(decorated.query.subtensorModule!.subnetTAO!(1) as Uint8Array);
    expect(u8aToHex(storageKey(registry, "SubtensorModule", "SubnetTAO", 1))).toBe(u8aToHex(finneyKey));
    const [, finneyAlphaKey] = compactStripLength(
      decorated.query.subtensorModule!.alpha!(
        "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
        "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
        3,
      ) as Uint8Array,
    );
    expect(
      u8aToHex(
        storageKey(
          registry,
          "SubtensorModule",
          "Alpha",
          "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
          "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
          3,
        ),
      ),
    ).toBe(u8aToHex(finneyAlphaKey));
  });
});
