//! Settings resolved once at start-up, free of clap types: the project file, the catalog,
//! diagnostics.

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::output::{ColorChoice, Diagnostics};
use crate::project::Project;

pub struct Config {
    pub catalog: Catalog,
    pub project: Option<Project>,
    pub diagnostics: Diagnostics,
}

impl Config {
    /// Finds the project file, then loads the built-in catalog (unless `no_builtin`) and the
    /// user catalogs: the project file's `catalogs`, then `--catalog` / `HOOKSCOPE_CATALOG`.
    pub fn new(
        color: ColorChoice,
        project_file: Option<&Path>,
        no_project: bool,
        catalogs: &[PathBuf],
        no_builtin: bool,
    ) -> anyhow::Result<Self> {
        let project = Project::find(project_file, no_project)?;
        let mut dirs: Vec<PathBuf> =
            project.iter().flat_map(|p| p.file.catalogs.iter().map(|c| p.resolve(c))).collect();
        dirs.extend(catalogs.iter().filter(|c| !c.as_os_str().is_empty()).cloned());
        let catalog = Catalog::load(!no_builtin, &dirs)?;
        Ok(Self { catalog, project, diagnostics: Diagnostics::new(color) })
    }

    /// `validate --strict`, or `[validate] strict = true` in the project file.
    pub fn strict(&self, flag: bool) -> bool {
        flag || self.project.as_ref().is_some_and(|p| p.file.validate.strict)
    }
}
