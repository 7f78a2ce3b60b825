// Types of build-client.mjs for the TypeScript that imports it (tests, the benchmark).
import type { BuildOptions } from "esbuild";

export const CLIENT_ENTRY: string;
export const CLIENT_BUILD_OPTIONS: BuildOptions;
export const CLIENT_SIZE_BUDGET: { total: number; entry: number };
export function bundleFiles(): Promise<Record<string, string>>;
export const UPLOADS_ENTRY: string;
export interface FileSize {
  name: string;
  min: number;
  gzip: number;
}
export function clientSizes(): Promise<{ entry: FileSize; chunks: FileSize[]; total: FileSize; uploads: FileSize }>;
export function buildClient(dir: string): Promise<void>;
