//! The frames between the client and `tower-lsp-server`. Its codec ends the
//! session at the first frame it cannot read or decode, so every frame is
//! read and checked here first, and only a frame the codec will decode is
//! passed on (with a header written here):
//!
//! - the header section is read as bytes, a line at a time, with bounded
//!   lines ([`MAX_HEADER_LINE`]) and a bounded count of them
//!   ([`MAX_HEADER_LINES`]); a line that is not a header (invalid UTF-8
//!   included) is skipped, and a `Content-Length:` found inside such a line
//!   (the next frame, after a body whose length was wrong) starts a frame;
//! - a missing, unparseable or negative length, and a body over
//!   [`MAX_BODY`], get an error response; a too large body is read and
//!   discarded, so the stream stays in step;
//! - a body that is not JSON, or not a JSON-RPC message the protocol library
//!   decodes, gets an error response (-32700 or -32600);
//! - a request id the library cannot hold (a fraction, an integer past 64
//!   bits, any id it would not write back byte for byte) is passed on as a
//!   token of ours, and the response gets the client's id back, verbatim.
//!
//! Every frame written to the output goes through one writer, whole.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Id, Request, Response};

/// The largest body read: 64 MiB.
pub const MAX_BODY: u64 = 64 << 20;
/// The bytes kept of one header line (of a longer one, its end).
pub const MAX_HEADER_LINE: usize = 1024;
/// The frames waiting for the output: past this many, reading the input
/// waits (a client that does not read its answers cannot make them pile
/// up in memory).
pub const OUTPUT_QUEUE: usize = 256;
/// The most header lines in one frame.
pub const MAX_HEADER_LINES: usize = 16;

const CONTENT_LENGTH: &[u8] = b"content-length:";
/// The ids given to requests whose own id is kept aside.
const TOKEN_PREFIX: &str = "ecospec-lsp/id/";

/// A frame as read: its body, or what was wrong with it.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    Bad(BadFrame),
}

#[derive(Debug, PartialEq, Eq)]
pub enum BadFrame {
    /// A header section without `Content-Length`.
    MissingLength,
    /// A `Content-Length` that is not a number of bytes (as written, cut short).
    InvalidLength(String),
    /// A body over [`MAX_BODY`]; it is skipped.
    TooLarge(u64),
    /// More than [`MAX_HEADER_LINES`] header lines.
    TooManyHeaders,
}

impl fmt::Display for BadFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadFrame::MissingLength => write!(f, "a message has no `Content-Length` header"),
            BadFrame::InvalidLength(text) => write!(
                f,
                "`Content-Length: {text}` is not a length in bytes; \
                 the message was skipped up to the next `Content-Length`"
            ),
            BadFrame::TooLarge(length) => write!(
                f,
                "a message of {length} bytes is over the limit of {MAX_BODY} bytes (64 MiB); \
                 it was skipped"
            ),
            BadFrame::TooManyHeaders => write!(
                f,
                "a message has more than {MAX_HEADER_LINES} header lines; it was skipped"
            ),
        }
    }
}

impl BadFrame {
    /// The error response (its request id is unknown: `null`).
    fn response(&self) -> Vec<u8> {
        let code = match self {
            BadFrame::TooLarge(_) => INVALID_REQUEST,
            _ => PARSE_ERROR,
        };
        error_response(None, code, self.to_string())
    }
}

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

/// One line of a header section.
enum Line {
    Blank,
    /// `Content-Length: …` (its value parsed).
    Length(Result<u64, String>),
    /// A `Content-Length: …` after bytes that are not a header: the start
    /// of a frame after a body of the wrong length.
    Glued(Result<u64, String>),
    /// Another header (ignored).
    Other,
    /// Not a header.
    Garbage,
}

fn is_token(name: &[u8]) -> bool {
    !name.is_empty()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b))
}

fn parse_length(value: &[u8]) -> Result<u64, String> {
    let value = value.trim_ascii();
    std::str::from_utf8(value)
        .ok()
        .and_then(|text| text.parse::<u64>().ok())
        .ok_or_else(|| {
            let text = String::from_utf8_lossy(value);
            let mut shown: String = text.chars().take(40).flat_map(char::escape_debug).collect();
            if text.chars().count() > 40 {
                shown.push('…');
            }
            shown
        })
}

