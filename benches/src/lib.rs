//! Seeded label corpus for the benchmarks: realistic labels across the covered categories,
//! a mix of clean and faulty, the same bytes on every run for the same seed.
//!
//! Each product family is a [`Family`]: a name, the categories it draws, and a function
//! that writes one label from a [`Rng`]. Food (general and infant formula) is here; garments,
//! appliances and eco-labelled goods add their own `Family` values to [`families`] when their
//! label sections land — nothing else changes.

use serde_json::{json, Value};

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }
    /// Uniform in `[lo, hi)`, rounded to `decimals` places.
    pub fn num(&mut self, lo: f64, hi: f64, decimals: i32) -> f64 {
        let x = lo + (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * (hi - lo);
        let p = 10f64.powi(decimals);
        (x * p).round() / p
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 99) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.range(0, xs.len() as u64 - 1) as usize]
    }
}

/// A product family of the corpus.
pub struct Family {
    pub name: &'static str,
    /// Relative weight in the mix.
    pub weight: u64,
    /// Writes label number `n`; `faulty` asks for one or more deliberate defects.
    pub make: fn(&mut Rng, n: u64, faulty: bool) -> Value,
}

/// Every family the corpus draws from. Add new families here.
pub fn families() -> Vec<Family> {
    vec![
        Family {
            name: "food",
            weight: 8,
            make: food,
        },
        Family {
            name: "infant_formula",
            weight: 2,
            make: infant_formula,
        },
    ]
}

/// Share of faulty labels, in percent.
pub const FAULTY_PERCENT: u64 = 30;

/// Label `n` of the corpus for `seed` (independent of the other labels, so any slice of
/// the corpus can be generated on its own).
pub fn label(seed: u64, n: u64, only: Option<&str>) -> Value {
    let fams: Vec<Family> = families()
        .into_iter()
        .filter(|f| only.is_none_or(|o| o == f.name))
        .collect();
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0xA076_1D64_78BD_642F));
    rng.next_u64();
    let total: u64 = fams.iter().map(|f| f.weight).sum();
    let mut r = rng.range(0, total - 1);
    let fam = fams
        .iter()
        .find(|f| {
            if r < f.weight {
                true
            } else {
                r -= f.weight;
                false
            }
        })
        .expect("weights cover the range");
    let faulty = rng.chance(FAULTY_PERCENT);
    (fam.make)(&mut rng, n, faulty)
}

