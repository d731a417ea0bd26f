import type { FeatureDictionary } from '../../lib/i18n';

export const dashboardDictionary: FeatureDictionary = {
  'zh-CN': {
    nav: '首页',
    title: '首页概览',
    scope: {
      all: '数据范围：全部客户与门店',
      org_subtree: '数据范围：本组织及下级',
      assigned_stores: '数据范围：我负责的门店',
    },
    totals: {
      accounts: '客户系统',
      stores: '门店',
      contacts: '联系人',
      stale: '{{days}} 天未联系',
      staleShare: '占联系人 {{percent}}%（含从未联系）',
      viewStale: '查看名单',
    },
    charts: {
      accountsByTier: '客户系统按等级',
      storesByClass: '门店按卖场等级',
      storesByFormat: '门店按业态',
      storesPerRep: '各代表负责门店数',
      perRepHint: '按门店数排序，共 {{total}} 名代表；超过 {{shown}} 名时可滚动查看',
      clickHint: '点击图形查看明细',
      count: '数量',
      stores: '门店数',
    },
    storeClass: { A: 'A 类', B: 'B 类', C: 'C 类', none: '未分级' },
  },
  en: {
    nav: 'Dashboard',
    title: 'Dashboard',
    scope: {
      all: 'Scope: all accounts and stores',
      org_subtree: 'Scope: my org unit and below',
      assigned_stores: 'Scope: the stores assigned to me',
    },
    totals: {
      accounts: 'Accounts',
      stores: 'Stores',
      contacts: 'Contacts',
      stale: 'Not contacted for {{days}} days',
      staleShare: '{{percent}}% of contacts (never contacted included)',
      viewStale: 'See the list',
    },
    charts: {
      accountsByTier: 'Accounts by tier',
      storesByClass: 'Stores by store class',
      storesByFormat: 'Stores by format',
      storesPerRep: 'Stores per rep',
      perRepHint: 'Sorted by store count, {{total}} reps; scroll when there are more than {{shown}}',
      clickHint: 'Click a bar or slice for the list',
      count: 'Count',
      stores: 'Stores',
    },
    storeClass: { A: 'Class A', B: 'Class B', C: 'Class C', none: 'Unclassified' },
  },
};
