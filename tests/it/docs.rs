//! The documentation lives next to each lint; these tests keep it complete and the README's
//! lint table in step with the registry.

use std::collections::HashSet;

const REQUIRED: &[&str] = &[
    "## What it does",
    "## 检查内容",
    "## Why is this bad?",
    "## 为什么有问题",
    "## Example / 示例",
    "## How to fix",
    "## 修改方法",
];

#[test]
fn every_lint_is_documented() {
    for lint in planlint::lints::ALL {
        for heading in REQUIRED {
            assert!(
                lint.doc.docs.contains(heading),
                "{} lacks `{heading}`",
                lint.code().as_str()
            );
        }
        assert!(
            !lint.doc.summary.0.is_empty() && !lint.doc.summary.1.is_empty(),
            "{}",
            lint.code().as_str()
        );
    }
}

#[test]
fn codes_are_unique_kebab_and_match_file() {
    let mut seen = HashSet::new();
    for lint in planlint::lints::ALL {
        assert!(
            seen.insert(lint.code().as_str()),
            "duplicate code {}",
            lint.code().as_str()
        );
        assert!(
            lint.code()
                .as_str()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{} is not kebab-case",
            lint.code().as_str()
        );
        let file = format!(
            "src/lints/rules/{}.rs",
            lint.code().as_str().replace('-', "_")
        );
        assert!(
            lint.doc.declared_at.replace('\\', "/").ends_with(&file),
            "{} is declared in {}, expected {file}",
            lint.code().as_str(),
            lint.doc.declared_at
        );
    }
    let codes: Vec<&str> = planlint::lints::ALL
        .iter()
        .map(|l| l.code().as_str())
        .collect();
    assert!(
        codes.is_sorted(),
        "the registry is kept in alphabetical order"
    );
}

/// The README's lint table, generated from the registry.
fn lint_table() -> String {
    let mut table =
        String::from("| code | category | default | what it finds |\n|---|---|---|---|\n");
    for lint in planlint::lints::ALL {
        let severity = lint.doc.default_severity.en();
        let level = if lint.doc.nursery {
            format!("off (nursery; {severity} when enabled)")
        } else {
            severity.to_string()
        };
        table.push_str(&format!(
            "| `{}` | {} | {level} | {} / {} |\n",
            lint.code().as_str(),
            lint.doc.category.name(),
            lint.doc.summary.1,
            lint.doc.summary.0
        ));
    }
    table
}

#[test]
fn readme_lint_table_is_current() {
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).unwrap();
    let start = "<!-- lint-table:start -->\n";
    let end = "<!-- lint-table:end -->";
    let (Some(a), Some(b)) = (readme.find(start), readme.find(end)) else {
        panic!("README.md lacks the lint-table markers");
    };
    let current = &readme[a + start.len()..b];
    let expected = lint_table();
    if current != expected {
        if std::env::var_os("PLANLINT_BLESS").is_some() {
            let updated = format!("{}{expected}{}", &readme[..a + start.len()], &readme[b..]);
            std::fs::write(crate::support::root().join("README.md"), updated).unwrap();
        } else {
            panic!(
                "the README lint table is stale; run `PLANLINT_BLESS=1 cargo test readme` and commit README.md\n{expected}"
            );
        }
    }
}
