//! Settings resolved once at start-up, free of clap types: the project file, the catalog,
//! diagnostics.

use std::path::Path;

use crate::catalog::Catalog;
use crate::output::{ColorChoice, Diagnostics};
use crate::project::Project;

pub struct Config {
    pub catalog: Catalog,
    pub project: Option<Project>,
    pub diagnostics: Diagnostics,
}

impl Config {
    pub fn new(color: ColorChoice, project_file: Option<&Path>, no_project: bool) -> anyhow::Result<Self> {
        let project = Project::find(project_file, no_project)?;
        let catalog = Catalog::builtin()?;
        Ok(Self { catalog, project, diagnostics: Diagnostics::new(color) })
    }

    /// `validate --strict`, or `[validate] strict = true` in the project file.
    pub fn strict(&self, flag: bool) -> bool {
        flag || self.project.as_ref().is_some_and(|p| p.file.validate.strict)
    }
}
