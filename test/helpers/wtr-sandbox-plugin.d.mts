import type { ChildProcess } from 'node:child_process';

export interface SandboxProcessInfo {
  url: string;
  clientToken: string;
  dataDir: string;
}

export function startSandboxProcess(
  dataDir: string,
  port?: number | string,
): Promise<{ child: ChildProcess; info: SandboxProcessInfo }>;

export function sandboxPlugin(): unknown;
