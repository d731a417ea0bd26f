import { ShoppingCartOutlined } from '@ant-design/icons';
import type { WebFeature } from '../../lib/feature';
import { orderSuggestionsDictionary } from './order-suggestions.dictionary';

export const orderSuggestionsFeature: WebFeature = {
  namespace: 'orderSuggestions',
  dictionary: orderSuggestionsDictionary,
  routes: [
    {
      path: 'order-suggestions',
      lazy: () => import('./OrderSuggestionsPage').then((m) => ({ Component: m.OrderSuggestionsPage })),
    },
  ],
  nav: [
    {
      key: 'order-suggestions',
      path: '/order-suggestions',
      labelKey: 'orderSuggestions:nav',
      icon: ShoppingCartOutlined,
      order: 56,
    },
  ],
};
