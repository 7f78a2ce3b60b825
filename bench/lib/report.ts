// Goal lines printed under each table: what was promised, what was measured, met or missed.

export function goal(description: string, met: boolean, measured: string): void {
  console.log(`goal ${met ? "MET   " : "MISSED"} ${description}: ${measured}`);
}
