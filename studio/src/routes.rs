//! The HTTP routes of the studio (the page, `/api/*`, `/lsp`).

use std::net::SocketAddr;

use axum::body::{to_bytes, Body};
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::Request;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use serde_json::json;

use crate::access::{can_save, refuse_host, refuse_socket, refuse_write};
use crate::app::App;
use crate::assets::{self, Asset};
use crate::bridge;
use crate::errors::error;
use crate::exercises::EXERCISES;
use crate::workspace::{self, Refused};

pub fn router(app: App) -> Router {
    Router::new()
        .route("/", get(|| async { asset(&assets::INDEX) }))
        .route("/studio.js", get(|| async { asset(&assets::SCRIPT) }))
        .route("/studio.css", get(|| async { asset(&assets::STYLE) }))
        .route("/api/info", get(info))
        .route("/api/files", get(files))
        .route("/api/files/{*path}", put(save))
        .route("/api/exercises", get(exercises))
        .route("/lsp", get(lsp))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such page in the studio") })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// What the page may load and run: its own script and styles (inline
/// styles too: the editor sets them), images of its own or made in the
/// page, connections to the studio only; no plugin, no frame around it.
/// A spec's text that reached the page as markup could run nothing.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Every request: refused unless it names the studio as it may be named.
async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    match refuse_host(app.mode, request.headers()) {
        Some(why) => error(StatusCode::FORBIDDEN, why),
        None => next.run(request).await,
    }
}

fn asset(asset: &Asset) -> Response {
    (
        [
            (CONTENT_TYPE, asset.content_type),
            (X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (CACHE_CONTROL, "no-cache"),
            (CONTENT_SECURITY_POLICY, PAGE_POLICY),
            (REFERRER_POLICY, "no-referrer"),
        ],
        asset.bytes,
    )
        .into_response()
}

async fn info(State(app): State<App>, ConnectInfo(peer): ConnectInfo<SocketAddr>) -> Response {
    let root_uri = ecospec_lsp::folder_uri(&app.root).unwrap_or_default();
    let name = app
        .root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Json(json!({
        "mode": app.mode.name(),
        "canSave": can_save(app.mode, peer),
        "rootUri": root_uri,
        "name": name,
        "version": env!("CARGO_PKG_VERSION"),
    }))
    .into_response()
}

async fn files(State(app): State<App>) -> Response {
    let root = app.root.clone();
    match tokio::task::spawn_blocking(move || workspace::list(&root)).await {
        Ok(files) => Json(json!({ "files": files })).into_response(),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the folder could not be listed",
        ),
    }
}

async fn exercises() -> Response {
    let shown: Vec<_> = EXERCISES.iter().map(|e| e.shown()).collect();
    Json(json!({ "exercises": shown })).into_response()
}

/// `PUT /api/files/<path>`: the trainer's save. The path is taken from the
/// raw URL (still percent-encoded), so that an encoded slash is refused
/// rather than decoded into a separator.
async fn save(
    State(app): State<App>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    body: Body,
) -> Response {
    if let Some(why) = refuse_write(app.mode, peer, &headers) {
        return error(StatusCode::FORBIDDEN, why);
    }
    let too_large = || {
        error(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the text is over the studio's limit of {} bytes",
                app.limits.message
            ),
        )
    };
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > app.limits.message as u64) {
        return too_large();
    }
    let Ok(text) = to_bytes(body, app.limits.message).await else {
        return too_large();
    };
    let raw = uri
        .path()
        .strip_prefix("/api/files/")
        .unwrap_or_default()
        .to_string();
    let root = app.root.clone();
    let saved = tokio::task::spawn_blocking(move || workspace::save(&root, &raw, &text)).await;
    match saved {
        Ok(Ok(())) => StatusCode::NO_CONTENT.into_response(),
        Ok(Err(Refused::BadPath(why))) => error(StatusCode::BAD_REQUEST, why),
        Ok(Err(Refused::NoFolder(why))) => error(StatusCode::NOT_FOUND, why),
        Ok(Err(Refused::Write(why))) => error(StatusCode::INTERNAL_SERVER_ERROR, why),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the file could not be saved",
        ),
    }
}

/// `GET /lsp`: a WebSocket with its own LSP session, while there is room.
async fn lsp(State(app): State<App>, headers: HeaderMap, upgrade: WebSocketUpgrade) -> Response {
    if let Some(why) = refuse_socket(&headers) {
        return error(StatusCode::FORBIDDEN, why);
    }
    let Ok(permit) = app.sessions.clone().try_acquire_owned() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the studio is full: {} sessions are open; close a tab or try again later",
                app.limits.sessions
            ),
        );
    };
    let folder = app.root.to_path_buf();
    let idle = app.limits.idle;
    upgrade
        .max_message_size(app.limits.message)
        .max_frame_size(app.limits.message)
        // What a tab that stops reading can make the studio hold for it.
        .max_write_buffer_size(4 * app.limits.message)
        .on_upgrade(move |socket| bridge::run(socket, folder, idle, permit))
}
