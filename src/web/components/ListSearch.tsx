import { useEffect, useState } from 'react';
import { Grid, Input } from 'antd';
import type { InputProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A list's search box on the URL's `q`: typing stays in the box, Enter or the button searches (blank clears),
 * and the box follows the URL when it changes elsewhere (back, a link). Full width on a phone.
 */
export function ListSearch({
  q,
  onSearch,
  placeholder,
  label,
  width,
  size,
}: {
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  /** For screen readers; "搜索" when not given. */
  label?: string;
  /** On a desktop, in px. */
  width: number;
  size?: InputProps['size'];
}) {
  const { t } = useTranslation();
  const isPhone = !Grid.useBreakpoint().md;
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  return (
    <Input.Search
      allowClear
      placeholder={placeholder}
      aria-label={label ?? t('common:actions.search')}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(value) => onSearch(value.trim() || undefined)}
      style={{ width: isPhone ? '100%' : width }}
      size={size}
    />
  );
}
