// Internal (not part of /api/v1): hourly closing prices of up to 20 subnets over the last 7 days, in one query,
// for the home page's top-subnets sparklines.
import { z } from "zod";
import { subnetSparklines } from "../../../lib/queries/subnets";

export const dynamic = "force-dynamic";

const Netuids = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,4})(,(0|[1-9][0-9]{0,4})){0,19}$/)
  .transform((s) => [...new Set(s.split(",").map(Number))])
  .refine((ns) => ns.every((n) => n <= 65_535));

export async function GET(request: Request): Promise<Response> {
  const parsed = Netuids.safeParse(new URL(request.url).searchParams.get("netuids") ?? "");
  if (!parsed.success)
    return Response.json(
      {
        error: {
          code: "invalid_parameter",
          parameter: "netuids",
          message: "netuids must be 1 to 20 comma-separated subnet ids (0-65535)",
        },
      },
      { status: 400 },
    );
  return Response.json(
    { data: await subnetSparklines(parsed.data) },
    { headers: { "cache-control": "no-store" } },
  );
}
