// Which URLs count as our own pages and which may go to the system browser.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_ENTRY_URL, isAppUrl, isSafeExternalUrl } from '../../../main/url-policy';

describe('isSafeExternalUrl', () => {
  test('accepts plain http and https addresses', () => {
    assert.equal(isSafeExternalUrl('https://example.com/'), true);
    assert.equal(isSafeExternalUrl('http://example.com/a?b=c#d'), true);
    assert.equal(isSafeExternalUrl('HTTPS://EXAMPLE.COM/x'), true);
  });

  test('refuses every other scheme', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'mailto:someone@example.com',
      'ftp://example.com/',
      'app://parley/index.html',
      'vbscript:msgbox(1)',
      'blob:https://example.com/uuid',
    ]) {
      assert.equal(isSafeExternalUrl(url), false, url);
    }
  });

  test('refuses malformed, empty, credentialed, oversized and non-string input', () => {
    for (const url of [
      '',
      'not a url',
      'https://',
      'http://user:pass@example.com/',
      'https://user@example.com/',
    ]) {
      assert.equal(isSafeExternalUrl(url), false, url);
    }
    assert.equal(isSafeExternalUrl(`https://example.com/${'a'.repeat(5000)}`), false);
    assert.equal(isSafeExternalUrl(undefined), false);
    assert.equal(isSafeExternalUrl(42), false);
  });
});

describe('isAppUrl', () => {
  test('accepts our own pages', () => {
    assert.equal(isAppUrl(APP_ENTRY_URL), true);
    assert.equal(isAppUrl('app://parley/'), true);
    assert.equal(isAppUrl('app://parley/index.html#doc-1'), true);
  });

  test('refuses look-alikes and everything else', () => {
    for (const url of [
      'app://parley',
      'app://parley.evil/index.html',
      'app://parleyx/index.html',
      'app://evil/parley/',
      'app://parley@evil/',
      'https://parley/',
      'file:///app/parley/index.html',
      'javascript:app://parley/',
      'data:text/html,app://parley/',
      '',
    ]) {
      assert.equal(isAppUrl(url), false, url);
    }
    assert.equal(isAppUrl(null), false);
  });
});
