// Every public endpoint, declared once. To add one: declare it with defineEndpoint in endpoints/<family>.ts,
// list it here, and add a three-line route file under app/api/v1 (see README.md).
import { z } from "zod";
import { defineEndpoint, type Endpoint } from "./endpoint";
import {
  account,
  accountHistoryEndpoint,
  holderStats,
  holders,
  subnetHolderStats,
  subnetHoldersEndpoint,
} from "./endpoints/accounts";
import { recycle, stakeTrades, transfers } from "./endpoints/activity";
import { events, extrinsic, extrinsics } from "./endpoints/chain-data";
import { poolStates, projection, quote, quoteCurve, selfCheck } from "./endpoints/engine";
import {
  block,
  blocks,
  health,
  runtimeVersions,
  searchEndpoint,
  stats,
  statsHistory,
} from "./endpoints/network";
import {
  subnetHyperparameters,
  subnetRegistrationCost,
  subnetRegistrations,
} from "./endpoints/subnet-history";
import {
  subnet,
  subnetActivityEndpoint,
  subnetCandles,
  subnetEmission,
  subnetPool,
  subnets,
} from "./endpoints/subnets";
import {
  metagraph,
  validator,
  validatorHistory,
  validatorNominators,
  validators,
} from "./endpoints/validators";
import { buildOpenApi, type OpenApiDocument } from "./openapi";
import { OpenApiDocumentSchema } from "./schemas";

let document: OpenApiDocument | undefined;

export const openApi = defineEndpoint({
  id: "getOpenApi",
  path: "/openapi.json",
  tag: "meta",
  summary: "This document (OpenAPI 3.1)",
  description: "Generated from the same zod schemas that validate parameters and shape responses.",
  query: z.object({}).strict(),
  response: OpenApiDocumentSchema,
  cache: "static",
  handler: async () => openApiDocument(),
});

export const endpoints = {
  stats,
  statsHistory,
  blocks,
  block,
  extrinsics,
  extrinsic,
  events,
  transfers,
  stakeTrades,
  recycle,
  runtimeVersions,
  search: searchEndpoint,
  subnets,
  subnet,
  subnetPool,
  subnetCandles,
  subnetEmission,
  subnetActivity: subnetActivityEndpoint,
  subnetRegistrations,
  subnetRegistrationCost,
  subnetHyperparameters,
  health,
  poolStates,
  quote,
  quoteCurve,
  engineSelfCheck: selfCheck,
  projection,
  metagraph,
  validators,
  validator,
  validatorNominators,
  validatorHistory,
  account,
  accountHistory: accountHistoryEndpoint,
  holders,
  holderStats,
  subnetHolders: subnetHoldersEndpoint,
  subnetHolderStats,
  openApi,
} as const satisfies Record<string, Endpoint>;

export function openApiDocument(): OpenApiDocument {
  document ??= buildOpenApi(Object.values(endpoints) as Endpoint[]);
  return document;
}
