//! `ecospec-lsp`: the language server of ecospec, on stdio.
//!
//! The protocol is served by `tower-lsp-server` (the `server` module); the
//! analysis runs on one worker thread (`worker`), which publishes what
//! `feedback` says changed; every answer is read by one of the `handlers`
//! off the analysis snapshot (`analysis`): the compiler library's `check`
//! outcome and its [`ecospec::query`] module. No analysis is done here. Only the
//! protocol is written to stdout; logs go to stderr and `window/logMessage`.
//! The client's frames are read and checked by [`transport`] before the
//! protocol library sees them.

mod analysis;
mod convert;
mod custom;
mod ecosystem;
mod feedback;
mod handlers;
mod server;
mod state;
pub mod transport;
mod uris;
mod worker;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, watch};
use tower_lsp_server::ls_types::MessageType;
use tower_lsp_server::{LspService, Server};

use crate::server::Backend;
use crate::state::State;
use crate::worker::{Publish, Worker};

/// How long the answers already computed may take to reach the client
/// after `exit`.
const FLUSH_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// How a session is served; the default is the editor's language server.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Studio mode (`ecospec serve`, one session per browser tab): the
    /// only workspace folder, canonical, whatever `initialize` or a folder
    /// change says; documents outside it are ignored, no folder outside it
    /// is checked, and imports outside it are never allowed, so nothing
    /// outside it is read.
    pub fixed_folder: Option<PathBuf>,
}

/// Serves one client on `input` and `output` until it sends `exit` or
/// closes its side; returns the exit code the LSP specification asks for:
/// 0 when `shutdown` came first, 1 otherwise.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    serve_with(input, output, Options::default()).await
}

/// [`serve`] with options (studio mode).
pub async fn serve_with<I, O>(input: I, output: O, options: Options) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let fixed = options.fixed_folder.clone();
    let state = Arc::new(Mutex::new(State {
        folders: options.fixed_folder.iter().cloned().collect(),
        fixed: options.fixed_folder,
        ..State::default()
    }));
    let shut_down = Arc::new(AtomicBool::new(false));
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
            return 1;
        }
    };
    let shutdown_flag = shut_down.clone();
    let (service, socket) = LspService::build(|client| {
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
            shut_down: shutdown_flag,
            fixed,
        }
    })
    .custom_method(handlers::graph::METHOD, Backend::graph)
    .custom_method(handlers::interventions::METHOD, Backend::interventions)
    .custom_method(handlers::scenarios::METHOD, Backend::scenarios)
    .custom_method(handlers::what_if::METHOD, Backend::what_if)
    .custom_method(handlers::explain::METHOD, Backend::explain)
    .finish();
    // The client's frames are checked before the server decodes them (see
    // `transport`); everything written to the output goes through one writer.
    let (frames_tx, frames_rx) = mpsc::channel(transport::OUTPUT_QUEUE);
    let (server_in, from_client) = tokio::io::duplex(1 << 22);
    let (to_client, server_out) = tokio::io::duplex(1 << 22);
    let ids = transport::Ids::default();
    let filter = tokio::spawn(transport::filter_input(
        input,
        server_in,
        frames_tx.clone(),
        ids.clone(),
    ));
    let forward = tokio::spawn(transport::forward_output(server_out, frames_tx, ids));
    let writer = tokio::spawn(transport::write_frames(output, frames_rx));
    // `serve` returns after `exit` or at the end of the input.
    Server::new(from_client, to_client, socket)
        .serve(service)
        .await;
    // The input may stay open after `exit`: stop reading it, then let every
    // frame already answered reach the client.
    filter.abort();
    let flushed = async {
        let _ = forward.await;
        let _ = writer.await;
    };
    // A client that no longer reads does not keep the process alive.
    let _ = tokio::time::timeout(FLUSH_WAIT, flushed).await;
    if shut_down.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// The `file:` URI of a folder, ending in `/` (the studio's `rootUri`).
pub fn folder_uri(folder: &std::path::Path) -> Option<String> {
    let uri = uris::uri(folder)?;
    let text = uri.as_str();
    Some(if text.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    })
}

/// The server on standard input and output; the process's exit code.
pub async fn run_stdio() -> i32 {
    serve(tokio::io::stdin(), tokio::io::stdout()).await
}
