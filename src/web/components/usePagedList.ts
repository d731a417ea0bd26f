import { useState } from 'react';
import { Grid, type TablePaginationConfig } from 'antd';

/**
 * Paging for a card's table that pages on the server (not in the URL): the `limit`/`offset` to ask for, and the
 * table's pagination for the total the API answers — compact on a phone, hidden when one page holds everything.
 */
export function usePagedList(pageSize: number) {
  const isPhone = !Grid.useBreakpoint().md;
  const [page, setPage] = useState(1);
  return {
    setPage,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    pagination: (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total,
      hideOnSinglePage: true,
      showSizeChanger: false,
      simple: isPhone,
      onChange: setPage,
    }),
  };
}
