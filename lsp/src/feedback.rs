//! What to publish after a check of a folder (as the feedback of Gleam's
//! language server): the files with diagnostics, the files that
//! had some and have none now (cleared with an empty list, also when they
//! disappeared from the folder), the open documents (so a client sees that
//! the version it sent was checked); and of those only the ones whose
//! diagnostics or version changed since they were last published.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One file's diagnostics to publish.
#[derive(Clone, Debug, PartialEq)]
pub struct Published<D> {
    pub path: PathBuf,
    pub version: Option<i32>,
    pub diagnostics: Vec<D>,
}

/// What was published for one folder's files.
#[derive(Debug)]
pub struct Feedback<D> {
    /// The files last published with diagnostics.
    with_diagnostics: HashSet<PathBuf>,
    /// What was last published for each file: its version and diagnostics.
    sent: HashMap<PathBuf, (Option<i32>, Vec<D>)>,
}

impl<D> Default for Feedback<D> {
    fn default() -> Self {
        Feedback {
            with_diagnostics: HashSet::new(),
            sent: HashMap::new(),
        }
    }
}

impl<D: Clone + PartialEq> Feedback<D> {
    /// What to publish after a check that read `files` (in order) and found
    /// `by_file`, with `versions` of the open documents it saw; `is_open`
    /// says whether a file is open in the editor now.
    pub fn after_check<'f>(
        &mut self,
        files: impl IntoIterator<Item = &'f Path>,
        mut by_file: HashMap<PathBuf, Vec<D>>,
        versions: &HashMap<PathBuf, i32>,
        is_open: impl Fn(&Path) -> bool,
    ) -> Vec<Published<D>> {
        let now: HashSet<PathBuf> = by_file.keys().cloned().collect();
        let before = std::mem::replace(&mut self.with_diagnostics, now);
        let mut targets: Vec<PathBuf> = files
            .into_iter()
            .filter(|p| by_file.contains_key(*p) || before.contains(*p) || is_open(p))
            .map(Path::to_path_buf)
            .collect();
        let listed: HashSet<PathBuf> = targets.iter().cloned().collect();
        targets.extend(before.into_iter().filter(|p| !listed.contains(p)));
        let mut sent = HashMap::with_capacity(targets.len());
        let mut out = Vec::new();
        for path in targets {
            let diagnostics = by_file.remove(&path).unwrap_or_default();
            let version = versions.get(&path).copied();
            let again = self
                .sent
                .get(&path)
                .is_some_and(|(v, d)| *v == version && *d == diagnostics);
            if !again {
                out.push(Published {
                    path: path.clone(),
                    version,
                    diagnostics: diagnostics.clone(),
                });
            }
            sent.insert(path, (version, diagnostics));
        }
        self.sent = sent;
        out
    }

    /// Forgets what was sent (not which files had diagnostics): the next
    /// check publishes every file it lists again.
    pub fn resend_all(&mut self) {
        self.sent.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str) -> PathBuf {
        PathBuf::from(format!("/w/{name}"))
    }

    fn diagnostics(list: &[(&str, &[&'static str])]) -> HashMap<PathBuf, Vec<&'static str>> {
        list.iter().map(|(f, d)| (p(f), d.to_vec())).collect()
    }

    fn published(
        list: &[Published<&'static str>],
    ) -> Vec<(String, Option<i32>, Vec<&'static str>)> {
        list.iter()
            .map(|x| {
                let name = x.path.display().to_string();
                (name, x.version, x.diagnostics.clone())
            })
            .collect()
    }

    fn check(
        feedback: &mut Feedback<&'static str>,
        files: &[&str],
        found: &[(&str, &[&'static str])],
        open: &[(&str, i32)],
    ) -> Vec<(String, Option<i32>, Vec<&'static str>)> {
        let files: Vec<PathBuf> = files.iter().map(|f| p(f)).collect();
        let versions: HashMap<PathBuf, i32> = open.iter().map(|(f, v)| (p(f), *v)).collect();
        let out = feedback.after_check(
            files.iter().map(PathBuf::as_path),
            diagnostics(found),
            &versions,
            |path| versions.contains_key(path),
        );
        published(&out)
    }

    #[test]
    fn files_with_diagnostics_and_open_documents_are_published_once() {
        let mut feedback = Feedback::default();
        let first = check(
            &mut feedback,
            &["a.eco", "b.eco", "c.eco"],
            &[("b.eco", &["W1"])],
            &[("c.eco", 3)],
        );
        assert_eq!(
            first,
            vec![
                ("/w/b.eco".into(), None, vec!["W1"]),
                ("/w/c.eco".into(), Some(3), vec![]),
            ]
        );
        let again = check(
            &mut feedback,
            &["a.eco", "b.eco", "c.eco"],
            &[("b.eco", &["W1"])],
            &[("c.eco", 3)],
        );
        assert_eq!(again, vec![]);
    }

    #[test]
    fn a_new_version_is_published_even_with_the_same_diagnostics() {
        let mut feedback = Feedback::default();
        check(
            &mut feedback,
            &["a.eco"],
            &[("a.eco", &["W1"])],
            &[("a.eco", 1)],
        );
        let next = check(
            &mut feedback,
            &["a.eco"],
            &[("a.eco", &["W1"])],
            &[("a.eco", 2)],
        );
        assert_eq!(next, vec![("/w/a.eco".into(), Some(2), vec!["W1"])]);
    }

    #[test]
    fn fixed_and_vanished_files_are_cleared() {
        let mut feedback = Feedback::default();
        check(
            &mut feedback,
            &["a.eco", "b.eco"],
            &[("a.eco", &["W1"]), ("b.eco", &["E2"])],
            &[],
        );
        // `a.eco` was fixed; `b.eco` was deleted (the check no longer reads it).
        let next = check(&mut feedback, &["a.eco"], &[], &[]);
        assert_eq!(
            next,
            vec![
                ("/w/a.eco".into(), None, vec![]),
                ("/w/b.eco".into(), None, vec![])
            ]
        );
        // Cleared once: nothing more to say about either.
        assert_eq!(check(&mut feedback, &["a.eco"], &[], &[]), vec![]);
    }

    #[test]
    fn after_resend_all_every_listed_file_is_published_again() {
        let mut feedback = Feedback::default();
        check(
            &mut feedback,
            &["a.eco", "b.eco"],
            &[("a.eco", &["W1"])],
            &[("b.eco", 1)],
        );
        feedback.resend_all();
        let next = check(
            &mut feedback,
            &["a.eco", "b.eco"],
            &[("a.eco", &["W1"])],
            &[("b.eco", 1)],
        );
        assert_eq!(
            next,
            vec![
                ("/w/a.eco".into(), None, vec!["W1"]),
                ("/w/b.eco".into(), Some(1), vec![])
            ]
        );
    }
}
