//! The corpus: search by name, 文号 and indicator, each plan's page (its targets beside its
//! parents', its findings) and the cascade picture (the `graph --format html` viewer).

use std::sync::Arc;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;

use super::review::{comparison, findings};
use super::{error_page, lang_of, page, plan_href, t};
use crate::escape::url as url_encode;
use crate::export;
use crate::i18n::Lang;
use crate::model::PlanId;
use crate::msg;
use crate::serve::app::AppState;
use crate::serve::corpus::{Generation, id_of_path};
use crate::serve::view;

/// The most plans one listing shows; a search narrows the rest.
const LISTED: usize = 300;

#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct SearchQuery {
    #[serde(default)]
    q: String,
}

pub(crate) async fn corpus_page(
    State(state): State<Arc<AppState>>,
    Query(query): Query<SearchQuery>,
    request: Request,
) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let generation = state.live.current();
    let report = &generation.report;
    let query_text = query.q.trim();
    let found: Vec<PlanId> = if query_text.is_empty() {
        (0..report.corpus.plans.len()).map(PlanId).collect()
    } else {
        generation.search(query_text)
    };
    let mut listed = found.clone();
    listed.sort_by_key(|&p| (report.corpus.plan(p).level, generation.id_of(p).to_string()));
    listed.truncate(LISTED);
    let body = html! {
        section.corpus {
            h1 { (t(lang, "方案库", "The corpus")) }
            p.meta {
                (generation.shown) " · " (report.corpus.plans.len()) (t(lang, " 份方案", " plans"))
                " · " a href="/corpus/cascade" { (t(lang, "级联图", "Cascade picture")) }
            }
            form.search method="get" action="/corpus" {
                input type="search" name="q" value=(query_text) placeholder=(t(lang, "名称、文号或指标，例如：数控化率", "name, 文号 or indicator, e.g. 数控化率"));
                button type="submit" { (t(lang, "搜索", "Search")) }
            }
            @if !query_text.is_empty() {
                p.found { (found.len()) (t(lang, " 份方案符合", " plans match")) }
            }
            @if found.len() > listed.len() {
                p.more { (t(lang, "只列出前 300 份；请用搜索缩小范围。", "Only the first 300 are listed; search to narrow them.")) }
            }
            table.plans {
                thead { tr {
                    th { (t(lang, "方案", "Plan")) } th { (t(lang, "标题", "Title")) }
                    th { (t(lang, "错误", "Errors")) } th { (t(lang, "警告", "Warnings")) }
                } }
                tbody {
                    @for plan in &listed {
                        tr {
                            td { a href=(plan_href(generation.id_of(*plan))) { (report.corpus.plan_name(*plan)) } }
                            td { (report.corpus.plan(*plan).title.value) }
                            @let counts = generation.counts(*plan);
                            td.num { (counts.errors) }
                            td.num { (counts.warnings) }
                        }
                    }
                }
            }
        }
    };
    page(lang, t(lang, "方案库", "Corpus"), "/corpus", body).into_response()
}

pub(crate) async fn plan_page(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let generation = state.live.current();
    let Some(plan) = generation.plan_by_id(&id) else {
        return error_page(
            lang,
            StatusCode::NOT_FOUND,
            &msg!("方案库中没有这份方案", "no such plan in the corpus"),
            None,
        );
    };
    let report = &generation.report;
    let corpus = &report.corpus;
    let source = corpus.plan(plan).source;
    let table = export::compare::table(report, plan, lang);
    let table = view::table_view(&table, lang);
    let listed = view::findings_of(report, source, lang);
    let parents: Vec<(String, String)> = report
        .graph
        .ancestors(plan)
        .iter()
        .rev()
        .map(|&p| (corpus.plan_name(p), generation.id_of(p).to_string()))
        .collect();
    let here = format!("/corpus/plans/{id}");
    let body = html! {
        section.plan {
            h1 { (corpus.plan(plan).title.value) }
            p.meta {
                (corpus.plan_name(plan)) " · " (corpus.sources.get(source).display_path())
                @if let Some((folder, _)) = id.split_once('/') {
                    " · " a href={ "/corpus/cascade?under=" (url_encode(folder, false)) } { (t(lang, "级联图", "cascade")) }
                }
            }
            @if !parents.is_empty() {
                section.chain {
                    h2 { (t(lang, "上级方案", "Parent plans")) }
                    ol { @for (name, parent_id) in &parents { li { a href=(plan_href(parent_id)) { (name) } } } }
                }
            }
            (findings(&listed, lang))
            (comparison(&table, lang))
        }
    };
    page(lang, &corpus.plan(plan).title.value, &here, body).into_response()
}

