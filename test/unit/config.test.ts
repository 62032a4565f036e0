import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_API_URL, readConfig } from '../../src/enroll/config.js';
import { EnrollError } from '../../src/errors/enroll-error.js';

const PAGE = 'https://bank.example/onboarding/start';
const attributes = (
  overrides: Partial<Record<'project' | 'flow' | 'apiUrl' | 'tokenEndpoint' | 'assetsUrl' | 'reference', string>> = {},
) => ({
  project: '65a1d3e0c0ffee0000000001',
  flow: '',
  apiUrl: '',
  tokenEndpoint: '',
  assetsUrl: 'https://cdn.example/verifik-enroll/face/',
  ...overrides,
});

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof EnrollError);
    return error.code;
  }
  return 'no error';
};

describe('readConfig', () => {
  test('defaults to Verifik’s API and resolves relative URLs against the page', () => {
    assert.equal(readConfig(attributes(), PAGE).apiUrl, `${DEFAULT_API_URL}/`);
    const config = readConfig(attributes({ apiUrl: '/verifik-proxy', tokenEndpoint: 'api/token' }), PAGE);
    assert.equal(config.apiUrl, 'https://bank.example/verifik-proxy');
    assert.equal(config.tokenEndpoint, 'https://bank.example/onboarding/api/token');
    assert.equal(config.flow, undefined);
  });

  test('assets-url becomes an absolute folder URL', () => {
    assert.equal(
      readConfig(attributes({ assetsUrl: '/static/face' }), PAGE).assetsUrl,
      'https://bank.example/static/face/',
    );
    assert.equal(readConfig(attributes(), PAGE).assetsUrl, 'https://cdn.example/verifik-enroll/face/');
  });

  test('reference: trimmed, up to 128 characters of any script; blank means none', () => {
    assert.equal(readConfig(attributes({ reference: ' user-42 ' }), PAGE).reference, 'user-42');
    assert.equal(readConfig(attributes({ reference: 'ü'.repeat(128) }), PAGE).reference, 'ü'.repeat(128));
    assert.equal(readConfig(attributes({ reference: '   ' }), PAGE).reference, undefined);
  });

  test('trims what it is given', () => {
    const config = readConfig(
      attributes({ project: ' 65a1d3e0c0ffee0000000001 ', flow: ' 65a1d3e0c0ffee0000000002 ' }),
      PAGE,
    );
    assert.equal(config.project, '65a1d3e0c0ffee0000000001');
    assert.equal(config.flow, '65a1d3e0c0ffee0000000002');
  });

  const bad: [string, Parameters<typeof attributes>[0], string][] = [
    ['no project', { project: '  ' }, 'missing_project'],
    ['a 23-digit project', { project: '64a1b2c3d4e5f6789012345' }, 'invalid_project'],
    ['a placeholder project', { project: 'your-project-id' }, 'invalid_project'],
    ['a javascript: api-url', { apiUrl: 'javascript:alert(1)' }, 'invalid_api_url'],
    ['a file: api-url', { apiUrl: 'file:///etc/passwd' }, 'invalid_api_url'],
    ['a data: token-endpoint', { tokenEndpoint: 'data:text/html,x' }, 'invalid_token_endpoint'],
    ['a broken api-url', { apiUrl: 'http://[::1' }, 'invalid_api_url'],
    ['a javascript: assets-url', { assetsUrl: 'javascript:alert(1)' }, 'invalid_assets_url'],
    ['a reference of 129 characters', { reference: 'x'.repeat(129) }, 'invalid_reference'],
    ['a reference with a line break', { reference: 'user\n42' }, 'invalid_reference'],
  ];
  for (const [what, overrides, code] of bad) {
    test(`${what} → ${code}`, () => {
      assert.equal(
        codeOf(() => readConfig(attributes(overrides), PAGE)),
        code,
      );
    });
  }
});
