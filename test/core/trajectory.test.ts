import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src/core/decimal.ts';
import { MIN_PROJECTION_POINTS, seriesTrajectory } from '../../src/core/trajectory.ts';
import { makeSeries, value } from '../support/plans.ts';
import { kitamotoR4 } from '../support/kitamoto.ts';

const d = (v: string) => v as DecimalString;

describe('trajectories', () => {
  it('places the expected value on the straight path from baseline to target', () => {
    // Baseline 100 in 2021, target 200 in 2026: one fifth of the way by 2022.
    const series = makeSeries({ baseline: d('100'), target: d('200'), actuals: { 2022: value(d('130')) } });
    const t = seriesTrajectory(series, 2022, 2021, d('130'));
    expect(t.expected).toBe('120.0');
    expect(t.onTrack).toBe(true);
  });

  it('is off track when the actual lags the path, in either direction', () => {
    const falling = makeSeries({ baseline: d('50'), target: d('30'), actuals: { 2022: value(d('48')) } });
    const t = seriesTrajectory(falling, 2022, 2021, d('48'));
    expect(t.expected).toBe('46.0');
    expect(t.onTrack).toBe(false);
  });

  it('says plainly when there are too few points for a projection', () => {
    const series = makeSeries({
      baseline: d('100'),
      target: d('200'),
      actuals: { 2021: value(d('110')), 2022: value(d('120')) },
    });
    const t = seriesTrajectory(series, 2022, 2021, d('120'));
    expect(t.projection).toBeNull();
    expect(t.noProjection).toEqual({ reason: 'too-few-points', points: 2 });
    expect(MIN_PROJECTION_POINTS).toBe(3);
  });

  it('projects the target year by least squares over the actuals so far', () => {
    const series = makeSeries({
      baseline: d('100'),
      target: d('200'),
      actuals: { 2020: value(d('100')), 2021: value(d('110')), 2022: value(d('120')), 2023: value(d('999')) },
    });
    const t = seriesTrajectory(series, 2022, 2019, d('120'));
    // 100, 110, 120 over 2020–2022: +10 a year, so 160 in 2026; 2023 lies after the evaluation year.
    expect(t.projection).toEqual({ value: '160.0', slope: '10.0', points: 3, reachesTarget: false });
  });

  it('counts a dated baseline as an observation, at the middle of its span', () => {
    const kpi = kitamotoR4().kpis.find((k) => k.id === 'women-25-34-net-migration');
    // -40 for H30～R2 (centred on R1), 5 in R3, 59 in R4.
    expect(kpi?.series[0]?.trajectory.projection).toMatchObject({
      points: 3,
      value: '144.5',
      reachesTarget: true,
    });
  });
});
