//! The custom requests of ecospec (registered in `lib.rs`): the map
//! (`ecospec/graph`), the interventions, the scenarios, a what-if and an
//! explanation. Each finds the analysis asked of (a document's current
//! version, or a folder's) and hands it to its handler.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use ecospec::source::FileId;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{TextDocumentIdentifier, Uri};

use crate::analysis::Analysis;
use crate::convert::Encoding;
use crate::ecosystem::{Target, Where};
use crate::handlers::explain::{self, ExplainParams};
use crate::handlers::graph::{self, GraphParams, GraphResult};
use crate::handlers::what_if::{self, WhatIfParams};
use crate::handlers::{interventions, scenarios};
use crate::server::{guarded, Backend};

/// How long a request about a folder waits for its first analysis.
const FOLDER_WAIT: Duration = Duration::from_secs(20);

impl Backend {
    /// `ecospec/graph`: drawn from the analysis of the document's current
    /// version, or of the folder.
    pub async fn graph(&self, params: GraphParams) -> Result<GraphResult> {
        let (analysis, file) = self
            .analysis_for(
                graph::METHOD,
                params.text_document.as_ref(),
                params.folder.as_ref(),
            )
            .await?;
        let root = self.root_path(params.root.as_ref())?;
        let encoding = self.state()?.encoding;
        let target = Target {
            file,
            root: root.as_deref(),
        };
        guarded(|| graph::graph(&analysis, &target, &params, encoding))
    }

    /// `ecospec/interventions`.
    pub async fn interventions(&self, params: Where) -> Result<Value> {
        let at = self.located(interventions::METHOD, &params).await?;
        guarded(|| interventions::interventions(&at.analysis, &at.target(), at.encoding))
    }

    /// `ecospec/scenarios`.
    pub async fn scenarios(&self, params: Where) -> Result<Value> {
        let at = self.located(scenarios::METHOD, &params).await?;
        guarded(|| scenarios::scenarios(&at.analysis, &at.target(), at.encoding))
    }

    /// `ecospec/whatIf`.
    pub async fn what_if(&self, params: WhatIfParams) -> Result<Value> {
        let at = self.located(what_if::METHOD, &params.at).await?;
        guarded(|| what_if::what_if(&at.analysis, &at.target(), &params))
    }

    /// `ecospec/explain`: needs no analysis.
    pub async fn explain(&self, params: ExplainParams) -> Result<Value> {
        guarded(|| explain::explain(&params))
    }

    /// The analysis, document and root file a request names.
    async fn located(&self, method: &str, at: &Where) -> Result<Located> {
        let (analysis, file) = self
            .analysis_for(method, at.text_document.as_ref(), at.folder.as_ref())
            .await?;
        Ok(Located {
            analysis,
            file,
            root: self.root_path(at.root.as_ref())?,
            encoding: self.state()?.encoding,
        })
    }

    /// The analysis of a document's current version, or of a folder.
    async fn analysis_for(
        &self,
        method: &str,
        document: Option<&TextDocumentIdentifier>,
        folder: Option<&Uri>,
    ) -> Result<(Arc<Analysis>, Option<FileId>)> {
        match (document, folder) {
            (Some(doc), _) => {
                let query = self
                    .query(&doc.uri)
                    .await?
                    .ok_or_else(|| Error::invalid_params("the document is not analyzed yet"))?;
                Ok((query.analysis, Some(query.file)))
            }
            (None, Some(folder)) => Ok((self.folder_analysis(folder).await?, None)),
            (None, None) => Err(Error::invalid_params(format!(
                "`{method}` needs `textDocument` or `folder`"
            ))),
        }
    }

    /// The root file a request names, as a path.
    fn root_path(&self, root: Option<&Uri>) -> Result<Option<PathBuf>> {
        root.map(|uri| self.path_or_error(uri, "file")).transpose()
    }

    /// The last analysis of a folder; one is started (and waited for a
    /// little) when there is none.
    async fn folder_analysis(&self, folder: &Uri) -> Result<Arc<Analysis>> {
        let path = self.path_or_error(folder, "folder")?;
        if !self.state()?.accepts(&path) {
            return Err(Error::invalid_params(format!(
                "`{}` is outside the studio's folder",
                folder.as_str()
            )));
        }
        let mut analyzed = self.analyzed.clone();
        let deadline = tokio::time::Instant::now() + FOLDER_WAIT;
        let mut scheduled = false;
        loop {
            if let Some(analysis) = self.state()?.analyses.get(&path).cloned() {
                return Ok(analysis);
            }
            if !scheduled {
                self.schedule(path.clone());
                scheduled = true;
            }
            match tokio::time::timeout_at(deadline, analyzed.changed()).await {
                Ok(Ok(())) => {}
                _ => {
                    return Err(Error::invalid_params(format!(
                        "`{}` is not analyzed yet",
                        path.display()
                    )))
                }
            }
        }
    }
}

/// What a request names: the analysis, its document, its root file.
struct Located {
    analysis: Arc<Analysis>,
    file: Option<FileId>,
    root: Option<PathBuf>,
    encoding: Encoding,
}

impl Located {
    fn target(&self) -> Target<'_> {
        Target {
            file: self.file,
            root: self.root.as_deref(),
        }
    }
}
