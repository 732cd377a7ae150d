//! One module per subcommand. Each depends on the library, the arguments
//! and the shared helpers of the crate, never on another command.

pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod fmt;
pub mod graph;
pub mod init;
pub mod lints;
pub mod man;
pub mod report;
pub mod serve;
pub mod watch;
pub mod what_if;
