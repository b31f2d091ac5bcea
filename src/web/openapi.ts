import type { JsonValue } from '../render/json-text.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonValue) => ({ 'application/json': { schema } });
const nullable = (type: string) => ({ type: [type, 'null'] });

const errorResponses = {
  '404': { description: 'No such published plan, year or edition.', content: json(ref('Error')) },
  '500': { description: 'An internal error; no details are given.', content: json(ref('Error')) },
};

const langParameter = {
  name: 'lang',
  in: 'query',
  required: false,
  description: 'The language of phrases and messages: ja (default) or en.',
  schema: { type: 'string', enum: ['ja', 'en'] },
};

const planParameter = {
  name: 'plan',
  in: 'path',
  required: true,
  description: 'The plan’s id, e.g. kitamoto-2nd-strategy.',
  schema: { type: 'string' },
};

const yearParameter = {
  name: 'year',
  in: 'path',
  required: true,
  description: 'A fiscal year as R4, 令和4年度 or 2022.',
  schema: { type: 'string' },
};

const editionParameter = {
  name: 'edition',
  in: 'query',
  required: false,
  description: 'An edition number; the latest edition of the year by default.',
  schema: { type: 'integer', minimum: 1 },
};

const schemas = {
  EntryResult: {
    type: 'object',
    required: ['saved', 'changed', 'series', 'problems'],
    properties: {
      saved: { type: 'boolean' },
      changed: { type: 'integer', minimum: 0 },
      series: {
        type: 'array',
        items: {
          type: 'object',
          required: ['position', 'entry', 'version'],
          properties: {
            position: { type: 'integer' },
            entry: { ...nullable('string'), description: 'As printed: 3,908件, 未取得, —.' },
            version: { type: 'integer' },
          },
        },
      },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'code', 'message'],
          properties: {
            field: {
              type: 'string',
              description: 's0-value for series 0’s figure, a-text for the assessment…',
            },
            code: {
              type: 'string',
              description: 'figure, figure-or-reason, choice, confirm-figure, conflict…',
            },
            message: { type: 'string', description: 'The problem in the language asked for.' },
            reason: { type: 'string', description: 'For a refused figure: qualified, not-number, commas…' },
            value: { type: 'string', description: 'For a value to confirm: the value as read.' },
            confirm: {
              type: 'array',
              items: { type: 'string' },
              description: 'negative-count, fractional-count, jump.',
            },
          },
        },
      },
    },
  },
  Edition: {
    type: 'object',
    required: ['number', 'errata', 'publishedAt'],
    properties: {
      number: {
        type: 'integer',
        minimum: 1,
        description: '1 for the first publication; each correction adds one.',
      },
      errata: {
        ...nullable('string'),
        description: 'What a correcting edition corrects; null for the first.',
      },
      publishedAt: { type: 'string', format: 'date-time' },
    },
  },
  Plan: {
    type: 'object',
    required: ['id', 'title', 'municipality', 'period', 'href', 'years'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      municipality: { type: 'string' },
      period: {
        type: 'object',
        required: ['from', 'to'],
        properties: { from: { type: 'string', examples: ['R4'] }, to: { type: 'string', examples: ['R7'] } },
      },
      href: { type: 'string', description: 'This plan in the API.' },
      years: {
        type: 'array',
        description: 'The published years, newest first.',
        items: {
          type: 'object',
          required: ['year', 'fiscalYear', 'href', 'editions'],
          properties: {
            year: { type: 'string', examples: ['R4'] },
            fiscalYear: { type: 'integer', examples: [2022] },
            href: { type: 'string' },
            editions: { type: 'array', description: 'Oldest first.', items: ref('Edition') },
          },
        },
      },
    },
  },
  Report: {
    type: 'object',
    required: ['plan', 'edition', 'evaluation'],
    properties: {
      plan: {
        type: 'object',
        required: ['id', 'href'],
        properties: { id: { type: 'string' }, href: { type: 'string' } },
      },
      edition: {
        allOf: [ref('Edition')],
        type: 'object',
        required: ['latest'],
        properties: { latest: { type: 'boolean' } },
      },
      evaluation: ref('Evaluation'),
    },
  },
  Evaluation: {
    type: 'object',
    description:
      'The evaluation as `shinchoku evaluate --format json` writes it (docs/ARCHITECTURE.md). Figures are JSON numbers written exactly from their decimal strings (19.00 stays 19.00).',
    required: ['plan', 'year', 'fiscalYear', 'planYear', 'method', 'columns', 'goals', 'overall'],
    properties: {
      plan: { type: 'object' },
      year: { type: 'string', examples: ['R4'] },
      fiscalYear: { type: 'integer' },
      planYear: { type: 'integer' },
      method: { type: 'string', enum: ['progress', 'ratio', 'pace'] },
      columns: { type: 'array', items: { type: 'string' } },
      goals: { type: 'array', items: { type: 'object' } },
      overall: {
        type: 'object',
        properties: {
          achieved: { type: 'integer' },
          evaluated: { type: 'integer' },
          notEvaluated: { type: 'integer' },
          rate: nullable('number'),
          formula: nullable('string'),
        },
      },
    },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['id', 'status', 'message'],
        properties: {
          id: { type: 'string', examples: ['not-found'] },
          status: { type: 'integer' },
          message: { type: 'string' },
          hint: nullable('string'),
          details: { type: 'array', items: { type: 'string' } },
          context: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } },
        },
      },
    },
  },
};

