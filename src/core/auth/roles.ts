/** Roles of the people who use Endcap; see docs/glossary.md for who does what. */
export const roles = ['admin', 'hq_ops', 'manager', 'assistant', 'rep', 'promoter', 'finance'] as const;
export type Role = (typeof roles)[number];

/** How far a role's data scope reaches. */
export type ScopeKind = 'all' | 'org_subtree' | 'assigned_stores';

export function scopeKindOf(role: Role): ScopeKind {
  switch (role) {
    case 'admin':
    case 'hq_ops':
    case 'finance':
      return 'all';
    case 'manager':
    case 'assistant':
      return 'org_subtree';
    case 'rep':
    case 'promoter':
      return 'assigned_stores';
  }
}

/** Who may do what, by capability; routes and the web navigation both read these lists. */
export const permissions = {
  manageUsers: ['admin'],
  manageOrgUnits: ['admin'],
  readUsers: ['admin', 'hq_ops', 'manager', 'assistant'],
  readAudit: ['admin'],
  writeAccounts: ['admin', 'hq_ops'],
  writeStores: ['admin', 'hq_ops', 'manager', 'assistant'],
  writeContacts: ['admin', 'hq_ops', 'manager', 'assistant', 'rep'],
  importStores: ['admin', 'hq_ops', 'manager', 'assistant'],
  importContacts: ['admin', 'hq_ops', 'manager', 'assistant', 'rep'],
  writeSkus: ['admin', 'hq_ops'],
  writeListings: ['admin', 'hq_ops', 'manager', 'assistant'],
  /** Sell-out, inventory and sell-in files; a manager's file may only touch their subtree's stores. */
  importSales: ['admin', 'hq_ops', 'manager', 'assistant'],
  postSellIn: ['admin', 'hq_ops', 'finance'],
  writeTargets: ['admin', 'hq_ops'],
  writeSupplySettings: ['admin', 'hq_ops'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
