//! The upload form and what its submission does: check the draft, then send the browser to the
//! review's page (303, so a reload does not upload again).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::html;

use super::{error_page, lang_of, page, t};
use crate::i18n::Lang;
use crate::serve::app::AppState;
use crate::serve::log::Note;
use crate::serve::{checks, upload};

pub(crate) async fn upload_page(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Html<String> {
    let lang = lang_of(request.headers(), request.uri().query());
    let generation = state.live.current();
    let plans = generation.report.corpus.plans.len();
    let body = html! {
        section.upload {
            h1 { (t(lang, "检查一份草案", "Check a draft")) }
            p.lead {
                (t(lang, "上传送审稿，planlint 将其与方案库中的上级方案逐项比对：目标是否弱于上级、期限是否晚于上级、引用的文件与机构是否存在。",
                         "Upload a draft: planlint compares it with its parent plans in the corpus, target by target: weaker targets, later deadlines, citations and agencies that do not exist."))
            }
            (form(lang, None))
            p.corpus-note {
                (t(lang, "方案库：", "Corpus: ")) (generation.shown) " · " (plans) (t(lang, " 份方案", " plans"))
            }
        }
    };
    page(lang, t(lang, "上传草案", "Upload a draft"), "/", body)
}

/// The upload form; `jurisdiction` fills its field (a review whose place was open).
pub(super) fn form(lang: Lang, jurisdiction: Option<&str>) -> maud::Markup {
    html! {
        form id="upload-form" method="post" action="/review" enctype="multipart/form-data" {
            div.drop-zone id="drop-zone" {
                label for="file" { (t(lang, "草案文件（.docx、.pdf、.ofd、.txt、.md）", "Draft file (.docx, .pdf, .ofd, .txt, .md)")) }
                input id="file" type="file" name="file" accept=".docx,.pdf,.ofd,.txt,.md" required;
                p.drop-hint { (t(lang, "也可以把文件拖到这里", "or drop the file here")) }
            }
            label for="jurisdiction" { (t(lang, "所属地区（可选，正文未写明时填写）", "Jurisdiction (optional, when the text does not say)")) }
            input id="jurisdiction" type="text" name="jurisdiction" value=[jurisdiction] placeholder=(t(lang, "例如：安丘市 或 370784", "e.g. 安丘市 or 370784"));
            button type="submit" { (t(lang, "开始检查", "Check")) }
        }
    }
}

/// `POST /review`: the form's draft checked, then its page.
pub(crate) async fn review_upload(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let lang = lang_of(&headers, request.uri().query());
    let ticket = match checks::admit(&state).await {
        Ok(ticket) => ticket,
        Err(failed) => return error_page(lang, failed.status, &failed.why, failed.retry_after),
    };
    let reading = upload::read(request, upload::RawQuery::default());
    let upload = match checks::receive(&state, reading).await {
        Ok(upload) => upload,
        Err(failed) => return error_page(lang, failed.status, &failed.why, None),
    };
    let note = Note(format!(
        "upload={} bytes={}",
        crate::serve::log::escape(&upload.name),
        upload.bytes.len()
    ));
    let mut response = match checks::run(&state, ticket, upload, lang).await {
        Ok(done) => Redirect::to(&format!("/review/{}", done.id)).into_response(),
        Err(failed) => error_page(lang, failed.status, &failed.why, failed.retry_after),
    };
    response.extensions_mut().insert(note);
    response
}
