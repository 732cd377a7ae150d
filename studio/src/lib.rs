//! `ecospec-studio`: the workshop studio, `ecospec serve` (section 10 of
//! the contract; docs/src/decisions.md, "The workshop studio's server").
//! An HTTP server on tokio (axum) that serves one page (the embedded
//! bundle, `assets`), the folder's `.eco` files and saving them
//! (`workspace`, under the rules of `access`), the training exercises
//! (`exercises`), and one language server session per browser tab over a
//! WebSocket (`bridge`).

mod access;
mod app;
mod assets;
mod bridge;
mod errors;
mod exercises;
mod routes;
mod workspace;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use crate::access::Mode;
use crate::app::App;
pub use crate::app::Limits;

/// The stack of each runtime thread (address space, touched only as deep
/// as a request goes), as the language server's own.
const THREAD_STACK: usize = 64 << 20;

/// What `ecospec serve` was asked.
#[derive(Clone, Debug)]
pub struct Options {
    /// PATH: the folder whose `.eco` files the studio shows.
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub limits: Limits,
}

/// A studio bound to its address, not serving yet.
pub struct Studio {
    listener: TcpListener,
    app: App,
    address: SocketAddr,
}

impl Studio {
    /// Binds the address; `Err` is one line (PATH not a folder, the
    /// address taken).
    pub async fn bind(options: Options) -> Result<Studio, String> {
        let root = canonical_folder(&options.root)?;
        let mode = if options.bind.to_canonical().is_loopback() {
            Mode::Trainer
        } else {
            Mode::Participant
        };
        let listener = TcpListener::bind((options.bind, options.port))
            .await
            .map_err(|e| format!("cannot listen on {}:{}: {e}", options.bind, options.port))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("cannot listen: {e}"))?;
        let app = App {
            root: Arc::new(root),
            mode,
            sessions: Arc::new(Semaphore::new(options.limits.sessions)),
            limits: options.limits,
        };
        Ok(Studio {
            listener,
            app,
            address,
        })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn mode(&self) -> Mode {
        self.app.mode
    }

    /// The line `ecospec serve` prints (tests read the port from it).
    pub fn banner(&self) -> String {
        let what = match self.app.mode {
            Mode::Trainer => "trainer mode: edits are saved under PATH",
            Mode::Participant => "participant mode: edits stay in each browser",
        };
        format!("ecospec studio: http://{}/ ({what})", self.address)
    }

    /// Serves until `shutdown` completes.
    pub async fn serve(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), String> {
        let service = routes::router(self.app).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| format!("the studio stopped: {e}"))
    }
}

fn canonical_folder(path: &Path) -> Result<PathBuf, String> {
    let real = std::fs::canonicalize(path)
        .map_err(|e| format!("cannot serve `{}`: {e}", path.display()))?;
    if !real.is_dir() {
        return Err(format!(
            "cannot serve `{}`: it is not a folder",
            path.display()
        ));
    }
    Ok(real)
}

/// How long the open sessions (WebSockets, which a graceful shutdown would
/// wait for as long as a tab stays open) get after Ctrl-C.
const GRACE: Duration = Duration::from_secs(1);

/// `ecospec serve`: binds, prints the banner on standard output, serves
/// until Ctrl-C. `Err` is the one line to report (exit 2).
pub fn run(options: Options) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK)
        .build()
        .map_err(|e| format!("cannot start the studio: {e}"))?;
    let served = runtime.block_on(async {
        let studio = Studio::bind(options).await?;
        println!("{}", studio.banner());
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        let (stop, stopped) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                let _ = stop.send(true);
            }
        });
        let mut graceful = stopped.clone();
        let shutdown = async move {
            let _ = graceful.wait_for(|stop| *stop).await;
        };
        let mut stopped = stopped;
        tokio::select! {
            served = studio.serve(shutdown) => served,
            _ = async {
                let _ = stopped.wait_for(|stop| *stop).await;
                tokio::time::sleep(GRACE).await;
            } => Ok(()),
        }
    });
    runtime.shutdown_timeout(GRACE);
    served
}
