// The office's 纠纷类型 in use, for the registration forms' select.
import { useEffect, useState } from 'react';
import { useApi } from '../app/apiContext';

export function useDisputeTypes(): string[] {
  const api = useApi();
  const [types, setTypes] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.call('mediation.disputeTypes', { includeInactive: false }).then(
      (list) => live && setTypes(list.filter((t) => t.active).map((t) => t.name)),
      () => {}, // the select stays empty; saving then says 纠纷类型 is missing
    );
    return () => {
      live = false;
    };
  }, [api]);
  return types;
}
