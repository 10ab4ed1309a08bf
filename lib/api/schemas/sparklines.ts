import { z } from "zod";

export const SparklinePointSchema = z.object({
  timestamp: z.string(),
  price: z
    .string()
    .regex(/^[0-9]+(\.[0-9]+)?$/)
    .describe("rao per alpha"),
});
/** Hourly closes keyed by netuid (JSON object keys are strings). */
export const SparklinesSchema = z.object({ data: z.record(z.string(), z.array(SparklinePointSchema)) });
export type SparklinePointDto = z.infer<typeof SparklinePointSchema>;
