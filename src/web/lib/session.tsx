import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionResponse, SessionUser } from '../../core/auth/auth.contract';
import { can, type Permission } from '../../core/auth/roles';
import { api, ApiError, setCsrfToken } from './api';
import { setLocale } from './i18n';

interface Session {
  user: SessionUser | null;
  isLoading: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
export const SESSION_QUERY_KEY = ['session'] as const;

/**
 * Forgets every cached answer of the previous user except the session query itself: `queryClient.clear()`
 * would also remove that query, leaving SessionProvider's observer on a dead copy, so the new user (or the
 * sign-out) would not show until something else re-rendered the provider.
 */
function forgetOtherQueries(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: async (): Promise<SessionUser | null> => {
      try {
        const session = await api.get<SessionResponse>('/api/auth/me');
        setCsrfToken(session.csrfToken);
        return session.user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<SessionResponse>('/api/auth/login', { username, password });
      setCsrfToken(session.csrfToken);
      await setLocale(session.user.locale);
      forgetOtherQueries(queryClient);
      queryClient.setQueryData(SESSION_QUERY_KEY, session.user);
      return session.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setCsrfToken('');
    forgetOtherQueries(queryClient);
    queryClient.setQueryData(SESSION_QUERY_KEY, null);
  }, [queryClient]);

  const value = useMemo(
    () => ({ user: query.data ?? null, isLoading: query.isLoading, login, logout }),
    [query.data, query.isLoading, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages inside the signed-in layout. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}

/** Whether the signed-in user's role holds a permission (the server checks again). */
export function useCan(permission: Permission): boolean {
  const { user } = useSession();
  return user ? can(user.role, permission) : false;
}
