//! The standards tree compiled into the library (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/embedded_standards.rs"));

/// The embedded files as loader input.
pub fn files() -> Vec<crate::pack::SourceFile> {
    EMBEDDED
        .iter()
        .map(|(p, t)| crate::pack::SourceFile {
            path: (*p).to_string(),
            text: (*t).to_string(),
        })
        .collect()
}
