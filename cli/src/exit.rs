//! Exit statuses of the contract (docs/src/ci.md): 0 no error, 1 findings that
//! fail the run, 2 ecospec could not do its job (a usage error).

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Says what went wrong on stderr; the status of a usage error.
pub fn usage_error(message: &str) -> u8 {
    eprintln!("error: {message}");
    EXIT_USAGE
}
