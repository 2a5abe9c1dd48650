// The label form: builds a label document from the fields, checks it on every keystroke
// with the wasm engine, shows each finding beside the field its JSON pointer names, and
// highlights the offending characters of the ingredient text from the finding's span
// (UTF-16 offsets, so they index the textarea's string directly).

import init, { Engine } from "../pkg/web/labelcheck_wasm.js";

const $ = (id) => document.getElementById(id);

const I18N = {
  zh: {
    title: "预包装食品标签检查", asOf: "检查日期", editions: "标准版本", inForce: "现行有效版本",
    early2025: "提前实施 2025 版", tabFood: "预包装食品", tabGarment: "服装纤维含量标签（待纤维标准包）",
    loading: "正在加载标准…", ready: "已就绪", basics: "产品", category: "食品类别", productName: "食品名称",
    ingredients: "配料表", ingredientsText: "配料（按标签印刷）", recipe: "配方加入量（不印刷，用于判断递减顺序）",
    ingredient: "配料", addRow: "＋ 添加一行", netContent: "净含量", asPrinted: "标签印刷", value: "数值",
    unit: "单位", nutrition: "营养成分表", basis: "标示基准", perServing: "每份", nutrient: "项目",
    claims: "营养声称", claimsHelp: "每行一条（如：高钙、低脂）", dates: "日期", production: "生产日期",
    shelfLife: "保质期", expiry: "保质期到期日", producer: "生产者", name: "名称", address: "地址",
    contact: "联系方式", origin: "产地", place: "产地", other: "其他", storage: "贮存条件",
    licence: "生产许可证编号", standardCode: "产品标准代号", debug: "标签 JSON 与报告",
    footer: "在浏览器中运行（WebAssembly），数据不离开本页。",
    pass: "合格", pass_with_warnings: "合格（有提示）", fail: "不合格", errorVerdict: "无法检查",
    counts: (n, e) => `${n} 条发现，${e} 条错误`, timing: (ms) => `检查用时 ${ms} ms`,
    severity: { error: "错误", warning: "警告", info: "提示" }, remove: "删除",
    inputError: "输入有误",
  },
  en: {
    title: "Prepackaged food label check", asOf: "Check date", editions: "Editions", inForce: "Editions in force",
    early2025: "Adopt the 2025 editions early", tabFood: "Prepackaged food",
    tabGarment: "Garment fibre label (awaits a fibre pack)", loading: "Loading standards…", ready: "Ready",
    basics: "Product", category: "Food category", productName: "Name of the food", ingredients: "Ingredient list",
    ingredientsText: "Ingredients (as printed)", recipe: "Recipe shares (not printed; used for the descending order)",
    ingredient: "Ingredient", addRow: "+ add a row", netContent: "Net content", asPrinted: "As printed",
    value: "Value", unit: "Unit", nutrition: "Nutrition table", basis: "Basis", perServing: "per serving",
    nutrient: "Item", claims: "Nutrition claims", claimsHelp: "One per line (e.g. 高钙, 低脂)", dates: "Dates",
    production: "Production date", shelfLife: "Shelf life", expiry: "Expiry date", producer: "Producer",
    name: "Name", address: "Address", contact: "Contact", origin: "Origin", place: "Place of origin",
    other: "Other", storage: "Storage conditions", licence: "Production licence no.",
    standardCode: "Product standard code", debug: "Label JSON and report",
    footer: "Runs in your browser (WebAssembly); the data never leaves this page.",
    pass: "Pass", pass_with_warnings: "Pass with warnings", fail: "Fail", errorVerdict: "Cannot check",
    counts: (n, e) => `${n} findings, ${e} errors`, timing: (ms) => `checked in ${ms} ms`,
    severity: { error: "error", warning: "warning", info: "note" }, remove: "remove",
    inputError: "Input error",
  },
};

