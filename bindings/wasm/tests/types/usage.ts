// Type-checked (tsc --noEmit, strict, skipLibCheck off) against the shipped .d.ts of the
// Node build: the package's own exports map resolves `labelcheck-wasm` to pkg/node.
import {
  Engine,
  isLabelcheckError,
  version,
  type CheckOptions,
  type Comparison,
  type ErrorInfo,
  type ErrorKind,
  type Finding,
  type Label,
  type MarketReports,
  type Outcome,
  type PackTable,
  type Report,
  type RuleInfo,
  type Span,
  type Verdict,
} from "labelcheck-wasm";

const engine = new Engine();
const v: string = version();

const label: Label = {
  market: "CN",
  category: "food.dairy.modified_milk",
  check_date: "2026-11-26",
  product_name: { text: "草原早餐奶（调制乳）" },
  ingredients: { text: "配料：白砂糖、生牛乳", recipe: [{ name: "白砂糖", percent: 6 }] },
  nutrition: { basis: "per_100ml", rows: [{ name: "钙", value: "90", unit: "mg", nrv_percent: 11 }] },
  claims: [{ text: "高钙", nutrient: "calcium", level: "high" }],
  net_content: { value: 250, unit: "mL" },
  extensions: { anything: ["goes", 1, null] },
};
const options: CheckOptions = { asOf: "2026-11-26", editions: ["2025"], lang: "en", trace: true };

const report: Report = engine.check(label, options);
const grades: PackTable | undefined = engine.table("gb21455-2019", "grades");
const gradeRows: number = grades ? grades.rows.length : 0;
const gradeClause: string | null = grades ? grades.clause : null;
const fromText: Report = engine.check(JSON.stringify(label));
const verdict: Verdict = report.verdict;
for (const f of report.findings) {
  const finding: Finding = f;
  const text: string = finding.text; // added by the binding, in options.lang
  const zh: string = finding.message.zh;
  const pointer: string = finding.path;
  const span: Span | undefined = finding.span;
  if (span) {
    const s: number = span.utf16_start;
    const e: number = span.utf16_end;
    label.ingredients?.text?.slice(s, e);
  }
  void [text, zh, pointer];
}

const cmp: Comparison = engine.compare(label);
const newly: Finding[] = cmp.newly_failing;

const byMarket: MarketReports = engine.checkMarkets(label, ["US", "EU", "CODEX"], { lang: "en" });
const worst: Verdict = byMarket.verdict;
for (const m of byMarket.markets) {
  const market: string = m.market;
  const report: Report = m.report;
  void [market, report, worst];
}
const tried: Outcome<MarketReports> = engine.tryCheckMarkets(label, ["US"]);
void tried;

const outcome: Outcome<Report> = engine.tryCheck("{");
if (outcome.ok) {
  const r: Report = outcome.value;
  void r;
} else {
  const err: ErrorInfo = outcome.error;
  const kind: ErrorKind = err.kind;
  const where: string | undefined = err.path;
  void [kind, where];
}

try {
  engine.check(label);
} catch (e) {
  if (isLabelcheckError(e)) {
    const kind: ErrorKind = e.kind;
    const message: string = e.message;
    const line: number | undefined = e.line;
    void [kind, message, line];
  }
}

const rules: RuleInfo[] = engine.rules({ pack: "gb7718-2011" });
const one: RuleInfo | undefined = engine.rule("GB7718-2011/4.1.3.1.2/descending-order");
const cats = engine.categories().map((c) => c.zh);
engine.free();

// Mistakes the declarations must catch.
// @ts-expect-error a label needs market and category
const noMarket: Label = { category: "food" };
// @ts-expect-error unknown label fields are rejected by the parser and by the type
const typo: Label = { market: "CN", category: "food", prodcut_name: { text: "x" } };
// @ts-expect-error lang is "zh" | "en"
engine.check(label, { lang: "fr" });
// @ts-expect-error unknown option
engine.check(label, { asof: "2026-11-26" });
// @ts-expect-error the verdict is a closed set
const badVerdict: Verdict = "ok";
// @ts-expect-error nutrient values are numbers or numeric strings
const badRow: Label = { market: "CN", category: "food", nutrition: { basis: "per_100g", rows: [{ value: true }] } };

void [v, fromText, verdict, newly, rules, one, cats, noMarket, typo, badVerdict, badRow];
