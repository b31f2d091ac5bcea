/** A count with its noun in English: "1 goal", "2 goals" (the CLI's words are English only). */
export const countOf = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
