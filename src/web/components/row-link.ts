import type { TableProps } from 'antd';
import type { NavigateFunction } from 'react-router';

/** Table rows that open their record's page on a click anywhere but a link or button inside the row. */
export function opensRow<T>(navigate: NavigateFunction, pathOf: (row: T) => string): TableProps<T>['onRow'] {
  return (row) => ({
    onClick: (event) => {
      if ((event.target as HTMLElement).closest('a, button')) return;
      navigate(pathOf(row));
    },
    style: { cursor: 'pointer' },
  });
}
