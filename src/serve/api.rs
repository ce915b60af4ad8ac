//! The JSON API for office systems: `POST /api/v1/check` answers the bytes `check --format
//! json` prints for the draft; a corpus plan and its 对照表 by id; the service's health; and the
//! OpenAPI description of all of them (utoipa, from the handlers' own declarations).

use std::sync::Arc;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

use crate::export::compare;
use crate::i18n::{Lang, Msg};
use crate::msg;

use super::app::AppState;
use super::review::Outcome;
use super::{checks, upload};

/// An error as the API answers it: `{"status": 413, "error": "…", "message": {"zh", "en"}}`.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub(crate) struct ApiError {
    pub(crate) status: u16,
    /// The message in the request's language.
    pub(crate) error: String,
    #[schema(value_type = Object)]
    pub(crate) message: Msg,
}

#[must_use]
pub(crate) fn error(status: StatusCode, why: &Msg, lang: Lang) -> Response {
    let body = ApiError {
        status: status.as_u16(),
        error: why.get(lang).to_string(),
        message: why.clone(),
    };
    (status, axum::Json(body)).into_response()
}

fn json_bytes(status: StatusCode, bytes: Vec<u8>) -> Response {
    let mut response = (status, bytes).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// A check that gave no review, as the API answers it (with Retry-After when only busy).
fn failure(failed: &checks::Failed, lang: Lang) -> Response {
    let mut response = error(failed.status, &failed.why, lang);
    if let Some(seconds) = failed.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The check's query: the draft's name and place (raw bodies), the language.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CheckQuery {
    /// The draft's file name (a raw body): its extension gives its kind.
    name: Option<String>,
    /// The draft's jurisdiction, when its text does not say (a name or a GB/T 2260 code).
    jurisdiction: Option<String>,
    /// `zh` or `en` (default: the service's language).
    #[param(value_type = Option<String>)]
    lang: Option<Lang>,
}

/// A draft as a form: the file, and optionally its jurisdiction.
#[derive(Debug, utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "describes the form for OpenAPI; the handler reads it as multipart"
)]
pub(crate) struct CheckForm {
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    jurisdiction: Option<String>,
}

/// A draft as the whole body, of its own type (`application/pdf`, `text/plain`…) or
/// `application/octet-stream` with `?name=`.
#[derive(Debug, utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[expect(
    dead_code,
    reason = "describes the body for OpenAPI; the handler reads it as bytes"
)]
pub(crate) struct RawDraft(Vec<u8>);

/// Check a draft against the corpus.
///
/// The answer is the JSON `planlint check DRAFT --corpus CORPUS --format json` prints, and its
/// `Link` header names the review's page.
#[utoipa::path(
    post,
    path = "/api/v1/check",
    params(CheckQuery),
    request_body(content(
        (CheckForm = "multipart/form-data"),
        (RawDraft = "application/octet-stream"),
    )),
    responses(
        (status = 200, description = "Checked: the findings, as `check --format json`", body = Object),
        (status = 400, description = "The draft cannot be read as a plan (the same JSON says why), or the request is malformed", body = Object),
        (status = 401, description = "No valid token", body = ApiError),
        (status = 413, description = "The upload is larger than the service takes", body = ApiError),
        (status = 415, description = "Not a .docx, .pdf, .ofd, .txt or .md", body = ApiError),
        (status = 503, description = "Busy (see Retry-After) or the check took too long", body = ApiError),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn check(
    State(state): State<Arc<AppState>>,
    Query(query): Query<CheckQuery>,
    request: Request,
) -> Response {
    let lang = query.lang.unwrap_or(state.settings.lang);
    let raw = upload::RawQuery {
        name: query.name,
        jurisdiction: query.jurisdiction,
    };
    let ticket = match checks::admit(&state).await {
        Ok(ticket) => ticket,
        Err(failed) => return failure(&failed, lang),
    };
    let upload = match checks::receive(&state, upload::read(request, raw)).await {
        Ok(upload) => upload,
        Err(failed) => return failure(&failed, lang),
    };
    let note = super::log::Note(format!(
        "upload={} bytes={}",
        super::log::escape(&upload.name),
        upload.bytes.len()
    ));
    let mut response = match checks::run(&state, ticket, upload, lang).await {
        Ok(done) => {
            let status = match done.review.outcome {
                Outcome::Unreadable => StatusCode::BAD_REQUEST,
                Outcome::Checked | Outcome::Unplaced => StatusCode::OK,
            };
            let mut response = json_bytes(status, done.review.in_lang(lang).json.clone());
            let link = format!(
                "</review/{}>; rel=\"alternate\"; type=\"text/html\"",
                done.id
            );
            if let Ok(value) = HeaderValue::from_str(&link) {
                response.headers_mut().insert(header::LINK, value);
            }
            response
        }
        Err(failed) => failure(&failed, lang),
    };
    response.extensions_mut().insert(note);
    response
}

#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct LangQuery {
    /// `zh` or `en` (default: the service's language).
    #[param(value_type = Option<String>)]
    lang: Option<Lang>,
}

