// Assembles the declarative description of our runtime for one spec version.
import { blake2AsHex } from "@polkadot/util-crypto";
import type { RuntimeDecl } from "./dsl";
import { type RuntimeFeatures, type RuntimeVariant, runtimeFeatures } from "./features";
import { adminUtilsPallet } from "./pallets/adminUtils";
import { auraPallet } from "./pallets/aura";
import { balancesPallet } from "./pallets/balances";
import { subtensorModulePallet } from "./pallets/subtensorModule";
import { sudoPallet } from "./pallets/sudo";
import { swapPallet } from "./pallets/swap";
import { systemPallet } from "./pallets/system";
import { timestampPallet } from "./pallets/timestamp";
import { transactionPaymentPallet } from "./pallets/transactionPayment";
import { utilityPallet } from "./pallets/utility";
import { runtimeApis } from "./runtimeApis";
import { frameTypes } from "./types/frame";
import { subtensorTypes } from "./types/subtensor";

export const SPEC_NAME = "node-subtensor";
export const TRANSACTION_VERSION = 1;

/** The RuntimeVersion our node reports (state_getRuntimeVersion) and System.Version holds. */
export interface RuntimeVersionJson {
  specName: string;
  implName: string;
  authoringVersion: number;
  specVersion: number;
  implVersion: number;
  apis: [string, number][];
  transactionVersion: number;
  systemVersion: number;
}

export function runtimeVersion(specVersion: number): RuntimeVersionJson {
  return {
    specName: SPEC_NAME,
    implName: SPEC_NAME,
    authoringVersion: 1,
    specVersion,
    implVersion: 1,
    // Runtime API ids are blake2_64 of the trait name, as sp_api derives them.
    apis: runtimeApis.map((a) => [blake2AsHex(a.name, 64), a.version]),
    transactionVersion: TRANSACTION_VERSION,
    systemVersion: 1,
  };
}

export function describeRuntime(specVersion: number, variant: RuntimeVariant = "current"): RuntimeDecl {
  const f: RuntimeFeatures = runtimeFeatures(specVersion, variant);
  const v = runtimeVersion(specVersion);
  const version = {
    spec_name: v.specName,
    impl_name: v.implName,
    authoring_version: v.authoringVersion,
    spec_version: v.specVersion,
    impl_version: v.implVersion,
    apis: v.apis,
    transaction_version: v.transactionVersion,
    system_version: v.systemVersion,
  };
  return {
    runtimePath: "node_subtensor_runtime",
    types: { ...frameTypes, ...subtensorTypes },
    pallets: [
      systemPallet(version),
      timestampPallet,
      auraPallet,
      balancesPallet,
      transactionPaymentPallet,
      subtensorModulePallet(f),
      utilityPallet,
      sudoPallet,
      adminUtilsPallet,
      swapPallet(f),
    ],
    apis: runtimeApis,
    extrinsic: {
      version: 4,
      type: "UncheckedExtrinsic",
      address: "MultiAddress",
      signature: "MultiSignature",
      extra: "SignedExtra",
      signedExtensions: [
        { identifier: "CheckNonZeroSender", type: "CheckNonZeroSender", additionalSigned: "()" },
        { identifier: "CheckSpecVersion", type: "CheckSpecVersion", additionalSigned: "u32" },
        { identifier: "CheckTxVersion", type: "CheckTxVersion", additionalSigned: "u32" },
        { identifier: "CheckGenesis", type: "CheckGenesis", additionalSigned: "H256" },
        { identifier: "CheckMortality", type: "CheckMortality", additionalSigned: "H256" },
        { identifier: "CheckNonce", type: "CheckNonce", additionalSigned: "()" },
        { identifier: "CheckWeight", type: "CheckWeight", additionalSigned: "()" },
        { identifier: "ChargeTransactionPayment", type: "ChargeTransactionPayment", additionalSigned: "()" },
        { identifier: "SudoTransactionExtension", type: "SudoTransactionExtension", additionalSigned: "()" },
        { identifier: "CheckShieldedTxValidity", type: "CheckShieldedTxValidity", additionalSigned: "()" },
        {
          identifier: "SubtensorTransactionExtension",
          type: "SubtensorTransactionExtension",
          additionalSigned: "()",
        },
        { identifier: "DrandPriority", type: "DrandPriority", additionalSigned: "()" },
        { identifier: "CheckMetadataHash", type: "CheckMetadataHash", additionalSigned: "Option<[u8; 32]>" },
      ],
    },
  };
}
