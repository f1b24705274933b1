// Whether this file is an office's or the county bureau's (县局模式), with its keys: the navigation and the
// exchange pages show what belongs to the mode.
import { useCallback, useEffect, useState } from 'react';
import type { ExchangeStatus } from '../../shared/contract';
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
