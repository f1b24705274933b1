// jsdom lacks a few browser APIs that antd relies on; these stand-ins do what a browser would for a page that
// is never laid out.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import React from 'react';

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

// jsdom's implementation object behind a DOM object (where jsdom keeps its own state and reads its own getters).
const IMPL = Object.getOwnPropertySymbols(document).find((key) => String(key) === 'Symbol(impl)')!;
const implementationOf = (node: object): object => (node as Record<symbol, object>)[IMPL]!;

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
  /** A class the element itself must have for the selector to match (from its last compound), when there is one. */
  requiredClass: string | null;
  style: CSSStyleDeclaration;
}
let hidingRules: HidingRule[] = [];
let sheetsSeen = '';

/** Splits at `separators` outside parentheses and brackets (a selector list at commas, a selector at combinators). */
function splitOutside(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && separators.test(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The last class named outside any parentheses in a selector's last compound (`:where(.css-x).ant-select-hidden`
 * → `ant-select-hidden`): an element without it cannot match, so most rules are ruled out without running the
 * selector engine. Null when the compound names no such class.
 */
function requiredClassOf(selector: string): string | null {
  const compound = splitOutside(selector, /[\s>+~]/).at(-1) ?? '';
  let outside = '';
  let depth = 0;
  for (const c of compound) {
    if (c === '(' || c === '[') depth++;
    if (depth === 0) outside += c;
    if (c === ')' || c === ']') depth--;
  }
  const classes = [...outside.matchAll(/\.((?:[\w-]|\\.)+)/g)].map((m) => m[1]!);
  const last = classes.at(-1);
  return last && !last.includes('\\') ? last : null;
}

function currentHidingRules(): HidingRule[] {
  const sheets = Array.from(document.styleSheets);
  const seen = sheets.map((s) => s.cssRules.length).join(',');
  if (seen !== sheetsSeen) {
    sheetsSeen = seen;
    hidingRules = sheets.flatMap((sheet) =>
      Array.from(sheet.cssRules).flatMap((rule) =>
        // Rules that give pointer-events back (antd's modal: none on the frame, auto on its content) count too.
        rule instanceof CSSStyleRule && (hides(rule.style) || rule.style.getPropertyValue('pointer-events'))
          ? splitOutside(rule.selectorText, /,/).map((selector) => ({
              selector,
              requiredClass: requiredClassOf(selector),
              style: rule.style,
            }))
          : [],
      ),
    );
  }
  return hidingRules;
}

const matches = (element: Element, rule: HidingRule) => {
  if (rule.requiredClass !== null && !element.classList.contains(rule.requiredClass)) return false;
  try {
    return element.matches(rule.selector);
  } catch {
    return false; // a selector jsdom cannot parse (browser-specific pseudo-classes)
  }
};

function hidingStyle(element: Element): CSSStyleDeclaration {
  const computed = document.createElement('div').style;
  if (element.hasAttribute('hidden')) computed.setProperty('display', 'none');
  for (const rule of currentHidingRules()) {
    if (!matches(element, rule)) continue;
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
}

// An element's computed style changes only when the page does. user-event asks for the style of an element and of
// every ancestor on each pointer action, and role queries for every element they touch, so answers are kept until
// the page changes: jsdom's document counts every change to its tree and attributes (inline styles and <style>
// contents included) in its implementation object's `_version`; focus moving is counted too (a focused control's
// rules). Kept answers are read-only, as a browser's are.
const documentImpl = implementationOf(document) as { _version: number };
let keptAt = { version: -1, focused: null as Element | null };
let kept = new WeakMap<Element, CSSStyleDeclaration>();
window.getComputedStyle = (element: Element) => {
  if (documentImpl._version !== keptAt.version || document.activeElement !== keptAt.focused) {
    keptAt = { version: documentImpl._version, focused: document.activeElement };
    kept = new WeakMap();
  }
  let computed = kept.get(element);
  if (!computed) {
    computed = hidingStyle(element);
    kept.set(element, computed);
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

// React's development build records an "owner stack" for every element it creates — an Error captured at each
// createElement/jsx call, so that its warnings can say which component made an element. Pages built from antd
// create tens of thousands of elements per test, and those captures were about a tenth of the renderer suites' time
// (plus the garbage they leave). React skips the capture once its per-render budget of 10,000 is spent; the tests
// declare the budget always spent. Nothing React renders changes: only a warning's stack loses its owner frames.
const internals = (React as unknown as Record<string, { recentlyCreatedOwnerStacks?: number }>)
  .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', { get: () => 10_000, set: () => {} });

// A label's control. jsdom finds a `for` label's control by walking the whole document for the id, and an
// element's `labels` list asks every label of the page for its control (testing-library's label queries read
// `labels` of every labelled element): on antd's forms those walks were the largest single cost of the renderer
// suites. The document keeps an index of ids (what getElementById reads), so the control is looked up there: the
// element the id names when it is labelable, as the HTML standard defines it (jsdom's own rule, reused). jsdom reads
// `control` inside its implementation objects, not through the DOM's prototype, so the getter is replaced on the
// label's implementation class, reached through a label element. Labels without `for`, or outside a document,
// keep jsdom's own answer.
interface LabelImpl {
  getAttributeNS(namespace: null, name: string): string | null;
  getRootNode(options: object): { getElementById?: (id: string) => unknown; _ids?: unknown };
}
const labelImpl = Object.getPrototypeOf(implementationOf(document.createElement('label'))) as object;
const walkedControl = Object.getOwnPropertyDescriptor(labelImpl, 'control')!.get!;
const isLabelable = (node: unknown): boolean => {
  // The same test jsdom applies (helpers/form-controls.js isLabelable), on implementation objects.
  const element = node as { namespaceURI: string; localName: string; type?: string };
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (['button', 'meter', 'output', 'progress', 'select', 'textarea'].includes(element.localName)) return true;
  return element.localName === 'input' && element.type !== 'hidden';
};
Object.defineProperty(labelImpl, 'control', {
  configurable: true,
  get(this: LabelImpl) {
    const id = this.getAttributeNS(null, 'for');
    const root = this.getRootNode({});
    if (id === null || !root._ids || !root.getElementById) return walkedControl.call(this);
    if (id === '') return null;
    const named = root.getElementById(id);
    return named && isLabelable(named) ? named : null;
  },
});
