// What a clerk does in the browser tests, on intake forms and case pages: pick from a select by keyboard, take an
// action through its dialog, register the dossier's missing materials, read the case's status.
import type { Locator, Page } from 'playwright-core';

/**
 * A select, as a clerk works it from the keyboard: type to narrow the list, Enter to take the option. `scope`: the
 * dialog it is in, when it is in one.
 */
export async function choose(page: Page, label: string, typed: string, option: string, scope: Locator | Page = page) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.pressSequentially(typed);
  await page.locator('.ant-select-item-option-active').filter({ hasText: option }).waitFor();
  await box.press('Enter');
  await expect(
    scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).textContent(),
  ).resolves.toContain(option);
  // Let the list finish closing, so that it neither covers the next field nor shows in a screenshot.
  await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
}

export const actions = (page: Page) => page.getByRole('region', { name: '可进行的操作' });

/**
 * Opens one action's dialog (titled with the action) from its button, and waits for its opening animation to end:
 * on a busy machine a click during the zoom can land beside the field it aimed at.
 */
export async function openAction(page: Page, action: string): Promise<Locator> {
  await actions(page).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter'));
  return dialog;
}

/** 保存 in a dialog, which closes; one that stays open says what it shows (a refusal, most likely). */
export async function save(dialog: Locator) {
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch (error) {
    throw new Error(`对话框未关闭：${await dialog.innerText().catch(() => '（无法读取）')}`, { cause: error });
  }
}

/** One action: its dialog filled by `fill`, then 保存. */
export async function act(page: Page, action: string, fill: (dialog: Locator) => Promise<void>) {
  const dialog = await openAction(page, action);
  await fill(dialog);
  await save(dialog);
}

/**
 * Archiving needs the dossier complete (卷宗材料): the clerk registers as received every item the dossier panel
 * lists as missing or still to come (read afresh, as the panel is read when the page opens).
 */
export async function receiveMissingMaterials(page: Page) {
  await page.reload();
  await page.getByTestId('dossier-status').waitFor();
  const pending = page
    .locator('tr[data-testid^="dossier-item-"]')
    .filter({ has: page.locator('.ant-tag', { hasText: /^(缺少|未到期)$/ }) });
  // The page's parts are all read (no spinner left): the timeline above the panel comes in after it and moves it down.
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  for (let left = 30; left > 0 && (await pending.count()) > 0; left--) {
    // The click is sent to the button itself, not to where it is on screen: the timeline's entries above the panel
    // take their real height as they come into view (content-visibility), and on a busy machine that moved the panel
    // between playwright's check of what is under the pointer and its click, which then went elsewhere and no form
    // opened. (test/e2e/dossier.test.ts clicks 登记收到 with the pointer.)
    await pending.first().getByRole('button', { name: '登记收到' }).dispatchEvent('click');
    const card = page.locator('.dossier-receive');
    await card.getByRole('button', { name: '保存', exact: true }).click();
    await card.waitFor({ state: 'detached' });
  }
  await page.getByText(/^归档前还须补齐：/).waitFor({ state: 'detached' });
}

export const caseStatus = (page: Page) => page.getByTestId('case-status');
