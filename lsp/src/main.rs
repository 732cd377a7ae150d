//! `ecospec-lsp`: the language server of ecospec, on stdio (see the library).

/// The stack reserved for each protocol thread (address space, touched only
/// as deep as a request goes).
const REQUEST_STACK: usize = 64 << 20;

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        eprintln!("ecospec-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(REQUEST_STACK)
        .build();
    let runtime = match runtime {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("ecospec-lsp: cannot start: {error}");
            std::process::exit(1);
        }
    };
    // Spawned, so that the protocol runs on the runtime's threads (with
    // their stacks), not on the main thread.
    let code = runtime.block_on(async {
        tokio::spawn(ecospec_lsp::run_stdio())
            .await
            .unwrap_or_else(|error| {
                eprintln!("ecospec-lsp: the server failed (a bug: please report it): {error}");
                1
            })
    });
    // Not a return, and the runtime is not dropped: either would wait for
    // the thread blocked on a read of standard input, which a client may
    // keep open after `exit`.
    std::process::exit(code);
}
