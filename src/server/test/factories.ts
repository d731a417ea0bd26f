import type { AccountInput } from '../../core/accounts/accounts.contract';
import type { Role } from '../../core/auth/roles';
import type { SkuInput } from '../../core/catalog/catalog.contract';
import type { ContactInput } from '../../core/contacts/contacts.contract';
import type { OrgUnitKind } from '../../core/org/org.contract';
import type { StoreInput } from '../../core/stores/stores.contract';
import type { Db } from '../db/client';
import { systemActor, type Actor } from '../http/access';
import { createAccount } from '../modules/accounts/accounts.service';
import { createSku } from '../modules/catalog/catalog.service';
import { createContact } from '../modules/contacts/contacts.service';
import { createOrgUnit } from '../modules/org-units/org-units.service';
import { createStore } from '../modules/stores/stores.service';
import { createUser } from '../modules/users/users.service';

/** Test data through the real services, with overrides; each test file builds what it needs. */
let sequence = 0;
const next = () => ++sequence;

export const TEST_PASSWORD = 'test-password-1';

export async function makeOrgUnit(
  db: Db,
  overrides: { code?: string; name?: string; kind?: OrgUnitKind; parentId?: number | null } = {},
) {
  const n = next();
  return createOrgUnit(db, systemActor, {
    code: overrides.code ?? `OU${n}`,
    name: overrides.name ?? `Unit ${n}`,
    kind: overrides.kind ?? 'city',
    parentId: overrides.parentId ?? null,
  });
}

export async function makeUser(
  db: Db,
  overrides: {
    role?: Role;
    orgUnitId?: number | null;
    username?: string;
    displayName?: string;
    isActive?: boolean;
  } = {},
) {
  const n = next();
  const role = overrides.role ?? 'rep';
  const user = await createUser(db, systemActor, {
    username: overrides.username ?? `${role.replace('_', '')}${n}`,
    displayName: overrides.displayName ?? `${role} ${n}`,
    role,
    orgUnitId: overrides.orgUnitId ?? null,
    isActive: overrides.isActive ?? true,
    password: TEST_PASSWORD,
  });
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    orgUnitId: user.orgUnitId,
    locale: 'zh-CN',
  };
  return { ...user, actor };
}

export async function makeAccount(db: Db, overrides: Partial<AccountInput> = {}) {
  const n = next();
  return createAccount(db, systemActor, {
    code: `ACC${n}`,
    name: `Chain ${n}`,
    tier: 'key',
    tradeType: 'hq_direct',
    formats: ['hypermarket'],
    status: 'active',
    houseRules: {},
    ...overrides,
  });
}

export async function makeStore(db: Db, overrides: Partial<StoreInput> & { accountId: number }) {
  const n = next();
  return createStore(db, systemActor, {
    code: `S${n}`,
    name: `Store ${n}`,
    format: 'hypermarket',
    floorArea: 6000,
    province: '广东',
    city: '深圳',
    status: 'open',
    repIds: [],
    ...overrides,
  });
}

export async function makeContact(
  db: Db,
  overrides: Partial<ContactInput> & ({ accountId: number } | { storeId: number }),
) {
  const n = next();
  return createContact(db, systemActor, { name: `Contact ${n}`, role: 'buyer', ...overrides });
}

/** One of our SKUs by default; pass `isOwn: false` with a `competitorCompany` for a competitor's. */
export async function makeSku(db: Db, overrides: Partial<SkuInput> = {}) {
  const n = next();
  return createSku(db, systemActor, {
    code: `SKU${n}`,
    name: `Product ${n}`,
    brand: 'Endcap',
    isOwn: true,
    category: 'Biscuits',
    status: 'active',
    ...overrides,
  });
}
