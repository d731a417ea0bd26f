import { describe, expect, it } from 'vitest';
import { storeFormats } from '../accounts/accounts.contract';
import { roles } from '../auth/roles';
import { contactRoles } from '../contacts/contacts.contract';
import { storeStatuses } from '../stores/stores.contract';
import {
  enumLabels,
  labelOf,
  optionsOf,
  parseEnumLabel,
  valuesOf,
  type EnumKind,
  type EnumLabel,
} from './enum-labels';

const kinds = Object.keys(enumLabels) as EnumKind[];

describe('enum labels', () => {
  it('label every value of the contracts in both languages, in the contracts order', () => {
    expect(valuesOf('storeFormat')).toEqual(storeFormats);
    expect(valuesOf('storeStatus')).toEqual(storeStatuses);
    expect(valuesOf('contactRole')).toEqual(contactRoles);
    expect(valuesOf('userRole')).toEqual(roles);
    for (const kind of kinds) {
      expect(Object.keys(enumLabels[kind]).sort()).toEqual([...valuesOf(kind)].sort());
      for (const value of valuesOf(kind)) {
        expect(labelOf(kind, value, 'zh-CN')).toMatch(/\S/);
        expect(labelOf(kind, value, 'en')).toMatch(/\S/);
      }
    }
  });

  it('use the glossary words', () => {
    expect(labelOf('storeFormat', 'hypermarket', 'zh-CN')).toBe('大卖场');
    expect(labelOf('storeStatus', 'closed', 'zh-CN')).toBe('已闭店');
    expect(labelOf('accountTier', 'key', 'zh-CN')).toBe('关键客户');
    expect(labelOf('tradeType', 'hq_direct', 'zh-CN')).toBe('总部直供');
    expect(labelOf('contactRole', 'section_head', 'zh-CN')).toBe('柜组长');
    expect(labelOf('userRole', 'hq_ops', 'zh-CN')).toBe('总部KA运营');
    expect(labelOf('houseRuleSection', 'promoterRules', 'zh-CN')).toBe('导购员管理制度');
    expect(labelOf('storeFormat', 'convenience', 'en')).toBe('Convenience store');
    expect(optionsOf('accountStatus', 'en')).toEqual([
      { value: 'prospect', label: 'Prospect' },
      { value: 'active', label: 'Active' },
      { value: 'paused', label: 'Paused' },
      { value: 'exited', label: 'Exited' },
    ]);
  });

  it('show an unknown value as it is', () => {
    expect(labelOf('storeFormat', 'kiosk', 'zh-CN')).toBe('kiosk');
  });

  it('parse the code, the Chinese label, the English label and aliases, trimmed and in any case', () => {
    expect(parseEnumLabel('storeFormat', 'warehouse_club')).toBe('warehouse_club');
    expect(parseEnumLabel('storeFormat', ' 仓储会员店 ')).toBe('warehouse_club');
    expect(parseEnumLabel('storeFormat', '量贩')).toBe('warehouse_club');
    expect(parseEnumLabel('storeFormat', 'WAREHOUSE CLUB')).toBe('warehouse_club');
    expect(parseEnumLabel('storeFormat', 'Ｈｙｐｅｒｍａｒｋｅｔ')).toBe('hypermarket'); // full-width, as some IMEs type
    expect(parseEnumLabel('contactRole', 'Store-Manager')).toBe('store_manager');
    expect(parseEnumLabel('storeStatus', '营业')).toBe('open');
    expect(parseEnumLabel('userRole', 'ka代表')).toBe('rep');
  });

  it('answer null for blank or unknown text', () => {
    expect(parseEnumLabel('storeFormat', '')).toBeNull();
    expect(parseEnumLabel('storeFormat', '   ')).toBeNull();
    expect(parseEnumLabel('storeFormat', null)).toBeNull();
    expect(parseEnumLabel('storeFormat', '卖场超市')).toBeNull();
    expect(parseEnumLabel('storeStatus', 'hypermarket')).toBeNull();
  });

  it('never let one text mean two values of the same kind', () => {
    // Each text parsing back to its own value proves no other value of the kind claims it.
    for (const kind of kinds) {
      const labels = enumLabels[kind] as Record<string, EnumLabel>;
      for (const value of valuesOf(kind)) {
        const entry = labels[value];
        for (const text of [value, entry['zh-CN'], entry.en, ...(entry.aliases ?? [])]) {
          expect(parseEnumLabel(kind, text), `${kind}: "${text}"`).toBe(value);
        }
      }
    }
  });
});
