//! WebAssembly binding (work in progress).
