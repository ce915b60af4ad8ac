//! The review of one draft: where it was placed and why, the chain of parent plans (with the
//! levels missing), the findings (errors first, each marked in the text), the 对照表 and the
//! downloads. Picking the place when the text leaves it open checks the draft again.

use std::sync::Arc;

use axum::extract::{Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use super::{error_page, lang_of, page, t};
use crate::code::Severity;
use crate::i18n::Lang;
use crate::msg;
use crate::serve::app::AppState;
use crate::serve::checks;
use crate::serve::review::Review;
use crate::serve::view::{ChainLink, Finding, Piece, Placement, TableView, View, severity_class};

fn expired(lang: Lang) -> Response {
    error_page(
        lang,
        StatusCode::NOT_FOUND,
        &msg!(
            "没有这份检查结果：结果只在内存中保留一段时间，请重新上传",
            "no such review: reviews are held in memory for a while only; upload the draft again"
        ),
        None,
    )
}

pub(crate) async fn review_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let Some(review) = state.store.get(&id) else {
        return expired(lang);
    };
    let view = &review.in_lang(lang).view;
    let here = format!("/review/{id}");
    let body = html! {
        section.review {
            h1 { (view.title) }
            p.meta {
                @if let Some(number) = &view.doc_number { span.docnum { (number) } " · " }
                (t(lang, "文件：", "File: ")) (review.name)
                " · " (t(lang, "方案库版本 ", "corpus generation ")) (review.generation)
            }
            (summary(view, lang))
            (placement(&id, &review, view, lang))
            (chain(&view.chain, lang))
            (findings(&view.findings, lang))
            (downloads(&id, &review, lang))
            @if let Some(table) = &view.table { (comparison(table, lang)) }
            (text(&view.text, lang))
        }
    };
    page(lang, &view.title, &here, body).into_response()
}

fn summary(view: &View, lang: Lang) -> Markup {
    html! {
        p.summary {
            span.count.error { (view.errors) (t(lang, " 个错误", " errors")) }
            span.count.warning { (view.warnings) (t(lang, " 个警告", " warnings")) }
            span.count.note { (view.notes) (t(lang, " 条提示", " notes")) }
        }
    }
}

fn placement(id: &str, review: &Review, view: &View, lang: Lang) -> Markup {
    html! {
        section.placement {
            h2 { (t(lang, "归属地区", "Placement")) }
            @match &view.placement {
                Placement::Placed { place, level, evidence } => {
                    p { strong { (place) } " · " (level) }
                    @if let Some((why, quoted)) = evidence {
                        p.evidence { (why) @if !quoted.is_empty() { "：" q { (quoted) } } }
                    } @else {
                        p.evidence { (t(lang, "依据：文件所在位置或填写的地区", "From: the given jurisdiction")) }
                    }
                }
                Placement::Open { why, candidates } => {
                    div.open-place {
                        @for line in why { p { (line) } }
                        p { (t(lang, "planlint 不会猜测。请指明草案所属地区后重新检查：", "planlint does not guess. Name the draft's jurisdiction and check again:")) }
                        @if review.pending.is_some() && !candidates.is_empty() {
                            form.candidates method="post" action={ "/review/" (id) "/place" } {
                                @for candidate in candidates {
                                    button type="submit" name="jurisdiction" value=(candidate.hint) { (candidate.shown) }
                                }
                            }
                        }
                        @if review.pending.is_some() {
                            form method="post" action={ "/review/" (id) "/place" } {
                                input type="text" name="jurisdiction" required placeholder=(t(lang, "地区名称或代码", "a place's name or code"));
                                button type="submit" { (t(lang, "重新检查", "Check again")) }
                            }
                        } @else {
                            (super::upload::form(lang, None))
                        }
                    }
                }
                Placement::Unread => {
                    p.unread { (t(lang, "草案未能读取为方案：见下方的错误。", "The draft could not be read as a plan: see the errors below.")) }
                }
            }
        }
    }
}

fn chain(links: &[ChainLink], lang: Lang) -> Markup {
    html! {
        @if !links.is_empty() {
            section.chain {
                h2 { (t(lang, "上级方案链", "Parent plans")) }
                ol {
                    @for link in links {
                        li {
                            span.level { (link.level) } " " (link.place) "："
                            @if link.plans.is_empty() {
                                span.missing { (t(lang, "方案库中缺少这一级的方案", "no plan of this level in the corpus")) }
                            }
                            @for (name, plan_id) in &link.plans {
                                a href=(super::plan_href(plan_id)) { (name) } " "
                            }
                        }
                    }
                }
            }
        }
    }
}

fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    t(lang, severity.zh(), severity.en())
}

pub(super) fn findings(list: &[Finding], lang: Lang) -> Markup {
    html! {
        section.findings {
            h2 { (t(lang, "问题", "Findings")) }
            @if list.is_empty() { p.clean { (t(lang, "未发现问题。", "No findings.")) } }
            ol id="findings" {
                @for finding in list {
                    li class={ "finding " (severity_class(finding.severity)) } {
                        span.sev { (severity_word(finding.severity, lang)) }
                        " " code { (finding.code) } " "
                        @if let Some(mark) = finding.mark {
                            a.goto href={ "#m-" (mark) } { (finding.message) }
                        } @else {
                            span.message { (finding.message) }
                        }
                        @if let Some(at) = &finding.at { " " span.at { "(" (at) ")" } }
                        @if let Some(help) = &finding.help { p.help { (help) } }
                    }
                }
            }
        }
    }
}

