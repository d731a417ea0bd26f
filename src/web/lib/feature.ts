import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../core/auth/roles';
import type { FeatureDictionary } from './i18n';

/** A navigation entry; shown only to roles that hold `permission` (or to everyone signed in). */
export interface NavItem {
  key: string;
  path: string;
  /** i18n key in the feature's namespace, e.g. 'accounts:nav'. */
  labelKey: string;
  icon: ComponentType;
  order: number;
  permission?: Permission;
}

/** What a feature folder gives the app shell: its pages, its menu entries and its words. */
export interface WebFeature {
  namespace: string;
  dictionary: FeatureDictionary;
  /** Pages inside the signed-in layout (paths relative to "/"). */
  routes: RouteObject[];
  nav?: NavItem[];
}
