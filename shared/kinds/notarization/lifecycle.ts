// A notarization request's lifecycle at the liaison point (公证服务联系点), as data for the shared engine
// (shared/lifecycle.ts). The liaison point takes the request and checks the materials against the matter's list
// (一次性告知 of everything missing); forwards the file to the notary office; the office accepts it (容缺受理
// when a non-essential item is promised for a date), may stop the clock to have materials supplied or facts
// verified (公证法 第30条), issues the certificate; the liaison point hands it over against a signed receipt.
import type { Lifecycle } from '../../lifecycle';

export const NOTARIZATION_STATUSES = [
  'received',
  'awaiting_materials',
  'ready',
  'forwarded',
  'accepted',
  'suspended',
  'issued',
  'delivered',
  'refused',
  'terminated',
  'archived',
] as const;
export type NotarizationStatus = (typeof NOTARIZATION_STATUSES)[number];

export const NOTARIZATION_STATUS_LABELS: Record<NotarizationStatus, string> = {
  received: '待核对材料',
  awaiting_materials: '待补正材料',
  ready: '材料齐全待转递',
  forwarded: '已转递待受理',
  accepted: '已受理办理中',
  suspended: '期限中止',
  issued: '已出证待领取',
  delivered: '已送达',
  refused: '不予办理',
  terminated: '已终止',
  archived: '已归档',
};

export const NOTARIZATION_ACTIONS = [
  'checkMaterials',
  'supplyMaterials',
  'forward',
  'accept',
  'suspend',
  'resume',
  'supplyDeferred',
  'issue',
  'deliver',
  'refuse',
  'terminate',
  'archive',
] as const;
export type NotarizationAction = (typeof NOTARIZATION_ACTIONS)[number];

/** Statuses in which the request is still being handled (refusal, termination and archiving end it). */
export const OPEN_NOTARIZATION_STATUSES: readonly NotarizationStatus[] = [
  'received', 'awaiting_materials', 'ready', 'forwarded', 'accepted', 'suspended', 'issued',
];

export const NOTARIZATION_LIFECYCLE: Lifecycle<NotarizationStatus, NotarizationAction> = {
  statusLabels: NOTARIZATION_STATUS_LABELS,
  actions: {
    checkMaterials: {
      label: '材料核对／一次性告知',
      from: ['received'],
      // Anything missing is told at once and the request waits for it; nothing missing: ready to forward.
      to: (data) => (Array.isArray(data['missingItems']) && data['missingItems'].length > 0 ? 'awaiting_materials' : 'ready'),
    },
    supplyMaterials: { label: '补齐材料', from: ['awaiting_materials'], to: 'ready' },
    forward: { label: '转递公证处', from: ['ready'], to: 'forwarded' },
    accept: { label: '受理', from: ['forwarded'], to: 'accepted' },
    suspend: { label: '期限中止（补充材料／核实）', from: ['accepted'], to: 'suspended' },
    resume: { label: '恢复计算期限', from: ['suspended'], to: 'accepted' },
    // Only while a 容缺 item is outstanding (checked by the service: the lifecycle sees statuses only).
    supplyDeferred: { label: '容缺材料补交', from: ['accepted'], to: 'accepted' },
    issue: { label: '出证', from: ['accepted'], to: 'issued' },
    deliver: { label: '送达／领取', from: ['issued'], to: 'delivered' },
    refuse: { label: '不予办理', from: ['forwarded', 'accepted', 'suspended'], to: 'refused' },
    terminate: { label: '终止公证', from: ['received', 'awaiting_materials', 'ready', 'forwarded', 'accepted', 'suspended'], to: 'terminated' },
    archive: { label: '归档', from: ['delivered', 'refused', 'terminated'], to: 'archived' },
  },
};
