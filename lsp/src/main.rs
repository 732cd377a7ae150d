//! `ecospec-lsp`: the language server of ecospec, on stdio (see the library).

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        eprintln!("ecospec-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let code = ecospec_lsp::run_stdio().await;
    // Not a return: the runtime would wait for the thread blocked on a read
    // of standard input, which a client may keep open after `exit`.
    std::process::exit(code);
}
