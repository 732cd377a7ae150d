//! One browser tab's LSP session: WebSocket text messages (a JSON-RPC body
//! each) in and out of `ecospec_lsp::serve_with`, the language server's own
//! code, over an in-memory pipe. The bridge adds the `Content-Length`
//! framing on the way in (so the server's own frame checks, in
//! `ecospec_lsp::transport`, see every message) and removes it on the way
//! out. Each session runs its own server, with its own open documents: two
//! tabs never see each other's text.

use std::path::PathBuf;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use ecospec_lsp::transport::{frame, Frame, FrameReader};
use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, OwnedSemaphorePermit};

/// The pipe between the bridge and the server, each way.
const PIPE: usize = 1 << 20;

/// WebSocket close codes (RFC 6455).
const CLOSE_NORMAL: u16 = 1000;
const CLOSE_GOING_AWAY: u16 = 1001;
const CLOSE_TOO_BIG: u16 = 1009;

/// Serves one session until the tab closes its socket, the server ends
/// (after `exit`) or the tab is idle for `idle`; the session's place
/// (`permit`) is given back once its server has stopped.
pub async fn run(
    mut socket: WebSocket,
    folder: PathBuf,
    idle: Duration,
    permit: OwnedSemaphorePermit,
) {
    // One pipe each way: closing the way in is the end of the server's
    // input, whatever the way out still holds.
    let (mut to_server, server_in) = tokio::io::duplex(PIPE);
    let (server_out, from_server) = tokio::io::duplex(PIPE);
    let options = ecospec_lsp::Options {
        fixed_folder: Some(folder),
    };
    let server = tokio::spawn(ecospec_lsp::serve_with(server_in, server_out, options));
    // The server's frames, read off the pipe by a task of their own (a
    // frame's reading is not cancelled halfway by the loop below).
    let (frames_tx, mut frames) = mpsc::channel::<Vec<u8>>(64);
    let reader = tokio::spawn(async move {
        let mut reader = FrameReader::unlimited(from_server);
        while let Some(frame) = reader.next().await {
            if let Frame::Body(body) = frame {
                if frames_tx.send(body).await.is_err() {
                    break;
                }
            }
        }
    });
    let mut deadline = tokio::time::Instant::now() + idle;
    let close = loop {
        tokio::select! {
            message = socket.recv() => {
                deadline = tokio::time::Instant::now() + idle;
                let body = match message {
                    Some(Ok(Message::Text(text))) => text.as_str().as_bytes().to_vec(),
                    Some(Ok(Message::Binary(bytes))) => bytes.to_vec(),
                    Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                    Some(Ok(Message::Close(_))) | None => break None,
                    // Over the size limit (or a broken frame): tungstenite
                    // stops reading; say why if the socket still takes it.
                    Some(Err(_)) => break Some((CLOSE_TOO_BIG, "a message is over the studio's limit")),
                };
                if to_server.write_all(&frame(&body)).await.is_err() {
                    break Some((CLOSE_NORMAL, "the language server stopped"));
                }
            }
            body = frames.recv() => {
                let Some(body) = body else {
                    break Some((CLOSE_NORMAL, "the language server stopped"));
                };
                let text = String::from_utf8_lossy(&body).into_owned();
                // A tab that stops reading holds its place no longer than
                // an idle one.
                let sent = tokio::time::timeout(idle, socket.send(Message::Text(text.into()))).await;
                if !matches!(sent, Ok(Ok(()))) {
                    break None;
                }
            }
            () = tokio::time::sleep_until(deadline) => {
                break Some((CLOSE_GOING_AWAY, "the session was idle too long"));
            }
        }
    };
    if let Some((code, reason)) = close {
        let frame = CloseFrame {
            code,
            reason: reason.into(),
        };
        let _ = socket.send(Message::Close(Some(frame))).await;
    }
    drop(socket);
    // The end of the server's input ends the session; what it still
    // writes is dropped.
    drop(to_server);
    drop(frames);
    let _ = server.await;
    reader.abort();
    drop(permit);
}
