import { Tag } from 'antd';
import type { StoreClass } from '../../core/stores/store-class';

const colors: Record<StoreClass, string> = { A: 'red', B: 'gold', C: 'blue' };

/** A store's class (卖场等级) as a coloured A/B/C tag; '—' when the floor area is unknown. */
export function StoreClassTag({ value }: { value: StoreClass | null | undefined }) {
  if (!value) return <span>—</span>;
  return (
    <Tag color={colors[value]} style={{ fontWeight: 600, marginInlineEnd: 0 }}>
      {value}
    </Tag>
  );
}
