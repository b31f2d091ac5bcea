import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ID_SHEET, INPUT_SHEET } from '../../src/collect/layout.ts';
import { openCollectWorkbook } from '../../src/collect/read/open-workbook.ts';
import { formatCollectProblem } from '../../src/collect/read/problem.ts';
import { partsToRead } from '../../src/collect/read/read-parts.ts';
import { storedZip } from '../../src/collect/read/stored-zip.ts';
import { departmentPlan, file, makeFor } from './support.ts';
import { partsOf, text, zipParts } from './zip.ts';

const made = makeFor(departmentPlan(), 2023);
const sample = async () => file(await made, 'R5_健康推進課.xlsx').bytes;
const READ = [ID_SHEET, INPUT_SHEET];
const left = (parts: ReadonlyMap<string, Uint8Array>) =>
  [...parts.keys()].filter((name) => !partsToRead(parts, READ).has(name));

async function edited(change: (parts: Map<string, Uint8Array>) => void): Promise<Map<string, Uint8Array>> {
  const parts = await partsOf(await sample());
  change(parts);
  return parts;
}

const replace = (parts: Map<string, Uint8Array>, name: string, from: RegExp | string, to: string) =>
  parts.set(name, new TextEncoder().encode(text(parts.get(name)).replace(from, to)));

describe('collect read gives exceljs only the parts it reads', () => {
  it('leaves out the guide sheet, the theme and the document properties, and keeps the rest', async () => {
    const parts = await partsOf(await sample());
    expect(left(parts).sort()).toEqual(
      ['docProps/app.xml', 'docProps/core.xml', 'xl/theme/theme1.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(partsToRead(parts, READ).has('xl/worksheets/sheet2.xml')).toBe(true);
    expect(partsToRead(parts, READ).has('xl/sharedStrings.xml')).toBe(true);
  });

  it('keeps a sheet named by an entity it cannot read for certain, and so keeps every sheet', async () => {
    const parts = await edited((p) =>
      replace(p, 'xl/workbook.xml', `name="${INPUT_SHEET}"`, 'name="&#20837;&#21147;"'),
    );
    expect(left(parts).filter((n) => n.startsWith('xl/worksheets/'))).toEqual([]);
  });

  it('keeps every sheet where two sheets share an id', async () => {
    const parts = await edited((p) => replace(p, 'xl/workbook.xml', /sheetId="3"/, 'sheetId="1"'));
    expect(left(parts).filter((n) => n.startsWith('xl/worksheets/'))).toEqual([]);
  });

  it('keeps a part that a sheet it reads points to, even where another sheet points to it too', async () => {
    const parts = await edited((p) =>
      replace(p, 'xl/_rels/workbook.xml.rels', 'worksheets/sheet1.xml', 'worksheets/sheet2.xml'),
    );
    expect(partsToRead(parts, READ).has('xl/worksheets/sheet2.xml')).toBe(true);
  });

  it('reads a workbook whose guide sheet exceljs would not parse, and refuses one whose input sheet it would not', async () => {
    const guide = await zipParts(
      await edited((p) =>
        p.set('xl/worksheets/sheet1.xml', new TextEncoder().encode('<worksheet><sheetData>')),
      ),
    );
    const readable = await openCollectWorkbook({ name: 'guide.xlsx', bytes: guide });
    expect(readable.problems.items).toEqual([]);
    expect(readable.opened?.sheet.name).toBe(INPUT_SHEET);
    const input = await zipParts(
      await edited((p) =>
        p.set('xl/worksheets/sheet2.xml', new TextEncoder().encode('<worksheet><sheetData>')),
      ),
    );
    const refused = await openCollectWorkbook({ name: 'input.xlsx', bytes: input });
    expect(refused.opened).toBeNull();
    expect(refused.problems.items.map(formatCollectProblem).join('\n')).toMatch(
      /^input\.xlsx: error: The file cannot be read as an Excel workbook \(/,
    );
  });
});

describe('the stored zip exceljs is given', () => {
  it('holds every part as it was, under its UTF-8 name, in order', async () => {
    const parts = new Map<string, Uint8Array>([
      ['[Content_Types].xml', new TextEncoder().encode('<Types/>')],
      ['xl/入力.xml', new TextEncoder().encode('<a>入力</a>')],
      ['empty', new Uint8Array(0)],
    ]);
    const zip = await JSZip.loadAsync(storedZip(parts), { checkCRC32: true });
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names).toEqual([...parts.keys()]);
    for (const [name, content] of parts) expect(await zip.file(name)?.async('uint8array')).toEqual(content);
  });
});
