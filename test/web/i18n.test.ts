import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseLanguage, format } from '../../web/src/i18n/i18n.js';
import { EN } from '../../web/src/i18n/messages-en.js';
import { KO } from '../../web/src/i18n/messages-ko.js';

test('the URL parameter lang wins over the browser language', () => {
  assert.equal(chooseLanguage('?lang=en', 'ko-KR'), 'en');
  assert.equal(chooseLanguage('?lang=ko', 'en-US'), 'ko');
  assert.equal(chooseLanguage('', 'ko-KR'), 'ko');
  assert.equal(chooseLanguage('', 'ko'), 'ko');
  assert.equal(chooseLanguage('', 'de-DE'), 'en');
  assert.equal(chooseLanguage('?lang=fr', 'en-GB'), 'en');
});

test('format fills every slot and leaves unknown slots visible', () => {
  assert.equal(format(EN, 'train.model', { model: '784-50-10' }), 'Model: 784-50-10');
  assert.equal(format(KO, 'train.model', { model: '784-50-10' }), '모델: 784-50-10');
  assert.equal(format(EN, 'train.model'), 'Model: {model}');
});

test('Korean has every English message, with the same slots, and none empty', () => {
  assert.deepEqual(Object.keys(KO).sort(), Object.keys(EN).sort());
  const slots = (s: string): string[] => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
  for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
    assert.ok(KO[key].trim().length > 0, key);
    assert.deepEqual(slots(KO[key]), slots(EN[key]), key);
  }
});

test('the Korean table uses the Korean edition terms', () => {
  const all = Object.values(KO).join('\n');
  for (const term of [
    '손실 함수',
    '수치 미분',
    '기울기',
    '경사 하강법',
    '오차역전파법',
    '계산 그래프',
  ])
    assert.ok(all.includes(term), term);
});
