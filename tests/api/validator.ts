// Validates bodies against the served OpenAPI document with ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

export interface OpenApiDoc {
  paths: Record<
    string,
    {
      get: {
        parameters: { name: string; in: string }[];
        responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
      };
    }
  >;
  components: { schemas: Record<string, Record<string, unknown>> };
}

export class ContractValidator {
  readonly #ajv: Ajv2020;
  constructor(readonly doc: OpenApiDoc) {
    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.#ajv);
    // Refs in the document are `#/components/schemas/X`, relative to the document root.
    this.#ajv.addSchema({ $id: "openapi.json", components: doc.components }, "openapi.json");
  }

  /** The $ref of `path`'s response `status` (application/json). */
  responseRef(path: string, status = "200"): string {
    const ref =
      this.doc.paths[`/api/v1${path}`]?.get.responses[status]?.content?.["application/json"]?.schema.$ref;
    if (!ref) throw new Error(`no JSON response ${status} for ${path} in the document`);
    return ref;
  }

  /** Error text, or null when `body` matches the schema. */
  check(ref: string, body: unknown): string | null {
    const validate = this.#ajv.getSchema(`openapi.json${ref}`);
    if (!validate) throw new Error(`unresolvable ${ref}`);
    return validate(body) ? null : this.#ajv.errorsText(validate.errors);
  }

  /** Column names CSV export must produce for a list schema: the item's properties, nested objects dotted. */
  csvColumns(listRef: string): string[] {
    const resolve = (s: Record<string, unknown>): Record<string, unknown> => {
      if (typeof s.$ref === "string") return resolve(this.doc.components.schemas[s.$ref.split("/").pop()!]!);
      const alt = (s.anyOf as Record<string, unknown>[] | undefined)?.find((x) => x.type !== "null");
      return alt ? resolve(alt) : s;
    };
    const list = resolve({ $ref: listRef });
    const item = resolve(
      (list.properties as Record<string, Record<string, unknown>>).data!.items as Record<string, unknown>,
    );
    const cols: string[] = [];
    const walk = (s: Record<string, unknown>, prefix: string) => {
      const r = resolve(s);
      if (r.type === "object" && r.properties) {
        for (const [k, v] of Object.entries(r.properties as Record<string, Record<string, unknown>>))
          walk(v, prefix ? `${prefix}.${k}` : k);
      } else cols.push(prefix);
    };
    walk(item, "");
    return cols;
  }
}
