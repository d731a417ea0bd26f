import type { FeatureDictionary } from '../../lib/i18n';

export const authDictionary: FeatureDictionary = {
  'zh-CN': {
    title: '登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    required: '请输入{{field}}',
    demoHint: '演示账号：{{logins}}，密码 {{password}}',
  },
  en: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your {{field}}',
    demoHint: 'Demo logins: {{logins}}, password {{password}}',
  },
};