fn downloads(id: &str, review: &Review, lang: Lang) -> Markup {
    let rendered = review.in_lang(lang);
    let suffix = match lang {
        Lang::Zh => "?lang=zh",
        Lang::En => "?lang=en",
    };
    html! {
        section.downloads {
            h2 { (t(lang, "下载", "Downloads")) }
            ul {
                @match &rendered.annotated {
                    Ok(_) => li { a id="download-annotated" href={ "/review/" (id) "/annotated.docx" (suffix) } download { (t(lang, "带批注的草案（.docx）", "The draft with comments (.docx)")) } },
                    Err(why) => li.unavailable { (t(lang, "带批注的草案：", "The draft with comments: ")) (why.get(lang)) },
                }
                @if rendered.table_docx.is_some() {
                    li { a href={ "/review/" (id) "/comparison.docx" (suffix) } download { (t(lang, "对照表（.docx）", "对照表 (.docx)")) } }
                }
                @if rendered.table_csv.is_some() {
                    li { a href={ "/review/" (id) "/comparison.csv" (suffix) } download { (t(lang, "对照表（.csv）", "对照表 (.csv)")) } }
                }
                li { a href={ "/review/" (id) "/report.json" (suffix) } download { (t(lang, "检查结果（JSON）", "The findings (JSON)")) } }
            }
        }
    }
}

pub(super) fn comparison(table: &TableView, lang: Lang) -> Markup {
    html! {
        section.comparison {
            h2 { (t(lang, "上位方案目标对照表", "Targets beside the parents' (对照表)")) }
            @if let Some(campaign) = &table.campaign { p.campaign { (t(lang, "专项：", "Campaign: ")) (campaign) } }
            @if table.rows.is_empty() {
                p { (t(lang, "草案中没有可与上级比对的量化目标。", "The draft states no target to compare with a parent's.")) }
            } @else {
                div.table-scroll {
                    table {
                        thead { tr {
                            th { (t(lang, "指标", "Indicator")) }
                            th { (t(lang, "年份", "Year")) }
                            th { (t(lang, "本方案", "This plan")) }
                            @for ancestor in &table.ancestors { th { (ancestor) } }
                            th { (t(lang, "结论", "Conclusion")) }
                        } }
                        tbody {
                            @for row in &table.rows {
                                tr class=(row.class) {
                                    td { (row.indicator) }
                                    td { (row.year) }
                                    td { (row.value) }
                                    @for parent in &row.parents { td { (parent) } }
                                    td.conclusion { (row.conclusion) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn text(pieces: &[Piece], lang: Lang) -> Markup {
    html! {
        @if !pieces.is_empty() {
            section.draft-text {
                h2 { (t(lang, "草案正文（问题处已标出）", "The draft's text, findings marked")) }
                div.text id="draft-text" {
                    @for piece in pieces {
                        @match piece {
                            Piece::Plain(text) => (text),
                            Piece::Marked { finding, severity, text } => {
                                mark id={ "m-" (finding) } class=(severity_class(*severity)) title=(severity_word(*severity, lang)) { (text) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct PlaceForm {
    jurisdiction: String,
}

/// `POST /review/{id}/place`: the held upload checked again with the place the reviewer named.
pub(crate) async fn review_place(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<PlaceForm>,
) -> Response {
    let lang = lang_of(&headers, None);
    let Some(mut upload) = state.store.get(&id).and_then(|r| r.pending.clone()) else {
        return expired(lang);
    };
    upload.jurisdiction = Some(form.jurisdiction.trim().chars().take(100).collect())
        .filter(|j: &String| !j.is_empty());
    let ticket = match checks::admit(&state).await {
        Ok(ticket) => ticket,
        Err(failed) => return error_page(lang, failed.status, &failed.why, failed.retry_after),
    };
    match checks::run(&state, ticket, upload, lang).await {
        Ok(done) => Redirect::to(&format!("/review/{}", done.id)).into_response(),
        Err(failed) => error_page(lang, failed.status, &failed.why, failed.retry_after),
    }
}

/// The review's downloads, each named after the draft.
pub(crate) async fn review_download(
    State(state): State<Arc<AppState>>,
    Path((id, file)): Path<(String, String)>,
    request: Request,
) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let Some(review) = state.store.get(&id) else {
        return expired(lang);
    };
    let rendered = review.in_lang(lang);
    const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let stem = review
        .name
        .rsplit_once('.')
        .map_or(review.name.as_str(), |(stem, _)| stem);
    let (bytes, kind, name): (Vec<u8>, &'static str, String) = match file.as_str() {
        "annotated.docx" => match &rendered.annotated {
            Ok(bytes) => (bytes.clone(), DOCX, format!("{stem}-批注.docx")),
            Err(why) => return error_page(lang, StatusCode::NOT_FOUND, why, None),
        },
        "comparison.docx" if rendered.table_docx.is_some() => (
            rendered.table_docx.clone().unwrap_or_default(),
            DOCX,
            format!("{stem}-对照表.docx"),
        ),
        "comparison.csv" if rendered.table_csv.is_some() => (
            rendered.table_csv.clone().unwrap_or_default().into_bytes(),
            "text/csv; charset=utf-8",
            format!("{stem}-对照表.csv"),
        ),
        "report.json" => (
            rendered.json.clone(),
            "application/json",
            format!("{stem}.json"),
        ),
        _ => return expired(lang),
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987): a Chinese
/// name survives, and nothing in it can end the header.
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = crate::escape::url(name, false);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}
