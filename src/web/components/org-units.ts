import { useQuery } from '@tanstack/react-query';
import type { OrgUnit } from '../../core/org/org.contract';
import { api } from '../lib/api';

/** Invalidate this key after changing an org unit; every tree select and the org page read it. */
export const ORG_UNITS_QUERY_KEY = ['org-units'] as const;

/** The whole org tree as the API gives it: a flat list linked by parentId (small: HQ, regions, cities, teams). */
export function useOrgUnits() {
  return useQuery({
    queryKey: ORG_UNITS_QUERY_KEY,
    queryFn: async () => (await api.get<{ items: OrgUnit[]; total: number }>('/api/org-units')).items,
    staleTime: 5 * 60_000,
  });
}

export interface OrgTreeNode {
  unit: OrgUnit;
  children: OrgTreeNode[];
}

/** Nests the flat list; a unit whose parent is missing becomes a root rather than disappearing. */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: OrgTreeNode, b: OrgTreeNode) => a.unit.code.localeCompare(b.unit.code);
  const sort = (list: OrgTreeNode[]) => {
    list.sort(byCode);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a unit and everything under it (a unit cannot move under these). */
export function subtreeIds(units: readonly OrgUnit[], rootId: number): Set<number> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** "华南大区 / 深圳" — the path from the root, for showing where a unit sits. */
export function orgUnitPath(units: readonly OrgUnit[], id: number | null | undefined): string {
  if (id == null) return '';
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const names: string[] = [];
  let current = byId.get(id);
  while (current && names.length < 20) {
    names.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names.join(' / ');
}
