import { useState, type ReactNode } from 'react';
import { Badge, Button, Flex, Grid } from 'antd';
import { FilterOutlined } from '@ant-design/icons';

/** A comma-separated URL filter ('A,B') as the values of a multiple Select. */
export const csvValues = (value: string | undefined): string[] =>
  value ? value.split(',').filter(Boolean) : [];

/**
 * A list's search box and filters. On a desktop they sit in one wrapping row; on a phone the filters
 * fold away behind a button (with the number of active ones) so the table stays in view, one per line.
 */
export function FilterBar({
  search,
  filters,
  activeCount,
  filtersLabel,
  extra,
}: {
  search: ReactNode;
  filters: ReactNode;
  activeCount: number;
  filtersLabel: string;
  extra?: ReactNode;
}) {
  const isPhone = !Grid.useBreakpoint().md;
  const [open, setOpen] = useState(activeCount > 0);
  if (!isPhone) {
    return (
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        {search}
        {filters}
        {extra}
      </Flex>
    );
  }
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex gap={8} align="center">
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        <Badge count={activeCount} size="small">
          <Button
            size="large"
            icon={<FilterOutlined />}
            type={open ? 'primary' : 'default'}
            ghost={open}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {filtersLabel}
          </Button>
        </Badge>
      </Flex>
      {open && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          {filters}
          {extra}
        </Flex>
      )}
    </div>
  );
}
