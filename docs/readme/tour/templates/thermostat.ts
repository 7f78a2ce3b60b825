// The type the README's tour template imports.
export interface Reading {
  id: string;
  label: string;
  value: number;
}
