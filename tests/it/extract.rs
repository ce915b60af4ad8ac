//! Reading plans from their text: the cases DOMAIN §2, §3, §5 and §6 describe, encodings, the
//! seed plans against their hand transcriptions, a .docx built from a seed, bad input, and
//! `extract -o`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planlint::model::Quantity;
use planlint::model::text::{fold, fold_title};
use serde_json::Value;

use crate::support::{planlint, root};

/// `planlint extract --format json FILE`, parsed.
fn extract(path: &Path) -> Value {
    let out = crate::support::succeeded(
        planlint()
            .args(["extract", "--format", "json"])
            .arg(path)
            .output()
            .unwrap(),
    );
    let mut json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_object_mut().unwrap().remove("source");
    json
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/extract/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    cases
}

/// Each case file covers one group of DOMAIN's forms; its snapshot is what a reviewer checks.
#[test]
fn cases_extract_as_snapshotted() {
    for case in cases() {
        let stem = case.file_stem().unwrap().to_string_lossy().into_owned();
        let json = serde_json::to_string_pretty(&extract(&case)).unwrap();
        insta::assert_snapshot!(format!("case_{stem}"), json);
    }
}

/// UTF-8 with a BOM, UTF-16 both ways and GB18030 read the same as UTF-8.
#[test]
fn encodings_are_detected_not_assumed() {
    let source = root().join("tests/fixtures/extract/cases/targets.txt");
    let text = std::fs::read_to_string(&source).unwrap();
    let expected = extract(&source);
    let dir = tempfile::tempdir().unwrap();
    let utf16 = |le: bool| -> Vec<u8> {
        let bom: &[u8] = if le { b"\xFF\xFE" } else { b"\xFE\xFF" };
        let units = text
            .encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() });
        bom.iter().copied().chain(units).collect()
    };
    let variants: [(&str, Vec<u8>); 4] = [
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("utf16le.txt", utf16(true)),
        ("utf16be.txt", utf16(false)),
        (
            "gb18030.txt",
            encoding_rs::GB18030.encode(&text).0.into_owned(),
        ),
    ];
    for (name, bytes) in variants {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(extract(&path), expected, "{name}");
    }
}

/// A value as comparable text: `1.8` + `万辆` and `18000` + `辆` agree.
fn quantity(value: &Value, unit: Option<&str>) -> String {
    let written = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let q = Quantity::parse(&written, unit).unwrap();
    format!("{:.4} {}", q.value, q.unit)
}

fn year(value: Option<&Value>) -> String {
    value.filter(|v| !v.is_null()).map_or("none".into(), |v| {
        v.to_string().trim_matches('"').to_string()
    })
}

/// (year, value, baseline) of each target: what a lint compares.
fn target_keys(targets: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = targets
        .iter()
        .map(|t| {
            format!(
                "{} {} base {}",
                year(t.get("year")),
                quantity(&t["value"], t.get("unit").and_then(Value::as_str)),
                year(t.get("baseline").filter(|b| !b.is_null())),
            )
        })
        .collect();
    keys.sort();
    keys
}

fn citation_keys(citations: &[Value]) -> Vec<String> {
    let mut keys: Vec<String> = citations
        .iter()
        .map(|c| match c.get("doc_number").and_then(Value::as_str) {
            Some(n) => fold(n).replace(['[', '('], "〔").replace([']', ')'], "〕"),
            None => fold_title(c["title"].as_str().unwrap()),
        })
        .collect();
    keys.sort();
    keys
}

fn agency_mentions(tasks: &[Value]) -> BTreeMap<(String, &'static str), usize> {
    let mut counts = BTreeMap::new();
    for task in tasks {
        for role in ["lead", "responsible"] {
            for name in task
                .get(role)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                *counts
                    .entry((fold(name.as_str().unwrap()), role))
                    .or_default() += 1;
            }
        }
    }
    counts
}

