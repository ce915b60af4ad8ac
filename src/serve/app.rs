//! The routes and the layers every answer passes: the log, the security headers, access, the
//! body limit and compression. Handlers of pages are in `pages`, of the API in `api`.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use super::admission::Admission;
use super::corpus::Live;
use super::store::Store;
use super::{Access, Settings, access, api, log, pages};

/// What every handler shares.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) live: Arc<Live>,
    pub(crate) settings: Settings,
    pub(crate) admission: Admission,
    pub(crate) store: Store,
}

/// The policy of every page: nothing from outside, no inline script or style, no frames, forms
/// posted only here. The cascade viewer sets its own, narrower in what may run.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Room for a form's own bytes (boundaries, the other fields) beyond the largest file.
const FORM_OVERHEAD: usize = 64 * 1024;

/// The service's routes for `live`, with `settings`' access and limits.
pub(crate) fn router(live: Arc<Live>, settings: &Settings) -> Router {
    let limits = settings.limits;
    let state = Arc::new(AppState {
        live,
        settings: settings.clone(),
        admission: Admission::new(limits.workers, limits.queue),
        store: Store::new(limits.reviews, limits.review_bytes, limits.review_ttl),
    });
    let header_value = HeaderValue::from_static;
    Router::new()
        .route("/", get(pages::upload_page))
        .route("/review", post(pages::review_upload))
        .route("/review/{id}", get(pages::review_page))
        .route("/review/{id}/place", post(pages::review_place))
        .route("/review/{id}/{file}", get(pages::review_download))
        .route("/corpus", get(pages::corpus_page))
        .route("/corpus/cascade", get(pages::cascade_page))
        .route("/corpus/plans/{*id}", get(pages::plan_page))
        .route("/login", get(pages::login_page).post(pages::login_submit))
        .route("/assets/{file}", get(pages::asset))
        .route("/healthz", get(api::health))
        .route("/api/v1/health", get(api::health))
        .route("/api/v1/check", post(api::check))
        .route("/api/v1/plans/{*id}", get(api::plan))
        .route("/api/v1/compare", get(api::compare))
        .route("/api/v1/openapi.json", get(api::openapi))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(limits.max_upload + FORM_OVERHEAD))
        .layer(RequestBodyLimitLayer::new(
            limits.max_upload + FORM_OVERHEAD,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state),
            require_access,
        ))
        .layer(middleware::from_fn(pages::remember_lang))
        .layer(CompressionLayer::new())
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            header_value(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            header_value("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            header_value("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            header_value("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            header_value("same-origin"),
        ))
        .layer(middleware::from_fn(log::requests))
        .with_state(state)
}

/// Lets a request through when the service is open or it carries the token.
pub(crate) async fn require_access(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let Access::Token(token) = &state.settings.access else {
        return next.run(request).await;
    };
    let path = request.uri().path();
    // The password page, its style and the health check are open to all.
    let open = matches!(path, "/login" | "/assets/style.css" | "/healthz");
    if open || access::carries(request.headers(), token) {
        return next.run(request).await;
    }
    let lang = pages::lang_of(request.headers(), request.uri().query());
    if path.starts_with("/api/") {
        let mut response = api::error(
            StatusCode::UNAUTHORIZED,
            &crate::msg!(
                "需要口令（Authorization: Bearer）",
                "a token is needed (Authorization: Bearer)"
            ),
            lang,
        );
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
        return response;
    }
    (StatusCode::UNAUTHORIZED, pages::login(lang, false)).into_response()
}
