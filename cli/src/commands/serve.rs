//! `ecospec serve`: the workshop studio (section 10 of the contract). The
//! studio crate serves; this only passes the arguments on.

use crate::args::ServeArgs;
use crate::exit::usage_error;

pub fn run(args: &ServeArgs) -> u8 {
    let options = ecospec_studio::Options {
        root: args.path.clone(),
        bind: args.bind,
        port: args.port,
        limits: ecospec_studio::Limits::default(),
    };
    match ecospec_studio::run(options) {
        Ok(()) => 0,
        Err(message) => usage_error(&message),
    }
}
