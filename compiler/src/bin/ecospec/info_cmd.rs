//! `ecospec explain` and `ecospec lints`: the documentation that lives
//! beside each lint, printed.

use ecospec::lints::{explanation, LINTS};

use crate::check_cmd::usage_error;
use crate::cli::{ExplainArgs, LintsArgs, LintsFormat};
use crate::EXIT_OK;

pub fn explain(args: &ExplainArgs) -> u8 {
    match explanation(&args.code) {
        Some(text) => {
            println!("{text}");
            EXIT_OK
        }
        None => usage_error(&format!(
            "no diagnostic `{}`: `ecospec lints` lists the lints; error codes run E0101–E0305",
            args.code
        )),
    }
}

pub fn lints(args: &LintsArgs) -> u8 {
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
