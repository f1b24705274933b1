// 法律援助's follow-ups (回访受援人, 《全国民事行政法律援助服务规范》 服务质量控制): the questions the county asks the aided
// person, when a follow-up may be recorded (while the case is handled, and after it is closed), and the steps a
// county's rule may require one after. The form itself is shared (shared/followUp/form.ts).
import type { KindFollowUp } from '../../followUp/form';

export const LEGAL_AID_FOLLOW_UP = {
  questions: [
    { key: 'timelyContact', label: '承办人是否及时联系或会见', options: ['是', '否'] },
    { key: 'progressTold', label: '是否告知办理进展', options: ['是', '否'] },
    { key: 'handlerRating', label: '对承办人的评价', options: ['好', '较好', '一般', '差'] },
  ],
  statuses: ['assigned', 'closed'],
  milestones: { assign: '指派', close: '结案' },
} as const satisfies KindFollowUp;
