// 公证申请's service as the registry of kinds' services sees it (electron/services/kinds.ts): a request is handled by
// whoever received it at the liaison point.

export const NOTARIZATION_SERVICE = {
  handlerOf: async (): Promise<string | null> => null,
};
