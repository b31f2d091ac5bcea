#!/usr/bin/env node
// Compiles src/ to plain JavaScript in dist/ (one .js file per .ts/.tsx file, the same folders, every other
// file copied), so `npm start` runs the server and its render workers with node alone: tsx's loader cost the
// idle server about 75 MiB (docs/performance.md). Development and the tests still run the TypeScript itself.
//
//   node scripts/build.js              build dist/
//   node scripts/build.js --if-stale   build only when src/ changed since the last build (`npm start`)
//   node scripts/build.js --out DIR    build into DIR instead
//
// No type checking here: that is `npm run typecheck`. Relative imports keep their paths with .js for
// .ts/.tsx; packages stay imports of node_modules. Files keep their place so that paths taken from
// import.meta (migrations, chart fonts, the sample plan two folders up) hold in dist/ as they do in src/.
import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
/** What the output depends on besides src/: the compiler's settings and version, and this script. */
const INPUTS = [join(ROOT, 'tsconfig.json'), join(ROOT, 'package-lock.json'), import.meta.filename];
const FINGERPRINT = '.fingerprint';
const TYPESCRIPT = /\.tsx?$/;

/** Every file under a folder, as paths relative to it, sorted; depth is bounded by the tree itself. */
function filesUnder(dir, base = dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path, base));
    else if (entry.isFile()) found.push(relative(base, path));
  }
  return found.sort();
}

/** Names, sizes and change times of every input: a file added, removed, edited or checked out changes it. */
function fingerprint(files) {
  const hash = createHash('sha256');
  for (const path of [...files.map((f) => join(SRC, f)), ...INPUTS]) {
    const { size, mtimeMs } = statSync(path);
    hash.update(`${relative(ROOT, path)}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function builtFingerprint(out) {
  try {
    return readFileSync(join(out, FINGERPRINT), 'utf8');
  } catch {
    return null;
  }
}

/** Relative imports point at the compiled neighbour; anything else is left to node. */
const relativeImports = {
  name: 'relative-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!TYPESCRIPT.test(args.path)) {
        return { errors: [{ text: `a relative import names its .ts or .tsx file: ${args.path}` }] };
      }
      return { path: args.path.replace(TYPESCRIPT, '.js'), external: true };
    });
  },
};

async function compile(files, out) {
  const { build } = await import('esbuild');
  const sources = files.filter((f) => TYPESCRIPT.test(f) && !f.endsWith('.d.ts'));
  await build({
    entryPoints: sources.map((f) => join(SRC, f)),
    outdir: out,
    outbase: SRC,
    bundle: true,
    packages: 'external',
    plugins: [relativeImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => !TYPESCRIPT.test(f))) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    cpSync(join(SRC, file), join(out, file));
  }
}

/**
 * Builds beside the output and swaps it in whole, so a server starting meanwhile never reads half a build,
 * and two builds at once leave one complete output.
 */
async function buildInto(out, files, print) {
  const next = `${out}.next-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  const started = performance.now();
  const stamp = fingerprint(files);
  try {
    await compile(files, next);
    writeFileSync(join(next, FINGERPRINT), stamp);
    try {
      renameSync(out, old);
    } catch (error) {
      if (error?.code !== 'ENOENT') throw error; // the first build, or another build's swap under way
    }
    try {
      renameSync(next, out);
    } catch (error) {
      // Another build put its output in place between the two renames: the same sources, so it will do.
      if (builtFingerprint(out) !== stamp) throw error;
    }
  } finally {
    rmSync(next, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
  print(`build: ${relative(ROOT, out) || out}/ from src/ in ${Math.round(performance.now() - started)} ms`);
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { 'if-stale': { type: 'boolean', default: false }, out: { type: 'string' } },
    strict: true,
  });
  const out = resolve(ROOT, values.out ?? 'dist');
  const files = filesUnder(SRC);
  if (values['if-stale'] && builtFingerprint(out) === fingerprint(files)) return;
  await buildInto(out, files, (line) => console.error(line));
}

await main(process.argv.slice(2)).catch((error) => {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
