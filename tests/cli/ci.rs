//! CI and pipeline use: report formats, fixture expectations from a project file, filter, stats,
//! completions and the man page.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{cmd, path_str, results, root, validate_json};

const INVALID: &str = "tests/fixtures/daily/tampered/meeting.started.room-object.json";
const VALID: &str = "samples/daily/meeting.started.json";
const DRIFT: &str = "samples/alfred/job_finished_event.json";

fn stdout_of(args: &[&str]) -> (i32, String) {
    let out = cmd().args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn junit_is_xml_with_one_failure_per_invalid_event() {
    let (code, text) =
        stdout_of(&["validate", "--format", "junit", VALID, INVALID, DRIFT, "tests/fixtures/daily/tampered"]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let (_, report) = validate_json(&[VALID, INVALID, DRIFT, "tests/fixtures/daily/tampered"]);
    let failing = report["summary"]["invalid"].as_u64().unwrap()
        + report["summary"]["unknown"].as_u64().unwrap()
        + report["summary"]["unparsable"].as_u64().unwrap();
    assert_eq!(suites.attribute("failures").unwrap().parse::<u64>().unwrap(), failing);
    let failures = doc.descendants().filter(|n| n.has_tag_name("failure")).count() as u64;
    assert_eq!(failures, failing);
    let suite_names: Vec<&str> =
        suites.children().filter(roxmltree::Node::is_element).map(|n| n.attribute("name").unwrap()).collect();
    assert!(suite_names.contains(&INVALID) && suite_names.contains(&VALID));
    let testcases = doc.descendants().filter(|n| n.has_tag_name("testcase")).count() as u64;
    assert_eq!(testcases, report["summary"]["events"].as_u64().unwrap());
}

#[test]
fn github_annotations_carry_file_line_and_column() {
    let (code, text) = stdout_of(&["validate", "--format", "github", INVALID, DRIFT]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.contains(
            &"::error file=tests/fixtures/daily/tampered/meeting.started.room-object.json,line=8,col=13,\
              title=wrong-type (tests/fixtures/daily/tampered/meeting.started.room-object.json%3A1%3A1 daily meeting.started)\
              ::expected a string, found an object at /payload/room"
        ),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=samples/alfred/job_finished_event.json,line=4,col=17,"))
    );
    assert!(
        lines.iter().all(|l| l.starts_with("::error ") || l.starts_with("::warning ")),
        "only annotations"
    );
}

#[test]
fn sarif_has_one_result_per_finding() {
    let (code, text) = stdout_of(&["validate", "--format", "sarif", INVALID, DRIFT]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let (_, report) = validate_json(&[INVALID, DRIFT]);
    let findings: usize = results(&report)
        .iter()
        .map(|r| r["errors"].as_array().unwrap().len() + r["warnings"].as_array().unwrap().len())
        .sum();
    let sarif_results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(sarif_results.len(), findings);
    let region =
        &sarif_results.iter().find(|r| r["level"] == "error").unwrap()["locations"][0]["physicalLocation"];
    assert_eq!(region["artifactLocation"]["uri"], INVALID);
    assert_eq!(
        (region["region"]["startLine"].as_u64(), region["region"]["startColumn"].as_u64()),
        (Some(8), Some(13))
    );
}

/// A fixture tree with a project file: `good/` holds a valid event, `bad/` tampered ones.
fn project_tree(name: &str, project: &str) -> PathBuf {
    let dir = root().join("target/test-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("good")).unwrap();
    std::fs::create_dir_all(dir.join("bad/deep")).unwrap();
    std::fs::copy(root().join(VALID), dir.join("good/meeting.json")).unwrap();
    std::fs::copy(root().join(INVALID), dir.join("bad/room.json")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/daily/tampered/meeting.started.missing-id.json"),
        dir.join("bad/deep/id.json"),
    )
    .unwrap();
    std::fs::write(dir.join("hookscope.toml"), project).unwrap();
    dir
}

fn validate_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = cmd().current_dir(dir).arg("validate").args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn fixture_expectations_turn_negative_fixtures_into_passes() {
    let dir = project_tree("project", "[[fixtures]]\npaths = [\"bad/**\"]\nexpect = \"invalid\"\n");
    let (code, text, _) = validate_in(&dir, &["."]);
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with("3 events: 1 valid, 2 invalid, 0 unknown, 0 unparsable; 0 warnings; 2 events failed as the project file expects\n"), "{text}");
    // Without the project file they fail.
    assert_eq!(validate_in(&dir, &["--no-config", "."]).0, 1);
    // A negative fixture that becomes valid fails the run.
    std::fs::copy(root().join(VALID), dir.join("bad/room.json")).unwrap();
    let (code, text, _) = validate_in(&dir, &["."]);
    assert_eq!(code, 1);
    assert!(text.contains("expected to be invalid (project file), but it is valid"), "{text}");
    // Found from a subdirectory too.
    let (code, _, _) = validate_in(&dir.join("good"), &["../bad/deep"]);
    assert_eq!(code, 0);
}

#[test]
fn project_file_forces_types_and_strictness() {
    let project =
        "[validate]\nstrict = true\n\n[[fixtures]]\npaths = [\"good/*.json\"]\ntype = \"meeting.ended\"\n";
    let dir = project_tree("project-force", project);
    let out = cmd().current_dir(&dir).args(["validate", "--format", "json", "good"]).output().unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results(&report)[0]["event_type"], "meeting.ended", "forced by the fixture entry");
    // strict: the drift sample fails.
    std::fs::copy(root().join(DRIFT), dir.join("drift.json")).unwrap();
    assert_eq!(validate_in(&dir, &["drift.json"]).0, 1);
    assert_eq!(validate_in(&dir, &["--no-config", "drift.json"]).0, 0);
}

#[test]
fn malformed_project_file_is_exit_2_naming_the_line() {
    let dir = project_tree("project-bad", "[[fixtures]]\npaths = [\"bad/**\"]\nexpect = \"broken\"\n");
    let (code, _, stderr) = validate_in(&dir, &["."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("hookscope.toml") && stderr.contains("line 3"), "{stderr}");
    let (code, _, stderr) = validate_in(&dir, &["--config", "nope.toml", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

fn mixed_log() -> (PathBuf, Vec<String>) {
    // A file per call: tests run at once, and one must not read another's half-written copy.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let mut lines = Vec::new();
    for sample in [
        "meeting.started",
        "recording.started",
        "recording.error",
        "participant.joined",
        "recording.ready-to-download",
    ] {
        let text = std::fs::read_to_string(root().join(format!("samples/daily/{sample}.json"))).unwrap();
        // Keep a spelling a re-serialiser would change, to prove bytes are untouched.
        let v: Value = serde_json::from_str(&text).unwrap();
        lines.push(serde_json::to_string(&v).unwrap().replacen('{', "{ ", 1));
    }
    lines.push("this line is not JSON".to_owned());
    lines.push(
        std::fs::read_to_string(root().join("samples/extend/2026-02-09/extract_run.processed.json"))
            .unwrap()
            .replace('\n', ""),
    );
    let content = lines.join("\n") + "\n";
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = crate::scratch(&format!("mixed-{n}.ndjson"), content.as_bytes());
    (path, lines)
}

#[test]
fn filter_passes_matching_lines_byte_for_byte() {
    let (path, lines) = mixed_log();
    let (code, text) = stdout_of(&["filter", "--type", "recording.*", path_str(&path)]);
    assert_eq!(code, 0);
    let expected: Vec<&String> = lines.iter().filter(|l| l.contains("\"type\":\"recording.")).collect();
    assert_eq!(expected.len(), 3);
    let lines_of = |list: Vec<&String>| list.into_iter().map(|l| l.clone() + "\n").collect::<String>();
    assert_eq!(text, lines_of(expected));
    let (_, inverted) = stdout_of(&["filter", "--type", "recording.*", "--invert", path_str(&path)]);
    let others = lines_of(lines.iter().filter(|l| !l.contains("\"type\":\"recording.")).collect());
    assert_eq!(inverted, others, "every record is written by exactly one of the two");
}

#[test]
fn filter_by_provider_and_status_with_a_report() {
    let (path, lines) = mixed_log();
    let report = crate::scratch("filter-report.ndjson", b"");
    let (code, text) =
        stdout_of(&["filter", "--provider", "extend", "--report", path_str(&report), path_str(&path)]);
    assert_eq!(code, 0);
    assert_eq!(text, format!("{}\n", lines[6]));
    let entries: Vec<Value> =
        std::fs::read_to_string(&report).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(entries.len(), 7, "six dropped records and the summary");
    assert_eq!(entries[5]["status"], "unparsable");
    assert_eq!(
        entries[6]["summary"],
        serde_json::json!({"records": 7, "written": 1, "dropped": 6, "unparsable": 1, "skipped_lines": 0})
    );
    let (code, text) = stdout_of(&["filter", "--status", "unparsable", path_str(&path)]);
    assert_eq!((code, text), (0, "this line is not JSON\n".to_owned()));
    let (code, text) = stdout_of(&["filter", "--provider", "alfred", path_str(&path)]);
    assert_eq!((code, text.as_str()), (1, ""), "nothing matched: exit 1, like grep");
}

#[test]
fn stats_counts_match_the_input() {
    let (path, _) = mixed_log();
    let out = cmd().args(["stats", "--format", "json", path_str(&path)]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "an unparsable event is a finding");
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["summary"]["events"], 7);
    assert_eq!(stats["summary"]["unparsable"], 1);
    assert_eq!(stats["types"]["daily"]["recording.started"], 1);
    assert_eq!(stats["types"]["daily"].as_object().unwrap().len(), 5);
    assert_eq!(stats["types"]["extend"]["extract_run.processed"], 1);
    assert_eq!(stats["api_versions"]["extend"]["2026-02-09"], 1);
    assert_eq!(stats["api_versions"]["daily"]["1.0.0"], 5);
    assert!(stats["first_event_time"].as_str().unwrap() <= stats["last_event_time"].as_str().unwrap());
    let top = stats["top_findings"].as_array().unwrap();
    assert!(top.iter().any(|f| f["code"] == "undocumented-field" && f["pointer"] == "/payload/share_token"));
    assert!(top.iter().any(|f| f["code"] == "parse" && f["count"] == 1));
}

#[test]
fn checked_in_completions_are_up_to_date() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success());
        let path = root().join(format!("completions/hookscope.{shell}"));
        if std::env::var_os("HOOKSCOPE_UPDATE_COMPLETIONS").is_some() {
            std::fs::write(&path, &out.stdout).unwrap();
        }
        let checked_in = std::fs::read(&path).unwrap();
        assert!(
            checked_in == out.stdout,
            "completions/hookscope.{shell} is out of date: run HOOKSCOPE_UPDATE_COMPLETIONS=1 cargo test completions"
        );
    }
}

#[test]
fn man_page_is_roff() {
    let (code, text) = stdout_of(&["man"]);
    assert_eq!(code, 0);
    assert!(text.contains(".TH hookscope 1") && text.contains(".SH NAME"), "{text}");
}

/// The `entry` commands of `.pre-commit-hooks.yaml`, without the program name.
fn pre_commit_entries() -> Vec<Vec<String>> {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<Vec<String>> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry:"))
        .map(|e| e.split_whitespace().skip(1).map(str::to_owned).collect())
        .collect();
    assert_eq!(entries.len(), 2, "{hooks}");
    entries
}

#[test]
fn pre_commit_hooks_skip_json_that_is_no_webhook_event_and_say_so() {
    let dir = root().join("target/test-scratch/pre-commit");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("package.json"), r#"{"name": "app", "version": "1.0.0"}"#).unwrap();
    let event = root().join("samples/daily/meeting.started.json");
    for entry in pre_commit_entries() {
        // pre-commit appends the staged file names.
        let out = cmd().args(&entry).arg(dir.join("package.json")).arg(&event).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "{entry:?}: {stderr}");
        assert!(
            stderr.contains("skipped 1 file that is not a webhook event: ")
                && stderr.contains("pre-commit/package.json"),
            "{entry:?}: {stderr}"
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains("1 event: 1 valid") && stdout.contains("1 document skipped"), "{stdout}");
    }
}

#[test]
fn skip_foreign_keeps_every_webhook_finding_and_counts_what_it_skips() {
    let dir = root().join("target/test-scratch/skip-foreign");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = concat!(
        r#"{"name": "app"}"#,
        "\n",
        r#"{"version":"1.0.0","type":"meeting.exploded","id":"x","payload":{},"event_ts":1}"#,
        "\n",
        "{broken\n",
        "[1, 2]\n",
    );
    std::fs::write(dir.join("mixed.ndjson"), log).unwrap();
    let out = cmd()
        .args(["validate", "--format", "json", "--skip-foreign"])
        .arg(dir.join("mixed.ndjson"))
        .output()
        .unwrap();
    // A known provider's unknown type and an unparsable line still fail.
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["events"], 2);
    assert_eq!(report["summary"]["unknown"], 1);
    assert_eq!(report["summary"]["unparsable"], 1);
    assert_eq!(report["summary"]["foreign"], 2);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped 2 documents that are not a webhook event: ")
            && stderr.contains("mixed.ndjson:1:1")
            && stderr.contains("mixed.ndjson:4:1"),
        "{stderr}"
    );
    // Without the flag nothing is skipped.
    let (code, report) = validate_json(&[path_str(&dir.join("mixed.ndjson"))]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["events"], 4);
    assert!(report["summary"].get("foreign").is_none());
}

