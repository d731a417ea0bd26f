import type { TablePaginationConfig, TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import type { TableState } from '../lib/url-state';
import { sortFromSorter, sortOrderOf } from './table-sort';

/**
 * Wires an antd Table to a list's URL state (useTableUrlState): controlled sort and paging,
 * so the table shows what the URL says and every change goes back into the URL.
 * Sortable columns need `key` (the API's sort key), `sorter: true` and `sortOrder: sortOrder(key)`.
 */
export function useUrlTable<T>(
  state: TableState,
  update: (changes: Partial<Omit<TableState, 'filters'>>) => void,
  total: number | undefined,
) {
  const { t } = useTranslation();
  const sortOrder = (key: string): SortOrder => sortOrderOf(state.sort, key);

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      update({ sort: sortFromSorter(sorter) });
    } else if (extra.action === 'paginate') {
      if (pagination.pageSize && pagination.pageSize !== state.pageSize)
        update({ pageSize: pagination.pageSize });
      else update({ page: pagination.current });
    }
  };

  const pagination: TablePaginationConfig = {
    current: state.page,
    pageSize: state.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (count) => t('common:list.total', { total: count }),
  };
  return { sortOrder, onChange, pagination };
}
