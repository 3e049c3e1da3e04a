//! Writing catalogs: `catalog import` from an OpenAPI description, `catalog learn` from captured
//! deliveries, and `catalog drift` over a corpus.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::{cmd, path_str, results, root};

const GITHUB_JSON: &str = "tests/fixtures/openapi/github-webhooks.json";
const GITHUB_YAML: &str = "tests/fixtures/openapi/github-webhooks.yaml";

/// A fresh scratch folder under target/.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = root().join("target/test-scratch/catalog-tools").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An HTTP capture of a delivery with the given headers.
fn http(headers: &[(&str, &str)], body: &Value) -> String {
    let mut text =
        "POST /webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n".to_owned();
    for (name, value) in headers {
        let _ = write!(text, "{name}: {value}\r\n");
    }
    text.push_str("\r\n");
    text.push_str(&serde_json::to_string_pretty(body).unwrap());
    text
}

fn validate(catalog: &Path, paths: &[&Path]) -> (i32, Value) {
    let out = cmd()
        .args(["--no-config", "--catalog", path_str(catalog), "validate", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), report)
}

fn import(spec: &str, out: &Path) -> std::process::Output {
    cmd().args(["catalog", "import", spec, "--out", path_str(out), "--provider", "github"]).output().unwrap()
}

#[test]
fn a_published_openapi_description_imports_in_json_and_yaml_alike() {
    let from_json = scratch_dir("import-json");
    let from_yaml = scratch_dir("import-yaml");
    let out = import(GITHUB_JSON, &from_json);
    // The form-encoded variant of ping is listed, never dropped in silence: a finding.
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("x-webhooks.ping.post: the application/x-www-form-urlencoded body is not imported"),
        "{stderr}"
    );
    let report = std::fs::read_to_string(from_json.join("github/import-report.txt")).unwrap();
    assert!(report.contains("application/x-www-form-urlencoded"), "{report}");
    assert!(
        report.contains("generated from the schema") && report.contains("repository.privatized"),
        "{report}"
    );
    assert_eq!(import(GITHUB_YAML, &from_yaml).status.code(), Some(1));
    for rel in ["provider.json", "schemas/ping.json", "schemas/repository.deleted.json", "samples/ping.json"]
    {
        assert_eq!(
            read_json(&from_json.join("github").join(rel)),
            read_json(&from_yaml.join("github").join(rel)),
            "{rel}"
        );
    }
    // The header names the type, refined by the action.
    let provider = read_json(&from_json.join("github/provider.json"));
    assert_eq!(provider["envelopes"][0]["type_header"], "X-Github-Event");
    assert_eq!(provider["envelopes"][0]["subtype_at"], "/action");
    // OpenAPI `required` stays required, the other documented fields are optional (no
    // `x-expected`), nullable is a null type.
    let deleted = read_json(&from_json.join("github/schemas/repository.deleted.json"));
    assert_eq!(deleted["required"], json!(["action", "repository", "sender"]));
    assert!(deleted.get("x-expected").is_none(), "{deleted}");
    assert_eq!(
        deleted["$defs"]["repository-webhooks"]["properties"]["language"]["type"],
        json!(["string", "null"])
    );
    assert_eq!(deleted["x-docs"], "https://docs.github.com/webhooks/webhook-events-and-payloads#repository");
    // What it wrote passes `catalog check`.
    let out = cmd().args(["catalog", "check", path_str(&from_json)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn imported_examples_validate_and_header_typed_events_are_detected_from_http_captures() {
    let catalog = scratch_dir("import-detect");
    import(GITHUB_JSON, &catalog);
    let captures = scratch_dir("import-captures");
    let ping = read_json(&catalog.join("github/samples/ping.json"));
    let deleted = read_json(&catalog.join("github/samples/repository.deleted.json"));
    let mut tampered = deleted.clone();
    tampered["repository"]["owner"]["id"] = json!("one");
    let mut bad_hook = ping.clone();
    bad_hook["hook"]["name"] = json!("email");
    let files = [
        ("ping.http", http(&[("X-GitHub-Event", "ping")], &ping)),
        ("deleted.http", http(&[("X-GitHub-Event", "repository")], &deleted)),
        ("tampered.http", http(&[("X-GitHub-Event", "repository")], &tampered)),
        ("bad-hook.http", http(&[("x-github-event", "ping")], &bad_hook)),
    ];
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| {
            let path = captures.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (code, report) = validate(&catalog, &refs);
    assert_eq!(code, 1);
    let got: Vec<(&str, &str, &str)> = results(&report)
        .iter()
        .map(|r| {
            (
                r["provider"].as_str().unwrap(),
                r["event_type"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("github", "ping", "valid"),
            ("github", "repository.deleted", "valid"),
            ("github", "repository.deleted", "invalid"),
            ("github", "ping", "invalid")
        ]
    );
    let first_error = |i: usize| {
        let e = &results(&report)[i]["errors"][0];
        (e["pointer"].as_str().unwrap().to_owned(), e["code"].as_str().unwrap().to_owned())
    };
    assert_eq!(first_error(2), ("/repository/owner/id".to_owned(), "wrong-type".to_owned()));
    assert_eq!(first_error(3), ("/hook/name".to_owned(), "closed-enum".to_owned()));
    // The body alone, without its header, is no GitHub delivery.
    let body = crate::scratch("github-ping-body.json", serde_json::to_string(&ping).unwrap().as_bytes());
    let (_, report) = validate(&catalog, &[&body]);
    assert_eq!(results(&report)[0]["provider"], Value::Null);
}

#[test]
fn import_refuses_what_is_not_an_openapi_description() {
    let out = cmd()
        .args(["catalog", "import", "samples/daily/meeting.ended.json", "--out", "target/test-scratch/never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not an OpenAPI 3.0 or 3.1 description"), "{stderr}");
    let bad_yaml = crate::scratch("bad.yaml", b"openapi: 3.1.0\nwebhooks: [\n");
    let out = cmd()
        .args(["catalog", "import", path_str(&bad_yaml), "--out", "target/test-scratch/never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("line"));
}

/// A delivery of Zephyr Freight, a provider hookscope does not know: three event types, a
/// nullable field, optional fields and a small closed set of values.
fn zephyr(i: usize) -> Value {
    let kind = ["shipment.created", "shipment.delivered", "invoice.paid"][i % 3];
    let currency = ["EUR", "USD"][i % 2];
    let carrier = ["dhl", "ups", "fedex"][(i / 3) % 3];
    let mut data = match kind {
        "invoice.paid" => {
            json!({"invoice_id": format!("inv_{i}"), "amount_cents": 1000 + i, "currency": currency})
        }
        _ => json!({
            "shipment_id": format!("shp_{i}"),
            "carrier": carrier,
            "signed_by": if i.is_multiple_of(4) { Value::Null } else { json!(format!("person {i}")) },
            "parcels": [{"weight_kg": 1.5, "sku": format!("sku-{i}")}],
        }),
    };
    if kind == "shipment.delivered" && i.is_multiple_of(2) {
        data["proof_url"] = json!(format!("https://zephyr.example/proof/{i}"));
    }
    json!({
        "zephyr_event": kind,
        "delivery_id": format!("6f1d7a2e-3c4b-4d5e-8f90-{:012x}", i),
        "sent_at": format!("2026-11-{:02}T10:00:00Z", 1 + i % 28),
        "data": data,
    })
}

fn ndjson(values: impl Iterator<Item = Value>) -> String {
    values.fold(String::new(), |mut text, v| {
        let _ = writeln!(text, "{v}");
        text
    })
}

#[test]
fn a_learned_catalog_validates_held_out_deliveries_and_detects_its_provider() {
    let dir = scratch_dir("learn");
    let train = dir.join("train.ndjson");
    std::fs::write(&train, ndjson((0..60).map(zephyr))).unwrap();
    let catalog = dir.join("catalog");
    let out = cmd()
        .args(["catalog", "learn", path_str(&train), "--provider", "zephyr", "--out", path_str(&catalog)])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout
            .contains("the event type is the value at /zephyr_event (the string field that best partitions"),
        "{stdout}"
    );
    let check = cmd().args(["catalog", "check", path_str(&catalog)]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let delivered = read_json(&catalog.join("zephyr/schemas/shipment.delivered.json"));
    assert_eq!(delivered["properties"]["data"]["properties"]["signed_by"]["type"], json!(["string", "null"]));
    assert_eq!(delivered["properties"]["data"]["x-expected"], json!(["proof_url"]));
    assert_eq!(delivered["properties"]["delivery_id"]["format"], "uuid");
    assert_eq!(delivered["properties"]["sent_at"]["format"], "date-time");

    // Held out: valid ones, and broken ones at a known place; detected from content alone.
    let mut held: Vec<Value> = (1000..1006).map(zephyr).collect();
    let mut missing = zephyr(1006);
    missing["data"].as_object_mut().unwrap().remove("shipment_id");
    let mut wrong = zephyr(1007);
    wrong["data"]["amount_cents"] = json!("a lot");
    held.push(missing);
    held.push(wrong);
    let held_path = dir.join("held-out.ndjson");
    std::fs::write(&held_path, ndjson(held.into_iter())).unwrap();
    let (code, report) = validate(&catalog, &[&held_path]);
    assert_eq!(code, 1);
    let results = results(&report);
    for r in &results[..6] {
        assert_eq!((r["provider"].as_str(), r["status"].as_str()), (Some("zephyr"), Some("valid")), "{r}");
        assert_eq!(r["errors"], json!([]));
    }
    assert_eq!(results[6]["status"], "invalid");
    assert_eq!(results[6]["errors"][0]["pointer"], "/data/shipment_id");
    assert_eq!(results[6]["errors"][0]["code"], "missing-field");
    assert_eq!(results[7]["errors"][0]["pointer"], "/data/amount_cents");
    assert_eq!(results[7]["errors"][0]["code"], "wrong-type");

    // More captures refine the catalog: a field that a new delivery omits becomes expected.
    let mut more = zephyr(2002);
    more["data"].as_object_mut().unwrap().remove("carrier");
    let more_path = dir.join("more.ndjson");
    std::fs::write(&more_path, ndjson(std::iter::once(more))).unwrap();
    let out = cmd()
        .args(["catalog", "learn", path_str(&more_path), "--provider", "zephyr", "--out", path_str(&catalog)])
        .args(["--merge", path_str(&catalog)])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let delivered = read_json(&catalog.join("zephyr/schemas/shipment.delivered.json"));
    assert_eq!(delivered["x-learned"]["deliveries"], 21);
    assert_eq!(delivered["properties"]["data"]["x-expected"], json!(["carrier", "proof_url"]));
    let created = read_json(&catalog.join("zephyr/schemas/shipment.created.json"));
    assert_eq!(created["x-learned"]["deliveries"], 20, "types without new deliveries are kept");
}

/// `catalog drift` over the bundled samples says what `validate` says of the same files:
/// every undocumented field, other type and outside value, per event type, with the same counts.
#[test]
fn drift_agrees_with_validate_on_the_bundled_samples() {
    use std::collections::BTreeMap;
    let fold = |p: &str| {
        p.split('/')
            .map(|s| if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) { "*" } else { s })
            .collect::<Vec<_>>()
            .join("/")
    };
    let out = crate::cmd().args(["validate", "--format", "ndjson", "samples"]).output().unwrap();
    let mut expected: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for line in out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let r: serde_json::Value = serde_json::from_slice(line).unwrap();
        let ty = format!(
            "{} {} {}",
            r["provider"].as_str().unwrap_or("-"),
            r["event_type"].as_str().unwrap_or("-"),
            r["api_version"].as_str().unwrap_or("-")
        );
        for f in r["warnings"].as_array().unwrap().iter().chain(r["errors"].as_array().unwrap()) {
            let kind = match f["code"].as_str().unwrap() {
                "undocumented-field" | "misspelt-field" => "undocumented",
                "wrong-type" | "numeric-string" => "types",
                "open-enum" | "closed-enum" | "wrong-value" => "values",
                _ => continue,
            };
            *expected
                .entry((ty.clone(), kind.to_owned(), fold(f["pointer"].as_str().unwrap())))
                .or_default() += 1;
        }
    }
    assert!(expected.keys().any(|(t, k, p)| t.starts_with("daily recording.ready-to-download")
        && k == "undocumented"
        && p == "/payload/share_token"));
    assert!(expected.keys().any(|(_, k, p)| k == "undocumented" && p == "/payload/origin"));

    let out = crate::cmd().args(["catalog", "drift", "--format", "json", "samples"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut seen: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for t in report["types"].as_array().unwrap() {
        let ty = format!(
            "{} {} {}",
            t["provider"].as_str().unwrap(),
            t["event_type"].as_str().unwrap(),
            t["api_version"].as_str().unwrap_or("-")
        );
        for s in t["undocumented"].as_array().unwrap() {
            seen.insert(
                (ty.clone(), "undocumented".into(), s["pointer"].as_str().unwrap().into()),
                usize::try_from(s["count"].as_u64().unwrap()).unwrap(),
            );
        }
        for s in t["types"].as_array().unwrap() {
            seen.insert(
                (ty.clone(), "types".into(), s["pointer"].as_str().unwrap().into()),
                usize::try_from(s["count"].as_u64().unwrap()).unwrap(),
            );
        }
        for v in t["values"].as_array().unwrap() {
            let n = v["values"]
                .as_object()
                .unwrap()
                .values()
                .map(|c| usize::try_from(c.as_u64().unwrap()).unwrap())
                .sum();
            seen.insert((ty.clone(), "values".into(), v["pointer"].as_str().unwrap().into()), n);
        }
    }
    assert_eq!(seen, expected);
    assert_eq!(report["deliveries"], 137);
}

/// The OpenAPI Specification's own webhook example, verbatim: one webhook, no type field. The
/// import names the one type in the envelope, and the imported catalog validates deliveries.
#[test]
fn a_published_single_webhook_description_imports_and_validates() {
    let out_dir = crate::root().join("target/test-scratch/oai-import");
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = crate::cmd()
        .args([
            "catalog",
            "import",
            "tests/fixtures/openapi/oai-webhook-example.yaml",
            "--out",
            crate::path_str(&out_dir),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let check = crate::cmd().args(["catalog", "check", crate::path_str(&out_dir)]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", String::from_utf8_lossy(&check.stdout));
    let validate = |name: &str, body: &str| {
        let path = crate::scratch(name, body.as_bytes());
        let out = crate::cmd()
            .args([
                "--catalog",
                crate::path_str(&out_dir),
                "validate",
                "--format",
                "json",
                crate::path_str(&path),
            ])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        report["results"][0].clone()
    };
    let good = validate("new-pet.json", r#"{"id": 7, "name": "Rex", "tag": "dog"}"#);
    assert_eq!(
        (good["provider"].as_str(), good["event_type"].as_str(), good["status"].as_str()),
        (Some("webhook-example"), Some("newPet"), Some("valid")),
        "{good}"
    );
    for (name, body, pointer, code) in [
        ("new-pet-tag.json", r#"{"id": 7, "name": "Rex", "tag": 5}"#, "/tag", "wrong-type"),
        ("new-pet-no-name.json", r#"{"id": 7, "tag": "dog"}"#, "/name", "missing-field"),
    ] {
        let bad = validate(name, body);
        assert_eq!(
            (bad["status"].as_str(), bad["event_type"].as_str()),
            (Some("invalid"), Some("newPet")),
            "{bad}"
        );
        assert_eq!(
            (bad["errors"][0]["pointer"].as_str(), bad["errors"][0]["code"].as_str()),
            (Some(pointer), Some(code)),
            "{bad}"
        );
    }
}

/// Writing over a provider folder already there is refused unless asked for; `--force` replaces
/// the folder whole, so no type of the earlier run is left behind.
#[test]
fn import_and_learn_refuse_an_existing_provider_folder_unless_forced_or_merged() {
    let catalog = scratch_dir("refuse-existing");
    let stray = catalog.join("github/schemas/left.over.json");
    assert_eq!(import(GITHUB_JSON, &catalog).status.code(), Some(1), "a first import (with its finding)");
    std::fs::write(&stray, "{}").unwrap();
    let again = import(GITHUB_JSON, &catalog);
    assert_eq!(again.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("a provider folder is already there; give --force"), "{stderr}");
    assert!(stray.exists(), "nothing touched");
    let forced = cmd()
        .args([
            "catalog",
            "import",
            GITHUB_JSON,
            "--out",
            path_str(&catalog),
            "--provider",
            "github",
            "--force",
        ])
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(1), "{}", String::from_utf8_lossy(&forced.stderr));
    assert!(!stray.exists(), "--force replaces the folder whole");
    assert!(catalog.join("github/schemas/ping.json").exists());

    let events = catalog.join("events.ndjson");
    std::fs::write(&events, "{\"kind\":\"a.b\",\"n\":1}\n{\"kind\":\"c.d\",\"n\":2}\n").unwrap();
    let learn = |extra: &[&str]| {
        cmd()
            .args(["catalog", "learn", path_str(&events), "--provider", "kinds", "--out", path_str(&catalog)])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(learn(&[]).status.code(), Some(0));
    let refused = learn(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("give --merge"), "{refused:?}");
    assert_eq!(learn(&["--merge", path_str(&catalog)]).status.code(), Some(0), "merged into itself");
    let schema = read_json(&catalog.join("kinds/schemas/a.b.json"));
    assert_eq!(schema["x-learned"]["deliveries"], 2, "the earlier delivery and this one");
    let forced = learn(&["--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert_eq!(read_json(&catalog.join("kinds/schemas/a.b.json"))["x-learned"]["deliveries"], 1);
    // One delivery is one delivery, not "1 deliveries".
    let said = String::from_utf8_lossy(&forced.stdout);
    assert!(said.contains("from 2 deliveries") && said.contains("a.b  1 delivery\n"), "{said}");
    let drift = cmd().args(["catalog", "drift", "samples/daily/dialout.answered.json"]).output().unwrap();
    let said = String::from_utf8_lossy(&drift.stdout);
    assert!(said.contains("1 delivery of 1 event type;"), "{said}");
}

/// `catalog drift` reports every finding `validate` reports: per code, the counts agree on the
/// samples and on the real corpus (formats, dates, constraints and declared drift included).
#[test]
fn drift_counts_every_code_validate_counts() {
    use std::collections::BTreeMap;
    for paths in [&["samples"][..], &["tests/corpus/real"][..]] {
        let out = crate::cmd().args(["validate", "--format", "ndjson"]).args(paths).output().unwrap();
        let mut expected: BTreeMap<String, u64> = BTreeMap::new();
        for line in out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
            let r: Value = serde_json::from_slice(line).unwrap();
            for f in r["warnings"].as_array().unwrap().iter().chain(r["errors"].as_array().unwrap()) {
                *expected.entry(f["code"].as_str().unwrap().to_owned()).or_default() += 1;
            }
        }
        assert!(paths != ["samples"] || expected.contains_key("format"), "{paths:?}: {expected:?}");
        let out = crate::cmd().args(["catalog", "drift", "--format", "json"]).args(paths).output().unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let total: BTreeMap<String, u64> = serde_json::from_value(report["findings"].clone()).unwrap();
        assert_eq!(total, expected, "{paths:?}");
        // The per-type counts add up to the same, bar the records no provider claims.
        let mut per_type: BTreeMap<String, u64> = BTreeMap::new();
        let mut listed: BTreeMap<String, u64> = BTreeMap::new();
        for t in report["types"].as_array().unwrap() {
            for (code, n) in t["findings"].as_object().unwrap() {
                *per_type.entry(code.clone()).or_default() += n.as_u64().unwrap();
            }
            for o in t["other"].as_array().unwrap() {
                *listed.entry(o["code"].as_str().unwrap().to_owned()).or_default() +=
                    o["count"].as_u64().unwrap();
            }
        }
        for (code, n) in &expected {
            if !matches!(code.as_str(), "unknown-provider" | "parse") {
                assert_eq!(per_type.get(code), Some(n), "{paths:?} {code}");
            }
        }
        // Each code outside the dedicated sections is listed with its places.
        for code in ["format", "pattern-drift", "documented-drift", "bad-date", "constraint"] {
            assert_eq!(listed.get(code), per_type.get(code), "{paths:?} {code}");
        }
    }
}

/// An imported OpenAPI catalog means what the spec says: a property outside `required` is
/// optional, `allOf` closed with `unevaluatedProperties: false` accepts what the spec's own
/// schema accepts (checked with the `jsonschema` crate on the schema as the spec writes it), a
/// field no member documents is an undocumented-field warning, and a numeric string is an error.
#[test]
fn an_imported_spec_means_what_it_says() {
    const SPEC: &str = "tests/fixtures/openapi/payments.yaml";
    let catalog = scratch_dir("payments");
    let out_dir = scratch_dir("payments-payloads");
    let out = import(SPEC, &catalog);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let spec: Value =
        serde_norway::from_str(&std::fs::read_to_string(crate::root().join(SPEC)).unwrap()).unwrap();
    let spec_says = |schema: &str, payload: &Value| {
        let root =
            json!({"$ref": format!("#/components/schemas/{schema}"), "components": spec["components"]});
        jsonschema::draft202012::new(&root).unwrap().is_valid(payload)
    };
    let event = |data: Value| json!({"id": "evt_1", "type": "payment.succeeded", "created": 1_700_000_000, "data": data});
    let category = |data: Value| json!({"id": "evt_2", "type": "category.updated", "created": 1_700_000_000, "data": data});
    let payment = json!({"id": "pay_1", "amount": 50, "currency": "eur"});
    let cases = [
        ("PaymentSucceeded", "minimal", event(payment.clone())),
        (
            "PaymentSucceeded",
            "optional-fields",
            event(
                json!({"id": "pay_1", "amount": 50, "currency": "eur", "captured_at": null, "metadata": {"order": "42"}}),
            ),
        ),
        // A date-time the spec only annotates: the format warning must not hide `data`.
        (
            "PaymentSucceeded",
            "loose-date",
            event(json!({"id": "pay_1", "amount": 50, "currency": "eur", "captured_at": "soon"})),
        ),
        (
            "CategoryUpdated",
            "recursive",
            category(
                json!({"name": "a", "children": [{"name": "b", "parent": {"name": "a"}, "children": []}]}),
            ),
        ),
    ];
    let mut files = Vec::new();
    for (schema, name, payload) in &cases {
        assert!(spec_says(schema, payload), "the spec accepts {name}");
        let path = out_dir.join(format!("{name}.json"));
        std::fs::write(&path, payload.to_string()).unwrap();
        files.push(path);
    }
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let (code, report) = validate(&catalog, &paths);
    assert_eq!(code, 0, "{report}");
    for r in results(&report) {
        assert_eq!(r["errors"], json!([]), "{r}");
        let warnings = r["warnings"].as_array().unwrap();
        assert!(
            warnings
                .iter()
                .all(|w| w["code"] != "undocumented-field" && w["code"] != "missing-expected-field"),
            "{r}"
        );
    }
    // A field no member documents is reported, complete payload or not; the spec refuses it too.
    let extra =
        json!({"id": "evt_1", "type": "payment.succeeded", "created": 1, "data": payment, "extra": true});
    assert!(!spec_says("PaymentSucceeded", &extra));
    let path = out_dir.join("extra.json");
    std::fs::write(&path, extra.to_string()).unwrap();
    let (code, report) = validate(&catalog, &[&path]);
    let r = &results(&report)[0];
    assert_eq!(code, 0, "{r}");
    let undocumented: Vec<&str> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "undocumented-field")
        .map(|w| w["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(undocumented, ["/extra"], "{r}");
    // A numeric string is another type, and does not make `data` undocumented.
    let string_amount = event(json!({"id": "pay_1", "amount": "50", "currency": "eur"}));
    assert!(!spec_says("PaymentSucceeded", &string_amount));
    let path = out_dir.join("string-amount.json");
    std::fs::write(&path, string_amount.to_string()).unwrap();
    let (code, report) = validate(&catalog, &[&path]);
    let r = &results(&report)[0];
    assert_eq!(code, 1, "{r}");
    assert_eq!(r["errors"][0]["code"], "wrong-type", "{r}");
    assert_eq!(r["errors"][0]["pointer"], "/data/amount", "{r}");
    assert_eq!(r["warnings"], json!([]), "{r}");
    // The generated sample of the type the description gives no example of is its own type.
    let (code, report) = validate(&catalog, &[&catalog.join("github/samples/category.updated.json")]);
    assert_eq!((code, results(&report)[0]["event_type"].as_str()), (0, Some("category.updated")), "{report}");
}

/// Numeric strings in catalogs hookscope did not write: a learned catalog and a user catalog judge
/// `"1200"` where a number is documented as another type, unless the node tolerates it with
/// `x-warn` (which today's forms still load as before: `["type"]` tolerates any type there).
#[test]
fn numeric_strings_are_errors_in_learned_and_user_catalogs() {
    let learned = scratch_dir("learned-numeric");
    let out = cmd()
        .args(["catalog", "learn", "docs/examples/zephyr.ndjson", "--provider", "zephyr", "--out"])
        .arg(&learned)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let payloads = scratch_dir("learned-numeric-payloads");
    let delivery = json!({"kind": "shipment.created", "id": "evt_1", "created": "2026-11-20T10:00:00Z",
        "data": {"shipment_id": "shp_9", "carrier": "ups", "weight_g": "1200", "note": null}});
    let path = payloads.join("weight-string.json");
    std::fs::write(&path, delivery.to_string()).unwrap();
    let (code, report) = validate(&learned, &[&path]);
    let r = &results(&report)[0];
    assert_eq!(code, 1, "{r}");
    assert_eq!(
        (r["errors"][0]["code"].as_str(), r["errors"][0]["pointer"].as_str()),
        (Some("wrong-type"), Some("/data/weight_g")),
        "{r}"
    );

    // A user catalog: the acme example, with one node declaring the string and one declaring any type.
    let user = scratch_dir("user-numeric");
    let acme = user.join("acme");
    for entry in walkdir::WalkDir::new(crate::root().join("docs/example-catalog/acme")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(crate::root().join("docs/example-catalog/acme")).unwrap();
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(acme.join(rel)).unwrap();
        } else {
            std::fs::copy(entry.path(), acme.join(rel)).unwrap();
        }
    }
    let mut event = read_json(&acme.join("samples/payment.succeeded.json"));
    event["data"]["amount"] = json!("1250");
    let path = payloads.join("acme-amount-string.json");
    std::fs::write(&path, event.to_string()).unwrap();
    assert_eq!(validate(&user, &[&path]).0, 1, "no x-warn: an error");
    let envelope_path = acme.join("defs/envelope.json");
    for (x_warn, code) in [(json!(["numeric-string"]), "numeric-string"), (json!(["type"]), "numeric-string")]
    {
        let mut defs = read_json(&envelope_path);
        let money = defs.pointer_mut("/$defs/money/properties/amount").expect("acme documents an amount");
        money["x-warn"] = x_warn.clone();
        std::fs::write(&envelope_path, defs.to_string()).unwrap();
        let (exit, report) = validate(&user, &[&path]);
        let r = &results(&report)[0];
        assert_eq!(exit, 0, "{x_warn}: {r}");
        assert_eq!(r["warnings"][0]["code"], code, "{x_warn}: {r}");
    }
    // `catalog check` names an x-warn whose tolerated values are not a list.
    let mut defs = read_json(&envelope_path);
    defs["$defs"]["money"]["properties"]["currency"]["x-warn"] = json!({"enum": {"values": "CHF"}});
    std::fs::write(&envelope_path, defs.to_string()).unwrap();
    let out = cmd().args(["catalog", "check", path_str(&user)]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("defs/envelope.json") && text.contains("not a list of the tolerated values"),
        "{text}"
    );
}
