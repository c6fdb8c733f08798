/**
 * Scraped page furniture: menus, icon names, share bars, cookie notices and copyright lines, told from sentences.
 * The HTML importer uses it too.
 */
import { words } from './normalize';

/** Words that name user-interface controls, site sections or widgets rather than say anything. */
const UI_WORDS = new Set(
  `icon icons menu menus share shares shared sharing search sign login logout log register registration subscribe
  subscribed subscription subscriptions unsubscribe newsletter newsletters cookie cookies chevron close open home news
  sport sports weather video videos audio podcast podcasts photo photos gallery galleries print email e-mail mail
  facebook twitter instagram youtube telegram vk whatsapp linkedin reddit pinterest tiktok rss feed skip content
  navigation nav advertisement advertisements advert adverts ad ads advertising sponsored promoted related comments
  comment reply replies like likes follow tags tag topics bookmark bookmarks save download app apps edit filter
  settings preferences privacy policy terms accept reject back top next previous prev arrow play pause mute unmute
  volume fullscreen expand collapse toggle trash delete flag ok check camera music swipe button btn loading load
  click tap read listen watch page pages stories trending popular latest sections section account profile
  notifications notification alerts donate support contact about faq help feedback cancel submit send copy link
  links permalink embed zoom article articles opinion culture lifestyle business tech technology science health
  travel entertainment arts books film tv radio games puzzles crosswords obituaries money environment education
  style food jobs shop store more`.split(/\s+/),
);

/** Stems of run-together widget names ("bookmarkicon", "v-playicon", "fa-share", "btn-close"). */
const UI_STEMS = [
  'icon',
  'button',
  'btn',
  'menu',
  'chevron',
  'arrow',
  'bookmark',
  'share',
  'toggle',
  'dropdown',
];

/** Words that carry grammar: a line of real prose is full of them, a menu has almost none. */
const FUNCTION_WORDS = new Set(
  `a an the of to in on at by for with from into onto about over under after before and or but nor so yet is are was
  were be been being am has have had having do does did will would shall should can could may might must not no
  that this these those it its he she they we i you his her hers their theirs our ours your yours my mine me him
  them us as if than then there here which who whom whose what when where why how said says all any some more most
  up out off now just also very`.split(/\s+/),
);

/** Labels that introduce a list of links or tags at the top or bottom of a scraped page. */
const LABELLED_LIST =
  /^(tags?|topics?|filed under|categor(y|ies)|keywords|related( articles| stories| topics| content| coverage)?|read more|see also|more on this( story)?|more from|share( this)?( article| story| page)?|follow us( on)?|posted in)\s*:/i;

function bareToken(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isRunTogetherWidget(word: string): boolean {
  if (!/^[a-z][a-z0-9_-]*$/.test(word)) return false;
  if (/^(fa|icon|btn|v|ico|glyph|svg)[-_]/.test(word)) return true;
  return UI_STEMS.some(
    (stem) => word.length > stem.length && (word.endsWith(stem) || word.includes(`${stem}-`)),
  );
}

/** A run of words that ends like a sentence, or two sentences meeting inside the line. */
function hasSentence(line: string, wordCount: number): boolean {
  const body = line.replace(/["'”’»)\]]+$/u, '');
  const endsLikeSentence = /[.!?]$/.test(body) && !/(^|\s)\S*\.{2,}$/.test(body);
  if (endsLikeSentence && wordCount >= 2) return true;
  return /\p{Ll}[.!?]["'”’)]*\s+["“‘(]?\p{Lu}/u.test(line) && wordCount >= 4;
}

function isCopyrightLine(line: string): boolean {
  return (
    line.length < 300 &&
    (/^(©|\(c\)\s*\d{4}|copyright\s+(©|\(c\)|\d{4}))/i.test(line) || /\ball rights reserved\b/i.test(line))
  );
}

/**
 * True for a line of scraped page furniture: menu entries, icon and widget names, share bars, cookie and
 * subscription prompts, copyright notices. Decided from the shape of the line, not from any one site's text:
 * such a line has no sentence in it, few of the function words prose is made of, and a high share of words that
 * name controls (or run-together widget names such as "bookmarkicon"). A sentence is never furniture.
 */
export function isPageFurniture(line: string): boolean {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text === '') return false;
  if (isCopyrightLine(text)) return true;
  const raw = text
    .split(/[\s|•·›»«‹/]+/)
    .map(bareToken)
    .filter((token) => /\p{L}/u.test(token));
  const tokens = raw.map((token) => token.toLowerCase());
  if (tokens.length === 0) return false;
  if (hasSentence(text, tokens.length)) return false;
  // Breadcrumbs and link bars: three or more short items between separators.
  const items = text.split(/\s+[›»>|•·]\s+/);
  if (items.length >= 3 && items.every((item) => words(item).length <= 3)) return true;
  // "Site name - Back to home": short parts between separators, one of them furniture on its own.
  const parts = text.split(/\s+[-–—|·]\s+/);
  if (parts.length >= 2 && parts.every((part) => words(part).length <= 4) && parts.some(isPageFurniture)) {
    return true;
  }
  const labelled = LABELLED_LIST.exec(text);
  if (labelled) return !hasSentence(text.slice(labelled[0].length).trim(), tokens.length);

  let ui = 0;
  let grammar = 0;
  let runTogether = 0;
  let other = 0;
  for (const [i, word] of tokens.entries()) {
    if (UI_WORDS.has(word)) ui++;
    else if (FUNCTION_WORDS.has(word)) grammar++;
    else if (isRunTogetherWidget(word)) {
      ui++;
      runTogether++;
    } else if (/^[a-z]{1,2}$/.test(raw[i]!)) {
      // "fm", "v": fragments of class names (an acronym such as "RT" is not one).
      ui += 0.5;
    } else other++;
  }
  const content = ui + other;
  if (content === 0) return false;
  const uiShare = ui / content;
  if (uiShare >= 0.6) return true;
  // A long line of words with no punctuation and no grammar is a word list: a menu bar of section names, or a
  // sprite sheet's icon names.
  const punctuated = /[.,;:!?"“”()]/.test(text);
  if (punctuated || tokens.length < 8 || grammar / tokens.length >= 0.1) return false;
  const capitalized = text.split(/\s+/).filter((token) => /^\p{Lu}/u.test(token)).length;
  return uiShare >= 0.3 || runTogether >= 3 || capitalized / tokens.length >= 0.8;
}
