import { DatePicker, Grid, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD';

/**
 * A DatePicker whose value is a calendar date as text ('YYYY-MM-DD'), the way the API keeps dates,
 * so a form field never holds a Date that a time zone could move. On a phone the calendar is used
 * rather than the keyboard (which would cover it).
 */
export function DateStringPicker({
  value,
  onChange,
  ...props
}: { value?: string | null; onChange?: (value: string | null) => void } & Omit<
  DatePickerProps,
  'value' | 'onChange' | 'format'
>) {
  const isPhone = !Grid.useBreakpoint().md;
  return (
    <DatePicker
      inputReadOnly={isPhone}
      {...props}
      format={FORMAT}
      value={value ? dayjs(value, FORMAT) : null}
      onChange={(date) => {
        const day = Array.isArray(date) ? date[0] : date;
        onChange?.(day ? day.format(FORMAT) : null);
      }}
    />
  );
}
