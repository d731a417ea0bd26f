import { z } from 'zod';
import { accountTiers, storeFormats } from '../accounts/accounts.contract';
import { storeClasses } from '../stores/store-class';

export const dashboardSchema = z.object({
  accountsByTier: z.array(z.object({ tier: z.enum(accountTiers), count: z.number().int() })),
  storesByClass: z.array(z.object({ storeClass: z.enum(storeClasses).nullable(), count: z.number().int() })),
  storesByFormat: z.array(z.object({ format: z.enum(storeFormats), count: z.number().int() })),
  storesPerRep: z.array(z.object({ repId: z.number().int(), repName: z.string(), count: z.number().int() })),
  staleContacts: z.object({ days: z.number().int(), count: z.number().int(), total: z.number().int() }),
  totals: z.object({ accounts: z.number().int(), stores: z.number().int(), contacts: z.number().int() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
