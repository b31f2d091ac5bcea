import { CHART_FONT, echarts } from './chart.ts';

/** The chart's two drawings: the page shows the narrow one on a phone, as the trend chart does. */
export const DISTRIBUTION_CHART_WIDTH = { wide: 720, narrow: 360 } as const;
const HEIGHT = 300;

export interface DistributionChart {
  /** The bands' labels, lowest first (0〜10%). */
  readonly bands: readonly string[];
  /** Plans in each band. */
  readonly counts: readonly number[];
  /** The band of the highlighted municipality, marked by a darker bar and the marker above it. */
  readonly highlight: { readonly band: number; readonly marker: string } | null;
  readonly axisName: string;
}

const BAR = '#7a9cc6';
const HIGHLIGHT = '#0b2f66';

/**
 * A histogram of rates in ten-point bands, drawn on the server (no script): each bar labelled with its
 * count, the highlighted band darker and marked with a sign above its count, so it is told by more
 * than its colour. The page gives the same figures in words and as a table.
 */
export function distributionSvg(
  chart: DistributionChart,
  width: number = DISTRIBUTION_CHART_WIDTH.wide,
): string {
  const narrow = width < 480;
  const instance = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height: HEIGHT });
  const highlighted = chart.highlight?.band ?? -1;
  instance.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: '#222' },
    grid: { left: 44, right: narrow ? 12 : 24, top: 36, bottom: narrow ? 64 : 44 },
    xAxis: {
      type: 'category',
      data: chart.bands,
      axisLabel: { color: '#222', fontSize: narrow ? 10 : 12, interval: 0, rotate: narrow ? 45 : 0 },
    },
    yAxis: {
      type: 'value',
      name: chart.axisName,
      minInterval: 1,
      axisLabel: { color: '#222' },
      nameTextStyle: { color: '#222' },
    },
    series: [
      {
        type: 'bar',
        barCategoryGap: '12%',
        data: chart.counts.map((count, i) => ({
          value: count,
          itemStyle: { color: i === highlighted ? HIGHLIGHT : BAR },
        })),
        label: {
          show: true,
          position: 'top',
          color: '#222',
          fontSize: 12,
          formatter: (p: { dataIndex: number; value: number }) =>
            p.dataIndex === highlighted && chart.highlight
              ? `${chart.highlight.marker}${p.value}`
              : String(p.value),
        },
      },
    ],
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg;
}