/// The `hookscope-<sub>(1)` pages a roff page refers to.
fn page_references(roff: &str) -> Vec<String> {
    let text = roff.replace("\\-", "-");
    text.match_indices("hookscope-")
        .filter_map(|(at, _)| {
            let rest = &text[at..];
            let end = rest.find("(1)")?;
            let name = &rest[..end];
            name.chars().all(|c| c.is_ascii_lowercase() || c == '-').then(|| name.to_owned())
        })
        .collect()
}

#[test]
fn man_dir_writes_every_page_that_the_pages_name() {
    let dir = root().join("target/test-scratch/man");
    let _ = std::fs::remove_dir_all(&dir);
    let out = cmd().args(["man", "--dir"]).arg(&dir).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = String::from_utf8(out.stdout).unwrap();
    // A man tree: section 1 under man1/, where `MANPATH=DIR man` looks (checked where man exists).
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    if let Ok(found) =
        std::process::Command::new("man").args(["-w", "hookscope-validate"]).env("MANPATH", &dir).output()
        && found.status.success()
    {
        assert_eq!(
            String::from_utf8(found.stdout).unwrap().trim(),
            path_str(&dir.join("man1/hookscope-validate.1"))
        );
    }
    let dir = dir.join("man1");
    let mut pages: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    pages.sort();
    assert_eq!(listed.lines().count(), pages.len(), "{listed}");
    for page in ["hookscope.1", "hookscope-validate.1", "hookscope-verify.1", "hookscope-schema-export.1"] {
        assert!(pages.iter().any(|p| p == page), "{page} missing from {pages:?}");
    }
    let validate = std::fs::read_to_string(dir.join("hookscope-validate.1")).unwrap();
    assert!(
        validate.contains(".TH hookscope-validate 1") && validate.contains("skip\\-foreign"),
        "{validate}"
    );
    // Every page named, by `hookscope man` or by any written page, exists.
    let (code, main) = stdout_of(&["man"]);
    assert_eq!(code, 0);
    let mut named = page_references(&main);
    assert!(named.contains(&"hookscope-validate".to_owned()), "{named:?}");
    for page in &pages {
        named.extend(page_references(&std::fs::read_to_string(dir.join(page)).unwrap()));
    }
    for name in named {
        assert!(dir.join(format!("{name}.1")).is_file(), "{name}(1) is named but not written");
    }
}