/// The most plans the whole cascade is drawn for; past them (a national corpus, whose whole
/// picture would be hundreds of megabytes) the page lists the top folders to draw one of.
const WHOLE_CASCADE: usize = 400;

#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct CascadeQuery {
    /// A folder under the corpus (`shandong`): its plans, their parents and what they cite.
    under: Option<String>,
}

/// The cascade viewer, as `graph --format html` writes it, with its own policy: its one inline
/// script, named by hash, and inline style.
pub(crate) async fn cascade_page(
    State(state): State<Arc<AppState>>,
    Query(query): Query<CascadeQuery>,
    request: Request,
) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let generation = state.live.current();
    let under = query
        .under
        .as_deref()
        .map(|u| u.trim_matches('/'))
        .filter(|u| !u.is_empty());
    if plans_under(&generation, under) > WHOLE_CASCADE {
        return folders_page(&generation, under, lang);
    }
    let whole = export::cascade(&generation.report, export::With::default(), lang);
    let cascade = match under {
        Some(folder) => whole.around(|node| {
            node.file
                .as_deref()
                .is_some_and(|file| in_folder(&id_of_path(file, &generation.shown), folder))
        }),
        None => whole,
    };
    match export::html::to_html(&cascade) {
        Ok(page) => {
            let mut response = (StatusCode::OK, axum::response::Html(page)).into_response();
            response.headers_mut().insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(export::html::POLICY),
            );
            response
        }
        Err(err) => error_page(
            lang,
            StatusCode::INTERNAL_SERVER_ERROR,
            &msg!("无法生成级联图：{err}", "cannot draw the cascade: {err}"),
            None,
        ),
    }
}

/// The plans under `folder` (every plan when `None`).
fn plans_under(generation: &Generation, folder: Option<&str>) -> usize {
    (0..generation.report.corpus.plans.len())
        .filter(|&p| folder.is_none_or(|f| in_folder(generation.id_of(PlanId(p)), f)))
        .count()
}

fn in_folder(id: &str, folder: &str) -> bool {
    id.strip_prefix(folder)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The folders right under `folder` (the corpus's top ones when `None`), each with its count
/// of plans and a link to its part of the cascade (or to its own folders, when it is large).
fn folders_page(generation: &Generation, folder: Option<&str>, lang: Lang) -> Response {
    let mut folders: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for plan in 0..generation.report.corpus.plans.len() {
        let id = generation.id_of(PlanId(plan));
        let rest = match folder {
            Some(folder) if in_folder(id, folder) => &id[folder.len() + 1..],
            Some(_) => continue,
            None => id,
        };
        let Some((child, _)) = rest.split_once('/') else {
            continue;
        };
        let path = folder.map_or_else(|| child.to_string(), |f| format!("{f}/{child}"));
        *folders.entry(path).or_default() += 1;
    }
    let body = html! {
        section.corpus {
            h1 { (t(lang, "级联图", "The cascade")) @if let Some(folder) = folder { "：" (folder) } }
            p { (t(lang, "方案太多，整张图无法在浏览器中打开；请选择一个文件夹（其方案、上级方案及引用的文件）：",
                       "Too many plans to draw in a browser at once; choose a folder (its plans, their parents and what they cite):")) }
            ul.folders {
                @for (path, count) in &folders {
                    li { a href={ "/corpus/cascade?under=" (url_encode(path, false)) } { (path) } " (" (count) ")" }
                }
            }
        }
    };
    page(lang, t(lang, "级联图", "Cascade"), "/corpus/cascade", body).into_response()
}
