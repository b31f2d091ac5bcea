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
        'Published implementation reports of municipal strategy KPIs. Only published editions are served.',
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
    },
    components: { schemas },
  };
}
