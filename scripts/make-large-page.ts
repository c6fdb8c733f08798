/**
 * A large saved news page, as a browser's "Save page as" leaves it: a long article (a live report of many
 * sessions) buried in the furniture of a modern news site — a mega-menu, inline scripts carrying the app state and
 * the analytics, style sheets, SVG icons, HTML comments, inline style attributes on nearly everything, advertising
 * slots and "related" link lists between the paragraphs, a comment thread and a long footer.
 *
 * Deterministic: the same size gives the same page, so tests can know exactly which paragraphs it holds.
 *
 *   node --import tsx scripts/make-large-page.ts 5 > .tmp/big.html        (about 5 MB)
 */
import { pathToFileURL } from 'node:url';
import { seededRandom } from './seeded-random';

export interface LargePage {
  html: string;
  title: string;
  site: string;
  byline: string;
  published: string;
  url: string;
  /** Every paragraph of the article, in order, as a reader sees it. */
  paragraphs: string[];
  /** Every section heading of the article, in order. */
  headings: string[];
  /** Words that appear only in the page's furniture, never in the article. */
  furnitureMarkers: string[];
}

const SITE = 'The Northgate Herald';
const TITLE = 'Geneva talks: the full record of the enrichment negotiations';
const BYLINE = 'Jane Porter';
const PUBLISHED = '2009-11-02T10:22:00Z';
const URL = 'https://www.northgateherald.example/world/2009/nov/02/geneva-talks-full-record';

