// Notes are the user's Markdown: rendered with marked, then sanitized with DOMPurify before they touch the DOM,
// with links opening outside the app (main hands http(s) links to the system browser and refuses the rest).
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  // Nothing is fetched for a note: an image shows only when it is inline (data:), else its alt text.
  if (node instanceof HTMLImageElement) {
    node.removeAttribute('srcset');
    if (!/^\s*data:/i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
  }
});

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    // Media could never play under the page's policy (media-src 'none'): it is left out rather than refused there.
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'audio',
      'video',
      'source',
      'track',
    ],
    FORBID_ATTR: ['style'],
  });
}
