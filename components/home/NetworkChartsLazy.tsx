"use client";
// Recharts loads after first paint (the home page's LCP is the stat cards).
import dynamic from "next/dynamic";
import { Skeleton } from "../ui/Skeleton";

export const NetworkChartsLazy = dynamic(() => import("./NetworkCharts").then((m) => m.NetworkCharts), {
  ssr: false,
  loading: () => <Skeleton className="h-64" />,
});