#[test]
fn completions_offer_provider_ids_and_event_types() {
    let (_, bash) = stdout_of(&["completions", "bash"]);
    // `sample TYPE` and `schema TYPE` offer the types; `--provider` and `--type` their values.
    let sample = bash.split("hookscope__subcmd__sample)").nth(1).unwrap();
    let opts = sample.lines().find(|l| l.trim_start().starts_with("opts=")).unwrap();
    assert!(opts.contains("recording.ready-to-download") && opts.contains("job_finished_event"), "{opts}");
    let validate = bash.split("hookscope__subcmd__validate)").nth(1).unwrap();
    let provider = validate.split("--provider)").nth(1).unwrap().lines().nth(1).unwrap();
    assert!(provider.contains("\"alfred daily extend"), "{provider}");
    let event_type = validate.split("--type)").nth(1).unwrap().lines().nth(1).unwrap();
    assert!(event_type.contains("extract_run.processed"), "{event_type}");
    let (_, zsh) = stdout_of(&["completions", "zsh"]);
    assert!(zsh.contains("daily\\:\"Daily\"") && zsh.contains("meeting.started\\:\"daily\""));
    let (_, fish) = stdout_of(&["completions", "fish"]);
    let schema = fish
        .lines()
        .find(|l| {
            l.starts_with("complete -c hookscope -n \"__fish_hookscope_using_subcommand schema\" -f -a")
        })
        .expect("schema TYPE completes");
    assert!(schema.contains("batch-processor.error"), "{schema}");
    // Completion lists never restrict what parsing accepts (user catalogs add names).
    let out = cmd().args(["validate", "--provider", "acme", "samples/daily"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown provider \"acme\""));
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> (i32, String, String) {
    let mut command = cmd();
    command.current_dir(dir).env_remove("GITHUB_STEP_SUMMARY").args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn repeated_formats_write_every_report_from_one_run() {
    let dir = crate::scratch_dir("formats");
    let sarif = dir.join("hookscope.sarif");
    let junit = dir.join("junit.xml");
    let gitlab = dir.join("gl-code-quality.json");
    let targets = [
        format!("sarif={}", path_str(&sarif)),
        format!("junit={}", path_str(&junit)),
        format!("gitlab={}", path_str(&gitlab)),
    ];
    let (code, stdout, stderr) = run_in(
        &root(),
        &[
            "validate",
            "--format",
            "github",
            "--format",
            &targets[0],
            "--format",
            &targets[1],
            "--format",
            &targets[2],
            INVALID,
            DRIFT,
        ],
        &[],
    );
    assert_eq!(code, 1, "{stderr}");
    // Each report is the one that format writes alone, to stdout.
    let (_, github) = stdout_of(&["validate", "--format", "github", INVALID, DRIFT]);
    assert_eq!(stdout, github);
    for (format, path) in [("sarif", &sarif), ("junit", &junit), ("gitlab", &gitlab)] {
        let (_, alone) = stdout_of(&["validate", "--format", format, INVALID, DRIFT]);
        assert_eq!(std::fs::read_to_string(path).unwrap(), alone, "{format}");
    }
    // A CI format on stdout: people still get the counts, on stderr.
    assert!(stderr.contains("2 events: 1 valid, 1 invalid, 0 unknown, 0 unparsable; 4 warnings"), "{stderr}");
    // Files only: the human report goes to stdout as usual.
    let (_, stdout, _) = run_in(&root(), &["validate", "--format", &targets[0], VALID], &[]);
    assert!(
        stdout.ends_with("1 event: 1 valid, 0 invalid, 0 unknown, 0 unparsable; 0 warnings\n"),
        "{stdout}"
    );
    // Two reports cannot share stdout, nor one file.
    let (code, _, stderr) =
        run_in(&root(), &["validate", "--format", "json", "--format", "sarif", VALID], &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("only one report can go to stdout"), "{stderr}");
    let (code, _, stderr) =
        run_in(&root(), &["validate", "--format", &targets[0], "--format", &targets[0], VALID], &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("writes two reports to"), "{stderr}");
    // A report that cannot be written is exit 2, named.
    let under_a_file = format!("sarif={VALID}/x.sarif");
    let (code, _, stderr) = run_in(&root(), &["validate", "--format", &under_a_file, VALID], &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains(&format!("{VALID}/x.sarif: cannot write the report")), "{stderr}");
    // A missing folder is made.
    let nested = dir.join("reports/deep/junit.xml");
    let (code, _, _) =
        run_in(&root(), &["validate", "--format", &format!("junit={}", path_str(&nested)), VALID], &[]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&nested).unwrap().starts_with("<?xml"));
}

#[test]
fn gitlab_code_quality_issues_name_relative_paths_and_stable_fingerprints() {
    let absolute = root().join(INVALID);
    let (code, text) = stdout_of(&["validate", "--format", "gitlab", path_str(&absolute), DRIFT]);
    assert_eq!(code, 1);
    let issues: Value = serde_json::from_str(&text).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 5, "one per finding: 1 error, 4 warnings");
    let error = &issues[0];
    assert_eq!(error["check_name"], "wrong-type");
    assert_eq!(error["severity"], "major");
    assert_eq!(error["location"]["path"], INVALID, "relative to the working directory");
    assert_eq!(error["location"]["lines"]["begin"], 8);
    assert!(issues[1..].iter().all(|i| i["severity"] == "minor"));
    // The same event further down a file keeps its fingerprint; the event index tells repeats apart.
    let event = std::fs::read_to_string(root().join(INVALID)).unwrap().replace('\n', "");
    let one = crate::scratch("gitlab-one.ndjson", format!("{event}\n").as_bytes());
    let fingerprint = |path: &Path, index: usize| {
        let (_, text) = stdout_of(&["validate", "--format", "gitlab", path_str(path)]);
        let issues: Value = serde_json::from_str(&text).unwrap();
        issues[index]["fingerprint"].as_str().unwrap().to_owned()
    };
    let before = fingerprint(&one, 0);
    std::fs::write(&one, format!("\n\n\n{event}\n")).unwrap();
    assert_eq!(fingerprint(&one, 0), before, "lines moved, same fingerprint");
    std::fs::write(&one, format!("{event}\n{event}\n")).unwrap();
    assert_ne!(fingerprint(&one, 1), fingerprint(&one, 0), "unique per finding");
    // Strict: warnings are major.
    let (_, text) = stdout_of(&["validate", "--strict", "--format", "gitlab", DRIFT]);
    let issues: Value = serde_json::from_str(&text).unwrap();
    assert!(issues.as_array().unwrap().iter().all(|i| i["severity"] == "major"), "{text}");
}

