//! The README's examples, run: every `console` block is executed and its output compared, so a
//! README that lies fails the build (`...` and `[..]` elide what varies or is too long to show).

#[test]
fn readme_examples_run() {
    trycmd::TestCases::new()
        .register_bin("hookscope", std::path::PathBuf::from(env!("CARGO_BIN_EXE_hookscope")))
        .env("NO_COLOR", "1")
        .case("README.md");
}
