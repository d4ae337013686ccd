import type { ECharts, EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";

/** Loaded on first use: dashboards pay for ECharts, the rest of the app does not. */
let loader: Promise<typeof import("./echarts")> | null = null;
const loadECharts = () => {
  loader ??= import("./echarts");
  return loader;
};

export interface ChartClick {
  seriesName?: string;
  seriesId?: string;
  name?: string;
  dataIndex: number;
  data?: unknown;
}

/**
 * One ECharts instance per mount, updated in place (`replaceMerge` on series) so live data
 * moves the lines instead of redrawing the box. SVG output: crisp, and readable by tests.
 * `label` names the chart for assistive tech; ECharts' aria module adds a data description.
 */
export function EChart({
  option,
  label,
  height = 260,
  onClick,
}: {
  option: EChartsCoreOption;
  label: string;
  height?: number;
  onClick?: (event: ChartClick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);
  const click = useRef(onClick);
  latest.current = option;
  click.current = onClick;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadECharts().then(({ echarts }) => {
      if (disposed || !box.current) return;
      const instance = echarts.init(box.current, null, { renderer: "svg" });
      chart.current = instance;
      instance.setOption({ aria: { enabled: true }, ...latest.current });
      instance.on("click", (event) => click.current?.(event as unknown as ChartClick));
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, { replaceMerge: ["series"] });
  }, [option]);

  return (
    <div
      ref={box}
      className={`echart${onClick ? " echart-clickable" : ""}`}
      role="img"
      aria-label={label}
      style={{ height }}
    />
  );
}