#[test]
fn github_step_summary_is_appended_unless_turned_off() {
    let dir = crate::scratch_dir("step-summary");
    let file = dir.join("summary.md");
    std::fs::write(&file, "earlier step\n").unwrap();
    let (code, _, _) = run_in(
        &root(),
        &[
            "validate",
            "--format",
            "github",
            VALID,
            INVALID,
            "tests/fixtures/daily/tampered/meeting.started.missing-id.json",
        ],
        &[("GITHUB_STEP_SUMMARY", &file)],
    );
    assert_eq!(code, 1);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("earlier step\n### hookscope validate: failed\n"), "appended: {text}");
    assert!(text.contains("| 3 | 1 | 2 | 0 | 0 |"), "{text}");
    assert!(
        text.contains(&format!(
            "| {} | 1 | 8:13: error\\[wrong-type\\]: expected a string, found an object at /payload/room |",
            INVALID.replace('_', "\\_")
        )),
        "{text}"
    );
    assert!(text.contains("meeting.started.missing-id.json | 1 |"), "{text}");
    let (code, _, _) =
        run_in(&root(), &["validate", "--no-step-summary", VALID], &[("GITHUB_STEP_SUMMARY", &file)]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text, "--no-step-summary writes nothing");
    let (code, _, _) = run_in(&root(), &["validate", VALID], &[("GITHUB_STEP_SUMMARY", &file)]);
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.ends_with("### hookscope validate: passed\n\n| events | valid | invalid | unknown | unparsable | warnings |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n| 1 | 1 | 0 | 0 | 0 | 0 |\n\n"), "{text}");
}

