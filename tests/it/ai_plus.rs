//! The “人工智能+” cascade of `../shared/devset-campaigns/ai-plus/` (national, 12 provinces,
//! cities and counties, and the national 节能降碳 plan of another campaign), checked with no
//! flag and no catalogue entry: the notes of its `INDEX.yaml` come out as verdicts, no pair the
//! notes call equal or stricter is weaker, and beside the bundled equipment-renewal corpus the
//! campaigns are compared only within themselves, with the same findings as alone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{json_diagnostics, planlint, root};

fn devset() -> PathBuf {
    root().join("../shared/devset-campaigns/ai-plus")
}

/// Each text of the set with the folder of `plans/` its province has (`hunan`), or the root
/// for the national plans, as a plan repository lays them out.
fn layout() -> Vec<(PathBuf, PathBuf)> {
    let index = std::fs::read_to_string(devset().join("INDEX.yaml")).unwrap();
    let entries: Vec<serde_json::Map<String, Value>> = serde_saphyr::from_str(&index).unwrap();
    let folders: Vec<(String, PathBuf)> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path().join("jurisdiction.yaml")).ok()?;
            let name = text
                .lines()
                .find_map(|l| l.strip_prefix("name: "))?
                .to_string();
            Some((name, PathBuf::from(e.file_name())))
        })
        .collect();
    entries
        .iter()
        .map(|entry| {
            let file = PathBuf::from(entry["file"].as_str().unwrap());
            let folder = match entry["province"].as_str() {
                Some(province) => folders
                    .iter()
                    .find(|(name, _)| name.starts_with(province))
                    .map(|(_, dir)| dir.clone())
                    .unwrap_or_else(|| panic!("no folder for {province}")),
                None => PathBuf::new(),
            };
            (file, folder)
        })
        .collect()
}

