import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '../../core/org/org.contract';
import { useEnumLabel } from '../lib/enums';
import { buildOrgTree, type OrgTreeNode, useOrgUnits } from './org-units';

interface TreeOption {
  value: number;
  title: string;
  label: string;
  disabled?: boolean;
  children: TreeOption[];
}

/**
 * Pick one org unit from the tree (/api/org-units), searchable by name. Works as a controlled
 * form field (value/onChange) and as a list filter. `disabledIds` greys out units that may not be
 * chosen, e.g. a unit's own subtree when moving it.
 */
export function OrgUnitTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  disabledIds,
  disabled,
  style,
  id,
  'aria-label': ariaLabel,
}: {
  value?: number | null;
  onChange?: (value: number | null, unit: OrgUnit | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabledIds?: ReadonlySet<number>;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'aria-label'?: string;
}) {
  const { data: units = [], isLoading } = useOrgUnits();
  const enumLabel = useEnumLabel();
  const treeData = useMemo(() => {
    const toOption = (node: OrgTreeNode): TreeOption => ({
      value: node.unit.id,
      title: `${node.unit.name}（${enumLabel('orgUnitKind', node.unit.kind)}）`,
      label: node.unit.name,
      disabled: disabledIds?.has(node.unit.id),
      children: node.children.map(toOption),
    });
    return buildOrgTree(units).map(toOption);
  }, [units, disabledIds, enumLabel]);
  // Open on the top level (HQ shows its regions); deeper levels are a click or a search away.
  const openKeys = useMemo(() => treeData.map((root) => root.value), [treeData]);

  return (
    <TreeSelect<number>
      id={id}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null, units.find((unit) => unit.id === next) ?? null)}
      treeData={treeData}
      treeNodeLabelProp="label"
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={openKeys}
      showSearch
      allowClear={allowClear}
      placeholder={placeholder}
      loading={isLoading}
      disabled={disabled}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, ...style }}
    />
  );
}