const RECIPE = [["水", "9.5"], ["白砂糖", "6"], ["燕麦粉", "2"], ["食品添加剂", "0.3"], ["食用香精", "0.05"]];
const NUTRITION = [
  ["能量", "308", "kJ", "4"], ["蛋白质", "2.6", "g", "4"], ["脂肪", "3.0", "g", "5"],
  ["碳水化合物", "9.0", "g", "3"], ["钠", "55", "mg", "3"], ["钙", "90", "mg", "11"],
];

let engine = null;
let lang = "zh";
let categories = [];
let last = null; // { label, outcome }

// ------------------------------------------------------------------------ the form ---

function rowInput(value, cls, attrs = "") {
  const i = document.createElement("input");
  i.value = value;
  i.className = cls;
  if (attrs) i.setAttribute("inputmode", attrs);
  return i;
}

function removeButton() {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "remove";
  b.textContent = "×";
  b.title = I18N[lang].remove;
  b.addEventListener("click", (e) => {
    e.target.closest("tr").remove();
    renumber();
    schedule();
  });
  return b;
}

function addRecipeRow(name = "", percent = "") {
  const tr = document.createElement("tr");
  for (const el of [rowInput(name, "r-name"), rowInput(percent, "r-percent", "decimal"), removeButton()]) {
    const td = document.createElement("td");
    td.append(el);
    tr.append(td);
  }
  $("recipe").tBodies[0].append(tr);
  renumber();
}

function addNutritionRow(name = "", value = "", unit = "", nrv = "") {
  const tr = document.createElement("tr");
  const cells = [
    rowInput(name, "n-name"), rowInput(value, "n-value", "decimal"), rowInput(unit, "n-unit"),
    rowInput(nrv, "n-nrv", "decimal"), removeButton(),
  ];
  for (const el of cells) {
    const td = document.createElement("td");
    td.append(el);
    tr.append(td);
  }
  $("nutrition-rows").tBodies[0].append(tr);
  renumber();
}

/** Rows carry the JSON pointer of the element they become, for marking findings. */
function renumber() {
  [...$("recipe").tBodies[0].rows].forEach((tr, i) => (tr.dataset.path = `/ingredients/recipe/${i}`));
  [...$("nutrition-rows").tBodies[0].rows].forEach((tr, i) => (tr.dataset.path = `/nutrition/rows/${i}`));
}

const text = (id) => $(id).value.trim();
const opt = (o, key, value) => {
  if (value !== "" && value != null) o[key] = value;
  return o;
};

/** The label document from the form. Numbers stay strings: the core reads numeric strings. */
function buildLabel() {
  const label = { market: "CN", category: $("category").value };
  if (text("product-name")) label.product_name = { text: text("product-name") };

  const recipe = [...$("recipe").tBodies[0].rows]
    .map((tr) => ({ name: tr.querySelector(".r-name").value.trim(), percent: tr.querySelector(".r-percent").value.trim() }))
    .filter((r) => r.name && r.percent);
  const ingredients = opt({}, "text", $("ingredients-text").value.trim() ? $("ingredients-text").value : "");
  if (recipe.length) ingredients.recipe = recipe;
  if (Object.keys(ingredients).length) label.ingredients = ingredients;

  const net = {};
  opt(net, "text", text("net-text"));
  opt(net, "value", text("net-value"));
  if (net.value) net.unit = $("net-unit").value;
  if (Object.keys(net).length) label.net_content = net;

  const rows = [...$("nutrition-rows").tBodies[0].rows]
    .map((tr) => {
      const r = {};
      opt(r, "name", tr.querySelector(".n-name").value.trim());
      opt(r, "value", tr.querySelector(".n-value").value.trim());
      opt(r, "unit", tr.querySelector(".n-unit").value.trim());
      opt(r, "nrv_percent", tr.querySelector(".n-nrv").value.trim());
      return r;
    })
    .filter((r) => Object.keys(r).length);
  if (rows.length) {
    label.nutrition = { basis: $("nutrition-basis").value, format: "table", title: "营养成分表", rows };
  }

  const claims = $("claims").value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (claims.length) label.claims = claims.map((c) => ({ text: c, kind: "content" }));

  const dates = {};
  opt(dates, "production", text("date-production"));
  opt(dates, "shelf_life", text("date-shelf-life"));
  opt(dates, "expiry", text("date-expiry"));
  if (Object.keys(dates).length) label.dates = dates;

  const producer = {};
  opt(producer, "name", text("producer-name"));
  opt(producer, "address", text("producer-address"));
  opt(producer, "contact", text("producer-contact"));
  if (Object.keys(producer).length) label.producer = producer;

  if (text("origin-place")) label.origin = { place: text("origin-place") };
  opt(label, "storage", text("storage"));
  opt(label, "licence_number", text("licence"));
  opt(label, "standard_code", text("standard-code"));
  return label;
}

