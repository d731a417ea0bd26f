import type { SorterResult, SortOrder } from 'antd/es/table/interface';

/** The URL/API `sort` ("name" or "-name") as the sort order of one Ant Design column. */
export function sortOrderOf(sort: string | undefined, columnKey: string): SortOrder {
  if (sort === columnKey) return 'ascend';
  if (sort === `-${columnKey}`) return 'descend';
  return null;
}

/** An Ant Design table's sorter change as the URL/API `sort`; undefined when sorting is switched off. */
export function sortFromSorter<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order || single.columnKey === undefined) return undefined;
  return `${single.order === 'descend' ? '-' : ''}${String(single.columnKey)}`;
}