/// `count` labels as JSON Lines.
pub fn jsonl(
    seed: u64,
    count: u64,
    only: Option<&str>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    for n in 0..count {
        serde_json::to_writer(&mut *out, &label(seed, n, only))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

const CATEGORIES: &[(&str, &str, &str)] = &[
    ("food.dairy.sterilized_milk", "纯牛奶", "GB 25190"),
    ("food.dairy.fermented_milk", "风味发酵乳", "GB 19302"),
    ("food.dairy.milk_powder", "全脂乳粉", "GB 19644"),
    ("food.meat.dried", "风干牛肉干", "GB/T 23969"),
    ("food.beverage.solid", "奶茶粉", "GB/T 29602"),
    ("food.beverage.tea", "茉莉花茶饮料", "GB/T 21733"),
    ("food.grain", "燕麦片", "GB/T 13359"),
    ("food.bakery", "全麦面包", "GB/T 20981"),
    ("food.confectionery", "牛奶巧克力", "GB/T 19343"),
    ("food.seasoning", "复合调味料", "SB/T 10371"),
];

const INGREDIENTS: &[&str] = &[
    "小麦粉",
    "白砂糖",
    "植物油",
    "鸡蛋",
    "全脂乳粉",
    "食用盐",
    "麦芽糊精",
    "淀粉",
    "大豆油",
    "可可粉",
    "可可脂",
    "乳清粉",
    "燕麦",
    "玉米",
    "大米",
    "花生",
    "芝麻",
    "香辛料",
    "酵母",
    "葡萄糖浆",
    "果葡糖浆",
    "浓缩苹果汁",
    "柠檬酸",
    "生牛乳",
    "牛肉",
    "猪肉",
    "鸡肉",
    "酿造酱油",
    "味精",
    "绿茶",
    "茉莉花茶",
    "蜂蜜",
    "葡萄干",
    "核桃仁",
    "杏仁",
    "椰子油",
    "黄油",
    "奶油",
    "稀奶油",
    "乳糖",
    "碳酸钙",
    "维生素C",
    "焦磷酸铁",
    "硫酸锌",
    "食用香精",
    "β-胡萝卜素",
];

const ADDITIVES: &[&str] = &[
    "山梨酸钾",
    "苯甲酸钠",
    "碳酸氢钠",
    "单,双甘油脂肪酸酯",
    "卡拉胶",
    "黄原胶",
    "柠檬酸钠",
    "磷脂",
    "安赛蜜",
    "三氯蔗糖",
    "焦糖色",
    "D-异抗坏血酸钠",
];

const PROVINCES: &[(&str, &str)] = &[
    ("内蒙古自治区呼和浩特市", "1501"),
    ("广东省广州市", "4401"),
    ("上海市", "3101"),
    ("浙江省杭州市", "3301"),
    ("四川省成都市", "5101"),
    ("山东省青岛市", "3702"),
];

fn ingredients(rng: &mut Rng, n: usize, faulty: bool) -> Value {
    let mut names: Vec<&str> = Vec::new();
    while names.len() < n.min(INGREDIENTS.len()) {
        let x = *rng.pick(INGREDIENTS);
        if !names.contains(&x) {
            names.push(x);
        }
    }
    // Percentages in descending order (the recipe), the last ones small.
    let mut left = 100.0;
    let mut recipe = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let share = if i + 1 == names.len() {
            left
        } else {
            (left * rng.num(0.2, 0.5, 2)).max(0.1)
        };
        let share = (share * 10.0_f64).round() / 10.0;
        left = ((left - share) * 10.0_f64).round() / 10.0;
        recipe.push(json!({ "name": name, "percent": share }));
    }
    let mut printed: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    if faulty && rng.chance(40) && printed.len() > 3 {
        printed.swap(0, 2); // not in descending order
    }
    let adds: Vec<&str> = (0..rng.range(1, 4)).map(|_| *rng.pick(ADDITIVES)).collect();
    printed.push(format!("食品添加剂（{}）", adds.join("、")));
    if rng.chance(40) {
        let i = rng.range(0, printed.len() as u64 - 2) as usize;
        printed[i] = format!("{}（水、大豆、小麦、食用盐）", printed[i]);
    }
    let _ = recipe;
    json!({ "text": format!("配料：{}", printed.join("、")) })
}

/// A nutrition panel: the core four plus sodium, and up to a dozen more; energy agrees with
/// the energy factors unless the label is faulty.
fn nutrition(rng: &mut Rng, full: bool, faulty: bool) -> (Value, f64, f64, f64, f64) {
    let protein = rng.num(0.5, 30.0, 1);
    let fat = rng.num(0.2, 35.0, 1);
    let carb = rng.num(1.0, 75.0, 1);
    let sodium = rng.range(5, 1800) as f64;
    let mut energy = (17.0 * protein + 37.0 * fat + 17.0 * carb).round();
    if faulty && rng.chance(50) {
        energy = (energy * rng.num(1.3, 1.8, 2)).round();
    }
    let nrv = |v: f64, r: f64| (v / r * 100.0).round();
    let mut rows = vec![
        json!({"name": "能量", "value": energy, "unit": "kJ", "nrv_percent": nrv(energy, 8400.0)}),
        json!({"name": "蛋白质", "value": protein, "unit": "g", "nrv_percent": nrv(protein, 60.0)}),
        json!({"name": "脂肪", "value": fat, "unit": "g", "nrv_percent": nrv(fat, 60.0)}),
    ];
    if full {
        let sat = (fat * rng.num(0.1, 0.6, 2) * 10.0).round() / 10.0;
        rows.push(
            json!({"name": "饱和脂肪", "value": sat, "unit": "g", "nrv_percent": nrv(sat, 20.0)}),
        );
        rows.push(json!({"name": "反式脂肪酸", "value": 0, "unit": "g"}));
    }
    rows.push(
        json!({"name": "碳水化合物", "value": carb, "unit": "g", "nrv_percent": nrv(carb, 300.0)}),
    );
    if full {
        let sugar = (carb * rng.num(0.0, 0.6, 2) * 10.0).round() / 10.0;
        rows.push(json!({"name": "糖", "value": sugar, "unit": "g"}));
        let fibre = rng.num(0.6, 8.0, 1);
        rows.push(json!({"name": "膳食纤维", "value": fibre, "unit": "g", "nrv_percent": nrv(fibre, 25.0)}));
    }
    rows.push(
        json!({"name": "钠", "value": sodium, "unit": "mg", "nrv_percent": nrv(sodium, 2000.0)}),
    );
    let calcium = if full {
        rng.range(20, 1200) as f64
    } else {
        0.0
    };
    if full {
        let va = rng.range(40, 400) as f64;
        rows.push(
            json!({"name": "维生素A", "value": va, "unit": "μg RE", "nrv_percent": nrv(va, 800.0)}),
        );
        let vc = rng.num(5.0, 60.0, 1);
        rows.push(
            json!({"name": "维生素C", "value": vc, "unit": "mg", "nrv_percent": nrv(vc, 100.0)}),
        );
        rows.push(json!({"name": "钙", "value": calcium, "unit": "mg", "nrv_percent": nrv(calcium, 800.0)}));
        let fe = rng.num(0.5, 10.0, 1);
        rows.push(json!({"name": "铁", "value": fe, "unit": "mg", "nrv_percent": nrv(fe, 15.0)}));
    }
    if faulty && rng.chance(30) {
        rows.swap(1, 2); // protein and fat out of the standard's order
    }
    (
        json!({"basis": "per_100g", "format": "table", "title": "营养成分表", "rows": rows}),
        protein,
        fat,
        sodium,
        calcium,
    )
}

fn claims(rng: &mut Rng, protein: f64, fat: f64, sodium: f64, calcium: f64, faulty: bool) -> Value {
    let mut out = Vec::new();
    // Claims backed by the panel; a faulty label claims what it does not have.
    if protein >= 12.0 || (faulty && rng.chance(30)) {
        out.push(
            json!({"text": "高蛋白", "kind": "content", "nutrient": "protein", "level": "high"}),
        );
    }
    if fat <= 3.0 || (faulty && rng.chance(30)) {
        out.push(json!({"text": "低脂肪", "kind": "content", "nutrient": "fat", "level": "low"}));
    }
    if sodium <= 120.0 {
        out.push(json!({"text": "低钠", "kind": "content"}));
    }
    if calcium >= 240.0 && rng.chance(50) {
        out.push(json!({"text": "富含钙", "kind": "content"}));
    }
    if rng.chance(20) {
        out.push(json!({"text": "不添加蔗糖", "kind": "no_added"}));
    }
    Value::Array(out)
}

fn common(
    rng: &mut Rng,
    n: u64,
    category: &str,
    name: &str,
    std_code: &str,
    faulty: bool,
) -> Value {
    let (place, code) = *rng.pick(PROVINCES);
    let mut licence = format!(
        "SC1{:02}{}{:07}",
        rng.range(1, 31),
        code,
        rng.range(0, 9_999_999)
    );
    licence.truncate(16);
    let net = *rng.pick(&[250u64, 300, 400, 450, 500, 800]);
    let month = rng.range(1, 10);
    let mut v = json!({
        "schema_version": "1",
        "id": format!("bench-{n}"),
        "market": "CN",
        "category": category,
        "check_date": "2026-11-26",
        "product_name": {"text": name, "char_height_mm": rng.range(4, 12)},
        "net_content": {"text": format!("净含量：{net}g"), "value": net, "unit": "g",
                        "char_height_mm": rng.range(4, 6), "same_panel_as_name": true},
        "producer": {"name": format!("{}食品有限公司", place), "address": format!("{place}工业园区{}号", rng.range(1, 300)),
                     "contact": format!("400-{:03}-{:04}", rng.range(100, 999), rng.range(0, 9999)), "kind": "legal_entity"},
        "origin": {"place": place},
        "dates": {"production": format!("2026-{month:02}-{:02}", rng.range(1, 28)), "shelf_life": format!("{}个月", rng.range(3, 18))},
        "storage": "常温、阴凉干燥处保存",
        "licence_number": licence,
        "standard_code": std_code,
        "package": {"shape": "other", "largest_surface_cm2": rng.range(60, 600), "min_char_height_mm": 1.8}
    });
    if faulty {
        let o = v.as_object_mut().expect("object");
        match rng.range(0, 3) {
            0 => {
                o.remove("net_content");
            }
            1 => {
                o.insert("licence_number".into(), json!("SC123"));
            }
            2 => {
                o.remove("producer");
            }
            _ => {}
        }
    }
    v
}

/// General prepackaged food: 10–40 printed ingredients, a full nutrition panel, claims.
pub fn food(rng: &mut Rng, n: u64, faulty: bool) -> Value {
    let (category, name, std_code) = *rng.pick(CATEGORIES);
    let mut v = common(rng, n, category, name, std_code, faulty);
    let k = rng.range(10, 40) as usize;
    let o = v.as_object_mut().expect("object");
    o.insert("ingredients".into(), ingredients(rng, k, faulty));
    let full = rng.chance(80);
    let (panel, p, f, s, c) = nutrition(rng, full, faulty);
    o.insert("nutrition".into(), panel);
    o.insert("claims".into(), claims(rng, p, f, s, c, faulty));
    if rng.chance(50) {
        o.insert("allergens".into(), json!({"statement": "含有大豆、小麦、乳制品", "contains": ["soybeans", "gluten_cereals", "milk"]}));
    }
    v
}

/// Infant and young-child formula.
pub fn infant_formula(rng: &mut Rng, n: u64, faulty: bool) -> Value {
    let (category, name) = *rng.pick(&[
        ("food.infant_formula.infant", "婴儿配方奶粉（0—6月龄，1段）"),
        (
            "food.infant_formula.follow_up",
            "较大婴儿配方奶粉（6—12月龄，2段）",
        ),
        (
            "food.infant_formula.young_child",
            "幼儿配方奶粉（12—36月龄，3段）",
        ),
    ]);
    let mut v = common(rng, n, category, name, "GB 10767", faulty);
    let o = v.as_object_mut().expect("object");
    o.insert("ingredients".into(), json!({"text": "配料：生牛乳、乳糖、脱盐乳清粉、植物油（高油酸葵花籽油、大豆油、椰子油）、浓缩乳清蛋白粉、低聚半乳糖、磷脂、碳酸钙、氯化钾、维生素C、焦磷酸铁、硫酸锌、维生素A、维生素D"}));
    let protein = rng.num(10.0, 20.0, 1);
    let fat = rng.num(15.0, 28.0, 1);
    let carb = rng.num(45.0, 60.0, 1);
    let mut energy = (17.0 * protein + 37.0 * fat + 17.0 * carb).round();
    if faulty && rng.chance(50) {
        energy = (energy * 1.5).round();
    }
    o.insert(
        "nutrition".into(),
        json!({"basis": "per_100g", "format": "table", "title": "营养成分表", "rows": [
            {"name": "能量", "value": energy, "unit": "kJ"},
            {"name": "蛋白质", "value": protein, "unit": "g"},
            {"name": "脂肪", "value": fat, "unit": "g"},
            {"name": "碳水化合物", "value": carb, "unit": "g"},
            {"name": "钠", "value": rng.range(100, 300), "unit": "mg"},
            {"name": "钙", "value": rng.range(300, 700), "unit": "mg"},
            {"name": "铁", "value": rng.num(3.0, 9.0, 1), "unit": "mg"},
            {"name": "锌", "value": rng.num(2.0, 6.0, 2), "unit": "mg"},
            {"name": "维生素A", "value": rng.range(300, 600), "unit": "μg RE"},
            {"name": "维生素D", "value": rng.num(5.0, 10.0, 1), "unit": "μg"}
        ]}),
    );
    o.insert(
        "package".into(),
        json!({"shape": "cylinder", "largest_surface_cm2": 310, "min_char_height_mm": 2}),
    );
    if !(faulty && rng.chance(50)) {
        o.insert(
            "statements".into(),
            json!(["对于0—12月龄婴儿，母乳是最好的食物"]),
        );
    }
    v
}
