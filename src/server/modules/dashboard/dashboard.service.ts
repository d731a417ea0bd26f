import { accountTiers } from '../../../core/accounts/accounts.contract';
import { STALE_CONTACT_DAYS } from '../../../core/contacts/contacts.contract';
import type { Dashboard } from '../../../core/dashboard/dashboard.contract';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/access';
import { countAccountsByTier } from '../accounts/accounts.service';
import { countStaleContacts } from '../contacts/contacts.service';
import { countStoresBy, countStoresPerRep } from '../stores/stores.service';

/** The home page's figures, each within the actor's scope. */
export async function getDashboard(db: Db, actor: Actor): Promise<Dashboard> {
  // Sequential on purpose: PGlite runs one query at a time anyway, and the pool stays free for others.
  // Tier order (key, core, potential), not whatever order the database's grouping happens to return.
  const accountsByTier = (await countAccountsByTier(db, actor)).sort(
    (a, b) => accountTiers.indexOf(a.tier) - accountTiers.indexOf(b.tier),
  );
  const storesByClass = await countStoresBy(db, actor, 'storeClass');
  const storesByFormat = await countStoresBy(db, actor, 'format');
  const storesPerRep = await countStoresPerRep(db, actor);
  const contacts = await countStaleContacts(db, actor, STALE_CONTACT_DAYS);
  return {
    accountsByTier,
    storesByClass: storesByClass.map((row) => ({
      storeClass: row.key as 'A' | 'B' | 'C' | null,
      count: row.count,
    })),
    storesByFormat: storesByFormat.map((row) => ({
      format: row.key as Dashboard['storesByFormat'][number]['format'],
      count: row.count,
    })),
    storesPerRep,
    staleContacts: { days: STALE_CONTACT_DAYS, count: contacts.stale, total: contacts.total },
    totals: {
      accounts: accountsByTier.reduce((sum, row) => sum + row.count, 0),
      stores: storesByClass.reduce((sum, row) => sum + row.count, 0),
      contacts: contacts.total,
    },
  };
}