fn parse_line(line: &[u8], cut: bool) -> Line {
    if line.trim_ascii().is_empty() {
        return Line::Blank;
    }
    let found = line
        .windows(CONTENT_LENGTH.len())
        .rposition(|w| w.eq_ignore_ascii_case(CONTENT_LENGTH));
    if let Some(at) = found {
        let value = line.get(at + CONTENT_LENGTH.len()..).unwrap_or_default();
        return if at == 0 && !cut {
            Line::Length(parse_length(value))
        } else {
            Line::Glued(parse_length(value))
        };
    }
    let name = line.split(|b| *b == b':').next().unwrap_or_default();
    if !cut && name.len() < line.len() && is_token(name) {
        Line::Other
    } else {
        Line::Garbage
    }
}

/// Reads frames off a client's byte stream, never holding more than one
/// header line and one body ([`MAX_BODY`]) in memory.
pub struct FrameReader<R> {
    reader: BufReader<R>,
    /// The largest body read.
    limit: u64,
    /// Bytes of a too large body still to discard.
    skip: u64,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// A reader of the client's frames: bodies up to [`MAX_BODY`].
    pub fn new(input: R) -> Self {
        FrameReader {
            reader: BufReader::new(input),
            limit: MAX_BODY,
            skip: 0,
        }
    }

    /// A reader of the server's own frames, which are never refused.
    pub fn unlimited(input: R) -> Self {
        FrameReader {
            limit: u64::MAX,
            ..FrameReader::new(input)
        }
    }

    /// The next frame; `None` at the end of the input.
    pub async fn next(&mut self) -> Option<Frame> {
        if self.skip > 0 {
            let skip = std::mem::take(&mut self.skip);
            let skipped =
                tokio::io::copy(&mut (&mut self.reader).take(skip), &mut tokio::io::sink())
                    .await
                    .ok()?;
            if skipped < skip {
                return None;
            }
        }
        let mut length = None;
        let mut lines = 0;
        let mut skipped = false;
        loop {
            let (line, cut) = read_line(&mut self.reader).await?;
            match parse_line(&line, cut) {
                // Blank lines between frames are allowed.
                Line::Blank if lines == 0 && !skipped => continue,
                Line::Blank => break,
                Line::Length(value) => {
                    length = Some(value);
                    lines += 1;
                }
                Line::Glued(value) => {
                    length = Some(value);
                    lines = 1;
                    skipped = true;
                }
                Line::Other => lines += 1,
                Line::Garbage => skipped = true,
            }
            if lines > MAX_HEADER_LINES {
                return Some(Frame::Bad(BadFrame::TooManyHeaders));
            }
        }
        if skipped {
            eprintln!("ecospec-lsp: skipped input that is not a message header");
        }
        Some(match length {
            None => Frame::Bad(BadFrame::MissingLength),
            Some(Err(text)) => Frame::Bad(BadFrame::InvalidLength(text)),
            Some(Ok(length)) if length > self.limit => {
                // Discarded at the next call, after the error is answered.
                self.skip = length;
                Frame::Bad(BadFrame::TooLarge(length))
            }
            Some(Ok(length)) => {
                let mut body = Vec::with_capacity(usize::try_from(length.min(1 << 20)).ok()?);
                (&mut self.reader)
                    .take(length)
                    .read_to_end(&mut body)
                    .await
                    .ok()?;
                if (body.len() as u64) < length {
                    return None;
                }
                Frame::Body(body)
            }
        })
    }
}