// ------------------------------------------------------------------------ checking ---

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, 60);
}

function check() {
  if (!engine) return;
  const label = buildLabel();
  const options = { asOf: $("as-of").value || undefined, lang };
  if ($("editions").value) options.editions = [$("editions").value];
  const t = performance.now();
  const outcome = engine.tryCheck(label, options);
  const ms = performance.now() - t;
  last = { label, outcome, ms };
  render();
}

const under = (path, prefix) => path === prefix || path.startsWith(prefix + "/");

function groupOf(path) {
  let best = null;
  let bestLen = -1;
  for (const row of document.querySelectorAll("#food-form .row")) {
    for (const p of row.dataset.paths.split(" ")) {
      if (under(path, p) && p.length > bestLen) {
        best = row;
        bestLen = p.length;
      }
    }
  }
  return best;
}

function findingItem(f) {
  const li = document.createElement("li");
  li.className = `finding ${f.severity}`;
  li.dataset.rule = f.rule;
  li.dataset.path = f.path;
  const sev = document.createElement("span");
  sev.className = "sev";
  sev.textContent = I18N[lang].severity[f.severity] ?? f.severity;
  const msg = document.createElement("span");
  msg.className = "msg";
  msg.textContent = f.message[lang];
  const cite = document.createElement("span");
  cite.className = "cite";
  cite.textContent = `${f.citation.standard}-${f.citation.edition} §${f.citation.clause}`;
  cite.title = `${f.rule}\n${f.path || "/"}${f.confidence ? `\n${f.confidence}` : ""}`;
  li.append(sev, msg, cite);
  if (f.span) {
    const q = document.createElement("q");
    q.textContent = f.span.text;
    msg.append(" ", q);
  }
  return li;
}

function render() {
  const t = I18N[lang];
  for (const ul of document.querySelectorAll(".findings")) ul.replaceChildren();
  for (const el of document.querySelectorAll(".bad")) el.classList.remove("bad");
  const err = $("error");
  err.hidden = true;
  let spans = [];
  if (!last) return;
  const { outcome, label, ms } = last;
  $("label-json").textContent = JSON.stringify(label, null, 2);
  $("report-json").textContent = JSON.stringify(outcome, null, 2);
  $("timing").textContent = t.timing(ms.toFixed(1));
  const verdict = $("verdict");
  if (!outcome.ok) {
    const e = outcome.error;
    verdict.textContent = t.errorVerdict;
    verdict.dataset.verdict = "error";
    $("counts").textContent = "";
    err.hidden = false;
    err.textContent = `${t.inputError} (${e.kind}${e.path ? ` ${e.path}` : ""}): ${e.message}`;
    const row = e.path ? groupOf(e.path) : null;
    if (row) {
      const li = document.createElement("li");
      li.className = "finding error input-error";
      li.textContent = e.message;
      row.querySelector(".findings").append(li);
      row.classList.add("bad");
    }
    paintSpans([]);
    return;
  }
  const report = outcome.value;
  verdict.textContent = t[report.verdict];
  verdict.dataset.verdict = report.verdict;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  $("counts").textContent = t.counts(report.findings.length, errors);
  for (const f of report.findings) {
    const row = groupOf(f.path);
    (row ? row.querySelector(".findings") : $("general-findings")).append(findingItem(f));
    if (row) row.classList.add("bad");
    for (const tr of document.querySelectorAll("tr[data-path]")) {
      if (under(f.path, tr.dataset.path)) tr.classList.add("bad");
    }
    if (f.span && f.span.field === "/ingredients/text") spans.push(f);
  }
  paintSpans(spans);
}

