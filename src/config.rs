//! Settings resolved once at start-up, free of clap types: the catalog, colour, diagnostics.

use crate::catalog::Catalog;
use crate::output::{ColorChoice, Diagnostics};

pub struct Config {
    pub catalog: Catalog,
    pub diagnostics: Diagnostics,
}

impl Config {
    pub fn new(color: ColorChoice) -> anyhow::Result<Self> {
        let catalog = Catalog::builtin()?;
        Ok(Self { catalog, diagnostics: Diagnostics::new(color) })
    }
}
