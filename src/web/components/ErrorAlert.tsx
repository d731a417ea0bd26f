import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** The one way a page shows a failed request: the code's meaning in the user's language, and the server's words. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { title, detail } = describeError(error, t);
  return (
    <Alert type="error" showIcon title={title} description={detail} style={{ marginBottom: 16, ...style }} />
  );
}