#[test]
fn every_ci_format_prints_the_summary_line_on_stderr() {
    for format in ["junit", "github", "sarif", "gitlab"] {
        let (code, stdout, stderr) = run_in(&root(), &["validate", "--format", format, INVALID], &[]);
        assert_eq!(code, 1);
        let line = "1 event: 0 valid, 1 invalid, 0 unknown, 0 unparsable; 0 warnings\n";
        assert_eq!(stderr, line, "{format}");
        assert!(!stdout.contains(line), "{format}: the report stays machine-readable");
    }
    let (_, _, stderr) = run_in(&root(), &["validate", "--format", "json", INVALID], &[]);
    assert_eq!(stderr, "", "json carries its own summary");
}

#[test]
fn sarif_suppresses_the_findings_a_fixture_entry_expects() {
    let dir = project_tree("project-sarif", "[[fixtures]]\npaths = [\"bad/**\"]\nexpect = \"invalid\"\n");
    let (code, text, _) = validate_in(&dir, &["--format", "sarif", "."]);
    assert_eq!(code, 0, "{text}");
    let sarif: Value = serde_json::from_str(&text).unwrap();
    let sarif_results = sarif["runs"][0]["results"].as_array().unwrap();
    let errors: Vec<&Value> = sarif_results.iter().filter(|r| r["level"] == "error").collect();
    assert!(!errors.is_empty());
    for error in errors {
        assert_eq!(error["suppressions"][0]["kind"], "external", "{error}");
        assert_eq!(
            error["suppressions"][0]["justification"],
            "expected to be invalid by hookscope.toml [[fixtures]] #1 (paths = [\"bad/**\"])"
        );
    }
    // Without the entry the same results are not suppressed.
    let (code, text, _) = validate_in(&dir, &["--no-config", "--format", "sarif", "."]);
    assert_eq!(code, 1);
    assert!(!text.contains("suppressions"), "{text}");
    // No made-up address: informationUri is Cargo.toml's `repository`, or absent.
    let driver = &sarif["runs"][0]["tool"]["driver"];
    match env!("CARGO_PKG_REPOSITORY") {
        "" => assert!(driver.get("informationUri").is_none(), "{driver}"),
        repository => assert_eq!(driver["informationUri"], repository),
    }
}

