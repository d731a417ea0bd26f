import { Select, type SelectProps } from 'antd';
import type { EnumKind } from '../../core/common/enum-labels';
import { useEnumOptions } from '../lib/enums';

/** A Select of one enum's values (formats, tiers, statuses…) with their labels in the current language. */
export function EnumSelect<K extends EnumKind>({
  kind,
  ...props
}: { kind: K } & Omit<SelectProps, 'options'>) {
  const options = useEnumOptions(kind);
  return <Select options={options} optionFilterProp="label" {...props} />;
}
