//! `ecospec lints`: every lint with its code, name, default level and
//! summary, as a table or as JSON.

use ecospec::lints::LINTS;

use crate::args::{LintsArgs, LintsFormat};
use crate::exit::EXIT_OK;

pub fn run(args: &LintsArgs) -> u8 {
    match args.format {
        LintsFormat::Human => {
            println!("{:<6} {:<30} {:<6} summary", "code", "name", "level");
            for lint in LINTS {
                println!(
                    "{:<6} {:<30} {:<6} {}",
                    lint.code,
                    lint.name,
                    lint.default.as_str(),
                    lint.summary
                );
            }
        }
        LintsFormat::Json => {
            let list: Vec<serde_json::Value> = LINTS
                .iter()
                .map(|lint| {
                    serde_json::json!({
                        "code": lint.code,
                        "name": lint.name,
                        "level": lint.default.as_str(),
                        "summary": lint.summary,
                    })
                })
                .collect();
            println!("{:#}", serde_json::Value::Array(list));
        }
    }
    EXIT_OK
}
