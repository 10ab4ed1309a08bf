// A list page's filter form (a GET form: the filters land in the URL), with Clear and a CSV link.
import Form from "next/form";

export interface FilterField {
  name: string;
  label: string;
  value: string | undefined;
  width?: string;
  numeric?: boolean;
  options?: readonly (readonly [string, string])[];
}

const input =
  "rounded-md border border-zinc-200 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900";

export function ListFilters({
  action,
  label,
  fields,
  csvHref,
  problems,
}: {
  action: string;
  label: string;
  fields: FilterField[];
  csvHref: string | null;
  problems: string[];
}) {
  const filtered = fields.some((f) => f.value !== undefined && f.value !== "");
  return (
    <>
      <Form action={action} className="flex flex-wrap items-end gap-3 text-sm" aria-label={label}>
        {fields.map((f) => (
          <label key={f.name} htmlFor={`filter-${f.name}`} className="flex flex-col gap-1 text-zinc-500">
            {f.label}
            {f.options ? (
              <select id={`filter-${f.name}`} name={f.name} defaultValue={f.value ?? ""} className={input}>
                {f.options.map(([v, text]) => (
                  <option key={v} value={v}>
                    {text}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`filter-${f.name}`}
                name={f.name}
                defaultValue={f.value}
                inputMode={f.numeric ? "numeric" : undefined}
                pattern={f.numeric ? "[0-9]*" : undefined}
                className={`${f.width ?? "w-28"} max-w-full ${input}`}
              />
            )}
          </label>
        ))}
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-500"
        >
          Filter
        </button>
        {filtered ? (
          <a href={action} className="py-1.5 text-zinc-500 hover:underline">
            Clear
          </a>
        ) : null}
        {csvHref ? (
          <a href={csvHref} className="ml-auto py-1.5 text-brand-600 hover:underline">
            Download CSV
          </a>
        ) : null}
      </Form>
      {problems.length > 0 ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {problems.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** `/api/v1/<list>?…&format=csv` for the API params of a page (cursor and page size dropped). */
export function csvHref(list: string, params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && k !== "after" && k !== "before" && k !== "limit") q.set(k, String(v));
  q.set("format", "csv");
  return `/api/v1/${list}?${q.toString()}`;
}
