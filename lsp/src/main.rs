//! `ecospec-lsp`: the language server of ecospec, on stdio.
//!
//! The protocol is served by `tower-lsp-server`; the analysis runs on one
//! worker thread (see [`worker`]); every answer is read off the compiler
//! library's `check` outcome and its [`ecospec::query`] module. Only the
//! protocol is written to stdout; logs go to stderr and `window/logMessage`.

mod actions;
mod completion;
mod convert;
mod formatting;
mod navigation;
mod semantic_tokens;
mod server;
mod state;
mod symbols;
mod worker;

use std::sync::{Arc, Mutex};

use ecospec_lsp::transport;
use tokio::sync::{mpsc, watch};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::{LspService, Server};

use crate::server::Backend;
use crate::state::State;
use crate::worker::{Publish, Worker};

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        eprintln!("ecospec-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let state = Arc::new(Mutex::new(State::default()));
    let (analyzed_tx, analyzed_rx) = watch::channel(0);
    let (publish_tx, mut publish_rx) = mpsc::unbounded_channel::<Vec<Publish>>();
    let (log_tx, mut log_rx) = mpsc::unbounded_channel::<String>();
    let worker = Worker {
        state: state.clone(),
        analyzed: analyzed_tx,
        publish: publish_tx,
        log: log_tx,
    };
    let jobs = match worker.spawn() {
        Ok(jobs) => jobs,
        Err(error) => {
            eprintln!("ecospec-lsp: cannot start the analysis thread: {error}");
            std::process::exit(1);
        }
    };
    let (service, socket) = LspService::new(|client| {
        let publisher = client.clone();
        tokio::spawn(async move {
            while let Some(batch) = publish_rx.recv().await {
                for publish in batch {
                    publisher
                        .publish_diagnostics(publish.uri, publish.diagnostics, publish.version)
                        .await;
                }
            }
        });
        let logger = client.clone();
        tokio::spawn(async move {
            while let Some(message) = log_rx.recv().await {
                eprintln!("{message}");
                logger.log_message(MessageType::WARNING, message).await;
            }
        });
        Backend {
            client,
            state,
            jobs: Mutex::new(jobs),
            analyzed: analyzed_rx,
        }
    });
    // The client's frames are checked before the server decodes them (see
    // `transport`); everything written to stdout goes through one writer.
    let (frames_tx, frames_rx) = mpsc::unbounded_channel();
    let (server_in, from_client) = tokio::io::duplex(1 << 22);
    let (to_client, server_out) = tokio::io::duplex(1 << 22);
    tokio::spawn(transport::filter_input(
        tokio::io::stdin(),
        server_in,
        frames_tx.clone(),
    ));
    tokio::spawn(transport::forward_output(server_out, frames_tx));
    let writer = tokio::spawn(transport::write_frames(tokio::io::stdout(), frames_rx));
    Server::new(from_client, to_client, socket)
        .serve(service)
        .await;
    let _ = writer.await;
}
