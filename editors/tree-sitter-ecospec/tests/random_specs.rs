//! The tree-sitter grammar and the project's parser agree on 1,000
//! generated specs (the generator of the property tests,
//! `test_support::generated`): each is valid for both, with the same
//! declarations, nested ones included, in the same order.
#![allow(clippy::unwrap_used)]

mod trees;

use std::cell::{Cell, RefCell};

use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use test_support::generated::spec;
use trees::{has_error, parser, project_declarations, tree_declarations};

/// The specs tried: the 1,000.
const CASES: u32 = 1_000;

#[test]
fn a_thousand_generated_specs_are_valid_for_both_parsers_with_the_same_declarations() {
    // The runner takes an `Fn`: the parser and the count are cells.
    let parser = RefCell::new(parser());
    let tried = Cell::new(0);
    // The same specs on every run (a fixed seed), and no file of failures
    // written: a failure shows the smallest spec it shrank to.
    let config = Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha));
    let outcome = runner.run(&spec(), |text| {
        tried.set(tried.get() + 1);
        let errors = ecospec_syntax::parse(&text).errors;
        if !errors.is_empty() {
            return Err(TestCaseError::fail(format!(
                "the project's parser: {errors:?}"
            )));
        }
        let tree = parser.borrow_mut().parse(&text, None).unwrap();
        if has_error(&tree) {
            return Err(TestCaseError::fail(format!(
                "tree-sitter: {}",
                tree.root_node().to_sexp()
            )));
        }
        let project = project_declarations(&text);
        let found = tree_declarations(&tree, &text);
        if project != found {
            return Err(TestCaseError::fail(format!(
                "declarations: project {project:?}, tree-sitter {found:?}"
            )));
        }
        Ok(())
    });
    if let Err(error) = outcome {
        panic!("{error}");
    }
    // Every case ran (shrinking a failure runs more: that failed above).
    assert_eq!(tried.get(), CASES);
}
