import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/kitamoto.ts';

const run = promisify(execFile);
const SRC = join(ROOT, 'src');
const BUILD = join(ROOT, 'scripts', 'build.js');
const LIMIT_MS = 120_000;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** scripts/build.js into a folder of the test's own, never the dist/ that `npm start` may be running. */
const build = (out: string, ...flags: string[]) =>
  run(process.execPath, [BUILD, '--out', out, ...flags], { cwd: ROOT });

describe('scripts/build.js', () => {
  let folder = '';
  let out = '';
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'shinchoku-build-'));
    out = join(folder, 'dist');
    // The project's own surroundings: its packages, and ES modules by its package.json.
    symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'));
    writeFileSync(join(folder, 'package.json'), '{ "type": "module" }');
    await build(out);
  }, LIMIT_MS);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes one .js per TypeScript file and copies every other file of src/ to the same place', () => {
    const sources = filesUnder(SRC);
    const built = new Set(filesUnder(out));
    const expected = sources.map((f) => f.replace(/\.tsx?$/, '.js'));
    expect(expected.filter((f) => !built.has(f))).toEqual([]);
    expect(readFileSync(join(out, 'store', 'migrations', 'meta', '_journal.json'))).toEqual(
      readFileSync(join(SRC, 'store', 'migrations', 'meta', '_journal.json')),
    );
  });

  it('points every relative import at a compiled file, so node needs no loader', () => {
    const imports = filesUnder(out)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => {
        const text = readFileSync(join(out, f), 'utf8');
        return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)].map((m) => ({
          f,
          path: m[1] ?? '',
        }));
      });
    expect(imports.length).toBeGreaterThan(1000);
    expect(imports.filter(({ path }) => !path.endsWith('.js'))).toEqual([]);
    expect(imports.filter(({ f, path }) => !existsSync(join(out, f, '..', path)))).toEqual([]);
  });

  it(
    "loads the server's whole module graph and the render job with node alone",
    async () => {
      const graph = ['web/app.js', 'web/render-pool/pool.js', 'web/render-pool/job.js'].map((f) =>
        JSON.stringify(new URL(`file://${join(out, f)}`).href),
      );
      const script = `await Promise.all([${graph.map((g) => `import(${g})`).join(', ')}]);`;
      const { stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
      expect(stderr).toBe('');
    },
    LIMIT_MS,
  );

  it('keeps the heavy libraries out of what the server loads at start: they load on first use', () => {
    const modules = new Set<string>();
    const packages = new Set<string>();
    // Static imports only; each module is read once, so the walk ends with the graph.
    const walk = (file: string) => {
      if (modules.has(file)) return;
      modules.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gms)) {
        const path = m[1] ?? m[2] ?? '';
        if (path.startsWith('.')) walk(join(file, '..', path));
        else packages.add(path);
      }
    };
    walk(join(out, 'web', 'server.js'));
    expect(modules.size).toBeGreaterThan(100);
    expect(packages).toContain('hono');
    const heavy = ['exceljs', 'pptxgenjs', '@resvg/resvg-js', 'echarts', 'playwright-core', 'jszip'];
    expect([...packages].filter((p) => heavy.some((h) => p === h || p.startsWith(`${h}/`)))).toEqual([]);
    expect([...packages].filter((p) => p.startsWith('@electric-sql/pglite'))).toEqual([]);
  });

  it(
    'rebuilds with --if-stale only when the inputs changed since the build',
    async () => {
      expect((await build(out, '--if-stale')).stderr).toBe('');
      // A changed, added or removed source file changes the fingerprint the output was built from.
      writeFileSync(join(out, '.fingerprint'), 'an older source tree');
      expect((await build(out, '--if-stale')).stderr).toMatch(/^build: .+ in \d+ ms\n$/);
      expect((await build(out, '--if-stale')).stderr).toBe('');
    },
    LIMIT_MS,
  );
});
