import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResponse } from '../../../core/common/list';
import type {
  ColumnMappingInput,
  ImportJob,
  ImportJobDetail,
  ImportPreview,
  ImportProfile,
} from '../../../core/imports/imports.contract';
import type { ImportKind } from '../../../core/imports/imports.enums';
import { isJobRunning } from '../../components/JobProgress';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;

const POLL_MS = 1000;

export function useImportProfiles(accountId: number | null, kind: ImportKind, enabled: boolean) {
  return useQuery({
    queryKey: ['import-profiles', { accountId, kind }],
    queryFn: () =>
      api.get<{ items: ImportProfile[] }>('/api/import-profiles', {
        accountId: accountId ?? undefined,
        kind,
      }),
    enabled: enabled && accountId !== null,
  });
}

/** 1 MB of a CSV is plenty for ten rows; sending a 500 MB file to read ten rows would be silly. */
const PREVIEW_BYTES = 1024 * 1024;

/**
 * The start of a CSV file, cut after its last complete line: a cut inside a multi-byte character would make
 * UTF-8 look like GBK. A newline byte never occurs inside a UTF-8 or GBK character. An .xlsx is a zip whose
 * index sits at the end, so it goes whole.
 */
export async function previewPart(file: File): Promise<Blob> {
  if (file.size <= PREVIEW_BYTES || !/\.(csv|txt)$/i.test(file.name)) return file;
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const lastNewline = head.lastIndexOf(0x0a);
  return lastNewline > 0 ? file.slice(0, lastNewline + 1) : file.slice(0, PREVIEW_BYTES);
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: async (input: {
      kind: ImportKind;
      accountId: number | null;
      file: File;
      encoding?: 'utf8' | 'gbk';
    }) =>
      api.upload<ImportPreview>(
        '/api/imports/preview',
        await previewPart(input.file),
        input.file.name,
        undefined,
        {
          kind: input.kind,
          accountId: input.accountId == null ? undefined : String(input.accountId),
          encoding: input.encoding,
        },
      ),
  });
}

export interface StartImportInput {
  kind: ImportKind;
  accountId: number | null;
  file: File;
  profile?: string;
  mapping?: ColumnMappingInput;
  encoding?: 'utf8' | 'gbk';
  saveProfile?: string;
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartImportInput) =>
      api.upload<ImportJob>('/api/imports', input.file, input.file.name, undefined, {
        kind: input.kind,
        accountId: input.accountId == null ? undefined : String(input.accountId),
        profile: input.profile,
        mapping: input.mapping ? JSON.stringify(input.mapping) : undefined,
        encoding: input.encoding,
        saveProfile: input.saveProfile,
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['imports'] }),
        queryClient.invalidateQueries({ queryKey: ['import-profiles'] }),
      ]),
  });
}

/** Figures an import may have changed. */
const affectedByImports = ['imports', 'sales', 'stock', 'listings', 'skus', 'distribution', 'launch'];

/** After a job finishes or is undone: every figure it may have changed (but not the job's own query). */
export function useRefreshAfterImport() {
  const queryClient = useQueryClient();
  return (jobId: number) =>
    Promise.all(
      affectedByImports.map((key) =>
        queryClient.invalidateQueries({
          queryKey: [key],
          predicate: (query) => !(key === 'imports' && query.queryKey[1] === jobId),
        }),
      ),
    );
}

/** One job, asked for every second while it is queued or running. */
export function useImportJob(id: number) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: () => api.get<ImportJobDetail>(`/api/imports/${id}`),
    refetchInterval: (query) =>
      query.state.error || (query.state.data && !isJobRunning(query.state.data.status)) ? false : POLL_MS,
  });
}

/** The history; asked again every few seconds while one of its jobs runs, so its status moves on. */
export function useImportJobs(query: Query) {
  return useQuery({
    queryKey: ['imports', query],
    queryFn: () => api.get<ListResponse<ImportJob>>('/api/imports', query),
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.items.some((job) => isJobRunning(job.status)) ? 3 * POLL_MS : false,
  });
}

export function useUndoImport(id: number) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterImport();
  return useMutation({
    mutationFn: () => api.post<ImportJob>(`/api/imports/${id}/undo`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['imports', id] });
      await refresh(id);
    },
  });
}