/// The bundled corpus holds the five seed plans as their issued text; their hand transcriptions
/// are what the extractor must read from them.
#[test]
fn seed_texts_extract_to_their_transcriptions() {
    let expected_dir = root().join("tests/fixtures/extract/expected");
    let mut checked = 0;
    for entry in std::fs::read_dir(&expected_dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = walkdir::WalkDir::new(root().join("plans"))
            .into_iter()
            .map(|e| e.unwrap().into_path())
            .find(|p| {
                p.file_stem().is_some_and(|s| *s == *stem)
                    && p.extension().is_some_and(|e| e == "txt")
            })
            .unwrap_or_else(|| panic!("no text plan for {stem}"));
        let expected: Value =
            serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let actual = extract(&text);
        let list = |v: &Value, key: &str| {
            v.get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(
            target_keys(&list(&actual, "targets")),
            target_keys(&list(&expected, "targets")),
            "{stem}: targets"
        );
        assert_eq!(
            citation_keys(&list(&actual, "citations")),
            citation_keys(&list(&expected, "citations")),
            "{stem}: citations"
        );
        assert_eq!(
            agency_mentions(&list(&actual, "tasks")),
            agency_mentions(&list(&expected, "tasks")),
            "{stem}: agencies"
        );
        for key in ["doc_number", "title", "issuer", "issued"] {
            let want = expected
                .get(key)
                .filter(|v| !v.is_null())
                .map(|v| v.to_string().trim_matches('"').to_string());
            let got = actual
                .get(key)
                .filter(|v| !v.is_null())
                .map(|v| v.to_string().trim_matches('"').to_string());
            assert_eq!(got, want, "{stem}: {key}");
        }
        checked += 1;
    }
    assert_eq!(checked, 5);
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A .docx with the lines of a text as paragraphs and its tab-separated rows as Word tables.
pub(crate) fn docx_from_text(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    let mut in_table = false;
    for line in text.lines() {
        if line.contains('\t') {
            if !in_table {
                body.push_str("<w:tbl>");
                in_table = true;
            }
            body.push_str("<w:tr>");
            for cell in line.split('\t') {
                body.push_str(&format!(
                    "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
                    xml_escape(cell)
                ));
            }
            body.push_str("</w:tr>");
            continue;
        }
        if in_table {
            body.push_str("</w:tbl>");
            in_table = false;
        }
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_escape(line)
        ));
    }
    if in_table {
        body.push_str("</w:tbl>");
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(
        b"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    )
    .unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// 济南's plan has paragraphs and task tables: as a .docx it reads like its text.
#[test]
fn docx_built_from_a_seed_extracts_like_its_text() {
    let text_path = root().join("plans/shandong/jinan/ji-zhengfa-2024-9.txt");
    let text = std::fs::read_to_string(&text_path).unwrap();
    assert!(
        text.lines().any(|l| l.contains('\t')),
        "the seed has a table"
    );
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("ji-zhengfa-2024-9.docx");
    std::fs::write(&docx, docx_from_text(&text)).unwrap();
    let (from_text, from_docx) = (extract(&text_path), extract(&docx));
    for key in [
        "doc_number",
        "title",
        "issuer",
        "issued",
        "citations",
        "targets",
        "tasks",
    ] {
        assert_eq!(from_docx[key], from_text[key], "{key}");
    }
    assert!(from_text["tasks"].as_array().unwrap().len() > 80);
}

/// Random bytes, truncated UTF-8, an empty file, a 50 MB file, a .docx that is not a zip, a zip
/// bomb, a .docx with no document part, sidecar mistakes: each is reported on its file, and
/// the good plans beside them (one of them GB18030) are still checked.
#[test]
fn bad_text_input_is_reported_per_file() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(Path::new("tests/fixtures/cli/bad-text"), dir.path());
    let big = std::fs::File::create(dir.path().join("county/big.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    let output = planlint()
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    let shown = dir.path().display().to_string();
    let stdout = String::from_utf8_lossy(&output.stdout).replace(&shown, "[DIR]");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("bad_text_input", stdout);
}

/// `planlint check DRAFT --corpus plans`: the draft's parents come from the corpus, the corpus's
/// own copy of the plan is superseded, and findings point into the draft.
#[test]
fn draft_is_checked_against_the_corpus() {
    let seed = root().join("../shared/seeds/000_b8cfb847e5d8f2e6.txt");
    let draft = if seed.is_file() {
        seed
    } else {
        root().join("plans/shandong/weifang/anqiu/an-zhengfa-2024-13.txt")
    };
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("draft.txt");
    std::fs::copy(&draft, &copy).unwrap();
    let output = planlint()
        .args([
            "check",
            "--lang",
            "en",
            "--corpus",
            "plans",
            "--select",
            "weaker-target,unresolved-citation,agency-alias",
        ])
        .arg(&copy)
        .output()
        .unwrap();
    let stdout =
        String::from_utf8_lossy(&output.stdout).replace(&dir.path().display().to_string(), "[DIR]");
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("draft_against_corpus", stdout);
}

/// `-o` writes the whole file or nothing, and never over an existing file unless `--force`.
#[test]
fn extract_writes_atomically_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let case = root().join("tests/fixtures/extract/cases/tasks.txt");
    let out = dir.path().join("plan.yaml");
    let run = |force: bool| {
        let mut cmd = planlint();
        cmd.arg("extract").arg(&case).arg("-o").arg(&out);
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    assert!(run(false).status.success());
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("区工业和信息化局"));
    std::fs::write(&out, "keep me").unwrap();
    let refused = run(false);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    assert!(run(true).status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left: {leftovers:?}"
    );
}

/// The YAML `extract` prints is a plan file `check` reads back.
#[test]
fn extracted_yaml_reads_back_as_a_plan_file() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/cli/bad-text");
    std::fs::copy(
        fixture.join("jurisdiction.yaml"),
        dir.path().join("jurisdiction.yaml"),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("county")).unwrap();
    std::fs::copy(
        fixture.join("county/jurisdiction.yaml"),
        dir.path().join("county/jurisdiction.yaml"),
    )
    .unwrap();
    let out = dir.path().join("county/good.yaml");
    let status = planlint()
        .arg("extract")
        .arg(fixture.join("county/good.txt"))
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let output = planlint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.iter().any(|c| c.starts_with("invalid")), "{codes:?}");
}

/// A sidecar drops, replaces and adds items, each with its reason; nothing it says is stale.
#[test]
fn sidecar_corrections_apply() {
    let (corpus, findings) =
        crate::support::check(&[root().join("tests/fixtures/extract/sidecar")], None);
    let codes: Vec<&str> = findings.iter().map(|d| d.code.as_str()).collect();
    assert!(
        !codes.iter().any(|c| [
            "stale-correction",
            "correction-without-reason",
            "invalid-value",
            "invalid-yaml"
        ]
        .contains(c)),
        "{codes:?}"
    );
    let plan = &corpus.plans[0];
    let targets: Vec<(String, f64)> = plan
        .targets
        .iter()
        .map(|t| (t.indicator.value.clone(), t.quantity.value))
        .collect();
    assert_eq!(
        targets,
        [
            ("新能源汽车保有量".to_string(), 20000.0),
            ("农作物耕种收综合机械化率".to_string(), 92.0)
        ]
    );
    let numbers: Vec<String> = plan
        .citations
        .iter()
        .filter_map(|c| c.doc_number.as_ref().map(|n| n.value.written.clone()))
        .collect();
    assert_eq!(numbers, ["鲁政发〔2024〕3号"]);
    assert_eq!(plan.tasks.len(), 1);
}

/// A sidecar drops a task by its label, replaces one found by words of its title and adds one;
/// the targets keep pointing at their tasks, and a correction whose task is gone is stale.
#[test]
fn sidecar_corrections_find_tasks_by_their_words() {
    let (corpus, findings) =
        crate::support::check(&[root().join("tests/fixtures/extract/sidecar-tasks")], None);
    let stale: Vec<&str> = findings
        .iter()
        .filter(|d| d.code.as_str() == "stale-correction")
        .map(|d| d.message.en())
        .collect();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert!(stale[0].contains("招商引资"), "{stale:?}");
    let plan = &corpus.plans[0];
    let bodies: Vec<Vec<(bool, &str)>> = plan
        .tasks
        .iter()
        .map(|task| {
            (task.lead.iter().map(|n| (true, &*n.value.written)))
                .chain(task.responsible.iter().map(|n| (false, &*n.value.written)))
                .collect()
        })
        .collect();
    assert_eq!(
        bodies,
        [
            vec![(true, "市发展和改革局")],
            vec![
                (true, "市机关事务服务中心"),
                (false, "市财政局"),
                (false, "市工业和信息化局")
            ],
            vec![(true, "市工业和信息化局")],
        ]
    );
    let sidecar = plan.tasks[1].source;
    assert_ne!(
        sidecar, plan.source,
        "a task a correction gives is in the sidecar"
    );
    assert_eq!(plan.tasks[0].source, plan.source);
    let task_of = |indicator: &str| {
        plan.targets
            .iter()
            .find(|t| t.indicator.value == indicator)
            .map(|t| t.task)
    };
    // The first task stays the first; the replaced task's target belongs to no task now.
    assert_eq!(task_of("新能源汽车保有量"), Some(Some(0)));
    assert_eq!(task_of("公共机构节能改造面积"), Some(None));
}
