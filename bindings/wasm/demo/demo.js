// The label forms (a prepackaged food; a garment's fibre label; an air conditioner's energy
// label; an infant formula's special parts; a label's printed text): each builds a label document
// from its fields, checks it on every keystroke with the wasm engine, shows each finding beside
// the field its JSON pointer names, and highlights the offending characters of the printed
// ingredient or fibre-content text from the finding's span (UTF-16 offsets, so they index the
// textarea's string directly).

import init, { Engine } from "../pkg/web/labelcheck_wasm.js";

const $ = (id) => document.getElementById(id);

const I18N = {
  zh: {
    title: "预包装食品标签检查", asOf: "检查日期", editions: "标准版本", inForce: "现行有效版本",
    early2025: "提前实施 2025 版", tabFood: "预包装食品", tabGarment: "服装纤维含量标签",
    titleGarment: "服装纤维含量标签检查", gCategory: "产品类别", gProductName: "产品名称", qualityGrade: "质量等级",
    fibre: "纤维成分及含量", fibreText: "纤维含量（按标签印刷，如：面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维）",
    fibreDurable: "标在耐久性标签上", layers: "产品结构", layerLining: "有里料", layerFilling: "有填充物",
    measured: "实测含量（可选，检验结果；用于判断允差）", part: "部位", fibreName: "纤维", measuredPercent: "实测 %",
    sizeGroup: "号型与适用人群", size: "号型或规格", ageGroup: "适用人群", adult: "成人", child: "儿童（3–14 岁）",
    infant: "婴幼儿（36 个月及以下）", safety: "安全技术类别", safetyStandard: "标注的标准", safetyClass: "安全类别",
    notMarked: "（未标注）", skinContact: "直接接触皮肤",
    statements: "其他标注（每行一条，如：本产品适用于36个月及以下婴幼儿）", care: "维护方法", careSymbols: "维护符号",
    careText: "文字说明", labelPosition: "耐久性标签位置", nonContact: "不接触皮肤处", onSkin: "接触皮肤处",
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
    tabText: "粘贴标签文字", titleText: "标签文字检查", pasteText: "标签文字", market: "市场",
    pasteHelp: "粘贴标签上印刷的全部文字（每项一行，如：配料：…、净含量：…；营养成分表可用制表符或空格分列）",
    readFields: "读到的内容", field: "字段", unreadTitle: "未能识别的文字（未检查）",
    alsoMarkets: "同时按以下市场检查：", marketLine: (m, v, e) => `${m}：${v}（${e} 条错误）`,
    tabEnergy: "能效标识", titleEnergy: "能效标识检查（房间空调器）", eProduct: "产品", eType: "产品类型",
    eSplitHeatPump: "分体式热泵型", eSplitCoolingOnly: "分体式单冷型", eSupplier: "生产者名称", eModel: "规格型号",
    eFigures: "能效指标（检测值）", eCooling: "额定制冷量", eHeating: "额定制热量", eCste: "制冷季节耗电量",
    eHste: "制热季节耗电量", eGrade: "标识的能效等级", eDeclared: "能效等级", eLabel: "标识内容",
    eStandard: "依据的能源效率国家标准", eRegistration: "备案号", eQr: "二维码", eSize: "标识尺寸（宽 × 高，mm）",
    tabInfant: "婴儿配方食品", titleInfant: "婴儿配方食品标签检查", iName: "产品名称", iPopulation: "适用人群",
    iSuitable: "适用月龄", iStage: "段别", iStatements: "标示的说明（每行一条）", iPictures: "标签上的图形",
    iProduct: "产品图", iInfant: "婴儿形象", iWoman: "妇女形象", iRegistration: "产品配方注册号", iRegNo: "注册号",
    iRest: "标签的其余内容", iRestHelp: "配料、营养成分（含每100 kJ）、冲调方法、净含量、生产者等取自 examples/infant-formula-stage1.json。",
    eGradeGiven: "按标准应为", eGradePrinted: "标签标注", eGradeCol: "等级", eRange: "范围",
    eGradeCaption: (type, band) => `GB 21455-2019 表${type === "split_heat_pump" ? 1 : 2}：${type === "split_heat_pump" ? "分体式热泵型" : "分体式单冷型"}，${band}`,
    eGradeN: (g) => `${g}级`, eBelow5: "低于 5 级（低于能效限定值）", eNoBand: "额定制冷量不在分级范围内", ePrintedMark: "← 标签标注",
    tabOrigin: "产地与地理标志", titleOrigin: "产地与地理标志检查", oImported: "进口食品", oKind: "生产者类型",
    oLegalEntity: "生产企业本身（法人）", oBranch: "集团公司名义（分公司、生产基地生产）",
    oRegionCode: "行政区划代码（GB/T 2260 或 ISO 3166-2，可选）", oImport: "进口食品", oCountry: "原产国（地区）",
    oOverseas: "境外生产者", oImporter: "进口商名称", oImporterAddress: "进口商地址", oImporterContact: "进口商联系方式",
    oGi: "地理标志专用标志", oGiOn: "标签上有地理标志专用标志", oGiName: "地理标志产品名称", oGiKind: "类型",
    oGiProtected: "地理标志保护产品", oGiCertMark: "作为证明商标注册的地理标志", oGiCollective: "作为集体商标注册的地理标志",
    oCreditCode: "统一社会信用代码（标志指定位置）",
    oRestHelp: "配料、净含量、日期、贮存条件、许可证编号等取自 examples/gi-mutton.json。",
    tabGreen: "绿色与有机标志", titleGreen: "绿色食品、有机与绿色产品标志检查",
    grFood: "食品（纯牛奶，examples/green-food-milk.json）", grTextile: "纺织品（山羊绒针织套衫，examples/cashmere-sweater-green-product.json）",
    grGreenFood: "绿色食品标志", grOnLabel: "标签上有此标志", grGfCode: "企业信息码", grValidUntil: "标志使用证书有效期至",
    grOrganic: "中国有机产品认证标志", grOgCode: "有机码（按标签印刷）", grCertifier: "认证机构", grCertifierMark: "认证机构标志位置",
    grNoMark: "（无）", grRight: "右侧", grLeft: "左侧", grAbove: "上方", grBelow: "下方",
    grOrganicPercent: "有机配料比例 %（可选）", grWording: "标志旁的文字（可选）", grGreenProduct: "绿色产品标识",
    grBasis: "依据", grCertified: "认证（获证产品）", grSelfDeclared: "自我声明", grCertificate: "证书编号",
    grEnv: "中国环境标志（十环）",
    grRestHelp: "其余内容取自所选产品的示例标签（examples/green-food-milk.json 或 examples/cashmere-sweater-green-product.json）。",
    applies: (std, yes, cats) => `${std}：${yes ? "适用于此类产品" : `不适用于此类产品（规则包适用类别：${cats}）`}`,
    ecTitle: "环境声明（绿色声明）", ecMarket: "销售市场", ecEU: "欧盟（指令 (EU) 2024/825）",
    ecUS: "美国（FTC 绿色指南，16 CFR 260）", ecEcolabel: "标签上有欧盟生态标签（EU Ecolabel，公认的卓越环境绩效）",
    ecAdd: "＋ 添加一条声明", ecDebug: "环境声明的标签 JSON 与报告", ecClaimN: (n) => `声明 ${n}`,
    ecText: "声明文字（按标签印刷）", ecSpec: "具体说明（同一载体上，可选）", ecOffset: "基于碳抵消",
    ecOffsetUnknown: "（未说明）", ecYes: "是", ecNo: "否",
    ecBase: (m) => `按${m === "EU" ? "欧盟" : "美国"}市场的标签检查：${m === "EU" ? "洗衣机（examples/eu-washing-machine-ecolabel.json）" : "山羊绒套衫（tests/suites/16cfr260-2012/us-sweater.label）"}，其环境声明为下列各条。`,
    ecPack: (std, title) => `${std}：${title}`,
  },
  en: {
    title: "Prepackaged food label check", asOf: "Check date", editions: "Editions", inForce: "Editions in force",
    early2025: "Adopt the 2025 editions early", tabFood: "Prepackaged food",
    tabGarment: "Garment fibre label", titleGarment: "Garment fibre label check", gCategory: "Product category",
    gProductName: "Product name", qualityGrade: "Quality grade", fibre: "Fibre content",
    fibreText: "Fibre content (as printed, e.g. 面料：80%山羊绒 20%绵羊毛；里料：100%聚酯纤维)",
    fibreDurable: "on the durable (sewn-in) label", layers: "Layers", layerLining: "has a lining",
    layerFilling: "has a filling", measured: "Measured content (optional, laboratory result; for the tolerances)",
    part: "Part", fibreName: "Fibre", measuredPercent: "measured %", sizeGroup: "Size and wearer", size: "Size",
    ageGroup: "Made for", adult: "adults", child: "children (3–14 years)", infant: "infants (≤ 36 months)",
    safety: "Safety category", safetyStandard: "Standard as printed", safetyClass: "Class", notMarked: "(not marked)",
    skinContact: "in direct contact with the skin",
    statements: "Other statements (one per line, e.g. 本产品适用于36个月及以下婴幼儿)", care: "Care",
    careSymbols: "Care symbols", careText: "In words", labelPosition: "Durable label position",
    nonContact: "away from the skin", onSkin: "against the skin", loading: "Loading standards…", ready: "Ready",
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
    tabText: "Paste label text", titleText: "Label text check", pasteText: "Label text", market: "Market",
    pasteHelp: "Paste all the text printed on the label (one item a line, e.g. 配料：…, 净含量：…; nutrition rows split by tabs or spaces)",
    readFields: "What was read", field: "Field", unreadTitle: "Text not placed (not checked)",
    alsoMarkets: "Also check for:", marketLine: (m, v, e) => `${m}: ${v} (${e} errors)`,
    tabEnergy: "Energy label", titleEnergy: "Energy label check (room air conditioner)", eProduct: "Product",
    eType: "Product type", eSplitHeatPump: "split, heat pump", eSplitCoolingOnly: "split, cooling only",
    eSupplier: "Supplier", eModel: "Model", eFigures: "Efficiency figures (as tested)", eCooling: "Rated cooling capacity",
    eHeating: "Rated heating capacity", eCste: "Cooling-season consumption", eHste: "Heating-season consumption",
    eGrade: "Grade printed", eDeclared: "Energy grade", eLabel: "Label content", eStandard: "Energy efficiency standard cited",
    eRegistration: "Registration number", eQr: "QR code", eSize: "Label size (width × height, mm)",
    tabInfant: "Infant formula", titleInfant: "Infant formula label check", iName: "Product name", iPopulation: "Who it is for",
    iSuitable: "Suitable age", iStage: "Stage", iStatements: "Statements printed (one a line)", iPictures: "Pictures on the label",
    iProduct: "product", iInfant: "an infant", iWoman: "a woman", iRegistration: "Formula registration", iRegNo: "Registration number",
    iRest: "The rest of the label", iRestHelp: "Ingredients, nutrition (with per 100 kJ), preparation, net content, producer… come from examples/infant-formula-stage1.json.",
    eGradeGiven: "Grade the standard gives", eGradePrinted: "grade printed", eGradeCol: "Grade", eRange: "range",
    eGradeCaption: (type, band) => `GB 21455-2019 table ${type === "split_heat_pump" ? 1 : 2}: ${type === "split_heat_pump" ? "split, heat pump" : "split, cooling only"}, ${band}`,
    eGradeN: (g) => `grade ${g}`, eBelow5: "below grade 5 (under the minimum allowable value)", eNoBand: "rated cooling capacity outside the graded bands", ePrintedMark: "← printed",
    tabOrigin: "Origin and GI", titleOrigin: "Origin and geographical indication check", oImported: "Imported food",
    oKind: "Producer named", oLegalEntity: "the maker itself (legal entity)", oBranch: "a group company (made by a branch or production base)",
    oRegionCode: "Region code (GB/T 2260 or ISO 3166-2, optional)", oImport: "Imported food", oCountry: "Country (region) of origin",
    oOverseas: "Overseas producer", oImporter: "Importer", oImporterAddress: "Importer's address", oImporterContact: "Importer's contact",
    oGi: "Geographical indication mark", oGiOn: "the label carries the GI special mark", oGiName: "GI product name", oGiKind: "Kind",
    oGiProtected: "GI-protected product", oGiCertMark: "GI registered as a certification mark", oGiCollective: "GI registered as a collective mark",
    oCreditCode: "Unified social credit code (in the mark)",
    oRestHelp: "Ingredients, net content, dates, storage, licence number… come from examples/gi-mutton.json.",
    tabGreen: "Green and organic marks", titleGreen: "Green Food, organic and green product mark check",
    grFood: "food (pure milk, examples/green-food-milk.json)", grTextile: "textile (cashmere sweater, examples/cashmere-sweater-green-product.json)",
    grGreenFood: "Green Food mark", grOnLabel: "the label carries this mark", grGfCode: "Enterprise code", grValidUntil: "Licence valid until",
    grOrganic: "China organic certification mark", grOgCode: "Organic code (as printed)", grCertifier: "Certification body",
    grCertifierMark: "Body's mark position", grNoMark: "(none)", grRight: "right", grLeft: "left", grAbove: "above", grBelow: "below",
    grOrganicPercent: "Organic ingredients % (optional)", grWording: "Words next to the mark (optional)", grGreenProduct: "Green product label",
    grBasis: "Basis", grCertified: "certified product", grSelfDeclared: "self-declaration", grCertificate: "Certificate number",
    grEnv: "China Environmental Labelling (十环)",
    grRestHelp: "The rest of the label comes from the chosen product's example (examples/green-food-milk.json or examples/cashmere-sweater-green-product.json).",
    applies: (std, yes, cats) => `${std}: ${yes ? "applies to this product" : `does not apply to this product (pack categories: ${cats})`}`,
    ecTitle: "Environmental (green) claims", ecMarket: "Market", ecEU: "EU (Directive (EU) 2024/825)",
    ecUS: "US (FTC Green Guides, 16 CFR 260)", ecEcolabel: "the label carries the EU Ecolabel (recognised excellent environmental performance)",
    ecAdd: "+ add a claim", ecDebug: "Label JSON and report of the claims", ecClaimN: (n) => `Claim ${n}`,
    ecText: "Claim (as printed)", ecSpec: "Specification (same medium, optional)", ecOffset: "Based on carbon offsets",
    ecOffsetUnknown: "(not stated)", ecYes: "yes", ecNo: "no",
    ecBase: (m) => `Checked on a ${m} label: ${m === "EU" ? "washing machine (examples/eu-washing-machine-ecolabel.json)" : "cashmere sweater (tests/suites/16cfr260-2012/us-sweater.label)"}, whose environmental claims are those below.`,
    ecPack: (std, title) => `${std}: ${title}`,
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
let packs = []; // engine.packs(): what the green-mark tab says about each mark's pack
let last = null; // { label, outcome }
let form = "food-form"; // the form on show

/** The example in the paste-text tab: a biscuit label whose ingredient order contradicts its
 * own percentages (examples/text/faulty/peanut-cookies.txt, shortened). */
const TEXT_EXAMPLE = `花生酥饼
配料：小麦粉、花生（15%）、白砂糖（25%）、植物油、
鸡蛋、食用盐、食品添加剂（碳酸氢钠）
净含量：150克
营养成分表 每100g NRV%
能量 2064kJ 25%
蛋白质 9.0g 15%
脂肪 25.0g 42%
碳水化合物 58.0g 19%
钠 300mg 15%
生产日期：2026年11月01日
保质期：9个月
贮存条件：阴凉干燥处保存
生产者：江苏金陵食品有限公司
地址：江苏省南京市江宁区秣陵街道食品路6号
联系方式：025-52100000
产地：江苏省南京市
食品生产许可证编号：SC10832011500789
产品标准代号：GB/T 20980`;

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

function addMeasuredRow(part = "", name = "", percent = "") {
  const tr = document.createElement("tr");
  for (const el of [rowInput(part, "m-part"), rowInput(name, "m-name"), rowInput(percent, "m-percent", "decimal"), removeButton()]) {
    const td = document.createElement("td");
    td.append(el);
    tr.append(td);
  }
  $("measured").tBodies[0].append(tr);
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

/** The label document from the garment form: the shape of examples/cashmere-sweater.json. */
function buildGarmentLabel() {
  const label = { market: "CN", category: $("g-category").value };
  if (text("g-product-name")) label.product_name = { text: text("g-product-name") };
  const producer = {};
  opt(producer, "name", text("g-producer-name"));
  opt(producer, "address", text("g-producer-address"));
  opt(producer, "contact", text("g-producer-contact"));
  if (Object.keys(producer).length) label.producer = producer;
  opt(label, "standard_code", text("g-standard-code"));
  opt(label, "quality_grade", text("g-quality-grade"));

  const fibre = {};
  if ($("fibre-text").value.trim()) fibre.text = $("fibre-text").value;
  // Laboratory results ride on components that carry names and measured values only; the
  // engine matches them onto the fibres parsed from the text (a row without a part: the first).
  const lab = new Map();
  for (const tr of $("measured").tBodies[0].rows) {
    const part = tr.querySelector(".m-part").value.trim();
    const name = tr.querySelector(".m-name").value.trim();
    const measured = tr.querySelector(".m-percent").value.trim();
    if (!name || !measured) continue;
    if (!lab.has(part)) lab.set(part, []);
    lab.get(part).push({ name, measured_percent: measured });
  }
  if (fibre.text && lab.size) {
    const parts = [...lab.keys()].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : 0));
    fibre.components = parts.map((p) => (p ? { part: p, fibres: lab.get(p) } : { fibres: lab.get(p) }));
  }
  if (Object.keys(fibre).length) fibre.durable = $("fibre-durable").checked;
  if (Object.keys(fibre).length) label.fibre_content = fibre;

  const textile = {};
  opt(textile, "size", text("g-size"));
  textile.age_group = $("g-age-group").value;
  textile.skin_contact = $("g-skin-contact").checked;
  textile.layers = ["shell"];
  if ($("layer-lining").checked) textile.layers.push("lining");
  if ($("layer-filling").checked) textile.layers.push("filling");
  const care = {};
  const symbols = text("g-care-symbols").split(/[\s,，、]+/).filter(Boolean);
  if (symbols.length) care.symbols = symbols;
  opt(care, "text", text("g-care-text"));
  if (Object.keys(care).length) textile.care = care;
  const printed = safetyPrinted();
  $("g-safety-printed").value = printed || "—";
  opt(textile, "safety_category", printed);
  const items = ["size", "fibre_content", "care"].filter((k) => k !== "fibre_content" || $("fibre-durable").checked);
  textile.durable_label = { items, position: $("g-label-position").value };
  label.textile = textile;

  const statements = $("g-statements").value.split("\n").map((s) => s.trim()).filter(Boolean);
  if (statements.length) label.statements = statements;
  return label;
}

/** The label document from the energy-label form: the shape of examples/split-ac-3.5kw.json. */
function buildEnergyLabel() {
  const type = $("e-type").value;
  const heat = type === "split_heat_pump";
  const metric = heat ? "apf" : "seer";
  $("e-metric-label").textContent = metric.toUpperCase();
  for (const el of document.querySelectorAll("#energy-form .heat-only")) el.hidden = !heat;
  const figures = [];
  const fig = (name, id, unit) => {
    if (text(id)) figures.push({ name, value: text(id), unit });
  };
  fig(metric, "e-metric", "W·h/(W·h)");
  fig("rated_cooling_capacity", "e-cc", "W");
  if (heat) fig("rated_heating_capacity", "e-hc", "W");
  fig("cooling_season_consumption", "e-cste", "kWh");
  if (heat) fig("heating_season_consumption", "e-hste", "kWh");
  const energy = { scheme: "CN-CEL", product_type: type, title: "中国能效标识 CHINA ENERGY LABEL", scale: "1-5", figures };
  opt(energy, "supplier", text("e-supplier"));
  opt(energy, "model", text("e-model"));
  opt(energy, "declared_grade", $("e-grade").value);
  opt(energy, "standard", text("e-standard"));
  opt(energy, "registration_number", text("e-registration"));
  energy.qr_code = { present: $("e-qr").checked };
  opt(energy, "width_mm", text("e-width"));
  opt(energy, "height_mm", text("e-height"));
  return {
    market: "CN",
    category: "appliance.room_air_conditioner",
    product_name: { text: heat ? "变频分体挂壁式房间空气调节器（热泵型）" : "分体挂壁式房间空气调节器（单冷型）" },
    energy_label: energy,
  };
}

/** GB 21455-2019 grade bands for split units, read from the engine's own pack (table
 * `grades` of gb21455-2019, `engine.table`) — the page shows the rows the engine grades by,
 * never a copy. A row: { type, ccOver, ccUpto, grade, min, max }; a value earns the grade when
 * min ≤ value < max, a capacity is in the band when ccOver < CC ≤ ccUpto. The grade itself
 * comes from the engine, see gradeFromEngine. */
let gradeRows = null;
function gradeTable() {
  if (gradeRows === null && engine) {
    const t = engine.table("gb21455-2019", "grades");
    gradeRows = (t?.rows ?? []).map((r) => ({
      type: r.type, ccOver: r.cc_over, ccUpto: r.cc_upto, grade: String(r.grade), min: r.min, max: r.max ?? null,
    }));
  }
  return gradeRows ?? [];
}

const GRADE_RULE = "GB21455-2019/4.2/grade";

/** The grade the engine gives the label's figures: the grade rule alone, run on the label
 * with an impossible declared grade, names the grade its table gives as `expected`. */
function gradeFromEngine(label, options) {
  const probe = structuredClone(label);
  probe.energy_label.declared_grade = "0";
  const outcome = engine.tryCheck(probe, { ...options, only: `rule:${GRADE_RULE}` });
  if (!outcome.ok) return null;
  const f = outcome.value.findings.find((x) => x.rule === GRADE_RULE);
  return f && f.expected != null ? String(f.expected) : null;
}

/** The grade table of the type and capacity band, the row the tested value falls in marked,
 * the grade the engine gives beside the grade printed. */
function renderGradeTable() {
  const t = I18N[lang];
  const label = last?.label?.energy_label;
  const body = $("e-grade-table").tBodies[0];
  body.replaceChildren();
  if (!label) return;
  const fig = (name) => {
    const v = label.figures.find((f) => f.name === name)?.value;
    return v === undefined || v === "" || Number.isNaN(Number(v)) ? null : Number(v);
  };
  const type = label.product_type;
  const metric = type === "split_heat_pump" ? "apf" : "seer";
  $("e-grade-metric").textContent = metric.toUpperCase();
  const cc = fig("rated_cooling_capacity");
  const x = fig(metric);
  const rows = gradeTable().filter((r) => r.type === type && cc !== null && r.ccOver < cc && cc <= r.ccUpto);
  const printed = (label.declared_grade ?? "").replace(/级$/, "");
  $("e-grade-printed").textContent = printed ? t.eGradeN(printed) : "—";
  const given = last.grade;
  $("e-grade-given").textContent = given ? t.eGradeN(given) : rows.length && x !== null && x < rows.at(-1).min ? t.eBelow5 : "—";
  $("e-grade-given").dataset.grade = given ?? "";
  $("e-grade-given").dataset.match = String(!!given && given === printed);
  if (!rows.length) {
    $("e-grade-caption").textContent = t.eNoBand;
    return;
  }
  const band = rows[0].ccOver === 0 ? `CC ≤ ${rows[0].ccUpto} W` : `${rows[0].ccOver} W < CC ≤ ${rows[0].ccUpto} W`;
  $("e-grade-caption").textContent = t.eGradeCaption(type, band);
  const sym = metric.toUpperCase();
  const fmt = (n) => n.toFixed(2);
  for (const r of rows) {
    const tr = document.createElement("tr");
    tr.dataset.grade = r.grade;
    const hit = x !== null && r.min <= x && (r.max === null || x < r.max);
    if (hit) {
      tr.classList.add("hit");
      tr.setAttribute("aria-current", "true");
    }
    const g = document.createElement("td");
    g.textContent = t.eGradeN(r.grade);
    if (r.grade === printed) {
      const m = document.createElement("span");
      m.className = "printed-mark";
      m.textContent = ` ${t.ePrintedMark}`;
      g.append(m);
      tr.classList.add("printed");
    }
    const range = document.createElement("td");
    range.textContent = r.max === null ? `${sym} ≥ ${fmt(r.min)}` : `${fmt(r.min)} ≤ ${sym} < ${fmt(r.max)}`;
    tr.append(g, range);
    body.append(tr);
  }
}

/** The parts of examples/infant-formula-stage1.json the infant-formula form does not show. */
const INFANT_BASE = {
  "schema_version": "1",
  "market": "CN",
  "category": "food.infant_formula.infant",
  "ingredients": {
    "text": "配料：生牛乳、乳糖、脱盐乳清粉、植物油（高油酸葵花籽油、大豆油、椰子油）、浓缩乳清蛋白粉、磷脂、碳酸钙、氯化钾、维生素C、焦磷酸铁、硫酸锌、维生素A、维生素D、维生素E、氯化胆碱"
  },
  "nutrition": {
    "basis": "per_100g",
    "format": "table",
    "title": "营养成分表",
    "rows": [
      {
        "name": "能量",
        "value": 2100,
        "unit": "kJ"
      },
      {
        "name": "蛋白质",
        "value": 10.5,
        "unit": "g"
      },
      {
        "name": "脂肪",
        "value": 27.0,
        "unit": "g"
      },
      {
        "name": "碳水化合物",
        "value": 56.0,
        "unit": "g"
      },
      {
        "name": "钠",
        "value": 150,
        "unit": "mg"
      },
      {
        "name": "钙",
        "value": 380,
        "unit": "mg"
      },
      {
        "name": "铁",
        "value": 5.5,
        "unit": "mg"
      },
      {
        "name": "维生素A",
        "value": 420,
        "unit": "μg RE"
      },
      {
        "name": "维生素D",
        "value": 8.0,
        "unit": "μg"
      },
      {
        "name": "维生素E",
        "value": 8.4,
        "unit": "mg α-TE"
      }
    ]
  },
  "net_content": {
    "text": "净含量：800g",
    "value": 800,
    "unit": "g",
    "char_height_mm": 5,
    "same_panel_as_name": true
  },
  "producer": {
    "name": "内蒙古青城婴幼儿乳品有限公司",
    "address": "内蒙古自治区呼和浩特市和林格尔县盛乐经济园区乳业大街6号",
    "contact": "400-555-0160",
    "kind": "legal_entity"
  },
  "origin": {
    "place": "内蒙古自治区呼和浩特市和林格尔县",
    "region_code": "150123"
  },
  "dates": {
    "production": "2026-09-10",
    "shelf_life": "24个月"
  },
  "storage": "未开启前置于阴凉干燥处；开启后请盖紧，存放于干燥处，并于4周内食用完毕",
  "licence_number": "SC10615012300021",
  "standard_code": "GB 10765",
  "package": {
    "shape": "cylinder",
    "largest_surface_cm2": 310,
    "min_char_height_mm": 2
  },
  "population": {
    "usage": "按月龄参考喂哺表；每次冲调的奶液一次喂完",
    "preparation": {
      "text": "洗净双手及奶瓶，用煮沸后冷却至约40℃的温开水，按每30 mL水加1平勺（约4.5 g）奶粉冲调，摇匀后试温喂哺",
      "diagram": true,
      "warning": "请按冲调方法配制；冲调过浓或过稀、使用未煮沸的水或存放过久的奶液，可能损害婴儿健康"
    },
    "main_panel": [
      "name",
      "net_content",
      "registration_number",
      "trademark"
    ],
    "formula": {
      "base": "milk",
      "form": "powder",
      "powder_g_per_100ml": 13.5,
      "per_100kj": [
        {
          "name": "蛋白质",
          "value": 0.5,
          "unit": "g"
        },
        {
          "name": "脂肪",
          "value": 1.29,
          "unit": "g"
        },
        {
          "name": "碳水化合物",
          "value": 2.67,
          "unit": "g"
        },
        {
          "name": "维生素E",
          "value": 0.4,
          "unit": "mg α-TE"
        }
      ]
    }
  }
};

/** The label document from the infant-formula form: the example with the form's parts. */
function buildInfantLabel() {
  const label = structuredClone(INFANT_BASE);
  label.product_name = { text: text("i-name"), char_height_mm: 9 };
  opt(label.population, "suitable", text("i-suitable"));
  opt(label.population, "stage", text("i-stage"));
  opt(label.population, "registration_number", text("i-registration"));
  label.population.pictures = [...document.querySelectorAll(".i-picture:checked")].map((c) => c.value);
  const lines = (id) => $(id).value.split("\n").map((s) => s.trim()).filter(Boolean);
  const statements = lines("i-statements");
  if (statements.length) label.statements = statements;
  const claims = lines("i-claims").map((t) => ({ text: t }));
  if (claims.length) label.claims = claims;
  return label;
}

// ------------------------------------------------------------- origin and GI tab ---

/** The parts of examples/gi-mutton.json the origin form does not show. */
const ORIGIN_BASE = {
  schema_version: "1",
  market: "CN",
  category: "food.meat.fresh",
  ingredients: { text: "配料：羊肉" },
  net_content: { text: "净含量：1kg", value: 1, unit: "kg", char_height_mm: 4, same_panel_as_name: true },
  dates: { production: "2026-11-20", shelf_life: "10天" },
  storage: "0℃～4℃冷藏保存",
  licence_number: "SC10415252500052",
  standard_code: "GB/T 9961",
  package: { shape: "other", largest_surface_cm2: 240, min_char_height_mm: 2 },
};

/** The label document from the origin form: domestic (producer, 产地, region code) or
 * imported (country of origin, overseas producer, importer), with or without a GI mark. */
function buildOriginLabel() {
  const imported = $("o-imported").checked;
  for (const el of document.querySelectorAll("#origin-form .domestic-only")) el.hidden = imported;
  for (const el of document.querySelectorAll("#origin-form .import-only")) el.hidden = !imported;
  const label = structuredClone(ORIGIN_BASE);
  label.product_name = { text: text("o-name"), char_height_mm: 8 };
  if (imported) {
    label.imported = true;
    // An imported food has no Chinese production licence (GB 7718-2011 4.1.6.3).
    delete label.licence_number;
    const origin = {};
    opt(origin, "country", text("o-country"));
    if (Object.keys(origin).length) label.origin = origin;
    if (text("o-overseas")) label.overseas_producer = { name: text("o-overseas") };
    const importer = {};
    opt(importer, "name", text("o-importer-name"));
    opt(importer, "address", text("o-importer-address"));
    opt(importer, "contact", text("o-importer-contact"));
    if (Object.keys(importer).length) label.importer = importer;
  } else {
    const producer = {};
    opt(producer, "name", text("o-producer-name"));
    opt(producer, "address", text("o-producer-address"));
    opt(producer, "contact", text("o-producer-contact"));
    producer.kind = $("o-producer-kind").value;
    label.producer = producer;
    const origin = {};
    opt(origin, "place", text("o-place"));
    opt(origin, "region_code", text("o-region-code"));
    if (Object.keys(origin).length) label.origin = origin;
  }
  const gi = $("o-gi-on").checked;
  $("o-gi-fields").hidden = !gi;
  if (gi) {
    const mark = { kind: $("o-gi-kind").value };
    opt(mark, "product_name", text("o-gi-name"));
    opt(mark, "user_credit_code", text("o-gi-code"));
    label.gi_mark = mark;
  }
  return label;
}

// -------------------------------------------------------------- green-mark tab ---

/** The parts of examples/green-food-milk.json and examples/cashmere-sweater-green-product.json
 * the green-mark form does not show (everything but the name and the marks). */
const GREEN_BASES = {
  food: {
    name: "纯牛奶",
    label: {
      schema_version: "1",
      market: "CN",
      category: "food.dairy.sterilized_milk",
      ingredients: { text: "配料：生牛乳" },
      nutrition: {
        basis: "per_100ml", format: "table", title: "营养成分表",
        rows: [
          { name: "能量", value: 277, unit: "kJ", nrv_percent: 3 },
          { name: "蛋白质", value: 3.2, unit: "g", nrv_percent: 5 },
          { name: "脂肪", value: 3.8, unit: "g", nrv_percent: 6 },
          { name: "碳水化合物", value: 4.8, unit: "g", nrv_percent: 2 },
          { name: "钠", value: 60, unit: "mg", nrv_percent: 3 },
          { name: "钙", value: 110, unit: "mg", nrv_percent: 14 },
        ],
      },
      claims: [{ text: "高钙", kind: "content", nutrient: "calcium", level: "high" }],
      net_content: { text: "净含量：250mL", value: 250, unit: "mL", char_height_mm: 4, same_panel_as_name: true },
      producer: {
        name: "内蒙古敕勒川绿色乳业有限公司",
        address: "内蒙古自治区呼和浩特市土默特左旗察素齐镇乳业园区6号",
        contact: "0471-5556789",
        kind: "legal_entity",
      },
      origin: { place: "内蒙古自治区呼和浩特市土默特左旗" },
      dates: { production: "2026-10-15", shelf_life: "6个月" },
      storage: "常温避光保存，开启后请冷藏并尽快饮用",
      licence_number: "SC10515012100025",
      standard_code: "GB 25190",
      package: { shape: "cuboid", largest_surface_cm2: 66, height_cm: 10.5, width_cm: 6.3, min_char_height_mm: 1.8 },
    },
  },
  textile: {
    name: "山羊绒针织套衫",
    label: {
      schema_version: "1",
      market: "CN",
      category: "textile.apparel.knitwear.cashmere",
      fibre_content: { text: "100%山羊绒", components: [{ fibres: [{ name: "山羊绒", percent: 100 }] }] },
      producer: {
        name: "鄂尔多斯高原羊绒制品有限公司",
        address: "内蒙古自治区鄂尔多斯市东胜区羊绒产业园12号",
        contact: "0477-5553344",
        kind: "legal_entity",
      },
      standard_code: "FZ/T 73009-2021",
      quality_grade: "一等品",
      statements: ["GB 18401-2010 B类", "号型：170/92A", "手洗，不可漂白，平摊晾干，低温熨烫，可干洗"],
      textile: {
        size: "170/92A",
        age_group: "adult",
        skin_contact: true,
        layers: ["shell"],
        care: {
          symbols: ["hand_wash_30", "no_bleach", "dry_flat", "iron_low", "dry_clean_p"],
          text: "手洗，水温不超过30℃，平铺晾干，低温熨烫，可干洗",
        },
        safety_category: "GB 18401-2010 B类",
        durable_label: { items: ["size", "fibre_content", "care"], position: "non_contact" },
      },
    },
  },
};

/** Each mark's element of `eco_labels`, from its fieldset (the row's checkbox says it is printed). */
const GREEN_MARKS = {
  cn_green_food: () => {
    const m = { scheme: "cn_green_food", certifier: "中国绿色食品发展中心" };
    opt(m, "code", text("gf-code"));
    opt(m, "valid_until", text("gf-valid-until"));
    return m;
  },
  cn_organic: () => {
    const m = { scheme: "cn_organic" };
    opt(m, "code", text("og-code"));
    opt(m, "certifier", text("og-certifier"));
    opt(m, "certifier_mark_position", $("og-mark-position").value);
    opt(m, "organic_percent", text("og-percent"));
    opt(m, "wording", text("og-wording"));
    return m;
  },
  cn_green_product: () => {
    const m = { scheme: "cn_green_product", basis: $("gp-basis").value };
    opt(m, "certifier", text("gp-certifier"));
    opt(m, "certifier_mark_position", $("gp-mark-position").value);
    opt(m, "certificate_number", text("gp-certificate"));
    return m;
  },
  cn_environmental_label: () => {
    const m = { scheme: "cn_environmental_label" };
    opt(m, "certifier", text("el-certifier"));
    opt(m, "certificate_number", text("el-certificate"));
    return m;
  },
};

/** The label document from the green-mark form. Each printed mark's row takes the findings of
 * its `eco_labels` element: its data-paths is set here, to the element's pointer. */
function buildGreenLabel() {
  const base = GREEN_BASES[$("gr-product").value];
  const label = structuredClone(base.label);
  if (text("gr-name")) label.product_name = { text: text("gr-name") };
  const marks = [];
  for (const box of document.querySelectorAll("#green-form .mark-on")) {
    const row = box.closest(".row");
    row.querySelector(".mark-fields").hidden = !box.checked;
    // A pointer no finding has: the row takes nothing while its mark is not printed.
    row.dataset.paths = "/eco_labels/none";
    if (!box.checked) continue;
    row.dataset.paths = `/eco_labels/${marks.length}`;
    marks.push(GREEN_MARKS[box.dataset.scheme]());
  }
  if (marks.length) label.eco_labels = marks;
  return label;
}

/** Under each mark: its pack and whether the pack covers the product's category
 * (the engine's pack list: `categories`, `exclude_categories`). */
function renderApplies() {
  const t = I18N[lang];
  const category = GREEN_BASES[$("gr-product").value].label.category;
  const inCat = (c) => category === c || category.startsWith(c + ".");
  for (const p of document.querySelectorAll("#green-form .applies")) {
    const pack = packs.find((k) => k.id === p.dataset.pack);
    if (!pack) continue;
    const yes = pack.categories.some(inCat) && !pack.exclude_categories.some(inCat);
    p.dataset.applies = String(yes);
    p.textContent = t.applies(`${pack.standard}-${pack.edition}`, yes, pack.categories.join(", "));
  }
}

// ------------------------------------------------------- environmental claims ---

/** The labels the environmental claims are checked on, one per market, without their claims:
 * examples/eu-washing-machine-ecolabel.json (its EU Ecolabel is the form's checkbox) and the US
 * sweater of tests/suites/16cfr260-2012/us-sweater.label. Both are clean, so every finding is
 * about the claims. */
const CLAIM_BASES = {
  EU: {
    "schema_version": "1",
    "id": "example-eu-washing-machine-ecolabel",
    "market": "EU",
    "category": "appliance.washing_machine",
    "check_date": "2026-11-26",
    "product_name": {
      "text": "Front-loading washing machine WF 8140"
    },
    "producer": {
      "name": "Steppe Appliances Europe GmbH",
      "address": "Industriestraße 14, 80939 München, Germany",
      "contact": "service@steppe-appliances.example"
    },
    "energy_label": {
      "scheme": "EU",
      "product_type": "washing_machine",
      "supplier": "Nordlicht Hausgeräte GmbH",
      "model": "NL-WM8140A",
      "declared_grade": "A",
      "scale": "A-G",
      "figures": [
        {
          "name": "rated_capacity",
          "value": 8,
          "unit": "kg"
        },
        {
          "name": "ew",
          "value": 0.455,
          "unit": "kWh"
        },
        {
          "name": "eeiw",
          "value": 50.1
        },
        {
          "name": "energy_per_100_cycles",
          "value": 46,
          "unit": "kWh"
        },
        {
          "name": "water_per_cycle",
          "value": 48,
          "unit": "L"
        },
        {
          "name": "programme_duration",
          "value": 228,
          "unit": "min",
          "text": "3:48"
        },
        {
          "name": "remaining_moisture",
          "value": 53.0,
          "unit": "%"
        },
        {
          "name": "noise",
          "value": 72,
          "unit": "dB(A)"
        }
      ],
      "classes": [
        {
          "name": "spin_drying",
          "class": "B"
        },
        {
          "name": "noise",
          "class": "A"
        }
      ],
      "standard": "2019/2014",
      "registration_number": "492633",
      "qr_code": {
        "present": true,
        "url": "https://eprel.ec.europa.eu/qr/492633"
      }
    }
  },
  US: {
    "schema_version": "1",
    "id": "suite-us-sweater",
    "market": "US",
    "category": "textile.apparel.knitwear.cashmere",
    "check_date": "2026-11-26",
    "product_name": {
      "text": "Cashmere crew-neck sweater"
    },
    "fibre_content": {
      "text": "100% Cashmere",
      "components": [
        {
          "fibres": [
            {
              "name": "Cashmere",
              "percent": 100
            }
          ]
        }
      ]
    },
    "producer": {
      "name": "Steppe Knitwear Inc.",
      "address": "200 Fifth Avenue, New York, NY 10010"
    },
    "origin": {
      "country": "CN"
    }
  },
};
const CLAIM_ECOLABEL = {
    "scheme": "eu_ecolabel",
    "code": "DE/044/00017",
    "certifier": "RAL gGmbH",
    "valid_until": "2028-12-31",
    "scope": "washing machine WF 8140"
  };
/** Each market's pack, for the line under the market. */
const CLAIM_PACKS = { EU: "eu-2024-825", US: "16cfr260-2012" };
/** The claim the section starts with: specified, so it passes in both markets. */
const CLAIM_EXAMPLE = ["Recyclable packaging", "Box only. Check locally — cardboard recycling may not be available in your area."];

/** One claim: a row of the claims section (its findings beside it). */
function addClaimRow(text = "", spec = "", offset = "") {
  const t = I18N[lang];
  const row = document.createElement("div");
  row.className = "row ec-claim";
  row.dataset.group = "ec-claim";
  const fs = document.createElement("fieldset");
  const legend = document.createElement("legend");
  const field = (key, el) => {
    const label = document.createElement("label");
    const span = document.createElement("span");
    span.dataset.i18n = key;
    span.textContent = t[key];
    label.append(span, " ", el);
    return label;
  };
  const input = rowInput(text, "ec-text");
  input.spellcheck = false;
  const specInput = rowInput(spec, "ec-spec");
  const sel = document.createElement("select");
  sel.className = "ec-offset";
  for (const [v, key] of [["", "ecOffsetUnknown"], ["true", "ecYes"], ["false", "ecNo"]]) {
    const o = new Option(t[key], v);
    o.dataset.i18n = key;
    sel.append(o);
  }
  sel.value = offset;
  const remove = document.createElement("button");
  remove.type = "button";
  remove.className = "remove ec-remove";
  remove.textContent = "×";
  remove.addEventListener("click", () => {
    row.remove();
    schedule();
  });
  fs.append(legend, field("ecText", input), field("ecSpec", specInput), field("ecOffset", sel), remove);
  const ul = document.createElement("ul");
  ul.className = "findings";
  ul.setAttribute("aria-live", "polite");
  row.append(fs, ul);
  $("ec-claims").append(row);
  numberClaims();
  return row;
}

/** Legends, pointers and the remove buttons' names follow the rows' order. */
function numberClaims() {
  const t = I18N[lang];
  [...$("ec-claims").children].forEach((row, i) => {
    row.dataset.paths = `/environmental_claims/${i}`;
    row.querySelector("legend").textContent = t.ecClaimN(i + 1);
    const b = row.querySelector(".ec-remove");
    b.title = `${t.remove} ${t.ecClaimN(i + 1)}`;
    b.setAttribute("aria-label", b.title);
  });
}

/** The label document of the claims section: the market's base label and the claims typed. */
function buildClaimsLabel() {
  const market = $("ec-market").value;
  const label = structuredClone(CLAIM_BASES[market]);
  numberClaims();
  const claims = [...$("ec-claims").children].map((row) => {
    const c = { text: row.querySelector(".ec-text").value.trim() };
    opt(c, "specification", row.querySelector(".ec-spec").value.trim());
    const off = row.querySelector(".ec-offset").value;
    if (off) c.offset_based = off === "true";
    return c;
  });
  if (claims.length) label.environmental_claims = claims;
  if (market === "EU" && $("ec-ecolabel").checked) label.eco_labels = [structuredClone(CLAIM_ECOLABEL)];
  return label;
}

function checkClaims(options) {
  const label = buildClaimsLabel();
  return { label, outcome: engine.tryCheck(label, options) };
}

/** The claims' own verdict, and each finding beside its claim (else under the market). */
function renderClaims(claims) {
  const t = I18N[lang];
  const market = $("ec-market").value;
  numberClaims();
  for (const el of document.querySelectorAll(".eu-only")) el.hidden = market !== "EU";
  $("ec-base").textContent = t.ecBase(market);
  const pack = packs.find((k) => k.id === CLAIM_PACKS[market]);
  $("ec-pack").textContent = pack ? t.ecPack(`${pack.standard}-${pack.edition}`, pack.title?.[lang] ?? "") : "";
  for (const ul of document.querySelectorAll("#ec-section .findings")) ul.replaceChildren();
  for (const el of document.querySelectorAll("#ec-section .bad")) el.classList.remove("bad");
  const verdict = $("ec-verdict");
  if (!claims) return;
  $("ec-label-json").textContent = JSON.stringify(claims.label, null, 2);
  $("ec-report-json").textContent = JSON.stringify(claims.outcome, null, 2);
  const rows = [...$("ec-claims").children];
  const rowOf = (path) => rows.find((r) => under(path, r.dataset.paths));
  if (!claims.outcome.ok) {
    const e = claims.outcome.error;
    verdict.textContent = t.errorVerdict;
    verdict.dataset.verdict = "error";
    $("ec-counts").textContent = "";
    const li = document.createElement("li");
    li.className = "finding error input-error";
    li.textContent = `${t.inputError} (${e.kind}${e.path ? ` ${e.path}` : ""}): ${e.message}`;
    const row = e.path ? rowOf(e.path) : null;
    (row ? row.querySelector(".findings") : $("ec-other")).append(li);
    return;
  }
  const report = claims.outcome.value;
  verdict.textContent = t[report.verdict];
  verdict.dataset.verdict = report.verdict;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  $("ec-counts").textContent = t.counts(report.findings.length, errors);
  for (const f of report.findings) {
    const row = rowOf(f.path);
    (row ? row.querySelector(".findings") : $("ec-other")).append(findingItem(f));
    if (row) row.classList.add("bad");
  }
}

/** The safety category as the label prints it: the standard, then the class. */
function safetyPrinted() {
  const cls = $("g-safety-class").value;
  return [text("g-safety-standard"), cls && `${cls}类`].filter(Boolean).join(" ");
}

/** The label document from the food form. Numbers stay strings: the core reads numeric strings. */
function buildLabel() {
  if (form === "garment-form") return buildGarmentLabel();
  if (form === "energy-form") return buildEnergyLabel();
  if (form === "infant-form") return buildInfantLabel();
  if (form === "origin-form") return buildOriginLabel();
  if (form === "green-form") return buildGreenLabel();
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
  const options = { asOf: $("as-of").value || undefined, lang };
  if ($("editions").value) options.editions = [$("editions").value];
  if (form === "text-form") {
    // The printed text is read in the engine; the document it built is the "label".
    const text = $("label-text").value;
    const t = performance.now();
    const outcome = engine.tryCheckText(text, { ...options, market: $("t-market").value, category: $("t-category").value });
    const ms = performance.now() - t;
    // The same printed text for other markets: what each requires (an exporter's first question).
    const others = [...document.querySelectorAll(".also-market:checked")].map((c) => c.value);
    const markets = others.map((market) => ({
      market,
      outcome: engine.tryCheckText(text, { ...options, market, category: $("t-category").value }),
    }));
    last = { label: outcome.ok ? outcome.value.text.document : null, text, outcome, ms, markets };
    render();
    return;
  }
  const label = buildLabel();
  const t = performance.now();
  const outcome = engine.tryCheck(label, options);
  const ms = performance.now() - t;
  const grade = form === "energy-form" && outcome.ok ? gradeFromEngine(label, options) : null;
  // The green tab's environmental claims: a second label, of the market chosen there.
  const claims = form === "green-form" ? checkClaims(options) : null;
  last = { label, outcome, ms, grade, claims };
  render();
}

const under = (path, prefix) => path === prefix || path.startsWith(prefix + "/");

/** One line per extra market: its verdict and error count (`data-market`, `data-verdict`). */
function renderMarkets(markets) {
  const t = I18N[lang];
  const ul = $("t-markets");
  ul.replaceChildren();
  for (const { market, outcome } of markets) {
    const li = document.createElement("li");
    li.dataset.market = market;
    if (outcome.ok) {
      const r = outcome.value;
      const errors = r.findings.filter((f) => f.severity === "error").length;
      li.dataset.verdict = r.verdict;
      li.textContent = t.marketLine(market, t[r.verdict], errors);
      li.title = [...new Set(r.findings.map((f) => `${f.citation.standard}-${f.citation.edition} §${f.citation.clause}`))].join("\n");
    } else {
      li.dataset.verdict = "error";
      li.textContent = `${market}: ${t.errorVerdict} (${outcome.error.kind})`;
    }
    ul.append(li);
  }
}

function groupOf(path) {
  let best = null;
  let bestLen = -1;
  for (const row of document.querySelectorAll(`#${form} .row`)) {
    if (row.closest("#ec-section")) continue; // the claims' rows take the claims label's findings
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
  if (form === "energy-form") renderGradeTable();
  if (form === "green-form") {
    renderApplies();
    renderClaims(last.claims);
  }
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
    if (f.span) spans.push(f);
  }
  if (form === "text-form") {
    renderMarkets(last.markets ?? []);
    renderReading(report.text);
    // Lines the reader could not place are marked too: the user sees what was not checked.
    for (const u of report.text.unread) spans.push({ span: u.span, rule: "unread", severity: "unread" });
  }
  paintSpans(spans);
}

/** The fields the text reader filled, and the text it could not place. */
function renderReading(reading) {
  const body = $("t-fields").querySelector("tbody");
  body.replaceChildren();
  for (const f of reading.fields) {
    const tr = document.createElement("tr");
    const a = document.createElement("td");
    a.textContent = f.pointer;
    const b = document.createElement("td");
    // The value as the document holds it (a number, a converted shelf life), else the text.
    const value = f.pointer.split("/").slice(1)
      .reduce((o, k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], reading.document);
    b.textContent = value !== null && typeof value !== "object" && value !== undefined ? String(value) : f.span.text;
    tr.append(a, b);
    body.append(tr);
  }
  const ul = $("t-unread");
  ul.replaceChildren();
  for (const u of reading.unread) {
    const li = document.createElement("li");
    li.textContent = `${u.span.text}（${u.reason}）`;
    ul.append(li);
  }
}

/** The highlighted printed texts: the span field, its textarea and backdrop, the text as sent. */
const HIGHLIGHTS = [
  { field: "/ingredients/text", area: "ingredients-text", backdrop: "ingredients-backdrop", sent: (l) => l?.ingredients?.text },
  { field: "/fibre_content/text", area: "fibre-text", backdrop: "fibre-backdrop", sent: (l) => l?.fibre_content?.text },
  { field: "/text", area: "label-text", backdrop: "label-text-backdrop", sent: () => last?.text },
];

/** Marks the spans' characters in the backdrops behind the printed-text textareas. */
function paintSpans(findings) {
  for (const h of HIGHLIGHTS) paintField(h, findings.filter((f) => f.span.field === h.field));
}

function paintField(h, findings) {
  const value = $(h.area).value;
  // The label carries the text only when it is not blank; spans index the text as sent.
  const sent = h.sent(last?.label) ?? "";
  const ok = sent === value;
  const cuts = [];
  if (ok) {
    for (const f of findings) cuts.push([f.span.utf16_start, f.span.utf16_end, f]);
  }
  cuts.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const host = $(h.backdrop).firstElementChild;
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
  for (const h of HIGHLIGHTS) $(h.backdrop).scrollTop = $(h.area).scrollTop;
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
  setTitle();
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
  const g = $("g-category");
  const gCurrent = g.value || "textile.apparel.knitwear.cashmere";
  g.replaceChildren(
    ...categories
      .filter((c) => c.id === "textile" || c.id.startsWith("textile."))
      .map((c) => new Option(`${lang === "zh" ? c.zh : c.en} (${c.id})`, c.id)),
  );
  g.value = gCurrent;
  const tc = $("t-category");
  const tCurrent = tc.value || "food.bakery";
  tc.replaceChildren(...categories.map((c) => new Option(`${lang === "zh" ? c.zh : c.en} (${c.id})`, c.id)));
  tc.value = tCurrent;
}

function setTitle() {
  const t = I18N[lang];
  const title =
    form === "garment-form"
      ? t.titleGarment
      : form === "text-form"
        ? t.titleText
        : form === "energy-form"
          ? t.titleEnergy
          : form === "infant-form"
            ? t.titleInfant
            : form === "origin-form"
              ? t.titleOrigin
              : form === "green-form"
                ? t.titleGreen
                : t.title;
  document.querySelector("h1").textContent = title;
  document.title = `labelcheck — ${title}`;
}

function showForm(id) {
  form = id;
  for (const tab of document.querySelectorAll(".tab")) {
    const on = tab.dataset.form === id;
    tab.classList.toggle("on", on);
    tab.setAttribute("aria-selected", String(on));
  }
  for (const f of document.querySelectorAll("main form")) f.hidden = f.id !== id;
  setTitle();
  check();
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
  addMeasuredRow(); // one empty row: shows what the table takes
  document.querySelector('[data-add="measured"]').addEventListener("click", () => addMeasuredRow());
  $("garment-form").addEventListener("input", schedule);
  $("garment-form").addEventListener("change", schedule);
  $("label-text").value = TEXT_EXAMPLE;
  $("infant-form").addEventListener("input", schedule);
  $("infant-form").addEventListener("change", schedule);
  $("energy-form").addEventListener("input", schedule);
  $("energy-form").addEventListener("change", schedule);
  $("origin-form").addEventListener("input", schedule);
  $("origin-form").addEventListener("change", schedule);
  $("green-form").addEventListener("input", schedule);
  $("green-form").addEventListener("change", schedule);
  // Another product: its example's name (the marks stay as they are).
  $("gr-product").addEventListener("change", () => ($("gr-name").value = GREEN_BASES[$("gr-product").value].name));
  addClaimRow(...CLAIM_EXAMPLE);
  $("ec-add").addEventListener("click", () => addClaimRow().querySelector(".ec-text").focus());
  $("text-form").addEventListener("input", schedule);
  $("text-form").addEventListener("change", schedule);
  $("label-text").addEventListener("scroll", syncScroll);
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showForm(tab.dataset.form));
  $("fibre-text").addEventListener("scroll", syncScroll);
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
  packs = engine.packs();
  const status = $("status");
  status.dataset.state = "ready";
  status.title = `${packs.map((p) => `${p.standard}-${p.edition}`).join(", ")} · ${(performance.now() - t0).toFixed(0)} ms`;
  setLang(lang);
  check();
  // Compile the other markets' packs while the page is idle: the "also check for" markets and
  // the first keystroke after a market change then cost what every other check costs.
  (window.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(() => engine.warmUp());
}

main();
