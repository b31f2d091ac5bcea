import type { Db } from './connect.ts';
import { createMunicipality, type Municipality } from './municipalities.ts';
import { inTransaction } from './transaction.ts';
import { createUser, type User } from './users.ts';

export interface FirstAdministrator {
  readonly login: string;
  readonly displayName: string;
  /** A generated one-time password: the administrator must replace it at the first sign-in. */
  readonly oneTimePassword: string;
}

/**
 * Adds an administrator (planning office) to a municipality already stored, with a one-time password
 * they replace at the first sign-in. The host's page and `shinchoku municipality add-admin` come here,
 * and so does the creation of a municipality with its first administrator below, so both flows are one.
 * A taken login is a conflict; the account's creation is in the municipality's log (user.create).
 */
export async function addAdministrator(
  db: Db,
  municipalityId: number,
  admin: FirstAdministrator,
  actorId: number | null,
): Promise<User> {
  return createUser(
    db,
    {
      login: admin.login,
      displayName: admin.displayName,
      password: admin.oneTimePassword,
      role: 'admin',
      municipalityId,
      mustChangePassword: true,
    },
    actorId,
  );
}

/**
 * Adds a municipality and its first administrator in one transaction, so a taken login leaves no
 * municipality without an administrator behind. The host's page and `shinchoku municipality add` both
 * come here. A conflict names what was taken: the code (`context.current`) or the login.
 */
export async function createMunicipalityWithAdmin(
  db: Db,
  municipality: { readonly code: string; readonly name: string },
  admin: FirstAdministrator,
  actorId: number | null,
): Promise<{ municipality: Municipality; admin: User }> {
  return inTransaction(db, async (tx) => {
    const created = await createMunicipality(tx, municipality, actorId);
    const user = await addAdministrator(tx, created.id, admin, actorId);
    return { municipality: created, admin: user };
  });
}
