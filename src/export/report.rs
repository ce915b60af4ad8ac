//! The offline review report: one HTML file a reviewer opens from a USB stick on a machine with
//! no network. For each draft it holds the draft's place in the cascade (its chain of plans
//! above), the comparison table, the findings, and the draft's text with each finding's place
//! highlighted. No script runs (the policy forbids all), no resource is fetched, Chinese shows in
//! the system's fonts, and every piece of plan text is escaped.

use std::fmt::Write;

use super::compare::{self, Table};
use super::escape::xml as esc;
use crate::diagnostics::Diagnostic;
use crate::engine::Report;
use crate::i18n::Lang;
use crate::model::{PlanId, SourceId};

const STYLE: &str = "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;margin:24px;color:#1f2a36;max-width:1200px}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #d5dde5;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f2f5f8}tr.weaker td{background:#fde2e1}
.chain{display:flex;flex-direction:column;gap:4px;font-size:13px}.chain div{border:1px solid #2e6da4;border-radius:6px;padding:4px 8px;background:#eef5ff;width:fit-content}
.chain .draft{border-color:#c0392b;background:#fde2e1}.chain .skipped{border-style:dashed;border-color:#8a97a5;background:#fff;color:#5b6773}
li.error{color:#c0392b}li.warning{color:#9a6300}
pre{white-space:pre-wrap;font-family:inherit;font-size:13px;background:#fafbfc;border:1px solid #e3e8ed;padding:12px}
mark.error{background:#f9c0bc}mark.warning{background:#fbe3a8}mark.note{background:#dfe9f5}";

/// The report for the drafts (or, with no drafts, every plan with findings or targets).
#[must_use]
pub fn to_html(report: &Report, plans: &[PlanId], lang: Lang) -> String {
    let title = match lang {
        Lang::Zh => "planlint 审查报告",
        Lang::En => "planlint review report",
    };
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>{title}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    for &plan in plans {
        section(&mut out, report, plan, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn section(out: &mut String, report: &Report, id: PlanId, lang: Lang) {
    let corpus = &report.corpus;
    let plan = corpus.plan(id);
    let words = |zh, en| words(lang, zh, en);
    // The plan's name is its 文号 and place, or its title when it has no 文号: the title once.
    let name = corpus.plan_name(id);
    if name.contains(plan.title.value.as_str()) {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&name));
    } else {
        let _ = writeln!(
            out,
            "<section>\n<h2>{} · {}</h2>",
            esc(&name),
            esc(&plan.title.value)
        );
    }
    chain(out, report, id, lang);
    table(out, &compare::table(report, id, lang), lang);
    let findings = crate::diagnostics::reading_order(
        report
            .findings
            .iter()
            .filter(|d| d.source == Some(plan.source)),
    );
    let _ = writeln!(
        out,
        "<h3>{} ({})</h3>\n<ol>",
        words("问题", "Findings"),
        findings.len()
    );
    for d in &findings {
        let (line, _) = d.label.as_ref().map_or((0, 0), |l| {
            corpus.sources.get(plan.source).line_col(l.span.start)
        });
        let severity = match lang {
            Lang::Zh => d.severity.zh(),
            Lang::En => d.severity.en(),
        };
        let _ = writeln!(
            out,
            "<li class=\"{}\">{severity}[{}] {}{}</li>",
            d.severity.en(),
            esc(d.code.as_str()),
            esc(d.message.get(lang)),
            match (line, lang) {
                (0, _) => String::new(),
                (line, Lang::Zh) => format!("（第{line}行）"),
                (line, Lang::En) => format!(" (line {line})"),
            }
        );
    }
    out.push_str("</ol>\n");
    let _ = writeln!(out, "<h3>{}</h3>", words("方案文本", "The plan's text"));
    text(out, report, plan.source, &findings, lang);
    out.push_str("</section>\n");
}

/// Its place in the cascade, national first: the plan above it at each level, and a level with
/// no plan in the corpus shown as skipped rather than left out.
fn chain(out: &mut String, report: &Report, id: PlanId, lang: Lang) {
    let corpus = &report.corpus;
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<div class=\"chain\">",
        words(lang, "在规划级联中的位置", "Place in the cascade")
    );
    let ancestors = report.graph.ancestors(id);
    let levels = crate::model::jurisdiction::jurisdiction_chain(
        &corpus.jurisdictions,
        corpus.plan(id).jurisdiction,
    );
    // A plan above cited from outside the chain of places (a ministry's plan) comes first.
    for &above in ancestors.iter().rev() {
        if !levels.contains(&corpus.plan(above).jurisdiction) {
            let _ = writeln!(out, "<div>{}</div>", esc(&corpus.plan_name(above)));
        }
    }
    for &level in levels.iter().skip(1).rev() {
        let plans: Vec<PlanId> = ancestors
            .iter()
            .rev()
            .copied()
            .filter(|a| corpus.plan(*a).jurisdiction == level)
            .collect();
        if plans.is_empty() {
            let place = &corpus.jurisdiction(level).name.value;
            let _ = writeln!(
                out,
                "<div class=\"skipped\">{}</div>",
                esc(&match lang {
                    Lang::Zh => format!("{place}：语料库中没有本级方案，跳过"),
                    Lang::En => format!("{place}: no plan of this level in the corpus, skipped"),
                })
            );
        }
        for above in plans {
            let _ = writeln!(out, "<div>{}</div>", esc(&corpus.plan_name(above)));
        }
    }
    let _ = writeln!(
        out,
        "<div class=\"draft\">{}</div>\n</div>",
        esc(&corpus.plan_name(id))
    );
}

fn table(out: &mut String, table: &Table, lang: Lang) {
    let words = |zh, en| words(lang, zh, en);
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        words("上位方案目标对照表", "Targets beside the plans above")
    );
    if let Some(line) = compare::campaign_line(table, lang) {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    if table.rows.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            words("没有可比较的目标。", "No targets to compare.")
        );
        return;
    }
    out.push_str("<table>\n<tr>");
    for heading in compare::headings(table, lang) {
        let _ = write!(out, "<th>{}</th>", esc(&heading));
    }
    out.push_str("</tr>\n");
    for (row, cells) in table.rows.iter().zip(compare::cells(table, lang)) {
        let class = if row.verdict == crate::comparison::Verdict::Weaker {
            " class=\"weaker\""
        } else {
            ""
        };
        let _ = write!(out, "<tr{class}>");
        for cell in &cells {
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

/// The plan's text with each finding's place marked (overlapping places merged, first wins).
fn text(out: &mut String, report: &Report, source: SourceId, findings: &[&Diagnostic], lang: Lang) {
    let text = &report.corpus.sources.get(source).text;
    let mut marks: Vec<(usize, usize, &Diagnostic)> = findings
        .iter()
        .filter_map(|d| {
            let span = d.label.as_ref()?.span;
            let end = span.end().min(text.len());
            (span.len > 0 && text.is_char_boundary(span.start) && text.is_char_boundary(end))
                .then_some((span.start, end, *d))
        })
        .collect();
    marks.sort_by_key(|(start, end, _)| (*start, std::cmp::Reverse(*end)));
    out.push_str("<pre>");
    let mut at = 0;
    for (start, end, d) in marks {
        if start < at {
            continue;
        }
        out.push_str(&esc(&text[at..start]));
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            d.severity.en(),
            esc(&format!("{}: {}", d.code.as_str(), d.message.get(lang))),
            esc(&text[start..end])
        );
        at = end;
    }
    out.push_str(&esc(&text[at..]));
    out.push_str("</pre>\n");
}

/// A heading or phrase in the report's language.
fn words(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
