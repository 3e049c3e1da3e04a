//! What a new user trips over (issue 19): mistyped subcommands, byte-exact filtering, sign and
//! verify agreeing, limits and conflicting flags, each with the behaviour users expect.

use crate::cmd;

#[test]
fn a_mistyped_subcommand_is_a_usage_error_with_a_suggestion() {
    let out = cmd().args(["validat", "samples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("did you mean `validate`?"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing was inspected");
    // A path is still inspected, existing or not.
    cmd().args(["samples/daily/meeting.started.json"]).assert().code(0);
    cmd().args(["no-such-file.json"]).assert().code(2).stderr(predicates::str::contains("no such file"));
}
