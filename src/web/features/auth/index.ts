import type { WebFeature } from '../../lib/feature';
import { authDictionary } from './auth.dictionary';

export { LoginPage } from './LoginPage';

export const authFeature: WebFeature = { namespace: 'auth', dictionary: authDictionary, routes: [] };
