//! End to end on the bundled corpus, whose five county and city plans are the real seed plans.

use crate::support;

#[test]
fn bundled_corpus_findings() {
    let (corpus, findings) = support::check(&[std::path::PathBuf::from("plans")], None);
    let codes: Vec<(&str, String)> = findings
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.source
                    .map(|s| corpus.sources.get(s).display_path())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let has = |code: &str, file: &str| codes.iter().any(|(c, f)| *c == code && f.contains(file));
    // The three problems the project started from.
    assert!(has("weaker-target", "anqiu"), "安丘's 约30% under 约一倍");
    assert!(
        has("citation-title-mismatch", "linqing"),
        "临清's title of 鲁政发〔2024〕3号"
    );
    assert!(
        has("agency-inconsistent-naming", "huancui"),
        "环翠's 机关事务(服务)中心"
    );
    // Nothing fails to load.
    assert!(
        findings
            .iter()
            .all(|d| !d.code.as_str().starts_with("invalid")
                && d.code.as_str() != "unknown-jurisdiction"),
        "{findings:?}"
    );
    insta::assert_snapshot!(
        "bundled_corpus",
        support::render(&corpus, &findings, planlint::i18n::Lang::En)
    );
}

#[test]
fn equal_targets_produce_nothing() {
    // 安丘's 28% / 92% / 75% equal Shandong's: only the 报废汽车 target is weaker.
    let (_, all) = support::check(&[std::path::PathBuf::from("plans")], None);
    let anqiu_weaker: Vec<_> = all
        .iter()
        .filter(|d| {
            d.code.as_str() == "weaker-target"
                && d.message.en().contains("报废汽车回收量")
                && d.message.en().contains("30%")
        })
        .collect();
    assert_eq!(anqiu_weaker.len(), 1);
    // Among the seeds (Shandong's cascade, compared with 鲁政发 and the cities): the provinces'
    // plans are compared with 国发, where 青海 really is weaker.
    assert!(!all.iter().any(|d| d.code.as_str() == "weaker-target"
        && !d.message.en().contains("国发")
        && (d.message.en().contains("设备投资规模")
            || d.message.en().contains("数控化率")
            || d.message.en().contains("普及率"))));
}

#[test]
fn output_is_deterministic() {
    let render = || {
        let (corpus, findings) = support::check(&[std::path::PathBuf::from("plans")], None);
        support::render_both(&corpus, &findings)
    };
    assert_eq!(render(), render());
}
