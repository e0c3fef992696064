/**
 * The line chart, drawn by uPlot: about 50 kB, no dependencies, canvas (no inline scripts or
 * styles beyond what the CSP allows). Axes are labelled by us, so months and numbers read the
 * Vietnamese way rather than uPlot's English dates.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatNumber } from '../../format/numbers';
import type { Series } from './series';

export interface TrendChartProps { series: Series; label: string; monthLabel: (m: string) => string }

const HEIGHT = 360;

export function TrendChart({ series, label, monthLabel }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = series.months.map((_, i) => i);
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: HEIGHT,
      // Half a step of room either side, so the first and last month's labels are not cut.
      // The y-axis starts at zero (issue 17): a scale cut above zero makes a small change look large.
      scales: {
        x: { time: false, range: () => [-0.4, Math.max(0, xs.length - 1) + 0.4] },
        y: { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(1, (max ?? 0) * 1.1)] },
      },
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        {},
        { label, stroke: '#8b1a1a', width: 2, points: { size: 7, fill: '#8b1a1a' }, value: (_u, v) => formatNumber(v) },
      ],
      axes: [
        { splits: () => xs, values: (_u, splits) => splits.map((i) => monthLabel(series.months[i] ?? '')), font: '12px sans-serif' },
        { values: (_u, splits) => splits.map((v) => formatNumber(v)), size: 70, font: '12px sans-serif' },
      ],
    };
    const plot = new uPlot(opts, [xs, series.values], el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [series, label, monthLabel]);
  return <div ref={box} className="chart" data-testid="trend-chart" />;
}