#[test]
fn the_last_matching_fixture_entry_applies_as_for_findings() {
    let project = "[[fixtures]]\npaths = [\"bad/**\"]\nexpect = \"invalid\"\n\n\
                   [[fixtures]]\npaths = [\"bad/deep/*\"]\nexpect = \"valid\"\n";
    let dir = project_tree("project-order", project);
    // bad/room.json: invalid as expected; bad/deep/id.json: the later entry expects it valid.
    let (code, text, _) = validate_in(&dir, &["--brief", "bad"]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("1 event failed as the project file expects"), "{text}");
    assert!(text.contains("bad/deep/id.json"), "{text}");
    assert!(!text.contains("bad/room.json"), "{text}");
}

#[test]
fn junit_carries_warnings_in_system_out() {
    let (code, text) = stdout_of(&["validate", "--format", "junit", DRIFT, INVALID]);
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.attribute("classname") == Some("alfred.job_finished_event"))
        .unwrap();
    assert!(case.children().all(|n| !n.has_tag_name("failure")), "warnings do not fail");
    let out = case.children().find(|n| n.has_tag_name("system-out")).expect("system-out").text().unwrap();
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(
        out.contains("samples/alfred/job_finished_event.json:4:17: warning: documented as a number"),
        "{out}"
    );
}