const SPEAKERS = ['The minister', 'Lavrov', 'Miliband', 'A senior official', 'The envoy', 'Solana', 'Jalili'];
const VERBS = ['said', 'insisted', 'told reporters', 'conceded', 'warned', 'added', 'replied'];
const TOPICS = [
  'enrichment at Natanz',
  'the fuel swap proposed in Vienna',
  'inspections at Qom',
  'sanctions at the Security Council',
  'the extradition request',
  'the timetable for a second round',
  'guarantees for the reactor in Tehran',
];
const QUOTES = [
  'the talks had been “useful and frank”',
  'nothing had been agreed until everything was agreed',
  'the door remained open',
  'patience was not unlimited',
  'there would be no deal on those terms',
  'both sides wanted the same outcome by different roads',
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run of pseudo-random base64-like characters, as minified bundles and tracking payloads look. */
function noise(next: () => number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

function icon(name: string): string {
  return (
    `<svg class="icon icon--${name}" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style="fill:currentColor;vertical-align:middle">` +
    `<path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z"></path>` +
    `<title>FURNITUREICON ${name}</title></svg>`
  );
}

function megaMenu(next: () => number): string {
  const sections = [
    'News',
    'World',
    'Politics',
    'Business',
    'Science',
    'Sport',
    'Culture',
    'Opinion',
    'Travel',
  ];
  let html =
    '<nav class="mega-menu" role="navigation" style="position:sticky;top:0;background:#052962;color:#fff">';
  for (const section of sections) {
    html += `<div class="mega-menu__column" style="display:inline-block;width:11%"><h3 style="font-size:14px">FURNITURENAV ${section}</h3><ul class="mega-menu__list" style="list-style:none;margin:0;padding:0">`;
    for (let i = 0; i < 40; i++) {
      html += `<li class="mega-menu__item" style="padding:2px 0"><a href="/${section.toLowerCase()}/${noise(next, 8)}" data-link-name="nav : ${section} : ${i}" style="color:#fff;text-decoration:none">FURNITURENAV ${section} topic ${i}</a></li>`;
    }
    html += '</ul></div>';
  }
  return `${html}</nav>\n`;
}

function styleSheet(next: () => number, rules: number): string {
  let css = '<style data-emotion="css">';
  for (let i = 0; i < rules; i++) {
    css += `.css-${noise(next, 6)}{display:flex;margin:0 ${i % 24}px;padding:4px;font-family:"GH Guardian Headline",Georgia,serif;color:#${noise(next, 6)}}`;
    if (i % 10 === 0)
      css += `@media (min-width:${740 + (i % 5) * 100}px){.css-${noise(next, 6)}{width:${i % 100}%}}`;
  }
  return `${css}</style>\n`;
}

function appState(next: () => number, bytes: number): string {
  // The serialized state a server-rendered app leaves for its client to pick up: big, and never reading text.
  const chunks: string[] = [];
  let length = 0;
  while (length < bytes) {
    const chunk = `{"id":"${noise(next, 12)}","headline":"FURNITURESCRIPT teaser ${noise(next, 10)}","trail":"${noise(next, 120)}","url":"/world/${noise(next, 20)}"}`;
    chunks.push(chunk);
    length += chunk.length + 1;
  }
  return `<script>window.__APP_STATE__={"onwards":[${chunks.join(',')}],"config":{"page":{"section":"world"}}};</script>\n`;
}

function analytics(next: () => number): string {
  return (
    `<script async src="https://ads.example/gpt.js?${noise(next, 16)}"></script>` +
    `<script>(function(w,d){var s=d.createElement("script");s.src="https://metrics.example/t.js";w.dataLayer=w.dataLayer||[];w.dataLayer.push({"event":"pageview","id":"${noise(next, 24)}"});d.body.appendChild(s);document.write("<p>FURNITURESCRIPT written</p>")})(window,document);</script>\n`
  );
}

function advert(next: () => number, slot: number): string {
  return (
    `<!-- ad slot ${slot}: ${noise(next, 40)} -->` +
    `<aside class="ad-slot ad-slot--inline" id="dfp-ad--inline${slot}" data-label-show="true" style="min-height:250px;margin:12px 0;background:#f6f6f6;text-align:center">` +
    `<div class="ad-slot__label" style="font-size:12px;color:#707070">Advertisement</div>` +
    `<iframe src="https://ads.example/slot/${slot}?${noise(next, 20)}" width="300" height="250" frameborder="0" scrolling="no" style="border:0">FURNITUREAD frame ${slot}</iframe>` +
    `<script>googletag.cmd.push(function(){googletag.display("dfp-ad--inline${slot}")});</script>` +
    `<noscript><img src="https://ads.example/pixel/${slot}.gif" alt="FURNITUREAD pixel"></noscript>` +
    `</aside>\n`
  );
}

function relatedLinks(next: () => number, index: number): string {
  let html = `<aside class="rich-link" data-component="rich-link-${index}" style="float:left;width:160px;margin:4px 12px 8px 0;border-top:1px solid #c70000"><h3 class="rich-link__header" style="font-size:14px">FURNITURERELATED More on this story</h3><ul style="list-style:none;padding:0">`;
  for (let i = 0; i < 6; i++) {
    html += `<li style="margin:0 0 6px"><a href="/world/2009/nov/${noise(next, 12)}" data-link-name="related ${index}-${i}" style="color:#121212">${icon('arrow')}FURNITURERELATED Related story ${index}.${i}: ${noise(next, 24)}</a></li>`;
  }
  return `${html}</ul></aside>\n`;
}

function shareBar(): string {
  return (
    `<div class="share-bar" role="group" aria-label="Share" style="display:flex;gap:8px">` +
    ['facebook', 'twitter', 'email', 'linkedin']
      .map(
        (network) =>
          `<a class="share-bar__${network}" href="https://share.example/${network}" style="border-radius:50%;border:1px solid #dcdcdc">${icon(network)}<span class="u-h">FURNITURESHARE ${network}</span></a>`,
      )
      .join('') +
    '</div>\n'
  );
}

function commentThread(next: () => number, count: number): string {
  let html = `<section id="comments" class="discussion" style="background:#f1f1f1"><h2 style="font-size:20px">FURNITURECOMMENTS ${count} comments</h2><ul class="d-thread">`;
  for (let i = 0; i < count; i++) {
    html +=
      `<li class="d-comment" data-comment-id="${noise(next, 8)}" style="border-top:1px solid #dcdcdc;padding:8px"><div class="d-comment__meta" style="font-size:12px">` +
      `<img class="d-comment__avatar" src="https://avatars.example/${noise(next, 8)}.png" width="24" height="24" alt="">` +
      `<span class="d-comment__author">FURNITURECOMMENTS reader${i}</span></div>` +
      `<div class="d-comment__body" style="font-size:14px"><p>FURNITURECOMMENTS ${noise(next, 80)}</p></div>` +
      `<button class="d-comment__recommend" style="border:0">Recommend</button></li>`;
  }
  return `${html}</ul></section>\n`;
}

function footer(next: () => number): string {
  let html =
    '<footer class="l-footer" role="contentinfo" style="background:#052962;color:#fff;padding:24px">';
  for (let column = 0; column < 6; column++) {
    html += `<ul class="l-footer__column" style="display:inline-block;list-style:none">`;
    for (let i = 0; i < 30; i++) {
      html += `<li><a href="/info/${noise(next, 10)}" style="color:#fff">FURNITUREFOOTER link ${column}.${i}</a></li>`;
    }
    html += '</ul>';
  }
  return `${html}<p style="font-size:12px">FURNITUREFOOTER © 2009 Northgate Herald Media. All rights reserved.</p></footer>\n`;
}

function paragraphText(next: () => number, index: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentences: string[] = [];
  const count = 3 + Math.floor(next() * 4);
  for (let i = 0; i < count; i++) {
    sentences.push(`${pick(SPEAKERS)} ${pick(VERBS)} that ${pick(QUOTES)} on ${pick(TOPICS)}.`);
  }
  return `Entry ${index + 1}. ${sentences.join(' ')}`;
}

/** Inline markup over a paragraph's words, as a CMS leaves it: links, emphasis, spans with inline styles. */
function paragraphHtml(next: () => number, text: string): string {
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = escapeHtml(words[i]!);
    const roll = next();
    if (roll < 0.04 && i > 1)
      out.push(
        `<a href="/world/${noise(next, 10)}" data-link-name="in body link" style="color:#c70000">${word}</a>`,
      );
    else if (roll < 0.07 && i > 1) out.push(`<em>${word}</em>`);
    else if (roll < 0.09 && i > 1)
      out.push(`<span style="font-weight:500" class="css-${noise(next, 5)}">${word}</span>`);
    else out.push(word);
  }
  return `<p class="dcr-${noise(next, 6)}" style="margin-bottom:12px;font-size:17px;line-height:1.4">${out.join(' ')}</p>\n`;
}

/** Builds a page of about `megabytes` MB (at least one section). */
export function makeLargePage(megabytes: number, seed = 2009): LargePage {
  const target = Math.max(0.05, megabytes) * 1024 * 1024;
  const next = seededRandom(seed);
  const paragraphs: string[] = [];
  const headings: string[] = [];

  // About a third of the bytes go to furniture that has a fixed place: head, menu, state, comments, footer.
  const head =
    `<!DOCTYPE html>\n<html lang="en" class="js-off"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(TITLE)} | World news | ${SITE}</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta property="og:title" content="${escapeHtml(TITLE)}"><meta property="og:site_name" content="${SITE}">` +
    `<meta property="og:url" content="${URL}"><meta name="author" content="${BYLINE}">` +
    `<meta property="article:published_time" content="${PUBLISHED}">` +
    `<link rel="canonical" href="${URL}"><link rel="stylesheet" href="https://assets.example/main.css">` +
    `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: TITLE,
      datePublished: PUBLISHED,
      author: [{ '@type': 'Person', name: BYLINE }],
      publisher: { '@type': 'Organization', name: SITE },
    })}</script>\n` +
    styleSheet(next, Math.floor(target / 40 / 160)) +
    analytics(next) +
    `</head>\n<body style="margin:0;font-family:Georgia,serif">\n<!-- page skeleton ${noise(next, 60)} -->\n` +
    `<div class="site-message" role="dialog" style="position:fixed;bottom:0">FURNITURECONSENT We use cookies. <button>Accept</button></div>\n` +
    `<header class="l-header" role="banner" style="background:#052962"><a href="/" class="logo">${icon('logo')}<span>FURNITUREHEADER ${SITE}</span></a></header>\n` +
    megaMenu(next);

  const tail =
    `</div>\n${shareBar()}</article>\n` +
    commentThread(next, Math.max(20, Math.floor(target / 40 / 400))) +
    footer(next) +
    appState(next, Math.floor(target / 8)) +
    `<script src="https://assets.example/app.${noise(next, 8)}.js" defer></script>\n</body></html>\n`;

  let body =
    `<main id="maincontent" style="max-width:620px;margin:0 auto"><article class="content content--article" itemscope itemtype="https://schema.org/NewsArticle">\n` +
    `<header class="content__head"><h1 itemprop="headline" style="font-size:34px;line-height:1.1">${escapeHtml(TITLE)}</h1>` +
    `<p class="byline" style="font-size:14px">By <a rel="author" href="/profile/jane-porter">${BYLINE}</a></p>` +
    `<time datetime="${PUBLISHED}" itemprop="datePublished">Mon 2 Nov 2009 10.22 GMT</time>${shareBar()}</header>\n` +
    `<div class="content__article-body" itemprop="articleBody" style="padding:0 10px">\n`;

  const budget = target - head.length - tail.length * 1.05;
  let section = 0;
  while (body.length < budget || paragraphs.length === 0) {
    if (paragraphs.length % 25 === 0) {
      const heading = `Session ${++section}: ${TOPICS[section % TOPICS.length]}`;
      headings.push(heading);
      body += `<h2 style="font-size:20px;margin-top:24px" id="s${section}">${escapeHtml(heading)}</h2>\n`;
    }
    const text = paragraphText(next, paragraphs.length);
    paragraphs.push(text);
    body += paragraphHtml(next, text);
    const count = paragraphs.length;
    if (count % 4 === 0) body += `<!-- block ${count} ${noise(next, 30)} -->\n`;
    if (count % 7 === 0) body += advert(next, count);
    if (count % 11 === 0) body += relatedLinks(next, count);
    if (count % 13 === 0) {
      body += `<figure class="element-image" style="margin:0"><picture><source srcset="https://img.example/${noise(next, 12)}.webp"><img src="https://img.example/${noise(next, 12)}.jpg" alt="Delegates arriving" width="620"></picture><figcaption style="font-size:13px">Delegates arrive at the Palais des Nations. Photograph: Agency</figcaption></figure>\n`;
    }
  }

  return {
    html: head + body + tail,
    title: TITLE,
    site: SITE,
    byline: BYLINE,
    published: '2009-11-02T10:22',
    url: URL,
    paragraphs,
    headings,
    furnitureMarkers: [
      'FURNITURENAV',
      'FURNITURESCRIPT',
      'FURNITUREICON',
      'FURNITUREAD',
      'FURNITURERELATED',
      'FURNITURESHARE',
      'FURNITURECOMMENTS',
      'FURNITUREFOOTER',
      'FURNITURECONSENT',
      'FURNITUREHEADER',
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const megabytes = Number(process.argv[2] ?? '5');
  if (!Number.isFinite(megabytes) || megabytes <= 0 || megabytes > 40) {
    process.stderr.write(
      'usage: node --import tsx scripts/make-large-page.ts MEGABYTES (0 < MEGABYTES <= 40)\n',
    );
    process.exit(2);
  }
  process.stdout.write(makeLargePage(megabytes).html);
}
