import { useMemo, useState } from 'react';
import { App, Button, Card, Dropdown, Empty, Flex, Input, Skeleton, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, OrgUnitKind } from '../../../core/org/org.contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { buildOrgTree, type OrgTreeNode, useOrgUnits } from '../../components/org-units';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../components/useNotifyError';
import { ApiError } from '../../lib/api';
import { useEnumLabel } from '../../lib/enums';
import { useCan } from '../../lib/session';
import { useDeleteOrgUnit } from './org-units.api';
import { OrgUnitModal, type OrgUnitDialog } from './OrgUnitModal';

const kindColors: Record<OrgUnitKind, string> = {
  hq: 'blue',
  region: 'geekblue',
  province: 'cyan',
  city: 'green',
  team: 'default',
};

/** The org tree: add a child, rename, move under another parent, delete an empty unit. */
export function OrgUnitsPage() {
  const { t } = useTranslation('orgUnits');
  const { message, modal } = App.useApp();
  const enumLabel = useEnumLabel();
  const notifyError = useNotifyError();
  const canManage = useCan('manageOrgUnits');
  const query = useOrgUnits();
  const units = useMemo(() => query.data ?? [], [query.data]);
  const remove = useDeleteOrgUnit();
  const [dialog, setDialog] = useState<OrgUnitDialog | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [search, setSearch] = useState('');
  const parentIds = useMemo(
    () => [...new Set(units.flatMap((unit) => (unit.parentId === null ? [] : [unit.parentId])))],
    [units],
  );

  // Until the user opens or closes a unit, the top level is open (HQ shows its regions).
  const openIds = useMemo(
    () => expanded ?? units.filter((unit) => unit.parentId === null).map((unit) => unit.id),
    [expanded, units],
  );
  const allExpanded = parentIds.every((id) => openIds.includes(id));

  // While searching: the matching units and the path down to them, opened.
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return null;
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const ids = new Set<number>();
    for (const unit of units) {
      if (!unit.name.toLowerCase().includes(needle) && !unit.code.toLowerCase().includes(needle)) continue;
      for (
        let current: OrgUnit | undefined = unit;
        current && !ids.has(current.id);
        current = current.parentId === null ? undefined : byId.get(current.parentId)
      ) {
        ids.add(current.id);
      }
    }
    return ids;
  }, [search, units]);

  function confirmDelete(unit: OrgUnit) {
    modal.confirm({
      title: t('deleteTitle', { name: unit.name }),
      content: t('deleteHint'),
      okText: t('common:actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:actions.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(unit.id);
          message.success(t('common:deleted'));
        } catch (error) {
          const usage =
            error instanceof ApiError && error.code === 'conflict'
              ? (error.details as { children?: number; users?: number; stores?: number })
              : null;
          if (usage && usage.children !== undefined) {
            modal.warning({
              title: t('cannotDelete', { name: unit.name }),
              content: t('inUse', {
                children: usage.children,
                users: usage.users ?? 0,
                stores: usage.stores ?? 0,
              }),
            });
          } else notifyError(error);
        }
      },
    });
  }

  const treeData = useMemo(() => {
    const toNode = (node: OrgTreeNode): TreeDataNode[] => {
      const unit = node.unit;
      if (visible && !visible.has(unit.id)) return [];
      return [
        {
          key: unit.id,
          title: (
            <Flex
              align="center"
              gap={8}
              wrap={false}
              style={{ minHeight: 36 }}
              data-testid={`org-unit-${unit.code}`}
            >
              <Typography.Text strong={unit.parentId === null} ellipsis style={{ minWidth: 0 }}>
                {unit.name}
              </Typography.Text>
              <Tag color={kindColors[unit.kind]} style={{ marginInlineEnd: 0 }}>
                {enumLabel('orgUnitKind', unit.kind)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {unit.code}
              </Typography.Text>
              {canManage && (
                <span onClick={(event) => event.stopPropagation()} style={{ marginInlineStart: 'auto' }}>
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'add', icon: <PlusOutlined />, label: t('addChild') },
                        { key: 'rename', icon: <EditOutlined />, label: t('rename') },
                        { key: 'move', icon: <DragOutlined />, label: t('move') },
                        { type: 'divider' },
                        {
                          key: 'delete',
                          icon: <DeleteOutlined />,
                          danger: true,
                          label: t('common:actions.delete'),
                        },
                      ],
                      onClick: ({ key }) => {
                        if (key === 'add') setDialog({ mode: 'create', parent: unit });
                        else if (key === 'rename') setDialog({ mode: 'rename', unit });
                        else if (key === 'move') setDialog({ mode: 'move', unit });
                        else if (key === 'delete') confirmDelete(unit);
                      },
                    }}
                  >
                    <Button
                      type="text"
                      icon={<MoreOutlined />}
                      aria-label={t('moreFor', { name: unit.name })}
                    />
                  </Dropdown>
                </span>
              )}
            </Flex>
          ),
          children: node.children.flatMap(toNode),
        },
      ];
    };
    return buildOrgTree(units).flatMap(toNode);
    // confirmDelete and enumLabel only read the current language and this page's state setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [units, visible, canManage, t]);

  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <Button onClick={() => setExpanded(allExpanded ? [] : parentIds)}>
              {allExpanded ? t('collapseAll') : t('expandAll')}
            </Button>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog({ mode: 'create', parent: null })}
              >
                {t('addRoot')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={query.error} />
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchPlaceholder')}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 320, marginBottom: 8 }}
        />
        {query.isLoading ? (
          <Skeleton active />
        ) : treeData.length === 0 ? (
          <Empty description={visible ? t('noMatch') : t('empty')} />
        ) : (
          <Tree
            blockNode
            showLine
            selectable={false}
            treeData={treeData}
            expandedKeys={visible ? [...visible] : openIds}
            onExpand={(keys) => {
              if (!visible) setExpanded(keys.map(Number));
            }}
          />
        )}
      </Card>
      <OrgUnitModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