/// The fenced block of `lang` that follows `after` in the README.
fn readme_block(after: &str, lang: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let rest = &readme[readme.find(after).unwrap_or_else(|| panic!("README lacks {after:?}"))..];
    let fence = format!("```{lang}\n");
    let start = rest.find(&fence).unwrap() + fence.len();
    rest[start..start + rest[start..].find("```").unwrap()].to_owned()
}

#[test]
fn the_action_parses_and_takes_the_inputs_the_readme_documents() {
    let action: serde_norway::Value =
        serde_norway::from_str(&std::fs::read_to_string(root().join("action.yml")).unwrap()).unwrap();
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs: Vec<&str> =
        action["inputs"].as_mapping().unwrap().keys().map(|k| k.as_str().unwrap()).collect();
    // The README's table of inputs, in order.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let table = &readme[readme.find("| input | default | what it does |").unwrap()..];
    let documented: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("| `"))
        .map(|l| l.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(inputs, documented);
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter().any(|r| r.contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\"")),
        "{runs:?}"
    );
    assert!(steps.iter().any(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("actions/cache@"))));
    let text = std::fs::read_to_string(root().join("action.yml")).unwrap();
    for input in &inputs {
        assert!(text.contains(&format!("${{{{ inputs.{input} }}}}")), "input {input} is never used");
    }
    // The workflow example passes only inputs the action has.
    let workflow = readme_block("### GitHub Action", "yaml");
    let example: serde_norway::Value = serde_norway::from_str(&workflow).unwrap();
    let step = example["jobs"]["fixtures"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.starts_with("<you>/hookscope@")))
        .expect("the example uses the action");
    for key in step["with"].as_mapping().unwrap().keys() {
        assert!(inputs.contains(&key.as_str().unwrap()), "{key:?} is no input");
    }
}

