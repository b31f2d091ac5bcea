import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBundle } from '../../../src/collect/bundle/folder.ts';
import { BUNDLE_LIMITS } from '../../../src/collect/bundle/limits.ts';
import { zipListing, type BundleListing } from '../../../src/collect/bundle/listing.ts';
import { parseBundleFile } from '../../../src/collect/bundle/parse.ts';
import { describeBundleRefusal, describeFileRefusal } from '../../../src/collect/bundle/problem-en.ts';
import { catalog } from '../../../src/web/i18n/index.ts';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { KITAMOTO_PATH } from '../../support/kitamoto.ts';
import { zipBytes } from '../../support/zip-bytes.ts';
import { editedMaster, kitamotoMaster, sheet } from '../master/support.ts';

const PLAN = readFileSync(KITAMOTO_PATH, 'utf8');
const names = (listing: BundleListing) => (listing.ok ? listing.files.map((f) => f.name) : null);
const refusalOf = (listing: BundleListing) => (listing.ok ? null : listing.refusal.code);

describe('a zip of plan files', () => {
  it('lists plan files by name in code-point order, skipping what is no plan and the archivers’ noise', () => {
    const listing = zipListing(
      zipBytes([
        { name: 'z/b.yaml', data: PLAN },
        { name: 'a.json', data: '{}' },
        { name: 'z/', data: '' },
        { name: 'README.md', data: 'hello' },
        { name: '__MACOSX/._a.json', data: 'x' },
        { name: '.DS_Store', data: 'x' },
        { name: 'z/~$M.xlsx', data: 'x' },
        { name: 'M.xlsx', data: 'x' },
      ]),
    );
    expect(names(listing)).toEqual(['M.xlsx', 'a.json', 'z/b.yaml']);
    expect(listing.ok && listing.skipped).toEqual(['README.md']);
  });

  it.each([
    ['../evil.yaml', 'unsafe-name'],
    ['/etc/passwd.yaml', 'unsafe-name'],
    ['a/../../b.yaml', 'unsafe-name'],
    ['C:/x.yaml', 'unsafe-name'],
    ['a\\..\\b.yaml', 'unsafe-name'],
    ['a\u0000.yaml', 'unsafe-name'],
    ['a//b.yaml', 'unsafe-name'],
    [`${'d/'.repeat(BUNDLE_LIMITS.depth + 1)}p.yaml`, 'too-deep'],
  ])('refuses the whole zip for the entry %j (%s)', (name, code) => {
    const listing = zipListing(
      zipBytes([
        { name: 'ok.yaml', data: PLAN },
        { name, data: PLAN },
      ]),
    );
    expect(refusalOf(listing)).toBe(code);
  });

  it('refuses a bomb, encryption, twin names, too many entries and what is no zip, each named', () => {
    const bomb = zipBytes([{ name: 'a.yaml', data: 'a'.repeat(4 * 1024 * 1024) }]);
    expect(refusalOf(zipListing(bomb))).toBe('zip-bomb');
    const lying = zipBytes([{ name: 'a.yaml', data: 'plan: {}', declaredSize: 0xfffffff0 }]);
    expect(['zip-bomb', 'expands-too-much']).toContain(refusalOf(zipListing(lying)));
    expect(refusalOf(zipListing(zipBytes([{ name: 'a.yaml', data: PLAN, encrypted: true }])))).toBe(
      'encrypted',
    );
    const twins = zipBytes([
      { name: 'a.yaml', data: PLAN },
      { name: 'a.yaml', data: PLAN },
    ]);
    expect(refusalOf(zipListing(twins))).toBe('duplicate-name');
    const many = zipBytes(
      Array.from({ length: BUNDLE_LIMITS.entries + 1 }, (_, i) => ({
        name: `p${i}.yaml`,
        data: 'x',
        method: 0 as const,
      })),
    );
    expect(refusalOf(zipListing(many))).toBe('too-many-entries');
    expect(refusalOf(zipListing(new TextEncoder().encode(PLAN)))).toBe('not-zip');
    expect(refusalOf(zipListing(zipBytes([])))).toBe('empty');
    const big = new Uint8Array(BUNDLE_LIMITS.zipBytes + 1);
    big.set([0x50, 0x4b]);
    expect(refusalOf(zipListing(big))).toBe('zip-too-large');
  });

  it('refuses one file and goes on: a zip inside, a lying size, a file too large, not UTF-8', async () => {
    const huge = 'a'.repeat(BUNDLE_LIMITS.planBytes + 1);
    const listing = zipListing(
      zipBytes([
        { name: 'inner.zip', data: zipBytes([{ name: 'p.yaml', data: PLAN }]) },
        { name: 'disguised.yaml', data: zipBytes([{ name: 'p.yaml', data: PLAN }]) },
        { name: 'lies.yaml', data: PLAN, declaredSize: 10 },
        { name: 'huge.yaml', data: huge, method: 0 },
        { name: 'sjis.yaml', data: new Uint8Array([0x82, 0xa0, 0x82, 0xa2]) },
        { name: 'ok.yaml', data: PLAN },
      ]),
    );
    if (!listing.ok) throw new Error(listing.refusal.code);
    const outcomes = Object.fromEntries(
      await Promise.all(
        listing.files.map(async (f) => {
          const parsed = await parseBundleFile(f);
          return [f.name, parsed.ok ? 'ok' : parsed.refusal.code] as const;
        }),
      ),
    );
    expect(outcomes).toEqual({
      'disguised.yaml': 'nested-zip',
      'huge.yaml': 'too-large',
      'inner.zip': 'nested-zip',
      'lies.yaml': 'damaged',
      'ok.yaml': 'ok',
      'sjis.yaml': 'encoding',
    });
  });

  it('reports a plan file’s problems at their line and column', async () => {
    const listing = zipListing(zipBytes([{ name: 'dir/bad.yaml', data: 'plan:\n  id: x\n  title: [\n' }]));
    if (!listing.ok) throw new Error(listing.refusal.code);
    const [file] = listing.files;
    if (!file) throw new Error('no file listed');
    const parsed = await parseBundleFile(file);
    if (parsed.ok) throw new Error('read a broken plan');
    expect(describeFileRefusal('dir/bad.yaml', parsed.refusal)[0]).toMatch(
      /^dir\/bad\.yaml:\d+:\d+: error: /,
    );
  });

  it('reads the office’s Excel masters in it, each problem at its sheet and cell', async () => {
    const good = await kitamotoMaster();
    const broken = await editedMaster((wb) => (sheet(wb, '目標').getCell('B3').value = '重点目標'));
    const listing = zipListing(
      zipBytes([
        { name: 'masters/good.xlsx', data: good },
        { name: 'masters/broken.xlsx', data: broken },
      ]),
    );
    if (!listing.ok) throw new Error(listing.refusal.code);
    const [first, second] = await Promise.all(listing.files.map((f) => parseBundleFile(f)));
    if (!first || first.ok || !second?.ok)
      throw new Error('expected the broken master refused, the good one read');
    expect(second.plan.id).toBe('kitamoto-2nd-strategy');
    expect(describeFileRefusal('masters/broken.xlsx', first.refusal)[0]).toMatch(
      /^masters\/broken\.xlsx: sheet 目標, B3: error: /,
    );
  });

  it('never throws on hostile bytes: any refusal is worded in English and in both web languages', async () => {
    const valid = zipBytes([
      { name: 'a.yaml', data: PLAN },
      { name: 'b.json', data: '{"plan": 1}' },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
              minLength: 1,
              maxLength: 8,
            })
            .map((edits) => {
              const bytes = valid.slice();
              for (const [at, value] of edits) bytes[at] = value;
              return bytes;
            }),
          fc
            .array(fc.record({ name: fc.string({ maxLength: 30 }), data: fc.string({ maxLength: 50 }) }), {
              maxLength: 6,
            })
            .map((entries) => zipBytes(entries)),
        ),
        async (bytes) => {
          const listing = zipListing(bytes);
          if (!listing.ok) {
            expect(describeBundleRefusal(listing.refusal)).not.toBe('');
            for (const lang of ['ja', 'en'] as const) {
              expect(catalog[lang].staffBulkImport.bundleRefusal(listing.refusal)).not.toBe('');
            }
            return;
          }
          for (const file of listing.files) {
            expect(file.name.includes('..')).toBe(false);
            const parsed = await parseBundleFile(file);
            if (!parsed.ok) expect(describeFileRefusal(file.name, parsed.refusal).length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a folder of plan files', () => {
  it('lists files in its subfolders in a stable order, never following a symbolic link', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shinchoku-bundle-'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'b', 'x.yaml'), PLAN);
    writeFileSync(join(root, 'a.yml'), PLAN);
    writeFileSync(join(root, 'notes.txt'), 'n');
    symlinkSync('/etc/passwd', join(root, 'link.yaml'));
    const listing = await openBundle(root);
    expect(names(listing)).toEqual(['a.yml', 'b/x.yaml']);
    expect(listing.ok && listing.skipped).toEqual(['link.yaml', 'notes.txt']);
    expect(refusalOf(await openBundle(join(root, 'missing')))).toBe('not-found');
    const deep = join(root, ...Array.from({ length: BUNDLE_LIMITS.depth + 1 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    expect(refusalOf(await openBundle(root))).toBe('too-deep');
  });
});
