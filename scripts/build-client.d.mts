// Types of build-client.mjs for the TypeScript that imports it (tests, the benchmark).
import type { BuildOptions } from "esbuild";

export const CLIENT_ENTRY: string;
export const CLIENT_BUILD_OPTIONS: BuildOptions;
export const CLIENT_SIZE_BUDGET: number;
export function bundleFiles(): Promise<Record<string, string>>;
export const UPLOADS_ENTRY: string;
export function bundleClient(): Promise<{ code: string; map: string; uploads: { code: string; map: string } }>;
export function buildClient(dir: string): Promise<void>;
