//! The frames between the client and `tower-lsp-server`. Its codec ends the
//! session at the first message it cannot decode, so every frame is checked
//! here first: a body that is not JSON, or not a JSON-RPC message, gets an
//! error response (-32700 or -32600) and the session goes on. Every frame
//! written to stdout goes through one writer, whole.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Frames larger than this are skipped, not read into memory.
pub const MAX_FRAME: u64 = 64 << 20;

/// The body of the next frame; `None` at the end of the input. A header
/// line that is not UTF-8 is read lossily (it is only ever compared with
/// `Content-Length`); a body is read as it arrives, never allocated at the
/// length the header claims, and one above [`MAX_FRAME`] is skipped.
pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Option<Vec<u8>> {
    loop {
        let mut length: Option<u64> = None;
        loop {
            let mut line = Vec::new();
            if reader.read_until(b'\n', &mut line).await.ok()? == 0 {
                return None;
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        // A header block without a length is skipped.
        let Some(length) = length else { continue };
        let mut body = reader.take(length);
        if length > MAX_FRAME {
            tokio::io::copy(&mut body, &mut tokio::io::sink())
                .await
                .ok()?;
            continue;
        }
        let mut bytes = Vec::new();
        body.read_to_end(&mut bytes).await.ok()?;
        if (bytes.len() as u64) < length {
            return None;
        }
        return Some(bytes);
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_response(id: Value, code: i64, message: String) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}});
    frame(body.to_string().as_bytes())
}

/// `Ok` for a message the server can decode; otherwise the error response
/// to send (`None` for a broken notification, which gets none).
pub fn check(body: &[u8]) -> Result<(), Option<Vec<u8>>> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        Some(error_response(
            Value::Null,
            -32700,
            format!("parse error: {e}"),
        ))
    })?;
    let id = value.get("id").cloned();
    let invalid = |why: &str| {
        Some(error_response(
            id.clone().unwrap_or(Value::Null),
            -32600,
            format!("invalid request: {why}"),
        ))
    };
    let Some(object) = value.as_object() else {
        return Err(invalid("a message is a JSON object"));
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return Err(invalid("`jsonrpc` must be \"2.0\""));
    }
    if !matches!(
        id,
        None | Some(Value::Number(_) | Value::String(_) | Value::Null)
    ) {
        return Err(invalid("`id` must be a number or a string"));
    }
    match object.get("method") {
        Some(Value::String(_)) => {
            if !matches!(
                object.get("params"),
                None | Some(Value::Object(_) | Value::Array(_) | Value::Null)
            ) {
                return Err(if id.is_some() {
                    invalid("`params` must be an object or an array")
                } else {
                    None
                });
            }
            Ok(())
        }
        Some(_) => Err(if id.is_some() {
            invalid("`method` must be a string")
        } else {
            None
        }),
        None if id.is_some() && (object.contains_key("result") || object.contains_key("error")) => {
            Ok(())
        }
        None => Err(None),
    }
}

/// Copies well-formed frames from the client to the server; answers the others.
pub async fn filter_input<R, W>(input: R, mut server: W, out: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    while let Some(body) = read_frame(&mut reader).await {
        match check(&body) {
            Ok(()) => {
                if server.write_all(&frame(&body)).await.is_err() {
                    break;
                }
            }
            Err(response) => {
                eprintln!("ecospec-lsp: dropped a malformed message");
                if let Some(response) = response {
                    let _ = out.send(response);
                }
            }
        }
    }
    let _ = server.shutdown().await;
}

/// Copies the server's frames to the writer.
pub async fn forward_output<R: AsyncRead + Unpin>(server: R, out: mpsc::UnboundedSender<Vec<u8>>) {
    let mut reader = BufReader::new(server);
    while let Some(body) = read_frame(&mut reader).await {
        if out.send(frame(&body)).is_err() {
            break;
        }
    }
}

/// Writes whole frames to the output, in order.
pub async fn write_frames<W: AsyncWrite + Unpin>(
    mut output: W,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(frame) = frames.recv().await {
        if output.write_all(&frame).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn malformed_messages_get_the_right_errors() {
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"method":"x","params":{}}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","method":"x"}"#).is_ok());
        assert!(check(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        let text =
            |r: Result<(), Option<Vec<u8>>>| String::from_utf8(r.unwrap_err().unwrap()).unwrap();
        assert!(text(check(b"{nope")).contains("-32700"));
        assert!(text(check(br#"[1,2]"#)).contains("-32600"));
        assert!(text(check(br#"{"jsonrpc":"2.0","id":7,"method":3}"#)).contains(r#""id":7"#));
        assert_eq!(check(br#"{"jsonrpc":"2.0","method":3}"#), Err(None));
    }
}
