//! Exit codes, in one place: 0 all good, 1 a finding, 2 hookscope could not do its job (it wins).

/// How a run ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Outcome {
    /// Something was found: an invalid, unknown or unparsable event, a difference, a bad signature.
    pub finding: bool,
    /// Something could not be done: an unreadable path, a bad argument.
    pub error: bool,
}

impl Outcome {
    pub fn error() -> Self {
        Self { finding: false, error: true }
    }

    pub fn code(self) -> u8 {
        if self.error { 2 } else { u8::from(self.finding) }
    }
}

/// Whether an error comes from writing to a closed pipe.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_wins_over_finding() {
        assert_eq!(Outcome { finding: true, error: true }.code(), 2);
        assert_eq!(Outcome { finding: true, error: false }.code(), 1);
        assert_eq!(Outcome::default().code(), 0);
    }
}
