// The app's one chart: recharts bars drawn as SVG (crisp in print and PDF),
// coloured by the theme's CSS variables (charts.css), with a text tooltip.
// Loaded lazily (LazyBarChart.tsx) so the first view does not wait for it.
import { Bar, BarChart as Chart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartBar, ChartData } from './chart-data';
import './charts.css';

export interface BarChartProps {
  data: ChartData;
  /** A fixed width in px (print); the container's width otherwise. */
  width?: number;
  height?: number;
  /** A click on a bar (trends: open the month). */
  onBar?: (key: string) => void;
}

function TooltipText(props: { active?: boolean; payload?: readonly { payload?: ChartBar }[] }) {
  const bar = props.active ? props.payload?.[0]?.payload : undefined;
  if (!bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.label}</strong> {bar.text}
    </div>
  );
}

export default function BarChart(props: BarChartProps) {
  const { data, onBar } = props;
  const rows = data.layout === 'rows';
  const height = props.height ?? (rows ? Math.max(120, 28 * data.bars.length + 40) : 200);
  const chart = (
    <Chart
      data={data.bars}
      layout={rows ? 'vertical' : 'horizontal'}
      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      {...(props.width !== undefined && { width: props.width, height })}
    >
      <CartesianGrid className="chart-grid" vertical={rows} horizontal={!rows} />
      {rows ? (
        <>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="label" width={160} tickLine={false} className="chart-axis" interval={0} />
        </>
      ) : (
        <>
          <XAxis dataKey="label" tickLine={false} className="chart-axis" />
          <YAxis hide />
        </>
      )}
      <Tooltip content={<TooltipText />} cursor={{ className: 'chart-cursor' }} isAnimationActive={false} />
      <Bar
        dataKey="value"
        className="chart-bar"
        isAnimationActive={false}
        maxBarSize={48}
        {...(onBar && { onClick: (entry: { payload?: ChartBar }) => entry.payload && onBar(entry.payload.key), cursor: 'pointer' })}
      />
    </Chart>
  );
  return (
    <div className="chart" role="img" aria-label={data.title} data-testid="bar-chart">
      {props.width !== undefined ? chart : <ResponsiveContainer width="100%" height={height}>{chart}</ResponsiveContainer>}
    </div>
  );
}
