// Keyboard-first forms: Enter in a field moves to the next field, as on the clerks' older systems; a form is
// saved only with its 保存 button. Enter keeps its own meaning where it has one: a newline in a textarea, picking
// the highlighted option of an open select, confirming a typed date; an IME composing Chinese keeps its Enter too.
import type { KeyboardEvent } from 'react';

const FIELD_SELECTOR = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** The fields Tab would visit, in document order: one stop per radio group, as the browser does. */
function fieldStops(container: HTMLElement): HTMLElement[] {
  const all = Array.from(container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)).filter(
    (el) => el.tabIndex >= 0 && !el.closest('[aria-hidden="true"], [hidden]'),
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter(
      (o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name,
    );
    const checked = group.find((o) => o.checked);
    return el === (checked ?? group[0]);
  });
}

function focusNextField(container: HTMLElement, from: HTMLElement): void {
  const stops = fieldStops(container);
  const index = stops.indexOf(from);
  const next = index >= 0 ? stops[index + 1] : undefined;
  next?.focus();
}

/** For `onKeyDownCapture` on a form: runs before the field's own handlers, so it can keep Enter from them. */
export function enterMovesFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return; // the IME is confirming what it composed
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return; // textareas keep their newline, buttons their click
  const container = event.currentTarget;
  if (target.closest('.ant-picker')) {
    // The date picker confirms a typed date on Enter; let it, then move on.
    setTimeout(() => focusNextField(container, target), 0);
    return;
  }
  if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true') return;
  event.preventDefault();
  event.stopPropagation();
  focusNextField(container, target);
}
