import type { Plugin } from 'vite';
// Explicit .ts extension: Vite loads its config (and this file) natively from a future major on.
import { META_CONTENT_SECURITY_POLICY } from './csp.ts';

const CHARSET = /<meta charset="UTF-8"\s*\/?>/i;

// Svelte wraps a component given `--css-props` in this element (Svelte Flow's MiniMap
// does). The style attribute sits in the HTML the template is parsed from, and
// `style-src 'self'` blocks such markup. src/ui/common/svelte-css-wrapper.css gives
// the element the same `display: contents` from a stylesheet instead.
const CSS_WRAPPER = '<svelte-css-wrapper style="display: contents">';
// Any other style attribute in template markup: blocked by the CSP in the browser.
const STYLE_IN_MARKUP = /<[a-z][\w-]*\s[^<>`]*\bstyle=["']/i;

/**
 * Makes the build run under the strict CSP: puts the policy (by default the meta form of
 * src/pwa/csp.ts) into index.html as a meta
 * tag, right after the charset and before every script and stylesheet, and keeps style
 * attributes out of the HTML that Svelte templates are parsed from. Runtime styles that
 * Svelte sets through the CSSOM (`style:` directives, `element.style`) are not subject
 * to `style-src`, so they stay.
 */
export function cspPlugin(policy: string = META_CONTENT_SECURITY_POLICY): Plugin {
  return {
    name: 'rollekort:csp',
    apply: 'build',
    transformIndexHtml(html) {
      if (!CHARSET.test(html)) throw new Error('index.html: no <meta charset="UTF-8"> to put the CSP meta tag after');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`);
    },
    renderChunk(code, chunk) {
      const fixed = code.replaceAll(CSS_WRAPPER, '<svelte-css-wrapper>');
      const left = STYLE_IN_MARKUP.exec(fixed);
      if (left) {
        this.error(
          `${chunk.fileName}: template markup with a style attribute, which the CSP (style-src 'self') blocks: ` +
            `${left[0]}… Use a class, or a style: directive (set through the CSSOM, which the CSP allows).`,
        );
      }
      return fixed === code ? null : { code: fixed, map: null };
    },
  };
}
