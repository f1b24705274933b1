// 人民调解's follow-ups (回访当事人 after an agreement: 人民调解法 第31条 asks the committee to supervise performance):
// the questions the county asks, when a follow-up may be recorded, and the step a county's rule may require one
// after. The form itself is shared (shared/followUp/form.ts).
import type { KindFollowUp } from '../../followUp/form';

export const MEDIATION_FOLLOW_UP = {
  questions: [
    { key: 'performed', label: '调解协议履行情况', options: ['已履行', '部分履行', '未履行', '履行期限未到'] },
    { key: 'newDispute', label: '是否出现新的矛盾纠纷', options: ['否', '是'] },
  ],
  statuses: ['concluded'],
  milestones: { succeed: '调解成功' },
} as const satisfies KindFollowUp;
