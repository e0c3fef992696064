/**
 * The line chart, drawn by uPlot: about 50 kB, no dependencies, canvas (no inline scripts or
 * styles beyond what the CSP allows). Axes are labelled by us, so months and numbers read the
 * Vietnamese way rather than uPlot's English dates. One line per unit (up to five), each its own
 * colour, named in the legend under the chart; a point whose figure has an open flag is drawn as
 * a larger hollow ring, and hovering a month shows its values and the flags' messages. New figures
 * (another desk's) go into the chart already drawn, so it does not blink and a tooltip being read
 * stays, showing the new values.
 */
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import { formatNumber } from '../../format/numbers';
import type { Lines } from './series';

export interface TrendChartProps { data: Lines; names: string[]; monthLabel: (m: string) => string; flaggedLabel: string }

const HEIGHT = 360;
/** Distinct on screen and in greyscale print: the app's red first. */
export const LINE_COLOURS = ['#8b1a1a', '#1f5fa8', '#2e7d32', '#b26a00', '#6a3d9a'];

interface Tip { left: number; top: number; lines: string[] }

/** uPlot's columns: the months' indexes, each line's values, then each line's flagged values (the rings). */
function columns(data: Lines): uPlot.AlignedData {
  const flaggedValues = data.lines.map((l) => l.values.map((v, i) => (l.flags[i] ? v : null)));
  return [data.months.map((_, i) => i), ...data.lines.map((l) => l.values), ...flaggedValues];
}

export function TrendChart({ data, names, monthLabel, flaggedLabel }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const plot = useRef<uPlot | null>(null);
  // What is drawn now, for the axes and the tooltip: the chart outlives a change of its figures.
  const shown = useRef(data);
  shown.current = data;
  // A new chart only for other lines (units) or words; the same lines with new figures are set below.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const months = () => shown.current.months;
    const colour = (k: number) => LINE_COLOURS[k % LINE_COLOURS.length]!;
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: HEIGHT,
      // Half a step of room either side, so the first and last month's labels are not cut.
      // The y-axis starts at zero (issue 17): a scale cut above zero makes a small change look large.
      scales: {
        x: { time: false, range: () => [-0.4, Math.max(0, months().length - 1) + 0.4] },
        y: { range: (_u, min, max) => [Math.min(0, min ?? 0), Math.max(1, (max ?? 0) * 1.1)] },
      },
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        {},
        ...names.map((name, k) => ({ label: name, stroke: colour(k), width: 2, points: { size: 7, fill: colour(k) }, value: (_u: uPlot, v: number | null) => formatNumber(v) })),
        // The flagged points as a series of their own: only those months, no line, a big hollow ring.
        ...names.map((name, k) => ({ label: `${name} (${flaggedLabel})`, stroke: colour(k), width: 0, paths: () => null, points: { show: true, size: 15, width: 3, fill: '#ffffff', stroke: colour(k) } })),
      ],
      axes: [
        { splits: () => months().map((_, i) => i), values: (_u, splits) => splits.map((i) => monthLabel(months()[i] ?? '')), font: '12px sans-serif' },
        { values: (_u, splits) => splits.map((v) => formatNumber(v)), size: 70, font: '12px sans-serif' },
      ],
      hooks: {
        // The y-scale as drawn, on the element: the browser tests check it starts at zero.
        setScale: [(u, key) => { if (key === 'y') { el.dataset.yMin = String(u.scales.y!.min); el.dataset.yMax = String(u.scales.y!.max); } }],
        setCursor: [(u) => {
          const i = u.cursor.idx;
          if (i === null || i === undefined || u.cursor.left === undefined || u.cursor.left < 0) { setTip(null); return; }
          const { lines } = shown.current;
          const rows = lines.map((l, k) => `${names[k]}: ${formatNumber(l.values[i])}`);
          const flags = lines.flatMap((l, k) => (l.flags[i] ? [`⚑ ${names[k]}: ${l.flags[i]}`] : []));
          setTip({ left: u.valToPos(i, 'x') + 12, top: (u.cursor.top ?? 0) + 12, lines: [monthLabel(months()[i] ?? ''), ...rows, ...flags] });
        }],
      },
    };
    const made = new uPlot(opts, columns(shown.current), el);
    plot.current = made;
    const resize = new ResizeObserver(() => made.setSize({ width: Math.max(320, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => { resize.disconnect(); made.destroy(); plot.current = null; };
  }, [names, monthLabel, flaggedLabel]);
  // New figures: the scales, the month labels and a shown tooltip are worked out again in place.
  useEffect(() => {
    plot.current?.setData(columns(data));
    plot.current?.redraw(false, true);
  }, [data]);
  return (
    <div className="chart-wrap">
      <div ref={box} className="chart" data-testid="trend-chart" />
      {tip && (
        <div className="chart-tip" style={{ left: tip.left, top: tip.top }} data-testid="trend-tip">
          {tip.lines.map((l, k) => <div key={k} className={l.startsWith('⚑') ? 'flag' : undefined}>{l}</div>)}
        </div>
      )}
      <ul className="chart-legend" data-testid="trend-legend">
        {names.map((n, k) => <li key={n}><span className="swatch" style={{ background: LINE_COLOURS[k % LINE_COLOURS.length] }} />{n}</li>)}
        <li><span className="swatch ring" />{flaggedLabel}</li>
      </ul>
    </div>
  );
}
