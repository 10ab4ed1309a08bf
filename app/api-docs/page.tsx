// Human docs for the public API, rendered on the server from the same OpenAPI document /api/v1/openapi.json
// serves (so the two cannot disagree). No client code, no external assets.
import type { Metadata } from "next";
import { openApiDocument } from "../../lib/api/v1/registry";

export const metadata: Metadata = { title: "API" };

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  parameters: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}

function typeText(s: Record<string, unknown>): string {
  if (Array.isArray(s.enum)) return (s.enum as string[]).join(" | ");
  if (Array.isArray(s.oneOf))
    return (s.oneOf as Record<string, unknown>[]).map((x) => String(x.format ?? x.type)).join(" or ");
  const range =
    s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ""}–${s.maximum ?? ""}` : "";
  return `${String(s.type ?? "any")}${range}`;
}

/** A request that works: path parameters filled, required query parameters given, lists limited. */
function example(path: string, op: Operation): string {
  const query = op.parameters
    .filter((p) => p.in === "query" && (p.required || p.name === "limit"))
    .map((p) => `${p.name}=${p.name === "limit" ? 5 : 1}`);
  return `${path.replace(/\{\w+\}/g, "1")}${query.length > 0 ? `?${query.join("&")}` : ""}`;
}

const refName = (ref: string | undefined) => ref?.split("/").pop() ?? "";

function SchemaBlock({ name, schema }: { name: string; schema: Record<string, unknown> }) {
  return (
    <details id={`schema-${name}`} className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
      <summary className="cursor-pointer font-mono text-sm">{name}</summary>
      <pre className="mt-2 overflow-x-auto text-xs">{JSON.stringify(schema, null, 2)}</pre>
    </details>
  );
}

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const info = doc.info as { title: string; version: string; description: string };
  const operations = Object.entries(doc.paths).map(([path, item]) => ({ path, op: item.get as Operation }));
  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">
          {info.title} <span className="text-base font-normal text-zinc-500">v{info.version}</span>
        </h1>
        <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{info.description}</p>
        <p className="text-sm">
          Machine-readable:{" "}
          <a className="font-mono text-blue-700 underline dark:text-blue-400" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1). Errors are <code className="font-mono">{"{error: {code, message, parameter}}"}</code>
          .
        </p>
      </header>

      <nav aria-label="Endpoints" className="flex flex-wrap gap-2 text-sm">
        {operations.map(({ path, op }) => (
          <a
            key={path}
            href={`#${op.operationId}`}
            className="rounded border border-zinc-200 px-2 py-1 font-mono dark:border-zinc-800"
          >
            {path.replace("/api/v1", "")}
          </a>
        ))}
      </nav>

      {operations.map(({ path, op }) => (
        <section
          key={path}
          id={op.operationId}
          className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <h2 className="font-mono text-lg">
            <span className="mr-2 rounded bg-emerald-100 px-1.5 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
              GET
            </span>
            {path}
          </h2>
          <p className="font-medium">{op.summary}</p>
          <p className="max-w-4xl text-sm text-zinc-600 dark:text-zinc-400">{op.description}</p>
          {op.parameters.length > 0 ? (
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500">
                <tr>
                  <th className="py-1 pr-4">Parameter</th>
                  <th className="py-1 pr-4">In</th>
                  <th className="py-1 pr-4">Type</th>
                  <th className="py-1">Description</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="border-t border-zinc-100 dark:border-zinc-800">
                    <td className="py-1 pr-4 font-mono">
                      {p.name}
                      {p.required ? <span className="text-red-600"> *</span> : null}
                    </td>
                    <td className="py-1 pr-4">{p.in}</td>
                    <td className="py-1 pr-4 font-mono text-xs">
                      {typeText(p.schema)}
                      {p.schema.default !== undefined ? ` (default ${String(p.schema.default)})` : ""}
                    </td>
                    <td className="py-1">{p.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="text-sm">
            Responses:{" "}
            {Object.entries(op.responses).map(([status, r]) => {
              const ref = refName(r.content?.["application/json"]?.schema.$ref);
              return (
                <span key={status} className="mr-3">
                  <span className="font-mono">{status}</span>{" "}
                  {ref ? (
                    <a className="text-blue-700 underline dark:text-blue-400" href={`#schema-${ref}`}>
                      {ref}
                    </a>
                  ) : (
                    r.description
                  )}
                  {r.content?.["text/csv"] ? " · CSV" : ""}
                </span>
              );
            })}
          </p>
          <pre className="overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-950">
            {`curl -s '${example(path, op)}'`}
          </pre>
        </section>
      ))}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Schemas</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <SchemaBlock key={name} name={name} schema={schema} />
        ))}
      </section>
    </article>
  );
}
