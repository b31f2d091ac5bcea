import { join } from 'node:path';
import { runBench } from './main.ts';

process.exitCode = await runBench(process.argv.slice(2), {
  now: () => new Date(),
  resultsDir: join(import.meta.dirname, 'results'),
  print: (line) => console.log(line),
});
