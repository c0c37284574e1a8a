// Builds the extension once for a whole e2e run — for Chromium in the `e2e` project, for Firefox in
// the `firefox` one — and serves the fixtures on 127.0.0.1 (strict-csp.html with its header).
import { execSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { ROOT, startStaticServer } from '@/scripts/lib/static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.GLOSS_E2E_SKIP_BUILD) {
    const browser = project.name === 'firefox' ? ' -b firefox' : '';
    execSync(`npx wxt build${browser}`, { cwd: ROOT, stdio: 'ignore' });
  }
  const server = await startStaticServer(0, (path) => {
    if (path.includes('strict-csp'))
      return { 'content-security-policy': "default-src 'none'; style-src 'self'" };
    if (path.includes('frame-csp'))
      return { 'content-security-policy': "default-src 'none'; frame-src 'none'" };
    return undefined;
  });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
