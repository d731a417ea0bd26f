/** Store class (卖场等级) by sales floor area in m². */
export const storeClasses = ['A', 'B', 'C'] as const;
export type StoreClass = (typeof storeClasses)[number];

export const STORE_CLASS_A_MIN_AREA = 5000;
export const STORE_CLASS_B_MIN_AREA = 2000;

/**
 * A ≥ 5,000 m², B ≥ 2,000 m², C below; null when the area is unknown.
 * The seed says "5000以上 A, 2000以上 B, 2000以下 C", which puts 2,000 in both B and C;
 * we give a boundary area the higher class (docs/glossary.md).
 */
export function classifyStore(floorArea: number | null | undefined): StoreClass | null {
  if (floorArea === null || floorArea === undefined || !Number.isFinite(floorArea) || floorArea < 0)
    return null;
  if (floorArea >= STORE_CLASS_A_MIN_AREA) return 'A';
  if (floorArea >= STORE_CLASS_B_MIN_AREA) return 'B';
  return 'C';
}
