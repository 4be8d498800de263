/**
 * "What a person reads": every piece of text the page shows, and the words in it that a personnel
 * officer should never see — a raw field name, `null`, `undefined`, an id the page forgot to
 * translate, or (in the Chinese page) any English word other than an id or a clause code.
 *
 * `seenText` collects in the page, from the rendered layout rather than the markup: each text node
 * that has a box on screen (so the inside of a closed <details>, a hidden panel or a display:none
 * element does not count), each tooltip (title attribute, SVG <title>) of an element on screen, every
 * option of a select on screen (a person reads them when opening it) and input placeholders.
 * Nothing inside an element marked `data-developer` (the page's clearly marked developer view).
 *
 * `readingProblems` then checks the words against what is known: ids (packs, rules, clauses,
 * records, subjects), raw field names (the keys of decisions, subjects and packs) and raw values
 * (enum ids such as `in-duty`, `library-default`).
 */
import type { Page } from 'playwright-core';
import type { Seen } from '../_support/readableWords.js';

export * from '../_support/readableWords.js';

/** Collects the visible text of `scope` (see the module comment). Runs in the page. */
export async function seenText(page: Page, scope = 'body'): Promise<Seen[]> {
  return page.evaluate((selector) => {
    const out: { text: string; where: string; how: 'text' | 'tooltip' | 'option' | 'placeholder'; verbatim?: boolean }[] = [];
    const root = document.querySelector(selector);
    if (!root) return out;
    const where = (el: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
        let s = e.tagName.toLowerCase();
        const tag = e.getAttribute('data-part') ?? e.getAttribute('data-rule') ?? e.getAttribute('data-clause') ?? e.getAttribute('data-action') ?? e.getAttribute('data-path');
        if (e.id) s += `#${e.id}`;
        else if (tag) s += `[${tag}]`;
        else if (e.classList.length) s += `.${[...e.classList].join('.')}`;
        parts.unshift(s);
      }
      return parts.join(' > ');
    };
    const developer = (el: Element) => el.closest('[data-developer]') !== null;
    // checkVisibility: not display:none, not inside a closed <details> or other skipped content, not visibility:hidden.
    const onScreen = (el: Element) => el.checkVisibility({ visibilityProperty: true }) && [...el.getClientRects()].some((r) => r.width > 0 && r.height > 0);
    // Text directly inside a closed <details> (outside its summary) is not drawn, though its parent is.
    const inClosedDetails = (n: Node): boolean => {
      for (let e = n.parentElement; e; e = e.parentElement) {
        if (e instanceof HTMLDetailsElement && !e.open && !e.querySelector(':scope > summary')?.contains(n)) return true;
      }
      return false;
    };
    const range = document.createRange();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.nodeValue?.trim()) continue;
      if (el.closest('script, style, textarea, option, title') || developer(el) || !el.checkVisibility({ visibilityProperty: true }) || inClosedDetails(n)) continue;
      range.selectNodeContents(n);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue;
      out.push({ text: n.nodeValue, where: where(el), how: 'text', verbatim: el.closest('[data-verbatim]') !== null });
    }
    for (const el of root.querySelectorAll('[title]')) {
      if (!developer(el) && onScreen(el) && el.getAttribute('title')) out.push({ text: el.getAttribute('title')!, where: where(el), how: 'tooltip' });
    }
    for (const t of root.querySelectorAll('title')) {
      const p = t.parentElement;
      if (p && p !== document.head && !developer(p) && onScreen(p) && t.textContent) out.push({ text: t.textContent, where: where(p), how: 'tooltip' });
    }
    for (const s of root.querySelectorAll('select')) {
      if (developer(s) || !onScreen(s)) continue;
      for (const o of s.options) if (o.text.trim()) out.push({ text: o.text, where: where(s), how: 'option' });
    }
    for (const i of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!developer(i) && onScreen(i) && i.placeholder) out.push({ text: i.placeholder, where: where(i), how: 'placeholder' });
    }
    return out;
  }, scope);
}

