//! The library side of `ecospec-lsp`: the frame reader, for the fuzz target
//! `frame` and its replay test (docs/fuzzing.md). The server itself is the
//! binary (`main.rs`).

pub mod transport;

/// **frame**: the client-side frame filter ([`transport::filter_input`]),
/// fed `data` as the client's input, never panics; every frame it passes to
/// the server is a JSON-RPC message the server can decode, and every frame
/// it answers with is a JSON-RPC error response.
pub fn fuzz_frames(data: &[u8]) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("no runtime: {e}"))?;
    let mut to_server = Vec::new();
    let (answers_tx, mut answers_rx) = tokio::sync::mpsc::unbounded_channel();
    runtime.block_on(transport::filter_input(data, &mut to_server, answers_tx));
    let mut answers = Vec::new();
    while let Ok(answer) = answers_rx.try_recv() {
        answers.extend(answer);
    }
    for body in runtime.block_on(bodies(&to_server)) {
        if transport::check(&body).is_err() {
            return Err(format!(
                "passed to the server but not a message: {}",
                String::from_utf8_lossy(&body)
            ));
        }
    }
    for body in runtime.block_on(bodies(&answers)) {
        let value: serde_json::Value = serde_json::from_slice(&body)
            .map_err(|e| format!("an answer that is not JSON ({e})"))?;
        if value.get("jsonrpc").and_then(serde_json::Value::as_str) != Some("2.0")
            || value.get("error").is_none()
        {
            return Err(format!("an answer that is not an error response: {value}"));
        }
    }
    Ok(())
}

/// The bodies of the frames in `bytes`.
async fn bodies(mut bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut reader = tokio::io::BufReader::new(&mut bytes);
    let mut out = Vec::new();
    while let Some(body) = transport::read_frame(&mut reader).await {
        out.push(body);
    }
    out
}