/// One line without its end of line, and whether it was cut (of a line
/// longer than [`MAX_HEADER_LINE`], only its end is kept); `None` at the
/// end of the input.
async fn read_line<R: AsyncBufRead + Unpin>(reader: &mut R) -> Option<(Vec<u8>, bool)> {
    let mut line = Vec::new();
    let mut cut = false;
    loop {
        let buffer = reader.fill_buf().await.ok()?;
        if buffer.is_empty() {
            return None;
        }
        let end = buffer.iter().position(|b| *b == b'\n');
        let chunk = buffer
            .get(..end.unwrap_or(buffer.len()))
            .unwrap_or_default();
        line.extend_from_slice(chunk);
        let used = chunk.len() + usize::from(end.is_some());
        reader.consume(used);
        if line.len() > 2 * MAX_HEADER_LINE {
            line.drain(..line.len() - MAX_HEADER_LINE);
            cut = true;
        }
        if end.is_some() {
            break;
        }
    }
    if line.len() > MAX_HEADER_LINE {
        line.drain(..line.len() - MAX_HEADER_LINE);
        cut = true;
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Some((line, cut))
}

/// Header and body of a frame.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

#[derive(Serialize)]
struct ErrorResponse<'a> {
    jsonrpc: &'static str,
    id: Option<&'a RawValue>,
    error: ErrorObject,
}

#[derive(Serialize)]
struct ErrorObject {
    code: i64,
    message: String,
}

/// An error response to the request `id` (`null` when unknown), framed.
fn error_response(id: Option<&RawValue>, code: i64, message: String) -> Vec<u8> {
    let response = ErrorResponse {
        jsonrpc: "2.0",
        id,
        error: ErrorObject { code, message },
    };
    frame(&serde_json::to_vec(&response).unwrap_or_default())
}

/// What `tower-lsp-server`'s codec decodes a frame's body into (its own
/// `Message` is private; same shape, same derive). Too slow to decode every
/// frame with (it buffers the body first): [`fuzz_frames`] and the tests use
/// it to prove that whatever [`check`] passes on decodes.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code, clippy::large_enum_variant)]
enum Message {
    Response(Response),
    Request(Request),
}

/// The requests passed on under a token of ours: their ids as the client
/// wrote them.
#[derive(Clone, Default)]
pub struct Ids(Arc<Mutex<IdMap>>);

#[derive(Default)]
struct IdMap {
    next: u64,
    /// Token → the client's id (its JSON text).
    by_token: HashMap<String, Box<RawValue>>,
    /// The client's id → token (for `$/cancelRequest`).
    by_original: HashMap<String, String>,
}

impl Ids {
    fn lock(&self) -> std::sync::MutexGuard<'_, IdMap> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The token standing for the client's id `original`.
    fn token(&self, original: &RawValue) -> Option<Box<RawValue>> {
        let mut map = self.lock();
        let token = match map.by_original.get(original.get()) {
            Some(token) => token.clone(),
            None => {
                map.next += 1;
                let token = format!("{TOKEN_PREFIX}{}", map.next);
                map.by_original
                    .insert(original.get().to_string(), token.clone());
                map.by_token.insert(token.clone(), original.to_owned());
                token
            }
        };
        RawValue::from_string(serde_json::to_string(&token).ok()?).ok()
    }

    /// The token of a request the client still waits for, if it got one.
    fn token_of(&self, original: &RawValue) -> Option<Box<RawValue>> {
        let token = self.lock().by_original.get(original.get())?.clone();
        RawValue::from_string(serde_json::to_string(&token).ok()?).ok()
    }

    /// The client's id behind a token (forgotten: the request is answered).
    fn original(&self, token: &str) -> Option<Box<RawValue>> {
        let mut map = self.lock();
        let original = map.by_token.remove(token)?;
        map.by_original.remove(original.get());
        Some(original)
    }

    fn is_empty(&self) -> bool {
        self.lock().by_token.is_empty()
    }
}

/// A JSON object's members, each as written.
type Fields<'a> = BTreeMap<String, &'a RawValue>;

/// Whether the text of an id is one `tower-lsp-server` holds and writes
/// back byte for byte (and is not one of our tokens).
fn kept_as_is(id: &RawValue) -> bool {
    match serde_json::from_str::<Id>(id.get()) {
        Ok(Id::String(text)) if text.starts_with(TOKEN_PREFIX) => false,
        Ok(parsed) => serde_json::to_string(&parsed).is_ok_and(|text| text == id.get()),
        Err(_) => false,
    }
}

