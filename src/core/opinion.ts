/**
 * A committee opinion (委員会意見): a committee member's comment on a KPI's year that the planning office
 * chose to publish. Frozen with the edition that publishes it, so an edition shows the same opinions
 * forever; the report and the public pages print them beside the evaluation, never inside its figures.
 */
export interface Opinion {
  readonly kpiId: string;
  readonly text: string;
  /** The day it was written, in Japan (YYYY-MM-DD). */
  readonly date: string;
}