/// A corpus in `dir`: the jurisdiction files of `plans/` (and its plans too, with `plans`),
/// with the set's texts in their provinces' folders.
fn corpus(dir: &Path, plans: bool) {
    for entry in walkdir::WalkDir::new(root().join("plans")) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(root().join("plans")).unwrap();
        let to = dir.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else if plans || entry.file_name() == "jurisdiction.yaml" {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    for (file, folder) in layout() {
        let to = dir.join(&folder).join(&file);
        std::fs::copy(devset().join("texts").join(&file), to).unwrap();
    }
}

fn run(command: &str, dir: &Path) -> Value {
    let out = planlint()
        .current_dir(dir)
        .args([command, ".", "--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{command}");
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (file name, indicator, year) → verdict of every row with a parent.
fn verdicts(compare: &Value) -> Vec<(String, String, String, String)> {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let mut rows = Vec::new();
    for table in compare["tables"].as_array().into_iter().flatten() {
        let file = Path::new(table["file"].as_str().unwrap_or_default())
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        for row in table["rows"].as_array().into_iter().flatten() {
            if row["parent"].is_object() {
                rows.push((
                    file.clone(),
                    text(&row["indicator"]),
                    text(&row["deadline"]),
                    text(&row["verdict"]),
                ));
            }
        }
    }
    rows
}

/// The verdict of `file`'s row for 普及率 in `year`.
fn uptake(rows: &[(String, String, String, String)], file: &str, year: &str) -> Option<String> {
    rows.iter()
        .find(|(f, i, y, _)| f == file && i.contains("普及率") && y == year)
        .map(|(_, _, _, v)| v.clone())
}

/// Every finding as (file name, code, message), for comparing runs laid out differently.
fn findings(check: &Value) -> BTreeSet<(String, String, String)> {
    json_diagnostics(check.to_string().as_bytes())
        .iter()
        .map(|d| {
            let file = Path::new(d["location"]["file"].as_str().unwrap_or_default())
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            (file, text(&d["code"]), text(&d["message_en"]))
        })
        .collect()
}

#[test]
fn the_index_notes_come_out_as_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), false);
    let compare = run("compare", dir.path());
    let rows = verdicts(&compare);
    let expected = [
        ("gansu_ganzhengfa_2026_1.txt", "2027", "weaker"),
        ("gansu_ganzhengfa_2026_1.txt", "2030", "qualitative-only"),
        ("hunan_xiangzhengfa_2025_7.txt", "2027", "stricter"),
        ("hunan_xiangzhengfa_2025_7.txt", "2030", "equal"),
        ("changsha_2025.txt", "2027", "equal"),
        ("changsha_2025.txt", "2030", "equal"),
        ("chongqing_yufubanfa_2025_60.txt", "2027", "stricter"),
        ("chongqing_yufubanfa_2025_60.txt", "2030", "omitted"),
        ("shaanxi_shanfagaigaoji_2025_1665.txt", "2027", "equal"),
        ("sichuan_2025_draft.txt", "2027", "equal"),
        ("sichuan_2025_draft.txt", "2030", "equal"),
        ("jiangxi_ganfufa_2025_16.txt", "2027", "omitted"),
        ("jiangxi_ganfufa_2025_16.txt", "2030", "equal"),
        // 70%以上 against 超70%: the same figure with a looser bound, a note at most.
        ("jiangsu_suzhengfa_2025_108.txt", "2027", "looser-bound"),
        ("jiangsu_suzhengfa_2025_108.txt", "2030", "looser-bound"),
    ];
    for (file, year, verdict) in expected {
        assert_eq!(
            uptake(&rows, file, year).as_deref(),
            Some(verdict),
            "{file} {year}: {rows:#?}"
        );
    }
    // A city's or a prefecture's figures are a share of its province's, never weaker.
    for (file, indicator) in [
        ("changsha_2025.txt", "人工智能产业规模"),
        ("changsha_2025.txt", "典型应用场景"),
        ("changsha_2025.txt", "行业垂类大模型"),
    ] {
        let row = rows.iter().find(|(f, i, _, _)| f == file && i == indicator);
        assert_eq!(
            row.map(|r| r.3.as_str()),
            Some("not-comparable"),
            "{file} {indicator}"
        );
    }
    let weaker: Vec<_> = rows.iter().filter(|r| r.3 == "weaker").collect();
    assert_eq!(
        weaker.len(),
        1,
        "only 甘肃's 达70%左右 is weaker: {weaker:#?}"
    );
    // The national 节能降碳 plan is another campaign: nothing is compared with it.
    let parents: Vec<&str> = compare["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["rows"].as_array().into_iter().flatten())
        .filter_map(|r| r["parent"]["plan"].as_str())
        .collect();
    assert!(
        !parents.is_empty() && !parents.iter().any(|p| p.contains("国发〔2024〕12号")),
        "a plan was compared with the 节能降碳 plan: {parents:?}"
    );
    let check = run("check", dir.path());
    let codes = findings(&check);
    assert!(
        codes
            .iter()
            .any(|(f, c, _)| f == "heilongjiang_2026.txt" && c == "truncated-text"),
        "黑龙江's copy stops before its targets"
    );
}

#[test]
fn campaigns_side_by_side_are_compared_only_within_themselves() {
    let (alone, together) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    corpus(alone.path(), false);
    corpus(together.path(), true);
    let (alone_check, together_check) = (run("check", alone.path()), run("check", together.path()));
    let set: BTreeSet<String> = layout()
        .iter()
        .map(|(f, _)| f.to_string_lossy().into_owned())
        .collect();
    let of_set = |all: BTreeSet<(String, String, String)>| -> BTreeSet<(String, String, String)> {
        all.into_iter()
            .filter(|(f, _, _)| set.contains(f))
            .collect()
    };
    assert_eq!(
        of_set(findings(&alone_check)),
        of_set(findings(&together_check)),
        "the set's findings change beside the bundled corpus"
    );
    let bundled = planlint()
        .args(["check", "plans", "--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    let bundled: Value = serde_json::from_slice(&bundled.stdout).unwrap();
    let not_of_set =
        |all: BTreeSet<(String, String, String)>| -> BTreeSet<(String, String, String)> {
            all.into_iter()
                .filter(|(f, _, _)| !set.contains(f))
                .collect()
        };
    assert_eq!(
        not_of_set(findings(&bundled)),
        not_of_set(findings(&together_check)),
        "the bundled corpus's findings change beside the set"
    );
    // No row pairs a plan of one campaign with a parent of the other.
    let compare = run("compare", together.path());
    for table in compare["tables"].as_array().into_iter().flatten() {
        let file = table["file"].as_str().unwrap_or_default();
        let child_of_set = set.iter().any(|f| file.ends_with(f.as_str()));
        for row in table["rows"].as_array().into_iter().flatten() {
            let Some(parent) = row["parent"]["plan"].as_str() else {
                continue;
            };
            let parent_is_equipment = parent.contains("国发〔2024〕7号")
                || row["parent"]["value"].to_string().contains("设备");
            assert!(
                !(child_of_set && parent_is_equipment),
                "{file} compared with {parent}"
            );
        }
    }
}
