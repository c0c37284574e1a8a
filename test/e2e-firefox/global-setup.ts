// Builds the Firefox extension once for the whole run and serves the fixtures on 127.0.0.1.
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
    execSync('npx wxt build -b firefox', { cwd: ROOT, stdio: 'ignore' });
  }
  const server = await startStaticServer();
  project.provide('baseUrl', server.url);
  return () => server.close();
}
