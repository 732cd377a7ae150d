//! What every request of one studio shares.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::access::Mode;

/// The limits of a studio (their defaults are the contract's).
#[derive(Clone, Debug)]
pub struct Limits {
    /// LSP sessions at once; the next is refused (503).
    pub sessions: usize,
    /// A session with no message from its tab for this long is closed.
    pub idle: Duration,
    /// The largest request body and WebSocket message, in bytes.
    pub message: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            sessions: 100,
            idle: Duration::from_secs(30 * 60),
            message: 5 << 20,
        }
    }
}

/// The studio's state, cloned into each request.
#[derive(Clone)]
pub struct App {
    /// PATH, canonical.
    pub root: Arc<PathBuf>,
    pub mode: Mode,
    pub limits: Limits,
    /// One permit per open session.
    pub sessions: Arc<Semaphore>,
}
