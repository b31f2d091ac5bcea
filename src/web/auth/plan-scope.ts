import type { MiddlewareHandler } from 'hono';
import { ShinchokuError } from '../../core/errors.ts';
import { isPlanId } from '../../core/plan.ts';
import type { Db } from '../../store/connect.ts';
import { planMunicipalityId } from '../../store/plan-repository.ts';
import type { AppEnv } from '../env.ts';

/** The plan a staff or API address names: `…/plans/<slug>` or `…/plans/<slug>/…`. */
const PLAN_IN_PATH = /^\/(?:staff|api)\/plans\/([^/]+)(?:\/|$)/;

function slugOf(path: string): string | null {
  const raw = PLAN_IN_PATH.exec(path)?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    // Not decodable: looked up as it stands, so no spelling of an address goes unchecked.
    return raw;
  }
}

/**
 * The one place a signed-in user's reach over plans is decided: an address naming a plan of another
 * municipality is answered exactly as an unknown plan (404), so whether it exists is not told, and a
 * host administrator reaches no plan at all. A signed-out visitor goes on to the route, which asks them
 * to sign in. Every command that reads a plan by its slug runs behind this.
 */
export function planScope(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('session')?.user;
    const slug = user ? slugOf(c.req.path) : null;
    if (user && slug !== null) {
      // No stored plan has an id outside the plan file's rule (a NUL would not even reach the database).
      if (!isPlanId(slug)) throw new ShinchokuError('plan-not-found', 'No plan has that id.');
      const owner = user.municipalityId === null ? null : await planMunicipalityId(db, slug);
      if (user.municipalityId === null || (owner !== null && owner !== user.municipalityId)) {
        throw new ShinchokuError('plan-not-found', `No plan has the id ${slug}.`);
      }
    }
    await next();
  };
}
