// The livehtml side of the first-paint templates: the same markup as the peers in
// bench/peers/ssr-templates.mjs and bench/peers/cards-templates.mjs.
import { FOOTER } from "../peers/ssr-templates.mjs";

const TR_STATIC_TAIL =
  '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td><td class="col-md-6"></td>';

export const table = `<table class="table table-hover table-striped test-data"><tbody><tr :for={row of @rows} :key={row.id} class={row.id === @selected ? "danger" : ""}><td class="col-md-1">{row.id}</td><td class="col-md-4"><a>{row.label}</a></td>${TR_STATIC_TAIL}</tr></tbody></table>`;

export const search = `<div class="search-results"><div><div :for={item of @items} :key={item.id} class="search-results-item"><h2>{item.title}</h2><div class="lvpic pic img left"><div class="lvpicinner full-width picW"><a href={"/buy/" + item.id} class="img imgWr2"><img src={item.image} alt={item.title}></a></div></div><span class="price">{item.price}</span><div :if={item.purchased} class="purchased">Purchased!</div><button :else class="buy-now" type="button">Buy now!</button></div></div>${FOOTER}</div>`;

export const card = `<article class="card"><header><h3>{@title}</h3></header><div class="card-body">{renderSlot(@inner_block)}</div><footer><a href={@href}>More</a></footer></article>`;

/** The page imports the compiled card module by its path in bench/out/. */
export const cards = (cardModule: string) => `---
import card from "${cardModule}";
---
<main class="cards"><.card :for={c of @cards} :key={c.id} title={c.title} href={"/cards/" + c.id}><p>{c.text}</p><small>{c.likes} likes</small></.card></main>`;
