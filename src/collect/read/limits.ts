/**
 * What a collection workbook may be. A filled form is tens of kilobytes; these bounds leave room for
 * long assessments while refusing, before any parsing, what could exhaust memory or time.
 */
export const LIMITS = {
  /** The file as uploaded or named on the command line. */
  fileBytes: 10 * 1024 * 1024,
  /** Every part of the zip together, once decompressed. */
  expandedBytes: 50 * 1024 * 1024,
  /** A part whose compression ratio is beyond this is a zip bomb, whatever its size. */
  ratio: 200,
  /** Below this a part is too small to matter, whatever its ratio. */
  ratioFloor: 1024 * 1024,
  entries: 1000,
  /** Rows of one sheet: a department's form has tens. */
  sheetRows: 10_000,
  /** Cells one range (a merge, a validation) may cover, since readers expand them cell by cell. */
  rangeCells: 100_000,
} as const;

export const EXCEL_MAX_ROW = 1_048_576;
export const EXCEL_MAX_COLUMN = 16_384;

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
