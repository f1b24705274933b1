// Whether this file is an office's or the county bureau's (县局模式), with its keys: the navigation and the
// exchange pages show what belongs to the mode.
import { useCallback, useEffect, useState } from 'react';
import type { ExchangeStatus } from '../../shared/contract';
import type { InstallationMode } from '../../shared/exchange/types';
import { useApi } from '../app/apiContext';

export function useExchangeStatus(): { status: ExchangeStatus | null; reload(): void } {
  const api = useApi();
  const [status, setStatus] = useState<ExchangeStatus | null>(null);
  const reload = useCallback(() => {
    api.call('exchange.status', {}).then(setStatus, () => setStatus(null));
  }, [api]);
  useEffect(reload, [reload]);
  return { status, reload };
}

/**
 * Only the mode (an office's until the main process says otherwise), for the shell's navigation: the shell renders
 * again only when the mode differs, not with every answer (a new object each time).
 */
export function useInstallationMode(): InstallationMode {
  const api = useApi();
  const [mode, setMode] = useState<InstallationMode>('office');
  useEffect(() => {
    let live = true;
    api.call('exchange.status', {}).then(
      (status) => live && setMode(status.mode),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [api]);
  return mode;
}
