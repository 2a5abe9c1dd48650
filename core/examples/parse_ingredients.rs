//! Prints how the ingredient-list reader splits a printed list:
//! `cargo run -p labelcheck --example parse_ingredients -- "Ingredients: …"`.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let parsed = labelcheck::label::parse_ingredients_text(&text);
    println!(
        "{}",
        serde_json::to_string_pretty(&parsed.items).unwrap_or_default()
    );
}
