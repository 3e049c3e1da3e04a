//! The semantic diff of two events: a pure core (`diff`, `to_patch`) and its renderers.

mod core;
mod patch;
mod pattern;
mod render;

pub(crate) use self::core::{Diff, DiffOptions, diff};
pub(crate) use self::patch::to_patch;
pub(crate) use self::pattern::PointerPattern;
pub(crate) use self::render::{Header, Side, human, json, patch, stat};

impl Default for DiffOptions {
    fn default() -> Self {
        Self {
            array_key: "id".to_owned(),
            ignore: Vec::new(),
            only: Vec::new(),
            volatile: Vec::new(),
            include_volatile: false,
            shape: false,
        }
    }
}
