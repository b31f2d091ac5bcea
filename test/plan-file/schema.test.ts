import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/plan-file/schema.ts';
import { ROOT } from '../support/kitamoto.ts';

describe('the published JSON Schema', () => {
  it('is the one generated from the schema the code validates with (run `npm run schema` after changing it)', () => {
    const published = JSON.parse(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8'));
    expect(published).toEqual(planJsonSchema());
  });

  it('describes the contract keys and forbids unknown ones', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['plan', 'goals']));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"ref"');
  });
});
