//! Compiles the generated parser (`src/parser.c`) and the scanner
//! (`src/scanner.c`) into the crate.

fn main() {
    let src = std::path::Path::new("src");
    let mut build = cc::Build::new();
    build.std("c11").include(src);
    // Generated code: its unused parameters are not ours to fix.
    build.flag_if_supported("-Wno-unused-parameter");
    for file in ["parser.c", "scanner.c"] {
        let path = src.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        build.file(path);
    }
    build.compile("tree-sitter-ecospec");
}
