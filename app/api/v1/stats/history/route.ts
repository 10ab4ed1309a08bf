import { route } from "../../../../../lib/api/v1/http/route";
import { endpoints } from "../../../../../lib/api/v1/registry";

export const dynamic = "force-dynamic";
export const { GET, OPTIONS } = route(endpoints.statsHistory);
