/** A workbook as uploaded or named on the command line. */
export interface WorkbookFile {
  /** How messages name it: R5_環境課.xlsx. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The file's real size, where only its first bytes were read because it is over the limit. */
  readonly size?: number;
}
