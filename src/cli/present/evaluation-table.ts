// The terminal table is a published format now (src/publish/formats.ts); its renderer lives in render/.
export { evaluationTable } from '../../render/text/evaluation-table.ts';
