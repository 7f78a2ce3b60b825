// Valid templates and the outline of the tree each must produce: node kinds, names, attributes,
// directives and exact `start-end` offsets (expressions show their code's own offsets).
export const AST_CASES: Array<{ source: string; outline: string[] }> = [
  {
    source: "<p>hi</p>",
    outline: [
      "Element p 0-9",
      "  Text \"hi\" 3-5",
    ],
  },
  {
    source: "  \n<p>x</p>\n  ",
    outline: [
      "Element p 3-11",
      "  Text \"x\" 6-7",
    ],
  },
  {
    source: "a {@b} c",
    outline: [
      "Text \"a \" 0-2",
      "Expr:curly @b 3-5",
      "Text \" c\" 6-8",
    ],
  },
  {
    source: "<div class=\"a\" id='b' hidden data-x={@x}></div>",
    outline: [
      "Element div class=\"a\" id='b' hidden data-x={@x} 0-47",
    ],
  },
  {
    source: "<div {@attrs} {...@rest}></div>",
    outline: [
      "Element div {@attrs} {@rest} 0-31",
    ],
  },
  {
    source: "<input type=\"text\">",
    outline: [
      "Element input type=\"text\" 0-19",
    ],
  },
  {
    source: "<br/><hr>",
    outline: [
      "Element br / 0-5",
      "Element hr 5-9",
    ],
  },
  {
    source: "<div/>",
    outline: [
      "Element div / 0-6",
    ],
  },
  {
    source: "<p>{\"}\"}</p>",
    outline: [
      "Element p 0-12",
      "  Expr:curly \"}\" 4-7",
    ],
  },
  {
    source: "<p>{`a ${ {b: 1}.b } }`}</p>",
    outline: [
      "Element p 0-28",
      "  Expr:curly `a ${ {b: 1}.b } }` 4-23",
    ],
  },
  {
    source: "<p>{/}/.test(x)}</p>",
    outline: [
      "Element p 0-20",
      "  Expr:curly /}/.test(x) 4-15",
    ],
  },
  {
    source: "<p>{a /* } */ + b}</p>",
    outline: [
      "Element p 0-22",
      "  Expr:curly a /* } */ + b 4-17",
    ],
  },
  {
    source: "<p>{a // }\n}</p>",
    outline: [
      "Element p 0-16",
      "  Expr:curly a // } 4-10",
    ],
  },
  {
    source: "<p>{{a: {b: 1}}}</p>",
    outline: [
      "Element p 0-20",
      "  Expr:curly {a: {b: 1}} 4-15",
    ],
  },
  {
    source: "<p>{@a ? \"x\" : 'y'}</p>",
    outline: [
      "Element p 0-23",
      "  Expr:curly @a ? \"x\" : 'y' 4-18",
    ],
  },
  {
    source: "<%= @count %> items",
    outline: [
      "Expr:eex @count 4-10",
      "Text \" items\" 13-19",
    ],
  },
  {
    source: "<%%= not eex %>",
    outline: [
      "Text \"<%= not eex %>\" 0-15",
    ],
  },
  {
    source: "a<%!-- hidden {x} --%>b",
    outline: [
      "Text \"a\" 0-1",
      "Text \"b\" 22-23",
    ],
  },
  {
    source: "<!-- c {x} <%= @y %> -->",
    outline: [
      "Comment 0-24",
      "  Text \" c {x} \"",
      "  Expr:eex @y",
      "  Text \" \"",
    ],
  },
  {
    source: "<!DOCTYPE html>\n<html></html>",
    outline: [
      "Doctype \"<!DOCTYPE html>\" 0-15",
      "Text \"\\n\" 15-16",
      "Element html 16-29",
    ],
  },
  {
    source: "<!doctype html>",
    outline: [
      "Doctype \"<!doctype html>\" 0-15",
    ],
  },
  {
    source: "<script>if (a < b) { x() }</script>",
    outline: [
      "Element script 0-35",
      "  Text \"if (a < b) { x() }\" 8-26",
    ],
  },
  {
    source: "<script>var s = <%= json(@v) %>;</script>",
    outline: [
      "Element script 0-41",
      "  Text \"var s = \" 8-16",
      "  Expr:eex json(@v) 20-28",
      "  Text \";\" 31-32",
    ],
  },
  {
    source: "<style>a { color: red }</style>",
    outline: [
      "Element style 0-31",
      "  Text \"a { color: red }\" 7-23",
    ],
  },
  {
    source: "<script src=\"a.js\" />",
    outline: [
      "Element script src=\"a.js\" / 0-21",
    ],
  },
  {
    source: "<div phx-no-curly-interpolation>{a}<b>{c}</b></div>{d}",
    outline: [
      "Element div 0-51",
      "  Text \"{a}\" 32-35",
      "  Element b 35-45",
      "    Text \"{c}\" 38-41",
      "Expr:curly d 52-53",
    ],
  },
  {
    source: "<div phx-no-curly-interpolation title={t}>{a}</div>",
    outline: [
      "Element div title={t} 0-51",
      "  Text \"{a}\" 42-45",
    ],
  },
  {
    source: "<.card title=\"Hi\" count={3}>body</.card>",
    outline: [
      "Component .card title=\"Hi\" count={3} 0-40",
      "  Text \"body\" 28-32",
    ],
  },
  {
    source: "<Ui.card/>",
    outline: [
      "Component Ui.card / 0-10",
    ],
  },
  {
    source: "<Ui.Forms.input name=\"a\" />",
    outline: [
      "Component Ui.Forms.input name=\"a\" / 0-27",
    ],
  },
  {
    source: "<.table rows={@rows}>\n  <:col :let={row} label=\"Name\">{row.name}</:col>\n  <:col label=\"Id\">{row.id}</:col>\n</.table>",
    outline: [
      "Component .table rows={@rows} 0-116",
      "  Text \"\\n  \" 21-24",
      "  Slot :col label=\"Name\" :let={row} 24-71",
      "    Expr:curly row.name 55-63",
      "  Slot :col label=\"Id\" 74-106",
      "    Expr:curly row.id 92-98",
    ],
  },
  {
    source: "<.modal><:header/>  <:footer/>\n text</.modal>",
    outline: [
      "Component .modal 0-45",
      "  Slot :header / 8-18",
      "  Slot :footer / 20-30",
      "  Text \"\\n text\" 30-36",
    ],
  },
  {
    source: "<li :for={r of @readings} :key={r.id} :if={r.visible}>{r.label}</li>",
    outline: [
      "Element li :if={r.visible} :for=r||@readings :key={r.id} 0-68",
      "  Expr:curly r.label 55-62",
    ],
  },
  {
    source: "<li :for={(item, i) of @items}>{i}</li>",
    outline: [
      "Element li :for=item|i|@items 0-39",
      "  Expr:curly i 32-33",
    ],
  },
  {
    source: "<li :for={{ id, name } of @users}>{name}</li>",
    outline: [
      "Element li :for={ id, name }||@users 0-45",
      "  Expr:curly name 35-39",
    ],
  },
  {
    source: "<li :for={x <- @xs}>{x}</li>",
    outline: [
      "Element li :for=x||@xs 0-28",
      "  Expr:curly x 21-22",
    ],
  },
  {
    source: "<li :for={[a, b] of pairs(@m)}>{a}</li>",
    outline: [
      "Element li :for=[a, b]||pairs(@m) 0-39",
      "  Expr:curly a 32-33",
    ],
  },
  {
    source: "<p :if={@error}>{@error}</p>\n<p :else>All good</p>",
    outline: [
      "Element p :if={@error} 0-28",
      "  Expr:curly @error 17-23",
      "Text \"\\n\" 28-29",
      "Element p :else 29-50",
      "  Text \"All good\" 38-46",
    ],
  },
  {
    source: "<p :if={@a}>a</p>\n<p :else-if={@b}>b</p>\n<p :else>c</p>",
    outline: [
      "Element p :if={@a} 0-17",
      "  Text \"a\" 12-13",
      "Text \"\\n\" 17-18",
      "Element p :else-if={@b} 18-40",
      "  Text \"b\" 35-36",
      "Text \"\\n\" 40-41",
      "Element p :else 41-55",
      "  Text \"c\" 50-51",
    ],
  },
  {
    source: "<.list :let={item}>{item}</.list>",
    outline: [
      "Component .list :let={item} 0-33",
      "  Expr:curly item 20-24",
    ],
  },
  {
    source: "<%= if @user do %>\n  Hello {@user.name}\n<% else if @guest do %>\n  Hello guest\n<% else %>\n  Please sign in\n<% end %>\n",
    outline: [
      "If 0-115",
      "  when @user 0-40",
      "    Text \"  Hello \" 19-27",
      "    Expr:curly @user.name 28-38",
      "    Text \"\\n\" 39-40",
      "  when @guest 40-78",
      "    Text \"  Hello guest\\n\" 64-78",
      "  else 78-106",
      "    Text \"  Please sign in\\n\" 89-106",
    ],
  },
  {
    source: "<%= for r of @readings do %>\n  <span>{r.value}</span>\n<% end %>",
    outline: [
      "For r||@readings 0-63",
      "  Text \"  \" 29-31",
      "  Element span 31-53",
      "    Expr:curly r.value 38-45",
      "  Text \"\\n\" 53-54",
    ],
  },
  {
    source: "<ul>\n  <%= for (x, i) of @xs do %>\n    <li>{i}</li>\n  <% end %>\n</ul>",
    outline: [
      "Element ul 0-69",
      "  Text \"\\n\" 4-5",
      "  For x|i|@xs 7-63",
      "    Text \"    \" 35-39",
      "    Element li 39-51",
      "      Expr:curly i 44-45",
      "    Text \"\\n\" 51-52",
    ],
  },
  {
    source: "<%= for x <- @xs do %>{x}<% end %>",
    outline: [
      "For x||@xs 0-34",
      "  Expr:curly x 23-24",
    ],
  },
  {
    source: "<%= if @a do %>A<% end %>",
    outline: [
      "If 0-25",
      "  when @a 0-16",
      "    Text \"A\" 15-16",
    ],
  },
  {
    source: "<p>\n  <%= if @a do %> x <% end %>\n</p>",
    outline: [
      "Element p 0-38",
      "  Text \"\\n  \" 3-6",
      "  If 6-33",
      "    when @a 6-24",
      "      Text \" x \" 21-24",
      "  Text \"\\n\" 33-34",
    ],
  },
  {
    source: "<div>\n\t<%= if @a do %>  \n\tyes\n\t<% end %>\t\n</div>",
    outline: [
      "Element div 0-48",
      "  Text \"\\n\" 5-6",
      "  If 7-40",
      "    when @a 7-31",
      "      Text \"\\tyes\\n\" 25-30",
    ],
  },
  {
    source: "<p>a\r\n<%= if @a do %>\r\nb\r\n<% end %>\r\nc</p>",
    outline: [
      "Element p 0-42",
      "  Text \"a\\r\\n\" 3-6",
      "  If 6-35",
      "    when @a 6-26",
      "      Text \"b\\r\\n\" 23-26",
      "  Text \"c\" 37-38",
    ],
  },
  {
    source: "---\nimport x from \"y\";\n---\n<p>{x}</p>",
    outline: [
      "Element p 27-37",
      "  Expr:curly x 31-32",
    ],
  },
  {
    source: "---\n---\nbody",
    outline: [
      "Text \"body\" 8-12",
    ],
  },
  {
    source: "<a href=\"x\"\n   class=\"y\">z</a>",
    outline: [
      "Element a href=\"x\" class=\"y\" 0-30",
      "  Text \"z\" 25-26",
    ],
  },
  {
    source: "<textarea>{@v}</textarea>",
    outline: [
      "Element textarea 0-25",
      "  Expr:curly @v 11-13",
    ],
  },
  {
    source: "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg>",
    outline: [
      "Element svg viewBox=\"0 0 1 1\" 0-43",
      "  Element path d=\"M0\" / 23-37",
    ],
  },
  {
    source: "<p title={@a > 1 ? \"big\" : \"small\"}>x</p>",
    outline: [
      "Element p title={@a > 1 ? \"big\" : \"small\"} 0-41",
      "  Text \"x\" 36-37",
    ],
  },
  {
    source: "<p>{@items.map((i) => i * 2).join(\", \")}</p>",
    outline: [
      "Element p 0-44",
      "  Expr:curly @items.map((i) => i * 2).join(\", \") 4-39",
    ],
  },
  {
    source: "<div data-a=\"{not expr}\" class=\"x\"></div>",
    outline: [
      "Element div data-a=\"{not expr}\" class=\"x\" 0-41",
    ],
  },
  {
    source: "<p>1 &lt; 2</p>",
    outline: [
      "Element p 0-15",
      "  Text \"1 &lt; 2\" 3-11",
    ],
  },
  {
    source: "<button phx-click=\"inc\" phx-value-id={@id}>+</button>",
    outline: [
      "Element button phx-click=\"inc\" phx-value-id={@id} 0-53",
      "  Text \"+\" 43-44",
    ],
  },
  {
    source: "<div id=\"s\" phx-update=\"stream\"></div>",
    outline: [
      "Element div id=\"s\" phx-update=\"stream\" 0-38",
    ],
  },
  {
    source: "<div {@rest} phx-hook=\"H\"></div>",
    outline: [
      "Element div {@rest} phx-hook=\"H\" 0-32",
    ],
  },
  {
    source: "<%= @a %><%= @b %>",
    outline: [
      "Expr:eex @a 4-6",
      "Expr:eex @b 13-15",
    ],
  },
  {
    source: "<p>}</p>",
    outline: [
      "Element p 0-8",
      "  Text \"}\" 3-4",
    ],
  },
  {
    source: "<.c>\n  <:a>x</:a>\n\n  <:b>y</:b>\n</.c>",
    outline: [
      "Component .c 0-37",
      "  Text \"\\n  \" 4-7",
      "  Slot :a 7-17",
      "    Text \"x\" 11-12",
      "  Slot :b 21-31",
      "    Text \"y\" 25-26",
    ],
  },
  {
    source: "<p :if={@show} :for={x of @xs}>{x}</p>",
    outline: [
      "Element p :if={@show} :for=x||@xs 0-38",
      "  Expr:curly x 32-33",
    ],
  },
];
