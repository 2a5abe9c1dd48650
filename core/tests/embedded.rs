#[test]
fn embedded_standards_load() {
    let e = labelcheck::Engine::new().unwrap_or_else(|e| panic!("{e}"));
    assert!(e.standards().codelists.contains_key("gb2260"));
}