/// An id is a number, a string or `null`.
fn is_id(id: &RawValue) -> bool {
    id.get()
        .bytes()
        .next()
        .is_some_and(|b| b == b'"' || b == b'-' || b == b'n' || b.is_ascii_digit())
}

/// What to do with a frame's body.
#[derive(Debug, PartialEq, Eq)]
enum Checked<'a> {
    /// Pass it on (as is, or with its id replaced by a token).
    Forward(Cow<'a, [u8]>),
    /// Drop it, answering this error response (none to a notification).
    Reject(Option<Vec<u8>>),
}

/// A message's top-level members, read in one pass: those the checks need
/// as written, the others only checked to be JSON the protocol library can
/// read (numbers in range included).
#[derive(Default)]
struct Envelope<'a> {
    jsonrpc: Option<&'a RawValue>,
    method: Option<&'a RawValue>,
    id: Option<&'a RawValue>,
    /// A member of the library's `Request` given twice.
    duplicate: Option<String>,
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-RPC message (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope<'de>, A::Error> {
        let mut envelope = Envelope::default();
        let mut params = false;
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "jsonrpc" => &mut envelope.jsonrpc,
                "method" => &mut envelope.method,
                "id" => &mut envelope.id,
                other => {
                    if other == "params" && std::mem::replace(&mut params, true) {
                        envelope.duplicate = Some(key);
                    }
                    map.next_value::<Valid>()?;
                    continue;
                }
            };
            let value = map.next_value::<&RawValue>()?;
            if slot.replace(value).is_some() {
                envelope.duplicate = Some(key);
            }
        }
        Ok(envelope)
    }
}

/// Any JSON value the protocol library can read, checked and dropped.
struct Valid;

impl<'de> Deserialize<'de> for Valid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Valid)
    }
}

impl<'de> Visitor<'de> for Valid {
    type Value = Valid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_str<E>(self, _: &str) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_unit<E>(self) -> Result<Valid, E> {
        Ok(Valid)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Valid, A::Error> {
        while seq.next_element::<Valid>()?.is_some() {}
        Ok(Valid)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Valid, A::Error> {
        while map.next_entry::<Valid, Valid>()?.is_some() {}
        Ok(Valid)
    }
}

/// The text of a JSON string, if `raw` is one.
fn string(raw: &RawValue) -> Option<String> {
    serde_json::from_str(raw.get()).ok()
}

/// Passes on only what `tower-lsp-server`'s decoder accepts (as its
/// `Request`: `jsonrpc` "2.0", a string `method`, an id it holds, no member
/// twice, JSON it can read), in one pass over the body; what it refuses is
/// answered here.
fn check<'a>(body: &'a [u8], ids: &Ids) -> Checked<'a> {
    let envelope: Envelope = match serde_json::from_slice(body) {
        Ok(envelope) => envelope,
        Err(error) if error.is_data() => {
            return Checked::Reject(Some(error_response(
                None,
                INVALID_REQUEST,
                format!("invalid request: {error}"),
            )))
        }
        Err(error) => {
            return Checked::Reject(Some(error_response(
                None,
                PARSE_ERROR,
                format!("parse error: {error}"),
            )))
        }
    };
    let method = envelope.method.map(string);
    let request = method.is_some();
    let reply_id = envelope.id.filter(|id| is_id(id));
    let reject =
        |why: &str| {
            // A broken notification or response gets no answer.
            Checked::Reject((request && envelope.id.is_some()).then(|| {
                error_response(reply_id, INVALID_REQUEST, format!("invalid request: {why}"))
            }))
        };
    if let Some(key) = &envelope.duplicate {
        return reject(&format!("`{key}` is given twice"));
    }
    if envelope.jsonrpc.and_then(string).as_deref() != Some("2.0") {
        return reject("`jsonrpc` must be \"2.0\"");
    }
    if method.as_ref().is_some_and(Option::is_none) {
        return reject("`method` must be a string");
    }
    let token = match envelope.id {
        Some(id) if !is_id(id) => return reject("`id` must be a number or a string"),
        Some(id) if !kept_as_is(id) => match ids.token(id).filter(|_| request) {
            Some(token) => Some(token),
            // Not a response to a request of ours.
            None => return reject("unknown `id`"),
        },
        _ => None,
    };
    let cancel = method.flatten().as_deref() == Some("$/cancelRequest");
    if token.is_none() && !cancel {
        return Checked::Forward(Cow::Borrowed(body));
    }
    // A request with an id kept aside, or a cancel: rewritten (both small).
    let Ok(mut fields) = serde_json::from_slice::<Fields>(body) else {
        return reject("unreadable");
    };
    if let Some(token) = &token {
        fields.insert("id".into(), token);
    }
    let params: Option<Fields> = fields
        .get("params")
        .filter(|_| cancel)
        .and_then(|params| serde_json::from_str(params.get()).ok());
    let (cancel_params, cancel_token);
    if let Some(mut params) = params {
        cancel_token = params.get("id").and_then(|id| ids.token_of(id));
        if let Some(token) = &cancel_token {
            params.insert("id".into(), token);
            cancel_params = serde_json::to_string(&params)
                .ok()
                .and_then(|text| RawValue::from_string(text).ok());
            if let Some(params) = &cancel_params {
                fields.insert("params".into(), params);
            }
        }
    }
    match serde_json::to_vec(&fields) {
        Ok(body) => Checked::Forward(Cow::Owned(body)),
        Err(_) => reject("unreadable"),
    }
}

