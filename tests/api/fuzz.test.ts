// Parameter fuzzing: random query strings (known and unknown names, hostile values) against every list
// endpoint and search. No answer may be a 5xx; every 400 names a parameter; every 200 matches the document.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as blockRoute from "../../app/api/v1/blocks/[id]/route";
import * as blocksRoute from "../../app/api/v1/blocks/route";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as extrinsicRoute from "../../app/api/v1/extrinsics/[id]/route";
import * as extrinsicsRoute from "../../app/api/v1/extrinsics/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as recycleRoute from "../../app/api/v1/recycle/route";
import * as runtimeRoute from "../../app/api/v1/runtime-versions/route";
import * as searchRoute from "../../app/api/v1/search/route";
import * as stakeTradesRoute from "../../app/api/v1/stake-trades/route";
import * as transfersRoute from "../../app/api/v1/transfers/route";
import * as validatorsRoute from "../../app/api/v1/validators/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { type ApiFixture, call, indexedDevnet } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

const RUNS = 1_000;

let fx: ApiFixture;
let contract: ContractValidator;
beforeAll(async () => {
  fx = await indexedDevnet();
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
});
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await fx?.close();
});

const value = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.nat({ max: 60 }).map(String),
    fc.integer().map(String),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
    fc.constantFrom("", "0", "-0", "1e3", "0x10", " 5", "NaN", "true", "false", "null", "[]", "{}", "%00"),
    fc.constantFrom(
      "number_asc",
      "number_desc",
      "block_number_asc",
      "block_number_desc",
      "spec_version_desc",
      "period_asc",
    ),
    fc.constantFrom("stake", "unstake", "day", "week", "month", "hour"),
    fc.constantFrom(
      "balances",
      "Transfer",
      "system",
      "transferKeepAlive",
      "x' OR '1'='1",
      "a;DROP TABLE events",
    ),
    fc.constantFrom("json", "csv", "CSV"),
    fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 5 })).map(([b, i]) => `${b}-${i}`),
    fc.constantFrom(
      "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
      "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",
      `0x${"d4".repeat(32)}`,
      `0x${"zz".repeat(32)}`,
    ),
    fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 12 }),
  );

function queryArb(names: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  return fc
    .array(fc.tuple(key, value()), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString());
}

const targets = [
  { handler: blocksRoute.GET, path: "/blocks" },
  { handler: extrinsicsRoute.GET, path: "/extrinsics" },
  { handler: eventsRoute.GET, path: "/events" },
  { handler: runtimeRoute.GET, path: "/runtime-versions" },
  { handler: searchRoute.GET, path: "/search" },
  { handler: transfersRoute.GET, path: "/transfers" },
  { handler: stakeTradesRoute.GET, path: "/stake-trades" },
  { handler: recycleRoute.GET, path: "/recycle" },
  { handler: validatorsRoute.GET, path: "/validators" },
];

describe("fuzzed query strings", () => {
  it.each(targets)(
    "$path: no 5xx, 400s name a parameter, 200s match the document",
    async ({ handler, path }) => {
      const names = contract.doc.paths[`/api/v1${path}`]!.get.parameters.map((p) => p.name);
      const ref = contract.responseRef(path);
      let ok = 0;
      let bad = 0;
      await fc.assert(
        fc.asyncProperty(queryArb(names), async (qs) => {
          const res = await call(handler, `${path}?${qs}`);
          if (res.status === 200) {
            ok++;
            if (res.headers.get("content-type")?.startsWith("text/csv")) {
              await res.text();
              return true;
            }
            const error = contract.check(ref, await res.json());
            if (error) throw new Error(`${qs}: ${error}`);
            return true;
          }
          bad++;
          const body = await res.json();
          if (res.status !== 400) throw new Error(`${qs}: HTTP ${res.status} ${JSON.stringify(body)}`);
          // The named parameter is one the request gave, or a required one it left out.
          const given = [...new URLSearchParams(qs).keys()];
          const parameter = body.error?.parameter;
          if (typeof parameter !== "string" || !(given.includes(parameter) || names.includes(parameter)))
            throw new Error(`${qs}: 400 without naming a parameter: ${JSON.stringify(body)}`);
          return true;
        }),
        { numRuns: RUNS },
      );
      expect(ok + bad).toBeGreaterThanOrEqual(RUNS);
      // Both sides were exercised.
      expect(ok).toBeGreaterThan(20);
      expect(bad).toBeGreaterThan(20);
    },
  );
});

describe("fuzzed path ids", () => {
  const detail = [
    { handler: blockRoute.GET, path: "/blocks/{id}" },
    { handler: extrinsicRoute.GET, path: "/extrinsics/{id}" },
  ];
  it.each(detail)("$path: 200 matching the document, or 400/404 naming id", async ({ handler, path }) => {
    const ref = contract.responseRef(path);
    await fc.assert(
      fc.asyncProperty(value(), async (id) => {
        const res = await call(handler, path.replace("{id}", encodeURIComponent(id)), { params: { id } });
        const body = await res.json();
        if (res.status === 200) {
          const error = contract.check(ref, body);
          if (error) throw new Error(`${id}: ${error}`);
        } else if ((res.status !== 400 && res.status !== 404) || body.error?.parameter !== "id")
          throw new Error(`${JSON.stringify(id)}: HTTP ${res.status} ${JSON.stringify(body)}`);
        return true;
      }),
      { numRuns: RUNS },
    );
  });
});
