/**
 * A web page's authors for citing, read only from what the page states as its author in metadata: JSON-LD's author
 * (a name, a Person or Organization with a name, or a list of them) on the page's article, else
 * `<meta name="author">`, else `<meta property="article:author">` when it is a name rather than the address of a
 * profile page. A byline in the text ("By Karin Holm") is not read here: it is free text, and may hold a job title,
 * a place or a date. Each name goes through the shared reading of author fields (main/core/import-text/authors.ts):
 * "Karin Holm" → "Holm, Karin", an organisation whole.
 *
 * Read before Readability runs: it changes the document, and takes the page's scripts (the JSON-LD) out.
 */
import { MAX_AUTHORS } from '../../shared/model';
import { authorsFromField } from '../core/import-text/authors';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object of a JSON-LD block, through arrays and @graph. */
function objectsOf(value: Json | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(objectsOf);
  if (!isObject(value)) return [];
  return [value, ...objectsOf(value['@graph'])];
}

function isArticle(object: JsonObject): boolean {
  const type = object['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((one) => typeof one === 'string' && /article|blogposting|report/i.test(one));
}

/** An address rather than a name: a profile page's URL, as article:author and JSON-LD often give. */
function isAddress(text: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/|www\.)/i.test(text.trim()) || /^\S+\.\S+\/\S*$/.test(text.trim());
}

/** The author names a JSON-LD author value holds, each as written. */
function jsonLdNames(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNames);
  if (typeof value === 'string') return isAddress(value) ? [] : [value];
  if (isObject(value)) {
    const name = value['name'];
    if (typeof name === 'string') return isAddress(name) ? [] : [name];
    if (Array.isArray(name)) return jsonLdNames(name);
  }
  return [];
}

function jsonLdAuthors(document: Document): string[] {
  const objects: JsonObject[] = [];
  for (const script of document.getElementsByTagName('script')) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      objects.push(...objectsOf(JSON.parse(script.textContent ?? '') as Json));
    } catch {
      // A broken JSON-LD block says nothing; the page's meta elements may still.
    }
  }
  const article =
    objects.find(isArticle) ?? objects.find((object) => object['datePublished'] !== undefined) ?? null;
  return article ? jsonLdNames(article['author']) : [];
}

/** The content of every <meta> whose `attribute` is `key` (case-insensitive), in page order. */
function metaContents(document: Document, attribute: 'name' | 'property', key: string): string[] {
  const contents: string[] = [];
  for (const meta of document.getElementsByTagName('meta')) {
    if ((meta.getAttribute(attribute) ?? '').trim().toLowerCase() !== key) continue;
    const content = (meta.getAttribute('content') ?? '').trim();
    if (content !== '' && !isAddress(content)) contents.push(content);
  }
  return contents;
}

/** The page's authors as a citation lists them ("Family, Given", or an organisation whole), or none. */
export function pageAuthors(document: Document): string[] {
  for (const names of [
    jsonLdAuthors(document),
    metaContents(document, 'name', 'author'),
    metaContents(document, 'property', 'article:author'),
  ]) {
    const authors: string[] = [];
    for (const name of names.flatMap(authorsFromField)) {
      if (!authors.includes(name)) authors.push(name);
    }
    if (authors.length > 0) return authors.slice(0, MAX_AUTHORS);
  }
  return [];
}
