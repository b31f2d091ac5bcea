import { ShinchokuError } from '../../core/errors.ts';
import type { ReviewState } from '../../store/reviews.ts';
import type { Role, User } from '../../store/users.ts';

/** Refuses an actor whose role is not among those allowed. Every command checks this, whatever the route did. */
export function assertRole(user: User, ...roles: readonly Role[]): void {
  if (!roles.includes(user.role)) {
    throw new ShinchokuError('forbidden', `A ${user.role} user may not do this.`, null, [], {
      reason: 'role',
    });
  }
}

/**
 * Who may change a KPI's figures and assessment: the office for every KPI, a department for the KPIs
 * assigned to it (kpis.department_id), the committee for none.
 */
export function mayEditKpi(user: User, kpi: { readonly departmentId: number | null }): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'department' && user.departmentId !== null && kpi.departmentId === user.departmentId;
}

export function assertMayEditKpi(
  user: User,
  kpi: { readonly key: string; readonly departmentId: number | null },
): void {
  if (!mayEditKpi(user, kpi)) {
    throw new ShinchokuError(
      'forbidden',
      `${user.login} may not edit the KPI ${kpi.key}: it belongs to another department.`,
      null,
      [],
      { reason: 'other-department' },
    );
  }
}

/** A department's submission is frozen while the office looks at it and once approved; the office is not. */
export function lockedForUser(user: User, review: ReviewState | null): boolean {
  return user.role !== 'admin' && (review === 'submitted' || review === 'approved');
}

/**
 * The municipality whose data a staff user works on. A host administrator has none and is refused,
 * so no command can show a host any municipality's plans, figures or accounts.
 */
export function municipalityOf(user: User): number {
  if (user.municipalityId === null) {
    throw new ShinchokuError('forbidden', `A ${user.role} user may not do this.`, null, [], {
      reason: 'role',
    });
  }
  return user.municipalityId;
}
