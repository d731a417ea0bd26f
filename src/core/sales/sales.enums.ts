/** What a sales target is set for. */
export const targetScopes = ['company', 'account', 'store', 'rep', 'org_unit'] as const;
export type TargetScope = (typeof targetScopes)[number];
