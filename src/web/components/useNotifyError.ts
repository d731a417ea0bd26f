import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** For mutations: shows a failed save as a toast with the code's meaning and the server's explanation. */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error: unknown) => {
    const { title, detail } = describeError(error, t);
    message.error(detail ? `${title}：${detail}` : title, 6);
  };
}
