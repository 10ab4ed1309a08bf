// The OpenAPI 3.1 document, generated from the endpoint declarations: parameters from the query/path zod
// objects (with the `documented` JSON Schema of each), responses from the registered zod response schemas.
import { z } from "zod";
import type { Endpoint } from "./endpoint";
import { API_PREFIX } from "./http/route";
import { paramDoc } from "./params";
import { apiSchemas, ErrorSchema } from "./schemas";

export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function componentSchemas(): Record<string, Record<string, unknown>> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, Record<string, unknown>> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}

function schemaId(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("endpoint response schema is not registered with named()");
  return id;
}

function parameters(shape: z.ZodObject | undefined, where: "query" | "path"): Record<string, unknown>[] {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, s]) => {
    const schema = s as z.ZodType;
    const doc =
      paramDoc(schema) ?? (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as object);
    const { description, ...rest } = doc as { description?: string } & Record<string, unknown>;
    delete rest.$schema;
    const optional = where === "query" && schema.safeParse(undefined).success;
    return { name, in: where, required: !optional, description, schema: rest };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});

export function buildOpenApi(endpoints: readonly Endpoint[]): OpenApiDocument {
  schemaId(ErrorSchema);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const id = schemaId(e.response);
    const content: Record<string, unknown> = { "application/json": { schema: ref(id) } };
    if (e.list) content["text/csv"] = { schema: { type: "string", description: "with format=csv" } };
    const responses: Record<string, unknown> = {
      "200": {
        description: "OK",
        headers: e.cache === "head" ? { ETag: { schema: { type: "string" } } } : undefined,
        content,
      },
      "400": errorResponse("Invalid parameter; `error.parameter` names it"),
      "429": errorResponse("Rate limited; retry after the Retry-After header's seconds"),
      "500": errorResponse("Unexpected server error; `error.request_id` identifies it in the logs"),
    };
    if (e.cache === "head")
      responses["304"] = { description: "Not modified (If-None-Match matched the ETag)" };
    if (e.params || e.notFound) responses["404"] = errorResponse(e.notFound ?? "Not found");
    if (e.id === "getHealth") responses["503"] = { description: "Database down", content };
    paths[`${API_PREFIX}${e.path}`] = {
      get: {
        operationId: e.id,
        tags: [e.tag],
        summary: e.summary,
        description: e.description,
        parameters: [
          ...parameters(e.params as z.ZodObject | undefined, "path"),
          ...parameters(e.query as unknown as z.ZodObject, "query"),
        ],
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Taoview API",
      version: "1.0.0",
      description:
        "Public JSON API of a Taoview explorer: everything the dashboard shows. Amounts are decimal strings in " +
        "rao (1 TAO = 1e9 rao); addresses are {ss58, hex}; lists take limit (1-1000, default 50) and either " +
        "keyset cursors (after/before) or page numbers, and format=csv for the full result as CSV. Answers " +
        "carry an ETag keyed to the indexed head (If-None-Match → 304). Rate limit per client IP: 600 " +
        "requests/minute by default, set by the server's API_RATE_LIMIT_PER_MIN (429 with Retry-After).",
      license: { name: "AGPL-3.0-or-later" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: { schemas: componentSchemas() },
  };
}
