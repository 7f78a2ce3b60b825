// Hand-written string concatenation: the practical limit of a string renderer for each page.
import { FOOTER } from "../peers/ssr-templates.mjs";

const ESCAPE = /[&<>"']/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (value: unknown): string => {
  const s = String(value);
  return ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ENTITY[c]!) : s;
};

const TAIL =
  '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

interface Row { id: number; label: string }
interface Item { id: number; title: string; image: string; price: string; purchased: boolean }
interface Card { id: number; title: string; text: string; likes: number }

function table(d: { rows: Row[]; selected: number }): string {
  let o = '<table class="table table-hover table-striped test-data"><tbody>';
  for (const r of d.rows) {
    o += '<tr class="' + (r.id === d.selected ? "danger" : "") + '"><td class="col-md-1">' + r.id + '</td><td class="col-md-4"><a>' + esc(r.label) + "</a></td>" + TAIL + "</tr>";
  }
  return o + "</tbody></table>";
}

function search(d: { items: Item[] }): string {
  let o = '<div class="search-results"><div>';
  for (const it of d.items) {
    const t = esc(it.title);
    o += '<div class="search-results-item"><h2>' + t + '</h2><div class="lvpic pic img left"><div class="lvpicinner full-width picW"><a href="/buy/' + it.id +
      '" class="img imgWr2"><img src="' + esc(it.image) + '" alt="' + t + '"></a></div></div><span class="price">' + esc(it.price) + "</span>" +
      (it.purchased ? '<div class="purchased">Purchased!</div>' : '<button class="buy-now" type="button">Buy now!</button>') + "</div>";
  }
  return o + "</div>" + FOOTER + "</div>";
}

function card(title: string, href: string, body: string): string {
  return '<article class="card"><header><h3>' + esc(title) + '</h3></header><div class="card-body">' + body + '</div><footer><a href="' + esc(href) + '">More</a></footer></article>';
}

function cards(d: { cards: Card[] }): string {
  let o = '<main class="cards">';
  for (const c of d.cards) o += card(c.title, "/cards/" + c.id, "<p>" + esc(c.text) + "</p><small>" + c.likes + " likes</small>");
  return o + "</main>";
}

// The data shapes come from the peer modules; each page function checks nothing at run time.
export const baseline: Record<string, (data: never) => string> = { table, search, cards };
