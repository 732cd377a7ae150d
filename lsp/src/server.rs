//! The protocol side: capabilities, document notifications (state updated
//! before any `.await`), and requests answered from the last analysis.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ecospec::source::SourceFile;
use tokio::sync::watch;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::Query;
use crate::convert::Encoding;
use crate::handlers::{
    code_actions, completion, definition, folding, formatting, hover, references, rename,
    semantic_tokens, symbols,
};
use crate::state::{apply_changes, Doc, State};
use crate::uris::path_within;

/// How long a query waits for the analysis of the document's latest version.
const FRESH_WAIT: Duration = Duration::from_secs(2);

pub struct Backend {
    pub client: Client,
    pub state: Arc<Mutex<State>>,
    pub jobs: Mutex<Sender<PathBuf>>,
    pub analyzed: watch::Receiver<u64>,
    /// Set by `shutdown`: the exit code after `exit` is then 0, not 1.
    pub shut_down: Arc<AtomicBool>,
    /// Studio mode's one folder ([`crate::Options::fixed_folder`]).
    pub fixed: Option<PathBuf>,
}

/// Runs a query; a panic inside it becomes an error response.
pub fn guarded<T>(query: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(query)).unwrap_or_else(|_| {
        let mut error = Error::internal_error();
        error.message =
            "internal error in the ecospec language server (a bug: please report it)".into();
        Err(error)
    })
}

impl Backend {
    pub fn state(&self) -> Result<MutexGuard<'_, State>> {
        self.state.lock().map_err(|_| Error::internal_error())
    }

    pub fn schedule(&self, folder: PathBuf) {
        if let Ok(jobs) = self.jobs.lock() {
            let _ = jobs.send(folder);
        }
    }

    /// The path the checker uses for a client's URI; in studio mode, only
    /// one written inside the folder ([`path_within`]).
    pub fn path_of(&self, uri: &Uri) -> Option<PathBuf> {
        path_within(uri, self.fixed.as_deref())
    }

    /// [`Backend::path_of`], or an invalid-params error saying why not:
    /// outside the studio's folder, or not a `what` (file, folder).
    pub fn path_or_error(&self, uri: &Uri, what: &str) -> Result<PathBuf> {
        self.path_of(uri).ok_or_else(|| {
            Error::invalid_params(match self.fixed {
                Some(_) => format!("`{}` is outside the studio's folder", uri.as_str()),
                None => format!("not a {what}: {}", uri.as_str()),
            })
        })
    }

    fn open_doc(&self, uri: &Uri) -> Result<(PathBuf, Doc, PathBuf, Encoding)> {
        let path = self.path_or_error(uri, "file")?;
        let state = self.state()?;
        let doc =
            state.docs.get(&path).cloned().ok_or_else(|| {
                Error::invalid_params(format!("document not open: {}", uri.as_str()))
            })?;
        Ok((path.clone(), doc, state.folder_of(&path), state.encoding))
    }

    /// The analysis of the document's folder that saw its current version
    /// (waiting for it a little), or the last one.
    pub async fn query(&self, uri: &Uri) -> Result<Option<Query>> {
        let (path, doc, folder, encoding) = self.open_doc(uri)?;
        let mut analyzed = self.analyzed.clone();
        let deadline = tokio::time::Instant::now() + FRESH_WAIT;
        let analysis = loop {
            let current = self.state()?.analyses.get(&folder).cloned();
            let fresh = current
                .as_ref()
                .is_some_and(|a| a.versions.get(&path).is_some_and(|v| *v >= doc.version));
            if fresh {
                break current;
            }
            match tokio::time::timeout_at(deadline, analyzed.changed()).await {
                Ok(Ok(())) => {}
                _ => break current,
            }
        };
        let Some(analysis) = analysis else {
            return Ok(None);
        };
        let Some(file) = analysis.outcome.sources.find(&path) else {
            return Ok(None);
        };
        Ok(Some(Query {
            analysis,
            file,
            encoding,
        }))
    }

    async fn answer<T, F>(&self, uri: &Uri, f: F) -> Result<Option<T>>
    where
        F: FnOnce(&Query) -> Result<Option<T>>,
    {
        match self.query(uri).await? {
            Some(query) => guarded(|| f(&query)),
            None => Ok(None),
        }
    }
}

fn workspace_folders(backend: &Backend, params: &InitializeParams) -> Vec<PathBuf> {
    #[allow(deprecated)]
    let root = params.root_uri.iter();
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders
            .iter()
            .filter_map(|f| backend.path_of(&f.uri))
            .collect(),
        _ => root.filter_map(|uri| backend.path_of(uri)).collect(),
    }
}

pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some([":", ",", "@", "(", " "].map(String::from).to_vec()),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        workspace_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        semantic_tokens_provider: Some(semantic_tokens::capability()),
        document_formatting_provider: Some(OneOf::Left(true)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = Encoding::negotiate(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let allow_outside_imports = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("allowOutsideImports"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false);
        {
            let mut state = self.state()?;
            state.encoding = encoding;
            // Studio mode never reads outside its folder.
            state.allow_outside_imports = allow_outside_imports && state.fixed.is_none();
            state.set_folders(workspace_folders(self, &params));
        }
        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "ecospec-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.client
            .log_message(MessageType::INFO, "ecospec-lsp ready")
            .await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.update(doc.uri, doc.version, Text::Open(doc.text));
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let doc = params.text_document;
        self.update(doc.uri, doc.version, Text::Changes(params.content_changes));
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Some(path) = self.path_of(&params.text_document.uri) {
            let folder = self
                .state
                .lock()
                .map(|s| s.accepts(&path).then(|| s.folder_of(&path)));
            if let Ok(Some(folder)) = folder {
                self.schedule(folder);
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let Some(path) = self.path_of(&params.text_document.uri) else {
            return;
        };
        let folder = match self.state.lock() {
            Ok(mut state) => {
                state.docs.remove(&path);
                state.folder_of(&path)
            }
            Err(_) => return,
        };
        self.schedule(folder);
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        if let Ok(mut state) = self.state.lock() {
            let removed: Vec<PathBuf> = params
                .event
                .removed
                .iter()
                .filter_map(|f| self.path_of(&f.uri))
                .collect();
            let mut folders: Vec<PathBuf> = state
                .folders
                .iter()
                .filter(|f| !removed.contains(f))
                .cloned()
                .collect();
            folders.extend(
                params
                    .event
                    .added
                    .iter()
                    .filter_map(|f| self.path_of(&f.uri)),
            );
            state.set_folders(folders);
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        self.answer(&at.text_document.uri, |q| Ok(hover::hover(q, at.position)))
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        self.answer(&at.text_document.uri, |q| {
            Ok(definition::definition(q, at.position))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let include = params.context.include_declaration;
        self.answer(&at.text_document.uri, |q| {
            Ok(references::references(q, at.position, include))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.answer(&params.text_document.uri, |q| {
            Ok(rename::prepare_rename(q, params.position))
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let new_name = params.new_name;
        self.answer(&at.text_document.uri, |q| {
            rename::rename(q, at.position, &new_name)
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let (_, doc, _, encoding) = self.open_doc(&at.text_document.uri)?;
        // The context comes from the text as typed; names from the last analysis.
        let query = self.query(&at.text_document.uri).await.ok().flatten();
        guarded(|| {
            Ok(completion::complete(
                query.as_ref(),
                &doc.file,
                at.position,
                encoding,
            ))
        })
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.answer(&params.text_document.uri, |q| {
            Ok(symbols::document_symbols(q))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let (analyses, encoding) = {
            let state = self.state()?;
            (
                state.analyses.values().cloned().collect::<Vec<_>>(),
                state.encoding,
            )
        };
        guarded(|| {
            Ok(symbols::workspace_symbols(
                &analyses,
                &params.query,
                encoding,
            ))
        })
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.answer(&params.text_document.uri, |q| {
            Ok(folding::folding_ranges(q))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.answer(&params.text_document.uri, |q| Ok(semantic_tokens::full(q)))
            .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let (_, doc, _, encoding) = self.open_doc(&params.text_document.uri)?;
        match guarded(|| Ok(formatting::format(&doc.file, encoding)))? {
            Ok(edits) => Ok(edits),
            Err(error) => {
                // Like `ecospec fmt`, a file with a syntax error is left alone.
                self.client
                    .log_message(
                        MessageType::INFO,
                        format!("ecospec fmt: not formatted: {error}"),
                    )
                    .await;
                Ok(None)
            }
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.answer(&params.text_document.uri, |q| {
            Ok(code_actions::code_actions(q, params.range))
        })
        .await
    }
}

/// A document's new text: opened, or changed.
enum Text {
    Open(String),
    Changes(Vec<TextDocumentContentChangeEvent>),
}

impl Backend {
    /// A new text for a document: kept only when its version is above the
    /// current one (any version when it is opened); then its folder is
    /// checked again.
    fn update(&self, uri: Uri, version: i32, text: Text) {
        let Some(path) = self.path_of(&uri) else {
            return;
        };
        let folder = {
            let Ok(mut state) = self.state.lock() else {
                return;
            };
            if !state.accepts(&path) {
                return;
            }
            let text = match (text, state.docs.get(&path)) {
                (Text::Open(text), _) => text,
                (Text::Changes(changes), Some(current)) if version > current.version => {
                    match apply_changes(&current.file, changes, state.encoding) {
                        Ok(text) => text,
                        Err(why) => {
                            drop(state);
                            self.log(format!(
                                "ecospec-lsp: a change to `{}` was not applied ({why}); \
                                 the document is kept as it was",
                                uri.as_str()
                            ));
                            return;
                        }
                    }
                }
                (Text::Changes(_), _) => return,
            };
            let file = SourceFile::new(path.clone(), path.display().to_string(), text);
            state.docs.insert(
                path.clone(),
                Doc {
                    version,
                    file: Arc::new(file),
                },
            );
            state.folder_of(&path)
        };
        self.schedule(folder);
    }

    /// A message for the client's log (and standard error), sent from a
    /// notification handler that does not wait for it.
    fn log(&self, message: String) {
        eprintln!("{message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(MessageType::ERROR, message).await });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    #[test]
    fn a_panic_in_a_query_is_an_error_response() {
        let answer: Result<()> = guarded(|| panic!("boom"));
        assert_eq!(
            answer.map_err(|e| e.code),
            Err(tower_lsp_server::jsonrpc::ErrorCode::InternalError)
        );
    }
}
