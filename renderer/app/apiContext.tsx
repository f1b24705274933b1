// The client reaches every page through context, so tests hand the app a fake transport instead of mocking it.
import { createContext, useContext, type ReactNode } from 'react';
import { ApiError, type Api } from '../api';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** The Chinese message of a refused call; anything else is our own bug, said plainly. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.data.message;
  return '程序内部错误，操作未完成';
}
