//! The service's HTML, rendered on the server with maud (every value escaped by the template),
//! working with scripts off: the one script only adds drag and drop to the upload form.
//! Chinese first; `?lang=en` switches and a cookie remembers it.

mod corpus;
mod review;
mod upload;

pub(crate) use corpus::{cascade_page, corpus_page, plan_page};
pub(crate) use review::{review_download, review_page, review_place};
pub(crate) use upload::{review_upload, upload_page};

use std::sync::Arc;

use axum::extract::{Form, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{DOCTYPE, Markup, html};

use crate::i18n::{Lang, Msg};

use super::Access;
use super::app::AppState;

const STYLE: &str = include_str!("../assets/style.css");
const SCRIPT: &str = include_str!("../assets/enhance.js");

/// The cookie that remembers the reviewer's language.
const LANG_COOKIE: &str = "planlint_lang";

/// The language of a request: `?lang=`, else the cookie, else Chinese.
#[must_use]
pub(crate) fn lang_of(headers: &HeaderMap, query: Option<&str>) -> Lang {
    let from_query = query.and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.strip_prefix("lang="))
            .find_map(parse_lang)
    });
    let from_cookie = || super::access::cookies(headers, LANG_COOKIE).find_map(parse_lang);
    from_query.or_else(from_cookie).unwrap_or(Lang::Zh)
}

fn parse_lang(text: &str) -> Option<Lang> {
    match text {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Remembers a `?lang=` in a cookie, so every later page opens in it.
pub(crate) async fn remember_lang(request: Request, next: Next) -> Response {
    let chosen = request
        .uri()
        .query()
        .and_then(|q| q.split('&').find_map(|p| p.strip_prefix("lang=")))
        .and_then(parse_lang);
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let value = format!(
            "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000",
            code(lang)
        );
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The link to a corpus plan's page.
fn plan_href(id: &str) -> String {
    format!("/corpus/plans/{}", crate::escape::url(id, true))
}

/// Words in the page's language.
fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A page with the service's header, navigation and language switch.
fn page(lang: Lang, title: &str, here: &str, body: Markup) -> Html<String> {
    let (other, other_name) = match lang {
        Lang::Zh => ("en", "English"),
        Lang::En => ("zh", "中文"),
    };
    let markup = html! {
        (DOCTYPE)
        html lang=(t(lang, "zh-CN", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · planlint" }
                link rel="stylesheet" href="/assets/style.css";
                script src="/assets/enhance.js" defer {}
            }
            body {
                header.top {
                    a.brand href="/" { "planlint" }
                    nav {
                        a href="/" { (t(lang, "上传草案", "Upload a draft")) }
                        a href="/corpus" { (t(lang, "方案库", "Corpus")) }
                        a href="/api/v1/openapi.json" { "API" }
                    }
                    a.lang href={ (here) "?lang=" (other) } hreflang=(other) { (other_name) }
                }
                main { (body) }
                footer {
                    (t(lang, "planlint 审查服务 · 草案不离开本机，检查完成即删除",
                           "planlint review service · drafts stay on this machine and are deleted once checked"))
                }
            }
        }
    };
    Html(markup.into_string())
}

/// An answer that is an error page with its status.
fn error_page(lang: Lang, status: StatusCode, why: &Msg, retry_after: Option<u64>) -> Response {
    let body = html! {
        section.error-box {
            h1 { (t(lang, "无法完成", "Could not be done")) " (" (status.as_u16()) ")" }
            p { (why.get(lang)) }
            p { a href="/" { (t(lang, "返回上传页面", "Back to the upload page")) } }
        }
    };
    let mut response = (status, page(lang, t(lang, "错误", "Error"), "/", body)).into_response();
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

pub(crate) async fn not_found(headers: HeaderMap, request: Request) -> Response {
    let lang = lang_of(&headers, request.uri().query());
    if request.uri().path().starts_with("/api/") {
        return super::api::error(
            StatusCode::NOT_FOUND,
            &crate::msg!("没有这个接口", "no such endpoint"),
            lang,
        );
    }
    error_page(
        lang,
        StatusCode::NOT_FOUND,
        &crate::msg!("没有这个页面", "no such page"),
        None,
    )
}

/// The password page (`--token`).
pub(crate) fn login(lang: Lang, wrong: bool) -> Html<String> {
    let body = html! {
        section.login {
            h1 { (t(lang, "请输入口令", "Enter the password")) }
            @if wrong { p.wrong { (t(lang, "口令不正确", "That is not the password")) } }
            form method="post" action="/login" {
                label { (t(lang, "口令", "Password")) " " input type="password" name="password" autocomplete="current-password" required; }
                button type="submit" { (t(lang, "进入", "Enter")) }
            }
        }
    };
    page(lang, t(lang, "登录", "Sign in"), "/login", body)
}

pub(crate) async fn login_page(headers: HeaderMap, request: Request) -> Html<String> {
    login(lang_of(&headers, request.uri().query()), false)
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct LoginForm {
    password: String,
}

pub(crate) async fn login_submit(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Response {
    let lang = lang_of(&headers, None);
    let Access::Token(token) = &state.settings.access else {
        return Redirect::to("/").into_response();
    };
    if !super::access::is_token(&form.password, token) {
        return (StatusCode::UNAUTHORIZED, login(lang, true)).into_response();
    }
    let cookie = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Strict",
        super::access::COOKIE,
        super::access::session_of(token)
    );
    let mut response = Redirect::to("/").into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The embedded style and script.
pub(crate) async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "style.css" => (STYLE, "text/css; charset=utf-8"),
        "enhance.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_stays_one_value_in_a_url() {
        assert_eq!(
            crate::escape::url("a b&c?d#e/f", false),
            "a%20b%26c%3Fd%23e%2Ff"
        );
        assert_eq!(
            super::plan_href("山东/x y.yaml"),
            "/corpus/plans/%E5%B1%B1%E4%B8%9C/x%20y.yaml"
        );
    }
}