/// A corpus plan: what it is, its parents, its 对照表 and its findings.
///
/// `id` is the plan's path under the corpus folder (`shandong/weifang/anqiu/plan.yaml`).
#[utoipa::path(
    get,
    path = "/api/v1/plans/{id}",
    params(("id" = String, Path, description = "The plan's path under the corpus folder"), LangQuery),
    responses(
        (status = 200, description = "The plan", body = Object),
        (status = 404, description = "No such plan", body = ApiError),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn plan(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let lang = query.lang.unwrap_or(state.settings.lang);
    let generation = state.live.current();
    let Some(plan) = generation.plan_by_id(&id) else {
        return error(StatusCode::NOT_FOUND, &no_plan(&id), lang);
    };
    let report = &generation.report;
    let corpus = &report.corpus;
    let written = corpus.plan(plan);
    let source = written.source;
    let findings: Vec<_> = report
        .findings
        .iter()
        .filter(|d| d.source == Some(source))
        .cloned()
        .collect();
    let mut findings_json = Vec::new();
    let summary = crate::diagnostics::Summary::of(&findings, 1);
    let tables = [compare::table(report, plan, lang)];
    let rendered = crate::diagnostics::json::write_json(
        &mut findings_json,
        &findings,
        summary,
        &corpus.sources,
        &|id| report.facts(id),
        lang,
    )
    .and_then(|()| serde_json::from_slice::<serde_json::Value>(&findings_json))
    .and_then(|findings| {
        let table = compare::to_json(report, &tables, lang)?;
        Ok((findings, serde_json::from_str::<serde_json::Value>(&table)?))
    });
    let (findings, comparison) = match rendered {
        Ok(both) => both,
        Err(err) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &msg!("无法输出：{err}", "cannot write the answer: {err}"),
                lang,
            );
        }
    };
    let place = corpus.jurisdiction(written.jurisdiction);
    let parents: Vec<_> = report
        .graph
        .ancestors(plan)
        .iter()
        .rev()
        .map(|&p| serde_json::json!({ "id": generation.id_of(p), "name": corpus.plan_name(p) }))
        .collect();
    let body = serde_json::json!({
        "id": id,
        "name": corpus.plan_name(plan),
        "title": written.title.value,
        "doc_number": written.doc_number.as_ref().map(|n| n.value.written.clone()),
        "file": corpus.sources.get(source).display_path(),
        "jurisdiction": { "name": place.name.value, "code": place.code, "level": place.level },
        "campaign": report.graph.campaign(plan).map(ToString::to_string),
        "parents": parents,
        "comparison": comparison,
        "findings": findings,
        "corpus_generation": generation.number,
    });
    axum::Json(body).into_response()
}

fn no_plan(id: &str) -> Msg {
    let id = super::log::escape(id);
    msg!("方案库中没有方案“{id}”", "no plan `{id}` in the corpus")
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CompareQuery {
    /// The plan's id (its path under the corpus folder).
    plan: String,
    /// `zh` or `en` (default: the service's language).
    #[param(value_type = Option<String>)]
    lang: Option<Lang>,
}

/// A corpus plan's 对照表, as `planlint compare PLAN --format json` prints it.
#[utoipa::path(
    get,
    path = "/api/v1/compare",
    params(CompareQuery),
    responses(
        (status = 200, description = "The table", body = Object),
        (status = 404, description = "No such plan", body = ApiError),
    ),
    security((), ("bearer" = [])),
)]
pub(crate) async fn compare(
    State(state): State<Arc<AppState>>,
    Query(query): Query<CompareQuery>,
) -> Response {
    let lang = query.lang.unwrap_or(state.settings.lang);
    let generation = state.live.current();
    let Some(plan) = generation.plan_by_id(&query.plan) else {
        return error(StatusCode::NOT_FOUND, &no_plan(&query.plan), lang);
    };
    let tables = [compare::table(&generation.report, plan, lang)];
    match compare::to_json(&generation.report, &tables, lang) {
        Ok(text) => json_bytes(StatusCode::OK, text.into_bytes()),
        Err(err) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &msg!("无法输出：{err}", "cannot write the answer: {err}"),
            lang,
        ),
    }
}

/// The service's state: the corpus generation and the checks in flight.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub(crate) struct Health {
    status: &'static str,
    corpus_generation: u64,
    /// When the corpus was loaded, in seconds since 1970 (UTC).
    corpus_loaded_at: u64,
    plans: usize,
    checks_in_flight: usize,
    reviews_held: usize,
}

/// Whether the service is up, and on which corpus.
#[utoipa::path(
    get,
    path = "/api/v1/health",
    responses((status = 200, description = "Up", body = Health)),
)]
pub(crate) async fn health(State(state): State<Arc<AppState>>) -> axum::Json<Health> {
    let generation = state.live.current();
    axum::Json(Health {
        status: "ok",
        corpus_generation: generation.number,
        corpus_loaded_at: generation
            .loaded_at
            .duration_since(std::time::SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        plans: generation.report.corpus.plans.len(),
        checks_in_flight: state.admission.load(),
        reviews_held: state.store.len(),
    })
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "planlint review service",
        description = "Checks Chinese policy plan drafts against the plans they cascade from. \
                       Every answer in the language asked for (`lang=zh|en`)."
    ),
    paths(check, plan, compare, health),
    components(schemas(ApiError, Health)),
    modifiers(&BearerScheme),
)]
pub(crate) struct ApiDoc;

/// The bearer token `--token` asks for.
struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn openapi() -> Response {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(text) => json_bytes(StatusCode::OK, text.into_bytes()),
        Err(err) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &msg!("无法输出：{err}", "cannot write the answer: {err}"),
            Lang::En,
        ),
    }
}
