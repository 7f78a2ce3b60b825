// The js-framework-benchmark table as a live view: the server side of `npm run bench -- client`.
// Selection lives on the row (`row.selected`), so selecting sends the two rows that changed.
import { defineView } from "../../runtime/server/index.ts";
import template from "./rows.live.html";

export interface Row {
  id: number;
  label: string;
  selected: boolean;
}

const A = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const C = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const N = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

let seed = 7;
const rnd = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
let nextId = 1;
const build = (n: number): Row[] => Array.from({ length: n }, () => ({ id: nextId++, label: `${A[rnd(25)]} ${C[rnd(11)]} ${N[rnd(13)]}`, selected: false }));

export const RowsView = defineView<{ rows: Row[] }>({
  name: "RowsView",
  mount: (_params, _session, socket) => void socket.assign("rows", []),
  handleEvent(event, _value, socket) {
    const rows = socket.assigns.rows;
    switch (event) {
      case "run": return void socket.assign("rows", build(1000));
      case "runlots": return void socket.assign("rows", build(10_000));
      case "add": return void socket.assign("rows", rows.concat(build(1000)));
      case "update": return void socket.assign("rows", rows.map((r, i) => (i % 10 === 0 ? { ...r, label: `${r.label} !!!` } : r)));
      case "select": return void socket.assign("rows", rows.map((r, i) => (i === 1 ? { ...r, selected: true } : r.selected ? { ...r, selected: false } : r)));
      case "swap": {
        const next = rows.slice();
        [next[1], next[998]] = [next[998]!, next[1]!];
        return void socket.assign("rows", next);
      }
      case "remove": return void socket.assign("rows", rows.filter((_, i) => i !== 4));
      case "clear": return void socket.assign("rows", []);
      case "cell": return void socket.assign("rows", rows.map((r, i) => (i === 5000 ? { ...r, label: `${r.label} ?` } : r)));
      default: throw new Error(`RowsView: unknown event ${event}`);
    }
  },
  template,
});
