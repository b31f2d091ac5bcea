import type PptxGenJS from 'pptxgenjs';
import { kpiChartDescription } from '../chart.ts';
import { kpiChartModel, numberFormatCode, type ChartLine, type ChartModel } from '../chart-model.ts';
import type { Slide } from '../slides.ts';
import type { PptxContext } from './context.ts';
import { addHeading, addSection, framedSlide, textOptions } from './frame.ts';
import { paragraphLines } from './measure.ts';
import { OFFICE_FONTS } from '../office-fonts.ts';
import { BODY_BOTTOM, COLOR, CONTENT_WIDTH, lineHeight, MARGIN_X } from './style.ts';

/** The chart's colours, the web's and the PDF's (render/chart.ts). */
const PALETTE = ['1F4E99', 'B3381F', '1D6B3A', '6B3FA0'];
const SYMBOLS = ['circle', 'triangle'] as const;
const LABEL_SIZE = 11;
const AXIS_SIZE = 12;
const STATEMENT_SIZE = 14;
/** A chart names one face for all its text, which holds Japanese in either edition (units, plan texts). */
const CHART_FONT = OFFICE_FONTS.ja.eastAsian;

/** A text in a number format: quoted, with its own quotes doubled away (they cannot be escaped). */
const literal = (text: string): string => `"${text.replace(/"/g, '”')}"`;

/**
 * The label a point shows, as a number format, so PowerPoint prints the model's text (基準値 18.43,
 * 7,295) from the value it holds: the figure becomes the number part, with the words around it quoted.
 * A negative figure has its own section, or the minus would go before the words (-基準値 40). A figure
 * the text does not hold as a plain number (「1万7187人超」) is printed as written.
 */
export function labelFormatCode(line: ChartLine, places: number): string {
  const number = numberFormatCode(places);
  const point = line.points.find((p) => p !== null);
  if (!point || line.role === 'actual') return number;
  const at = point.text.indexOf(point.figure);
  if (at < 0) return literal(point.text);
  const before = point.text.slice(0, at);
  const after = point.text.slice(at + point.figure.length);
  const quoted = (text: string) => (text ? literal(text) : '');
  if (!point.figure.startsWith('-')) return `${quoted(before)}${number}${quoted(after)}`;
  return `${quoted(before)}${number}${quoted(after)};${literal(`${before}-`)}${number}${quoted(after)}`;
}

/** Each line as one of PowerPoint's line charts, drawn as the picture draws it: dash, marker, colour. */
function lineChart(
  pptx: PptxGenJS,
  line: ChartLine,
  model: ChartModel,
  count: number,
): PptxGenJS.IChartMulti {
  const color = PALETTE[line.series % PALETTE.length] ?? COLOR.accent;
  const data = [
    {
      name: line.name,
      labels: [...model.categories],
      // A year without a figure is left blank, not drawn as zero; pptxgenjs writes null as an empty cell.
      values: line.points.map((p) => (p === null ? null : p.value)) as number[],
    },
  ];
  const options: PptxGenJS.IChartOpts = {
    // pptxgenjs picks a marker's colour by the series's place among all the chart's series.
    chartColors: Array.from({ length: count }, () => color),
    showValue: line.label !== null,
    dataLabelFormatCode: labelFormatCode(line, model.places),
    dataLabelFontFace: CHART_FONT,
    dataLabelFontSize: LABEL_SIZE,
    dataLabelColor: COLOR.ink,
    dataLabelFontBold: line.role !== 'actual',
    dataLabelPosition: line.label === 'below' ? 'b' : 't',
  };
  switch (line.role) {
    case 'actual':
      return {
        type: pptx.ChartType.line,
        data,
        options: {
          ...options,
          lineSize: 2.5,
          lineDataSymbol: SYMBOLS[line.series % SYMBOLS.length],
          lineDataSymbolSize: 8,
        },
      };
    case 'path':
    case 'projection':
      return {
        type: pptx.ChartType.line,
        data,
        options: {
          ...options,
          lineSize: 1.5,
          lineDash: line.role === 'path' ? 'dash' : 'sysDot',
          lineDataSymbol: 'none',
        },
      };
    case 'baseline':
    case 'target':
      return {
        type: pptx.ChartType.line,
        data,
        options: {
          ...options,
          lineSize: 0,
          lineDataSymbol: line.role === 'baseline' ? 'square' : 'diamond',
          lineDataSymbolSize: 11,
        },
      };
  }
}

/**
 * One KPI's chart, as a native PowerPoint chart that editors can restyle and whose figures they can
 * open: the same years, lines, marks and label texts as the web's and the PDF's (chart-model.ts),
 * the description as its alt text, and the pace in words below it. The KPI's name stays text above it.
 */
export function drawChartSlide(ctx: PptxContext, s: Extract<Slide, { kind: 'chart' }>): void {
  const slide = framedSlide(ctx);
  const top = addSection(slide, ctx, s.kpi.name, addHeading(slide, ctx, s.heading));
  const model = kpiChartModel(s.kpi, ctx.evaluation, ctx.messages);
  const words = [...model.statements, ...model.notes];
  const wordsHeight =
    words.reduce((n, text) => n + paragraphLines(text, CONTENT_WIDTH, STATEMENT_SIZE), 0) *
    lineHeight(STATEMENT_SIZE);
  const chartHeight = BODY_BOTTOM - top - (words.length > 0 ? wordsHeight + 0.15 : 0);
  const charts = model.lines.map((line) => lineChart(ctx.pptx, line, model, model.lines.length));
  const options: PptxGenJS.IChartOpts = {
    x: MARGIN_X,
    y: top,
    w: CONTENT_WIDTH,
    h: chartHeight,
    altText: kpiChartDescription(s.kpi, ctx.messages),
    objectName: s.kpi.name,
    showLegend: true,
    legendPos: 'b',
    legendFontFace: CHART_FONT,
    legendFontSize: AXIS_SIZE,
    catAxisLabelFontFace: CHART_FONT,
    catAxisLabelFontSize: AXIS_SIZE,
    valAxisLabelFontFace: CHART_FONT,
    valAxisLabelFontSize: AXIS_SIZE,
    valAxisLabelFormatCode: numberFormatCode(model.axis.places),
    valAxisMinVal: model.axis.min,
    valAxisMaxVal: model.axis.max,
    valAxisMajorUnit: model.axis.step,
    showValAxisTitle: model.unit !== null && model.unit !== '',
    valAxisTitle: model.unit ?? '',
    valAxisTitleFontFace: CHART_FONT,
    valAxisTitleFontSize: AXIS_SIZE,
    valAxisTitleRotate: 0,
    catAxisLabelPos: 'low',
    displayBlanksAs: 'span',
    lang: ctx.lang,
  };
  // A chart of several line charts takes its options second (pptxgenjs's types know only the one form).
  slide.addChart(charts, options as unknown as unknown[]);
  if (words.length > 0) {
    slide.addText(words.join('\n'), {
      ...textOptions(ctx, STATEMENT_SIZE),
      x: MARGIN_X,
      y: BODY_BOTTOM - wordsHeight,
      w: CONTENT_WIDTH,
      h: wordsHeight,
      objectName: 'Chart in words',
    });
  }
}