/// A response of the server with the client's own id back in place of a
/// token of ours.
fn restore_id<'a>(body: &'a [u8], ids: &Ids) -> Cow<'a, [u8]> {
    let prefix = TOKEN_PREFIX.as_bytes();
    if ids.is_empty() || !body.windows(prefix.len()).any(|w| w == prefix) {
        return Cow::Borrowed(body);
    }
    let Ok(mut fields) = serde_json::from_slice::<Fields>(body) else {
        return Cow::Borrowed(body);
    };
    if fields.contains_key("method") {
        return Cow::Borrowed(body);
    }
    let token = fields
        .get("id")
        .and_then(|id| serde_json::from_str::<String>(id.get()).ok());
    let Some(original) = token.and_then(|token| ids.original(&token)) else {
        return Cow::Borrowed(body);
    };
    fields.insert("id".into(), &original);
    match serde_json::to_vec(&fields) {
        Ok(body) => Cow::Owned(body),
        Err(_) => Cow::Borrowed(body),
    }
}

/// Copies well-formed frames from the client to the server; answers the others.
pub async fn filter_input<R, W>(input: R, mut server: W, out: mpsc::Sender<Vec<u8>>, ids: Ids)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(input);
    while let Some(read) = frames.next().await {
        match read {
            Frame::Body(body) => match check(&body, &ids) {
                Checked::Forward(body) => {
                    if server.write_all(&frame(&body)).await.is_err() {
                        break;
                    }
                }
                Checked::Reject(response) => {
                    eprintln!("ecospec-lsp: dropped a malformed message");
                    if let Some(response) = response {
                        let _ = out.send(response).await;
                    }
                }
            },
            Frame::Bad(bad) => {
                eprintln!("ecospec-lsp: {bad}");
                let _ = out.send(bad.response()).await;
            }
        }
    }
    let _ = server.shutdown().await;
}

/// Copies the server's frames to the writer, with the client's ids restored.
pub async fn forward_output<R: AsyncRead + Unpin>(server: R, out: mpsc::Sender<Vec<u8>>, ids: Ids) {
    let mut frames = FrameReader::unlimited(server);
    while let Some(read) = frames.next().await {
        let Frame::Body(body) = read else { continue };
        if out.send(frame(&restore_id(&body, &ids))).await.is_err() {
            break;
        }
    }
}

