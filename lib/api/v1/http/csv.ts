// CSV export of list endpoints: columns come from the item schema (nested objects flattened to `a.b`), so the
// header is the same whether or not there are rows, and values are written RFC 4180 style.
import { z } from "zod";

/** Column paths of an object schema, nested objects flattened (`signer.ss58`); other values are one column. */
export function csvColumns(item: z.ZodType): string[][] {
  const out: string[][] = [];
  const walk = (s: z.ZodType, prefix: string[]) => {
    const inner = unwrap(s);
    if (inner instanceof z.ZodObject) {
      for (const [k, v] of Object.entries(inner.shape)) walk(v as z.ZodType, [...prefix, k]);
    } else out.push(prefix);
  };
  walk(item, []);
  return out;
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
  return cur;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || /^[=+\-@\t\r]/.test(text) ? `"${guard(text).replaceAll('"', '""')}"` : text;
}

/** Spreadsheet formula injection: a leading =, +, -, @ would be evaluated; a quote-prefixed ' is not. */
const guard = (text: string) => (/^[=+@\t\r]/.test(text) ? `'${text}` : text);

export function csvHeader(columns: string[][]): string {
  return `${columns.map((c) => cell(c.join("."))).join(",")}\r\n`;
}

export function csvRow(columns: string[][], row: unknown): string {
  return `${columns
    .map((path) => {
      let v: unknown = row;
      for (const k of path) v = v === null || v === undefined ? v : (v as Record<string, unknown>)[k];
      return cell(v);
    })
    .join(",")}\r\n`;
}