#[test]
fn the_action_runs_validate_with_its_inputs() {
    // The step that runs hookscope, run by bash as the runner would, with hookscope on the PATH.
    let action: serde_norway::Value =
        serde_norway::from_str(&std::fs::read_to_string(root().join("action.yml")).unwrap()).unwrap();
    let step = action["runs"]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["id"].as_str() == Some("validate"))
        .unwrap();
    let script = step["run"].as_str().unwrap();
    let dir = crate::scratch_dir("action");
    let output = dir.join("github-output");
    let sarif = dir.join("out.sarif");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_hookscope")).parent().unwrap().to_owned();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let run = |strict: &str| {
        std::process::Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(root())
            .env("PATH", &path)
            .env_remove("GITHUB_STEP_SUMMARY")
            .env("GITHUB_OUTPUT", &output)
            .env("HOOKSCOPE_PATHS", format!("{VALID}\n  {DRIFT}"))
            .env("HOOKSCOPE_FORMAT", "github")
            .env("HOOKSCOPE_STRICT", strict)
            .env("HOOKSCOPE_SARIF", &sarif)
            .output()
            .unwrap()
    };
    let out = run("false");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().all(|l| l.starts_with("::warning file=samples/alfred/")), "{stdout}");
    let log: Value = serde_json::from_slice(&std::fs::read(&sarif).unwrap()).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 4);
    assert_eq!(std::fs::read_to_string(&output).unwrap(), format!("sarif={}\n", sarif.display()));
    let out = run("true");
    assert_eq!(out.status.code(), Some(1), "strict: warnings fail");
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("::error "));
}

#[test]
fn the_readme_shows_the_step_summary_validate_writes() {
    let dir = crate::scratch_dir("readme-summary");
    let file = dir.join("summary.md");
    let (code, _, _) = run_in(&root(), &["validate", INVALID], &[("GITHUB_STEP_SUMMARY", &file)]);
    assert_eq!(code, 1);
    assert_eq!(
        readme_block("GITHUB_STEP_SUMMARY", "markdown"),
        std::fs::read_to_string(&file).unwrap().trim_end().to_owned() + "\n"
    );
}

#[test]
fn the_pre_commit_snippet_asks_to_pin_rev_to_a_tag_or_commit() {
    let snippet = readme_block("With [pre-commit]", "yaml");
    let rev = snippet.lines().find(|l| l.trim_start().starts_with("rev:")).unwrap();
    // No made-up tag: a placeholder the user must fill, with the advice beside it.
    assert!(rev.contains("<release tag or commit>") && rev.contains("pin"), "{rev}");
}

#[test]
fn the_readme_install_steps_for_man_pages_and_completions_work() {
    let home = crate::scratch_dir("install-home");
    let block = readme_block("### Man pages and shell completions", "sh");
    // The commands, run as written (comments and the `man` viewer aside), in a scratch home.
    let script: Vec<&str> = block
        .lines()
        .map(|l| l.split(" #").next().unwrap().trim())
        .filter(|l| l.starts_with("hookscope ") || l.starts_with("mkdir "))
        .collect();
    assert_eq!(script.len(), 5, "{script:?}");
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_hookscope")).parent().unwrap().to_owned();
    let out = std::process::Command::new("bash")
        .args(["-e", "-c", &script.join("\n")])
        .env("HOME", &home)
        .env("PATH", format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for (file, starts) in [
        (".local/share/man/man1/hookscope-validate.1", ".TH hookscope-validate 1"),
        (".local/share/bash-completion/completions/hookscope", "_hookscope()"),
        (".zfunc/_hookscope", "#compdef hookscope"),
        (".config/fish/completions/hookscope.fish", ""),
    ] {
        let text = std::fs::read_to_string(home.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(text.contains(starts) && !text.is_empty(), "{file}");
    }
}

#[test]
fn the_readme_ci_advice_on_pipes_holds() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ci = &readme[readme.find("## CI and pre-commit").unwrap()..readme.find("### GitHub Action").unwrap()];
    assert!(ci.contains("set -o pipefail") && ci.contains("| head"), "the CI section says how pipes end");
    // What it says: a reader that closes the pipe early ends hookscope quietly with exit 0, even
    // over failing events, so a gate must not read through `head`.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hookscope"))
        .args(["validate", "--brief", "tests/fixtures/daily/tampered"])
        .current_dir(root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    let (code, _) = stdout_of(&["validate", "--brief", "tests/fixtures/daily/tampered"]);
    assert_eq!(code, 1, "read whole, the same run fails");
}
