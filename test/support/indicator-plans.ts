import type { DecimalString } from '../../src/core/decimal.ts';
import type { Plan } from '../../src/core/plan.ts';
import { kitamotoPlan } from './kitamoto.ts';

/**
 * The seed plan as another municipality's: its own id, name, code and population, every figure the
 * seed's, without the seed's English. The seed tags three KPIs (有効求人倍率, ふるさと納税の寄附件数, 出生数), so stores holding a few of
 * these have something to compare.
 */
export function townPlan(options: {
  id: string;
  municipality: string;
  code: string | null;
  population: string | null;
}): Plan {
  const rest: { -readonly [K in keyof Plan]: Plan[K] } = { ...kitamotoPlan() };
  delete rest.municipalityCode;
  delete rest.population;
  // The seed's English names Kitamoto: another town's pages show its Japanese, marked, instead.
  delete rest.translation;
  return {
    ...rest,
    id: options.id,
    municipality: options.municipality,
    ...(options.code === null ? {} : { municipalityCode: options.code }),
    ...(options.population === null
      ? {}
      : { population: { value: options.population as DecimalString, year: 2020 } }),
  };
}

/** Valid 全国地方公共団体コード (check digits verified) used by the tests. */
export const CODES = {
  kitamoto: '112330',
  saitama: '111007',
  sano: '092045',
  chiyoda: '131016',
} as const;