/** The API's description: every route under /api is listed here (a test checks the app against it). */
export function openApiDocument(): JsonValue {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shinchoku public API',
      version: '1',
      description:
        'Published implementation reports of municipal strategy KPIs. Only published editions are served; the one write, a KPI’s figures for a year, takes a signed-in staff session.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/api/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This description.',
          responses: { '200': { description: 'The OpenAPI document.', content: json({ type: 'object' }) } },
        },
      },
      '/api/plans': {
        get: {
          operationId: 'listPlans',
          summary: 'Every plan with a published report.',
          parameters: [langParameter],
          responses: {
            '200': {
              description: 'The plans.',
              content: json({
                type: 'object',
                required: ['plans'],
                properties: { plans: { type: 'array', items: ref('Plan') } },
              }),
            },
            '500': errorResponses['500'],
          },
        },
      },
      '/api/plans/{plan}': {
        get: {
          operationId: 'getPlan',
          summary: 'A plan and its published years and editions.',
          parameters: [planParameter, langParameter],
          responses: { '200': { description: 'The plan.', content: json(ref('Plan')) }, ...errorResponses },
        },
      },
      '/api/plans/{plan}/{year}': {
        get: {
          operationId: 'getReport',
          summary: 'The evaluation of a published edition of a year.',
          parameters: [planParameter, yearParameter, editionParameter, langParameter],
          responses: {
            '200': { description: 'The edition’s evaluation.', content: json(ref('Report')) },
            ...errorResponses,
          },
        },
      },
      '/api/plans/{plan}/{year}/kpis/{kpi}/entry': {
        put: {
          operationId: 'putEntry',
          summary:
            'A KPI’s figures (and optionally its assessment) for a year, checked as the staff entry form checks them.',
          description:
            'For a signed-in department (its own KPIs) or the office, with the session’s forgery token in the x-csrf-token header. Each series gives its position, the version it was read at, and a value (a string as typed, or a number) or a reason from the list (none, 未取得, 集計中, 調査未実施, 公表前, 事業中止, 未確定). A figure with a qualifier (約4000件) is refused; a negative or fractional count, or a jump far outside the KPI’s history, is saved only with confirm: true.',
          parameters: [
            planParameter,
            yearParameter,
            {
              name: 'kpi',
              in: 'path',
              required: true,
              description: 'The KPI’s id.',
              schema: { type: 'string' },
            },
            langParameter,
          ],
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              properties: {
                series: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['position'],
                    properties: {
                      position: { type: 'integer', minimum: 0 },
                      value: { type: ['string', 'number'] },
                      reason: { type: 'string' },
                      state: { type: 'string', enum: ['final', 'provisional'] },
                      version: { type: 'integer', minimum: 0 },
                      confirm: { type: 'boolean' },
                    },
                  },
                },
                assessment: {
                  type: 'object',
                  properties: {
                    status: { type: 'string' },
                    text: { type: 'string' },
                    version: { type: 'integer', minimum: 0 },
                  },
                },
              },
            }),
          },
          responses: {
            '200': { description: 'Saved.', content: json(ref('EntryResult')) },
            '400': { description: 'The body is not JSON of this shape.', content: json(ref('Error')) },
            '401': { description: 'Not signed in.', content: json(ref('Error')) },
            '403': {
              description: 'Not this user’s KPI, or no valid forgery token.',
              content: json(ref('Error')),
            },
            '409': {
              description: 'Changed by someone else since the version sent.',
              content: json(ref('EntryResult')),
            },
            '422': {
              description: 'Refused; nothing saved. Each problem has a code and its words.',
              content: json(ref('EntryResult')),
            },
            ...errorResponses,
          },
        },
      },
    },
    components: { schemas },
  };
}
