import { describe, expect, it } from 'vitest';
import { readCollected } from '../../src/collect/read/collect.ts';
import { openCollectWorkbook } from '../../src/collect/read/open-workbook.ts';
import { formatCollectProblem } from '../../src/collect/read/problem.ts';
import type { WorkbookFile } from '../../src/collect/read/workbook-file.ts';
import { importPlan } from '../../src/store/plan-import.ts';
import { describeStores } from '../support/stores.ts';
import { departmentPlan, file, loadBook, makeFor } from './support.ts';
import { handMadeZip, partsOf, text, zipParts } from './zip.ts';

const made = makeFor(departmentPlan(), 2023);
const sample = async () => file(await made, 'R5_健康推進課.xlsx').bytes;

async function refusal(name: string, bytes: Uint8Array, size?: number): Promise<string> {
  const { opened, problems } = await openCollectWorkbook({ name, bytes, ...(size ? { size } : {}) });
  expect(opened).toBeNull();
  return problems.items.map(formatCollectProblem).join('\n');
}

async function withParts(change: (parts: Map<string, Uint8Array | string>) => void): Promise<Uint8Array> {
  const parts: Map<string, Uint8Array | string> = await partsOf(await sample());
  change(parts);
  return zipParts(parts);
}

describe('collect read refuses unsafe files before parsing them', () => {
  it('refuses a file over the size limit unread', async () => {
    expect(await refusal('big.xlsx', new Uint8Array(16), 11 * 1024 * 1024)).toBe(
      'big.xlsx: error: The file is 11.0 MB; a collection workbook may be at most 10.0 MB.',
    );
  });

  it('refuses a zip whose directory declares a huge part', async () => {
    const bytes = handMadeZip([
      { name: '[Content_Types].xml', content: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: new Uint8Array(1000), declaredSize: 0xfffffff0 },
    ]);
    expect(await refusal('bomb.xlsx', bytes)).toMatch(
      /zip bomb: its part xl\/worksheets\/sheet1.xml would expand \d+ times/,
    );
  });

  it('refuses a small zip that really expands to far more than a workbook', async () => {
    const bytes = handMadeZip([{ name: 'xl/sharedStrings.xml', content: new Uint8Array(60 * 1024 * 1024) }]);
    expect(bytes.length).toBeLessThan(100 * 1024);
    expect(await refusal('bomb.xlsx', bytes)).toMatch(/possible zip bomb/);
  });

  it('refuses a part that expands beyond what its directory declares, without inflating it all', async () => {
    const bytes = handMadeZip([
      { name: '[Content_Types].xml', content: new Uint8Array(40 * 1024 * 1024), declaredSize: 1000 },
    ]);
    expect(await refusal('liar.xlsx', bytes)).toBe(
      'liar.xlsx: error: The file cannot be read: its part [Content_Types].xml expands beyond the size its directory declares.',
    );
  });

  it('refuses a sheet with 100,000 rows', async () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    );
    const bytes = await withParts((parts) =>
      parts.set(
        'xl/worksheets/sheet2.xml',
        `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
      ),
    );
    expect(await refusal('long.xlsx', bytes)).toContain(
      'A sheet (xl/worksheets/sheet2.xml) has 100,000 rows; a collection workbook has at most 10,000.',
    );
  });

  it('refuses a merged range that a reader would expand cell by cell', async () => {
    const bytes = await withParts((parts) => {
      const sheet = text(parts.get('xl/worksheets/sheet2.xml') as Uint8Array);
      parts.set(
        'xl/worksheets/sheet2.xml',
        sheet.replace(
          '</sheetData>',
          '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        ),
      );
    });
    expect(await refusal('wide.xlsx', bytes)).toMatch(/has a range A1:XFD1048576 of [\d,]+ cells/);
  });

  it('refuses macros: an .xlsm name, a vbaProject.bin, a macro-enabled content type', async () => {
    const bytes = await sample();
    expect(await refusal('R5.xlsm', bytes)).toContain('The workbook contains macros');
    const withVba = await withParts((parts) => parts.set('xl/vbaProject.bin', new Uint8Array([1, 2, 3])));
    expect(await refusal('R5.xlsx', withVba)).toContain(
      'contains macros; Shinchoku reads only workbooks without them. Save it as 「Excel ブック (*.xlsx)」 and send that file. (xl/vbaProject.bin)',
    );
    const enabled = await withParts((parts) => {
      const types = text(parts.get('[Content_Types].xml') as Uint8Array);
      parts.set('[Content_Types].xml', types.replace('sheet.main+xml', 'sheet.macroEnabled.main+xml'));
    });
    expect(await refusal('R5.xlsx', enabled)).toContain('contains macros');
  });

  it('refuses links to other workbooks', async () => {
    const linked = await withParts((parts) => {
      parts.set('xl/externalLinks/externalLink1.xml', '<externalLink/>');
    });
    expect(await refusal('R5.xlsx', linked)).toContain('links to other workbooks; remove the links');
    const related = await withParts((parts) => {
      const rels = text(parts.get('xl/_rels/workbook.xml.rels') as Uint8Array);
      parts.set(
        'xl/_rels/workbook.xml.rels',
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="other.xml"/></Relationships>',
        ),
      );
    });
    expect(await refusal('R5.xlsx', related)).toContain('links to other workbooks');
    const referring = await withParts((parts) => {
      const book = text(parts.get('xl/workbook.xml') as Uint8Array);
      parts.set(
        'xl/workbook.xml',
        book.replace(
          '</workbook>',
          '<definedNames><definedName name="x">[1]Sheet1!$A$1</definedName></definedNames></workbook>',
        ),
      );
    });
    expect(await refusal('R5.xlsx', referring)).toContain('links to other workbooks');
  });

  it('refuses XML entity declarations', async () => {
    const bytes = await withParts((parts) => {
      const strings = text(parts.get('xl/sharedStrings.xml') as Uint8Array);
      parts.set('xl/sharedStrings.xml', strings.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>'));
    });
    expect(await refusal('R5.xlsx', bytes)).toContain('declares XML entities');
  });

  it('says what a file is when it is not an xlsx workbook', async () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    expect(await refusal('R5.csv', encode('年度,値\n2023,340\n'))).toBe(
      'R5.csv: error: The file is not an Excel workbook (.xlsx); send the workbook Shinchoku made, filled in.',
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await refusal('R5.xls', ole)).toContain(
      'Excel 97–2003 workbook (.xls) or is protected with a password',
    );
    expect(await refusal('empty.xlsx', new Uint8Array())).toContain('not an Excel workbook');
    const bytes = await sample();
    expect(await refusal('cut.xlsx', bytes.subarray(0, bytes.length - 100))).toContain(
      'The file cannot be read',
    );
    const zip = await zipParts(new Map([['hello.txt', 'hello']]));
    expect(await refusal('other.zip', zip)).toContain('a zip archive but not an Excel workbook');
  });

  it('refuses a workbook Shinchoku did not make', async () => {
    const bytes = await withParts((parts) => {
      const book = text(parts.get('xl/workbook.xml') as Uint8Array);
      parts.set('xl/workbook.xml', book.replace(/<sheet [^>]*name="_shinchoku"[^>]*\/>/, ''));
    });
    expect(await refusal('R5.xlsx', bytes)).toContain('This is not a collection workbook made by Shinchoku');
  });
});

function sheet(book: Awaited<ReturnType<typeof loadBook>>, name: string) {
  const found = book.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

async function edited(change: (book: Awaited<ReturnType<typeof loadBook>>) => void): Promise<WorkbookFile> {
  const book = await loadBook(await sample());
  change(book);
  return { name: 'R5_健康推進課.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

describeStores('collect read refuses workbooks it cannot trust', (store) => {
  const read = async (files: WorkbookFile[], options = {}) => {
    await importPlan(store().db, departmentPlan(), { replace: true });
    return (await readCollected(store().db, files, options)).problems.map(formatCollectProblem);
  };

  it("refuses another plan's workbook", async () => {
    const other = await makeFor({ ...departmentPlan(), id: 'other-plan' }, 2023);
    const name = 'R5_環境課.xlsx';
    const problems = await read([{ name, bytes: file(other, name).bytes }], {
      plan: 'kitamoto-2nd-strategy',
    });
    expect(problems).toEqual([
      'R5_環境課.xlsx: error: This workbook is for the plan other-plan, not kitamoto-2nd-strategy; it is refused.',
    ]);
  });

  it('refuses an edited read-only cell, naming it', async () => {
    const problems = await read([
      await edited((book) => (sheet(book, '入力').getCell('C6').value = '健康寿命')),
    ]);
    expect(problems[0]).toBe(
      'R5_健康推進課.xlsx: 入力!C6: error: reads 「健康寿命」, but the form had 「65歳健康寿命」 here: read-only cells were edited, or rows or columns were moved, inserted or deleted.',
    );
    expect(problems.at(-1)).toContain(
      'The form was changed, so its figures cannot be matched to KPIs safely',
    );
  });

  it('refuses a form with an inserted row', async () => {
    const problems = await read([
      await edited((book) => {
        const input = sheet(book, '入力');
        input.spliceRows(6, 0, ['', '', '挿入した行']);
        input.getCell('F7').value = 18.9;
      }),
    ]);
    expect(problems).toContain(
      'R5_健康推進課.xlsx: 入力!C6: error: reads 「挿入した行」, but the form had 「65歳健康寿命」 here: read-only cells were edited, or rows or columns were moved, inserted or deleted.',
    );
    expect(problems.join('\n')).toContain('入力!C8: error: 「65歳健康寿命」 is outside the form');
  });

  it('refuses content written outside the form', async () => {
    const problems = await read([await edited((book) => (sheet(book, '入力').getCell('F9').value = 21.3))]);
    expect(problems[0]).toBe(
      'R5_健康推進課.xlsx: 入力!F9: error: 「21.3」 is outside the form; write only in the yellow cells, and add no rows or columns.',
    );
  });

  it('refuses changed hidden identifiers and a renamed input sheet', async () => {
    const hidden = await edited((book) => (sheet(book, '_shinchoku').getCell('B11').value = 'births'));
    expect(await read([hidden])).toEqual([
      'R5_健康推進課.xlsx: error: The workbook cannot be read safely: its hidden identifiers were changed (the structure hash does not match).',
    ]);
    const renamed = await edited((book) => (sheet(book, '入力').name = '入力（修正）'));
    expect(await read([renamed])).toEqual([
      'R5_健康推進課.xlsx: error: The sheet 「入力」 is missing: it was renamed or deleted.',
    ]);
  });

  it('takes a KPI from one workbook only', async () => {
    const bytes = await sample();
    const problems = await read([
      { name: 'a/R5_健康推進課.xlsx', bytes },
      { name: 'b/R5_健康推進課.xlsx', bytes },
    ]);
    expect(problems[0]).toBe(
      'b/R5_健康推進課.xlsx: 入力!C6: error: 65歳健康寿命 is also asked for in a/R5_健康推進課.xlsx (入力!C6); take its figures from one workbook only.',
    );
  });
});
