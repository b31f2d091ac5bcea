import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Ports handed out so far from BENCH_PORTS, so that two servers never get the same one. */
let nextInRange = 0;

/**
 * A port free on the loopback address, for a server the bench starts there: any the system gives, or
 * one from BENCH_PORTS (`4700-4799`) on a machine whose users share out port ranges.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PORTS ?? '');
  if (!range) return listenOn(0);
  const [from, to] = [Number(range[1]), Number(range[2])];
  for (let port = Math.max(from, nextInRange); port <= to; port++) {
    const free = await listenOn(port).then(
      () => true,
      () => false,
    );
    if (free) {
      nextInRange = port + 1;
      return port;
    }
  }
  throw new Error(`no free port in BENCH_PORTS ${from}-${to}`);
}
