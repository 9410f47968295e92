import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument } from '../src/platform/http/openapi';

const root = resolve(__dirname, '../../..');
const committed = (path: string) => readFileSync(resolve(root, path), 'utf8');

// The web app's types and client come from the API's OpenAPI document (`npm run openapi:generate`, which runs
// tools/openapi/generate.mjs); these fail when the committed copies no longer match what the API's code produces, so
// a change to a controller or DTO cannot leave the web app's contract behind.
describe('the API contract the web app is generated from', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await generateOpenApiDocument();
  });

  it('apps/web/src/api/openapi.json is the document the API serves (run `npm run openapi:generate` when not)', () => {
    expect(JSON.parse(committed('apps/web/src/api/openapi.json'))).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it('apps/web/src/api/schema.d.ts and openapi.json are what the generator writes now', () => {
    const check = spawnSync(process.execPath, ['tools/openapi/generate.mjs', '--check'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('documents an export as the binary file it is, in each of its formats', () => {
    const ok = (document.paths['/api/documents/{documentId}/export'].get?.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>)['200'];
    expect(Object.keys(ok.content ?? {})).toEqual(expect.arrayContaining(['application/pdf', expect.stringMatching(/^text\/markdown/)]));
    for (const media of Object.values(ok.content ?? {})) expect(media.schema).toEqual({ type: 'string', format: 'binary' });
  });

  it('documents errors as problem details with their stable codes', () => {
    const schemas = document.components?.schemas as Record<string, { required?: string[]; enum?: string[] }>;
    expect(schemas['ProblemDetailsDto'].required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']));
    expect(schemas['ProblemCode'].enum).toEqual(expect.arrayContaining(['validation_failed', 'last_coordinator', 'wrong_credentials']));
  });

  it.each([
    ['/api/auth/login', 'post'],
    ['/api/auth/me', 'get'],
    ['/api/auth/sessions', 'get'],
    ['/api/workspaces/{workspaceId}/people', 'get'],
    ['/api/workspaces/{workspaceId}/invitations', 'get'],
    ['/api/invitations/{token}', 'get'],
    ['/api/workspaces/{workspaceId}/organisations', 'get'],
    // Documents, sharing, versions, comments, notifications and the audit trail.
    ['/api/workspaces/{workspaceId}/documents', 'get'],
    ['/api/documents/{documentId}/access', 'get'],
    ['/api/documents/{documentId}/compare', 'get'],
    ['/api/documents/{documentId}/comments', 'get'],
    ['/api/workspaces/{workspaceId}/documents/import', 'post'],
    ['/api/workspaces/{workspaceId}/notifications', 'get'],
    ['/api/workspaces/{workspaceId}/audit/verify', 'get'],
    // Decisions and what waits for a person.
    ['/api/workspaces/{workspaceId}/bodies', 'get'],
    ['/api/meetings/{meetingId}', 'get'],
    ['/api/meetings/{meetingId}/speakers', 'get'],
    ['/api/votes/{voteId}/ballots', 'post'],
    ['/api/workspaces/{workspaceId}/register/verify', 'get'],
    ['/api/public/registers/{slug}/entries/{position}', 'get'],
    ['/api/workspaces/{workspaceId}/my-tasks', 'get'],
  ])('documents what %s (%s) answers', (path, method) => {
    const responses = (document.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)[method].responses;
    const ok = Object.entries(responses).find(([status]) => status.startsWith('2'))?.[1];
    // A named schema (or a list of one) that the document defines, not an empty object.
    const schema = ok?.content?.['application/json']?.schema as { $ref?: string; items?: { $ref?: string } } | undefined;
    const ref = schema?.$ref ?? schema?.items?.$ref ?? '';
    expect(ref).toMatch(/^#\/components\/schemas\/\w+$/);
    const named = (document.components?.schemas ?? {}) as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(named[ref.split('/').pop()!]?.properties ?? {}).length).toBeGreaterThan(0);
  });
});