/// Writes whole frames to the output, in order.
pub async fn write_frames<W: AsyncWrite + Unpin>(
    mut output: W,
    mut frames: mpsc::Receiver<Vec<u8>>,
) {
    while let Some(frame) = frames.recv().await {
        if output.write_all(&frame).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

/// What [`fuzz_frames`] saw.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FuzzSummary {
    /// Frames passed on to the protocol library, each one it decodes.
    pub forwarded: usize,
    /// Error responses written to the client.
    pub answered: usize,
    /// Frames passed on that the library would not decode (a bug: always 0).
    pub undecodable: usize,
}

/// Runs the frame reader and checker over `bytes` to their end, as the
/// client's input, on a runtime of the current thread; for fuzzing.
pub fn fuzz_frames(bytes: &[u8]) -> FuzzSummary {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread().build() else {
        return FuzzSummary::default();
    };
    runtime.block_on(async {
        let (out, mut answers) = mpsc::channel(OUTPUT_QUEUE);
        let mut server = Vec::new();
        let count = async {
            let mut answered = 0;
            while answers.recv().await.is_some() {
                answered += 1;
            }
            answered
        };
        let ((), answered) =
            tokio::join!(filter_input(bytes, &mut server, out, Ids::default()), count);
        let mut summary = FuzzSummary {
            answered,
            ..FuzzSummary::default()
        };
        let mut passed = FrameReader::unlimited(server.as_slice());
        while let Some(read) = passed.next().await {
            match read {
                Frame::Body(body) if serde_json::from_slice::<Message>(&body).is_ok() => {
                    summary.forwarded += 1;
                }
                _ => summary.undecodable += 1,
            }
        }
        summary
    })
}

/// The property the `frame` fuzz target checks (docs/src/fuzzing.md): whatever
/// the bytes, the reader neither panics nor stops early, and every frame it
/// passes on is one the protocol library decodes.
pub fn frame_property(bytes: &[u8]) -> Result<(), String> {
    match fuzz_frames(bytes).undecodable {
        0 => Ok(()),
        n => Err(format!(
            "{n} frame(s) passed on that the protocol library cannot decode"
        )),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn text(checked: Checked) -> String {
        match checked {
            Checked::Reject(Some(response)) => String::from_utf8(response).unwrap(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn malformed_messages_get_the_right_errors() {
        let ids = Ids::default();
        let ok = |body: &[u8]| matches!(check(body, &ids), Checked::Forward(Cow::Borrowed(_)));
        assert!(ok(br#"{"jsonrpc":"2.0","id":1,"method":"x","params":{}}"#));
        assert!(ok(br#"{"jsonrpc":"2.0","method":"x"}"#));
        assert!(ok(br#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert!(text(check(b"{nope", &ids)).contains("-32700"));
        assert!(text(check(br#"[1,2]"#, &ids)).contains("-32600"));
        let response = text(check(br#"{"jsonrpc":"2.0","id":7,"method":3}"#, &ids));
        assert!(response.contains(r#""id":7"#), "{response}");
        assert!(response.contains("`method` must be a string"), "{response}");
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","method":3}"#, &ids),
            Checked::Reject(None)
        );
        // A duplicated member, which the library's decoder refuses.
        let response = text(check(
            br#"{"jsonrpc":"2.0","id":3,"id":3,"method":"x"}"#,
            &ids,
        ));
        assert!(response.contains(r#""id":3"#), "{response}");
    }

    #[test]
    fn only_what_the_library_decodes_is_passed_on() {
        let ids = Ids::default();
        let bodies: &[&[u8]] = &[
            br#"{"jsonrpc":"2.0","method":"x","params":{"a":1e400}}"#,
            br#"{"jsonrpc":"2.0","method":"x","params":1,"params":2}"#,
            br#"{"jsonrpc":"2.0","method":"x","method":"x"}"#,
            br#"{"jsonrpc":"2.0","jsonrpc":"2.0","method":"x"}"#,
            br#"{"jsonrpc":"2.1","method":"x"}"#,
            br#"{"jsonrpc":"2\u002e0","method":"x","id":"\u0041"}"#,
            br#"{"method":"x"}"#,
            br#"{"jsonrpc":"2.0","id":1.5,"result":null}"#,
            br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#,
            br#"{"jsonrpc":"2.0","id":1,"error":5}"#,
            br#"{"jsonrpc":"2.0","id":1e400,"method":"x","params":[1,{"b":[]}]}"#,
            br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1e400}}"#,
            br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":7}"#,
            br#"{"jsonrpc":"2.0","method":"x","params":"\ud800"}"#,
            br#"{"jsonrpc":"2.0","method":"x","x":1,"x":2}"#,
            b"{\"jsonrpc\":\"2.0\",\"method\":\"\xff\"}",
            b"",
            b"null",
        ];
        for body in bodies {
            if let Checked::Forward(forwarded) = check(body, &ids) {
                assert!(
                    serde_json::from_slice::<Message>(&forwarded).is_ok(),
                    "{}",
                    String::from_utf8_lossy(body)
                );
            }
        }
        assert!(matches!(check(bodies[0], &ids), Checked::Reject(Some(_))));
    }

    #[test]
    fn ids_the_library_cannot_hold_travel_as_tokens_and_come_back_verbatim() {
        let ids = Ids::default();
        for id in [
            "1.5",
            "18446744073709551616",
            "-9223372036854775809",
            "1e400",
            "-0",
            r#""\u0041""#,
            r#""ecospec-lsp/id/1""#,
        ] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
            let Checked::Forward(Cow::Owned(forwarded)) = check(body.as_bytes(), &ids) else {
                panic!("{id} not replaced");
            };
            let fields: Fields = serde_json::from_slice(&forwarded).unwrap();
            let token: String = serde_json::from_str(fields["id"].get()).unwrap();
            let response = format!(r#"{{"jsonrpc":"2.0","result":null,"id":"{token}"}}"#);
            let back = restore_id(response.as_bytes(), &ids);
            let back: Fields = serde_json::from_slice(&back).unwrap();
            assert_eq!(back["id"].get(), id);
        }
        assert!(ids.is_empty());
    }

    #[test]
    fn a_cancel_names_the_token_of_the_request() {
        let ids = Ids::default();
        let request = br#"{"jsonrpc":"2.0","id":2.5,"method":"textDocument/hover"}"#;
        assert!(matches!(
            check(request, &ids),
            Checked::Forward(Cow::Owned(_))
        ));
        let cancel = br#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2.5}}"#;
        let Checked::Forward(forwarded) = check(cancel, &ids) else {
            panic!("cancel dropped");
        };
        let text = String::from_utf8(forwarded.into_owned()).unwrap();
        assert!(text.contains(r#""id":"ecospec-lsp/id/1""#), "{text}");
    }

    #[test]
    fn the_reader_resynchronises_after_a_wrong_length() {
        let good = br#"{"jsonrpc":"2.0","method":"x"}"#;
        let mut input = Vec::new();
        input.extend_from_slice(b"Content-Length: -3\r\n\r\n{\"a\":1}");
        input.extend_from_slice(&frame(good));
        input.extend_from_slice(b"Content-Length: 3\r\n\r\n{\"jsonrpc\":\"2.0\"}");
        input.extend_from_slice(&frame(good));
        input.extend_from_slice(b"\xff\xfe\r\n");
        input.extend_from_slice(b"X-Odd: \xff\r\n");
        input.extend_from_slice(&frame(good));
        let summary = fuzz_frames(&input);
        assert_eq!(
            summary,
            FuzzSummary {
                forwarded: 3,
                answered: 2,
                undecodable: 0
            }
        );
    }

    #[test]
    fn bounded_headers_and_bodies() {
        let mut long = b"X-Long: ".to_vec();
        long.resize(1 << 20, b'a');
        long.extend_from_slice(b"\r\n");
        long.extend_from_slice(&frame(br#"{"jsonrpc":"2.0","method":"x"}"#));
        assert_eq!(fuzz_frames(&long).forwarded, 1);
        let many = "X: y\r\n".repeat(MAX_HEADER_LINES + 1);
        assert_eq!(fuzz_frames(many.as_bytes()).answered, 1);
        let huge = b"Content-Length: 18446744073709551615\r\n\r\n{}";
        assert_eq!(
            fuzz_frames(huge),
            FuzzSummary {
                forwarded: 0,
                answered: 1,
                undecodable: 0
            }
        );
        assert_eq!(
            fuzz_frames(b"Content-Length: 99999999999999999999999\r\n\r\n").answered,
            1
        );
    }
}
