import type { Row } from '../lib/row.ts';
import type { DuringRender } from './during-render.ts';
import type { LeanStart } from './lean-start.ts';
import { REQUEST_TIMEOUT_SEC } from './load.ts';

type App = 'PGlite' | 'PostgreSQL';

const P99_DURING_RENDER_MS = 50;
const IDLE_LIMIT_MIB = 150;
const STOP_GOAL = 'stops with npm';

const row = (fields: Omit<Row, 'runs'> & { value: number | null }): Row => ({
  ...fields,
  runs: fields.value === null ? [] : [fields.value],
});

/** The plan page's p99 while report downloads render in the same server. */
export function duringRenderRow(app: App, page: string, result: DuringRender, alone: number | null): Row {
  const { load, renders, covered } = result;
  const files = renders.map((r) => `${r.file.split('/').pop()} ${(r.ms / 1000).toFixed(1)} s`).join(', ');
  return row({
    section: 'web',
    name: `${page} while a PPTX renders, ${app}, p99 latency`,
    unit: 'ms',
    value: load.p99Ms,
    anchor: { name: `the same page, no render`, value: alone },
    goal: { text: `< ${P99_DURING_RENDER_MS} ms`, met: load.p99Ms < P99_DURING_RENDER_MS },
    note:
      `${load.requests.toLocaleString('en-US')} answers, p50 ${load.p50Ms} ms; rendering ${Math.round(covered * 100)} % ` +
      `of the run (${files || 'no render finished'})` +
      (load.p99Ms === REQUEST_TIMEOUT_SEC * 1000 ? '; over 1 % timed out: the p99 is at least this' : ''),
  });
}

/** How long the app takes to answer after its first start, which sets up the database and the sample. */
export function firstStartRow(app: App, ms: number): Row {
  return row({
    section: 'web',
    name: `start, first (migrations, sample import), ${app}`,
    unit: 'ms',
    value: ms,
    anchor: null,
    goal: null,
    note: 'from the spawn of node to the first HTTP answer',
  });
}

/** `npm start` on a database already set up: its start, its idle memory, and that SIGTERM to npm stops it. */
export function leanRows(app: App, lean: LeanStart): Row[] {
  return [
    row({
      section: 'web',
      name: `start, npm start, ${app}`,
      unit: 'ms',
      value: lean.startMs,
      anchor: null,
      goal: null,
      note: 'a restart on the database set up before: from the spawn of npm to the first HTTP answer',
    }),
    row({
      section: 'web',
      name: `stop on SIGTERM to npm's pid, ${app}`,
      unit: 'ms',
      value: lean.stopMs,
      anchor: null,
      goal: { text: STOP_GOAL, met: lean.stopMs !== null },
      note:
        lean.stopMs === null
          ? 'the server outlived npm by 15 s and was stopped by its own pid'
          : 'until the server process had gone and its port stopped answering',
    }),
    row({
      section: 'memory',
      name: `RSS idle after npm start, ${app}`,
      unit: 'MiB',
      value: lean.idleMib,
      anchor: null,
      goal:
        app === 'PostgreSQL'
          ? { text: `≤ ${IDLE_LIMIT_MIB} MiB`, met: lean.idleMib <= IDLE_LIMIT_MIB }
          : null,
      note:
        app === 'PGlite'
          ? 'the floor with shared_buffers=16MB: the database lives in this process (128 MiB of WebAssembly memory at least)'
          : 'the server process alone, 2 s after its first answer, before any page',
    }),
  ];
}