/** Marks the spans' characters in the backdrop behind the ingredient textarea. */
function paintSpans(findings) {
  const value = $("ingredients-text").value;
  // The label carries the trimmed text only when it is not blank; spans index the text as sent.
  const sent = last?.label?.ingredients?.text ?? "";
  const ok = sent === value;
  const cuts = [];
  if (ok) {
    for (const f of findings) cuts.push([f.span.utf16_start, f.span.utf16_end, f]);
  }
  cuts.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const host = $("ingredients-backdrop").firstElementChild;
  host.replaceChildren();
  let at = 0;
  for (const [s, e, f] of cuts) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    host.append(value.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = value.slice(start, e);
    mark.dataset.rule = f.rule;
    mark.dataset.severity = f.severity;
    host.append(mark);
    at = e;
  }
  host.append(value.slice(at) + "\n");
  syncScroll();
}

function syncScroll() {
  $("ingredients-backdrop").scrollTop = $("ingredients-text").scrollTop;
}

// --------------------------------------------------------------------------- i18n ---

function setLang(l) {
  lang = l;
  document.documentElement.lang = l === "zh" ? "zh-CN" : "en";
  $("lang-zh").classList.toggle("on", l === "zh");
  $("lang-en").classList.toggle("on", l === "en");
  $("lang-zh").setAttribute("aria-pressed", String(l === "zh"));
  $("lang-en").setAttribute("aria-pressed", String(l === "en"));
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = I18N[l][el.dataset.i18n];
    if (typeof v === "string") el.textContent = v;
  }
  $("status").textContent = engine ? I18N[l].ready : I18N[l].loading;
  fillCategories();
  render();
}

function fillCategories() {
  const sel = $("category");
  const current = sel.value || "food.dairy.modified_milk";
  sel.replaceChildren(
    ...categories
      .filter((c) => c.id.startsWith("food"))
      .map((c) => new Option(`${lang === "zh" ? c.zh : c.en} (${c.id})`, c.id)),
  );
  sel.value = current;
}

// --------------------------------------------------------------------------- start ---

async function main() {
  const d = new Date();
  $("as-of").value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  for (const r of RECIPE) addRecipeRow(...r);
  for (const r of NUTRITION) addNutritionRow(...r);
  document.querySelector('[data-add="recipe"]').addEventListener("click", () => addRecipeRow());
  document.querySelector('[data-add="nutrition"]').addEventListener("click", () => addNutritionRow());
  $("food-form").addEventListener("input", schedule);
  $("food-form").addEventListener("change", schedule);
  $("as-of").addEventListener("input", schedule);
  $("editions").addEventListener("change", schedule);
  $("ingredients-text").addEventListener("scroll", syncScroll);
  $("lang-zh").addEventListener("click", () => setLang("zh"));
  $("lang-en").addEventListener("click", () => setLang("en"));

  const t0 = performance.now();
  try {
    await init();
    engine = new Engine();
  } catch (e) {
    $("status").dataset.state = "failed";
    $("status").textContent = `${e.kind ?? "error"}: ${e.message}`;
    throw e;
  }
  categories = engine.categories();
  const status = $("status");
  status.dataset.state = "ready";
  status.title = `${engine.packs().map((p) => `${p.standard}-${p.edition}`).join(", ")} · ${(performance.now() - t0).toFixed(0)} ms`;
  setLang(lang);
  check();
}

main();
