// Benchmark sizes come from the environment so that a quick run and a full run share one code
// path: `QUICK=1 npm run bench` shrinks rounds and counts, explicit variables override both.

export const QUICK = process.env.QUICK === "1";

export function envNumber(name: string, full: number, quick: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return QUICK ? quick : full;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`bench: ${name}=${raw} is not a positive number`);
  return value;
}
