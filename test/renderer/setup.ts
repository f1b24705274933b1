// jsdom lacks a few browser APIs that antd relies on; these stand-ins do what a browser would for a page that
// is never laid out.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;

// getComputedStyle. jsdom's matches every style rule of the page against the element, and its selector engine
// (nwsapi) keeps only 1,000 compiled selectors in an LRU cache: antd injects some 2,600 rules, so every call
// recompiles all of them (about 0.1 s a call, and testing-library calls it for every element a role query
// touches). Nothing is laid out in jsdom, so the only computed values that mean anything here are the ones
// that hide an element; this version evaluates just the rules that can hide one (or set pointer-events), plus
// the inline style.
// It also ignores pseudo-elements, which jsdom refuses with "Not implemented".
const HIDING_PROPERTIES = ['display', 'visibility', 'opacity', 'pointer-events'] as const;
const hides = (style: CSSStyleDeclaration) =>
  style.display === 'none' ||
  style.visibility === 'hidden' ||
  style.visibility === 'collapse' ||
  style.opacity === '0' ||
  style.getPropertyValue('pointer-events') === 'none';

interface HidingRule {
  selector: string;
  style: CSSStyleDeclaration;
}
let hidingRules: HidingRule[] = [];
let sheetsSeen = '';

function currentHidingRules(): HidingRule[] {
  const sheets = Array.from(document.styleSheets);
  const seen = sheets.map((s) => s.cssRules.length).join(',');
  if (seen !== sheetsSeen) {
    sheetsSeen = seen;
    hidingRules = sheets.flatMap((sheet) =>
      Array.from(sheet.cssRules).flatMap((rule) =>
        // Rules that give pointer-events back (antd's modal: none on the frame, auto on its content) count too.
        rule instanceof CSSStyleRule && (hides(rule.style) || rule.style.getPropertyValue('pointer-events'))
          ? [{ selector: rule.selectorText, style: rule.style }]
          : [],
      ),
    );
  }
  return hidingRules;
}

const matches = (element: Element, selector: string) => {
  try {
    return element.matches(selector);
  } catch {
    return false; // a selector jsdom cannot parse (browser-specific pseudo-classes)
  }
};

window.getComputedStyle = (element: Element) => {
  const computed = document.createElement('div').style;
  if (element.hasAttribute('hidden')) computed.setProperty('display', 'none');
  for (const rule of currentHidingRules()) {
    if (!matches(element, rule.selector)) continue;
    for (const property of HIDING_PROPERTIES) {
      const value = rule.style.getPropertyValue(property);
      if (value) computed.setProperty(property, value);
    }
  }
  const inline = (element as HTMLElement).style;
  if (inline) {
    for (let i = 0; i < inline.length; i++) {
      const property = inline.item(i);
      computed.setProperty(property, inline.getPropertyValue(property));
    }
  }
  return computed;
};

// antd's form and select defer work to a macrotask through MessageChannel, which jsdom does not have.
interface Port {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(data: unknown): void;
}
class MessageChannelStub {
  readonly port1: Port = {
    onmessage: null,
    postMessage: (data) => setTimeout(() => this.port2.onmessage?.({ data }), 0),
  };
  readonly port2: Port = {
    onmessage: null,
    postMessage: (data) => setTimeout(() => this.port1.onmessage?.({ data }), 0),
  };
}
if (typeof globalThis.MessageChannel === 'undefined') {
  (globalThis as unknown as { MessageChannel: unknown }).MessageChannel = MessageChannelStub;
}

// user-event leaves the legacy keyCode/which at 0; browsers fill them, and antd's select reads `which`.
const LEGACY_KEY_CODES: Record<string, number> = {
  Backspace: 8,
  Tab: 9,
  Enter: 13,
  Escape: 27,
  ' ': 32,
  End: 35,
  Home: 36,
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
  Delete: 46,
};
for (const [proto, prop] of [
  [KeyboardEvent.prototype, 'keyCode'],
  [UIEvent.prototype, 'which'],
] as const) {
  const own = Object.getOwnPropertyDescriptor(proto, prop);
  Object.defineProperty(proto, prop, {
    configurable: true,
    get(this: KeyboardEvent) {
      const given = own?.get?.call(this) as number | undefined;
      if (given || !(this instanceof KeyboardEvent)) return given ?? 0;
      return LEGACY_KEY_CODES[this.key] ?? (/^[a-z0-9]$/i.test(this.key) ? this.key.toUpperCase().charCodeAt(0) : 0);
    },
  });
}

Element.prototype.scrollIntoView = function scrollIntoView() {};
window.scrollTo = () => {};

// Pages load their data through several calls; on a loaded 2-core CI machine a page can take over the default
// 1 s to show it, and under a load average of 17 (other work beside the suite) over 5 s. Waiting longer only slows
// a failing test; a passing one resolves as soon as the text appears.
configure({ asyncUtilTimeout: 15_000 });
