// The component-heavy page: 50 cards, each a component called with two attributes and a body
// (slot). One implementation per engine, same markup; the card builds its link from `href`.
export function cardsData(n = 50) {
  const cards = [];
  for (let i = 1; i <= n; i++) cards.push({ id: i, title: `Card number ${i}`, text: `Some text for card ${i}, long enough to matter.`, likes: i * 7 % 13 });
  cards[3].title = 'Fish & <chips> "quoted"';
  return { cards };
}

const CARD_OPEN = '<article class="card"><header><h3>';

export const C = {
  svelte: {
    card: `<script>let { title, href, children } = $props();</script>${CARD_OPEN}{title}</h3></header><div class="card-body">{@render children()}</div><footer><a {href}>More</a></footer></article>`,
    page: `<script>import Card from './cards-card.svelte.mjs'; let { cards } = $props();</script><main class="cards">{#each cards as c (c.id)}<Card title={c.title} href="/cards/{c.id}"><p>{c.text}</p><small>{c.likes} likes</small></Card>{/each}</main>`,
  },
  vue: {
    card: `${CARD_OPEN}{{ title }}</h3></header><div class="card-body"><slot></slot></div><footer><a :href="href">More</a></footer></article>`,
    page: `<main class="cards"><Card v-for="c in cards" :key="c.id" :title="c.title" :href="'/cards/' + c.id"><p>{{ c.text }}</p><small>{{ c.likes }} likes</small></Card></main>`,
  },
  marko: {
    card: `${CARD_OPEN}\${input.title}</h3></header><div class="card-body"><\${input.content}/></div><footer><a href=input.href>More</a></footer></article>`,
    page: `import Card from "./cards-card.marko";\n<main class="cards"><for|c| of=input.cards by="id"><Card title=c.title href=\`/cards/\${c.id}\`><p>\${c.text}</p><small>\${c.likes} likes</small></Card></for></main>`,
  },
  // EJS has no slots: the body is a second compiled template whose output the card embeds raw.
  ejs: {
    card: `${CARD_OPEN}<%= title %></h3></header><div class="card-body"><%- body %></div><footer><a href="<%= href %>">More</a></footer></article>`,
    body: `<p><%= c.text %></p><small><%= c.likes %> likes</small>`,
    page: `<main class="cards"><% for (const c of cards) { %><%- card({ title: c.title, href: '/cards/' + c.id, body: body({ c }) }) %><% } %></main>`,
  },
  handlebars: {
    card: `${CARD_OPEN}{{title}}</h3></header><div class="card-body">{{> @partial-block}}</div><footer><a href="{{href}}">More</a></footer></article>`,
    page: `<main class="cards">{{#each cards}}{{#> card title=title href=(cardHref id)}}<p>{{text}}</p><small>{{likes}} likes</small>{{/card}}{{/each}}</main>`,
  },
  lit: (html, d) => {
    const card = (title, href, body) => html`<article class="card"><header><h3>${title}</h3></header><div class="card-body">${body}</div><footer><a href=${href}>More</a></footer></article>`;
    return html`<main class="cards">${d.cards.map((c) => card(c.title, `/cards/${c.id}`, html`<p>${c.text}</p><small>${c.likes} likes</small>`))}</main>`;
  },
};
