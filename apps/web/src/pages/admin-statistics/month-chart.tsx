import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

const HEIGHT = 220;

/**
 * Twelve months as bars, drawn by uPlot on a canvas as wide as its box. A canvas says
 * nothing to a screen reader: it is an image named by `label`, and the table under the
 * charts carries the same figures.
 */
export function MonthChart({
  label,
  monthNames,
  narrowMonthNames,
  values,
  color,
  formatValue,
  maxValue,
}: {
  label: string;
  monthNames: readonly string[];
  /** One letter each, for a chart too narrow for the short names. */
  narrowMonthNames: readonly string[];
  values: readonly number[];
  color: string;
  formatValue: (value: number) => string;
  /** The scale's top; absent: from the data. */
  maxValue?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  // The latest texts for uPlot's callbacks, without drawing the chart anew for each.
  const format = useRef(formatValue);
  format.current = formatValue;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const ink = getComputedStyle(element).color;
    const grid = { stroke: "rgb(127 127 127 / 0.25)", width: 1 };
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, monthNames.length - 0.5] },
          y: { range: (_self, _min, max) => [0, maxValue ?? (max > 0 ? max * 1.1 : 1)] },
        },
        axes: [
          {
            stroke: ink,
            grid: { show: false },
            ticks: { show: false },
            size: 28,
            splits: () => monthNames.map((_, index) => index),
            values: (self, splits) => {
              const names = self.width / monthNames.length < 40 ? narrowMonthNames : monthNames;
              return splits.map((index) => names[index] ?? "");
            },
          },
          {
            stroke: ink,
            grid,
            ticks: grid,
            size: 64,
            values: (_self, splits) => splits.map((value) => format.current(value)),
          },
        ],
        series: [
          {},
          {
            fill: color,
            stroke: color,
            paths: uPlot.paths.bars?.({ size: [0.7, 48] }),
            points: { show: false },
          },
        ],
      },
      [monthNames.map((_, index) => index), [...values]],
      element,
    );
    const canvas = plot.root.querySelector("canvas");
    canvas?.setAttribute("role", "img");
    canvas?.setAttribute("aria-label", label);
    const resize = new ResizeObserver(() => {
      plot.setSize({ width: Math.max(element.clientWidth, 200), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [label, monthNames, narrowMonthNames, values, color, maxValue]);

  return <div ref={box} className="month-chart" data-testid="month-chart" />;
}
