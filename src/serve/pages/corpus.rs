//! The corpus: search by name, 文号 and indicator, each plan's page (its targets beside its
//! parents', its findings) and the cascade picture (the `graph --format html` viewer).

use std::sync::Arc;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::html;

use super::review::{comparison, findings};
use super::{error_page, lang_of, page, t};
use crate::export;
use crate::model::PlanId;
use crate::msg;
use crate::serve::app::AppState;
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
                            td { a href={ "/corpus/plans/" (generation.id_of(*plan)) } { (report.corpus.plan_name(*plan)) } }
                            td { (report.corpus.plan(*plan).title.value) }
                            @let (errors, warnings) = generation.counts(*plan);
                            td.num { (errors) }
                            td.num { (warnings) }
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
            p.meta { (corpus.plan_name(plan)) " · " (corpus.sources.get(source).display_path()) }
            @if !parents.is_empty() {
                section.chain {
                    h2 { (t(lang, "上级方案", "Parent plans")) }
                    ol { @for (name, parent_id) in &parents { li { a href={ "/corpus/plans/" (parent_id) } { (name) } } } }
                }
            }
            (findings(&listed, lang))
            (comparison(&table, lang))
        }
    };
    page(lang, &corpus.plan(plan).title.value, &here, body).into_response()
}

/// The cascade viewer, as `graph --format html` writes it, with its own policy: its one inline
/// script, named by hash, and inline style.
pub(crate) async fn cascade_page(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let lang = lang_of(request.headers(), request.uri().query());
    let generation = state.live.current();
    let cascade = export::cascade(&generation.report, export::With::default(), lang);
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
