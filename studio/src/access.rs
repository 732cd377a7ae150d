//! Who may do what. Any request in trainer mode must name the studio by a
//! loopback address; a WebSocket from a browser must come from the
//! studio's own page. Who may save: the trainer, at the laptop the studio
//! runs on. A write is
//! allowed only in trainer mode, from a loopback peer, and only when the
//! request's `Origin` is the studio's own page (`http://` + its `Host`,
//! a loopback address or `localhost`), so that another web site open in
//! the trainer's browser cannot write, even under a name rebound to
//! 127.0.0.1.

use std::net::SocketAddr;

use axum::http::header::{HOST, ORIGIN};
use axum::http::HeaderMap;

/// Whether edits are saved to disk (bound to a loopback address) or kept
/// in each participant's browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Trainer,
    Participant,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Trainer => "trainer",
            Mode::Participant => "participant",
        }
    }
}

/// Whether a request from `peer` could save (`canSave` of `/api/info`).
pub fn can_save(mode: Mode, peer: SocketAddr) -> bool {
    mode == Mode::Trainer && peer.ip().to_canonical().is_loopback()
}

/// Why a write is refused (a 403), if it is.
pub fn refuse_write(mode: Mode, peer: SocketAddr, headers: &HeaderMap) -> Option<&'static str> {
    if mode == Mode::Participant {
        return Some("saving is for the trainer: in participant mode your edits stay in your browser (download them)");
    }
    if !can_save(mode, peer) {
        return Some("only the trainer's own machine (127.0.0.1) may save");
    }
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (header(ORIGIN), header(HOST)) {
        (Some(origin), Some(host)) if origin == format!("http://{host}") && is_loopback_host(host) => None,
        _ => Some("a save must come from the studio's own page at a loopback address (its Origin must match its Host)"),
    }
}

/// Why any request is refused for the name it was sent to (a 403), if it
/// is: in trainer mode the studio answers only under a loopback address or
/// `localhost`, so that a page under a name rebound to 127.0.0.1 (DNS
/// rebinding) can read nothing. In participant mode the participants
/// reach it by the laptop's own address, whatever it is.
pub fn refuse_host(mode: Mode, headers: &HeaderMap) -> Option<&'static str> {
    let host = headers.get(HOST).and_then(|v| v.to_str().ok());
    match (mode, host) {
        (Mode::Participant, _) => None,
        (Mode::Trainer, Some(host)) if is_loopback_host(host) => None,
        (Mode::Trainer, _) => Some(
            "in trainer mode the studio answers at its loopback address only (http://127.0.0.1:PORT/ or http://localhost:PORT/)",
        ),
    }
}

/// Why a WebSocket is refused (a 403), if it is: a browser sends the
/// `Origin` of the page on every WebSocket handshake, and only the
/// studio's own page (`http://` + the `Host`) may open a session, so that
/// another site open in the same browser cannot read the specs through
/// one. A client that is not a browser sends none.
pub fn refuse_socket(headers: &HeaderMap) -> Option<&'static str> {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (header(ORIGIN), header(HOST)) {
        (None, _) => None,
        (Some(origin), Some(host)) if origin == format!("http://{host}") => None,
        _ => Some(
            "a session must be opened by the studio's own page (its Origin must match its Host)",
        ),
    }
}

/// Whether a `Host` header names this machine by a loopback address or
/// `localhost` (a page whose own name was rebound to 127.0.0.1 sends its
/// own name, and is refused).
fn is_loopback_host(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, value.parse().unwrap());
        }
        map
    }

    #[test]
    fn only_the_trainers_own_page_may_write() {
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let mapped: SocketAddr = "[::ffff:127.0.0.1]:5000".parse().unwrap();
        let remote: SocketAddr = "192.168.1.20:5000".parse().unwrap();
        let good = headers(&[
            ("host", "127.0.0.1:7878"),
            ("origin", "http://127.0.0.1:7878"),
        ]);
        assert_eq!(refuse_write(Mode::Trainer, local, &good), None);
        assert_eq!(refuse_write(Mode::Trainer, mapped, &good), None);
        assert!(refuse_write(Mode::Trainer, remote, &good).is_some());
        assert!(refuse_write(Mode::Participant, local, &good).is_some());
        let other = headers(&[
            ("host", "127.0.0.1:7878"),
            ("origin", "http://evil.example"),
        ]);
        assert!(refuse_write(Mode::Trainer, local, &other).is_some());
        let https = headers(&[
            ("host", "127.0.0.1:7878"),
            ("origin", "https://127.0.0.1:7878"),
        ]);
        assert!(refuse_write(Mode::Trainer, local, &https).is_some());
        let none = headers(&[("host", "127.0.0.1:7878")]);
        assert!(refuse_write(Mode::Trainer, local, &none).is_some());
        let rebound = headers(&[
            ("host", "evil.example:7878"),
            ("origin", "http://evil.example:7878"),
        ]);
        assert!(refuse_write(Mode::Trainer, local, &rebound).is_some());
        for host in ["localhost:7878", "[::1]:7878", "127.0.0.1"] {
            let origin = format!("http://{host}");
            let named = headers(&[("host", host), ("origin", &origin)]);
            assert_eq!(refuse_write(Mode::Trainer, local, &named), None, "{host}");
        }
        assert!(can_save(Mode::Trainer, local));
        assert_eq!(refuse_host(Mode::Trainer, &good), None);
        assert!(refuse_host(Mode::Trainer, &rebound).is_some());
        assert!(refuse_host(Mode::Trainer, &HeaderMap::new()).is_some());
        assert_eq!(refuse_host(Mode::Participant, &rebound), None);
        assert_eq!(refuse_socket(&good), None);
        assert_eq!(refuse_socket(&HeaderMap::new()), None);
        assert!(refuse_socket(&other).is_some());
        assert!(!can_save(Mode::Trainer, remote));
        assert!(!can_save(Mode::Participant, local));
    }
}
