//! An uploaded draft, read from a form (multipart) or a raw body: its name made safe, its kind
//! decided by its name or content type, anything else refused with its status.

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{StatusCode, header};

use crate::i18n::Msg;
use crate::msg;

/// The kinds of draft the service reads, as `check` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Docx,
    Pdf,
    Ofd,
    Txt,
    Md,
}

impl Kind {
    fn from_extension(name: &str) -> Option<Self> {
        let (_, ext) = name.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "docx" => Some(Kind::Docx),
            "pdf" => Some(Kind::Pdf),
            "ofd" => Some(Kind::Ofd),
            "txt" => Some(Kind::Txt),
            "md" | "markdown" => Some(Kind::Md),
            _ => None,
        }
    }

    fn from_content_type(content_type: &str) -> Option<Self> {
        let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
        match essence.as_str() {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Some(Kind::Docx)
            }
            "application/pdf" => Some(Kind::Pdf),
            "application/ofd" => Some(Kind::Ofd),
            "text/plain" => Some(Kind::Txt),
            "text/markdown" => Some(Kind::Md),
            _ => None,
        }
    }

    #[must_use]
    pub(crate) fn extension(self) -> &'static str {
        match self {
            Kind::Docx => "docx",
            Kind::Pdf => "pdf",
            Kind::Ofd => "ofd",
            Kind::Txt => "txt",
            Kind::Md => "md",
        }
    }
}

/// A draft as uploaded.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    /// Its file name, with no folder and nothing unprintable: what every output calls it.
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) bytes: Bytes,
    /// The jurisdiction the reviewer gave, when the text leaves it open.
    pub(crate) jurisdiction: Option<String>,
}

/// Why an upload was not checked.
#[derive(Debug)]
pub(crate) struct Refused {
    pub(crate) status: StatusCode,
    pub(crate) why: Msg,
}

impl Refused {
    fn new(status: StatusCode, why: Msg) -> Self {
        Self { status, why }
    }
}

/// What a raw body's query may say: `?name=draft.docx&jurisdiction=安丘市`.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct RawQuery {
    pub(crate) name: Option<String>,
    pub(crate) jurisdiction: Option<String>,
}

/// Reads the draft a request carries: a form's `file` field (with `jurisdiction`), or the
/// whole body with its content type and `?name=`.
pub(crate) async fn read(request: Request, query: RawQuery) -> Result<Upload, Refused> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    if content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        let form = Multipart::from_request(request, &())
            .await
            .map_err(|e| Refused::new(e.status(), malformed(&e.body_text())))?;
        from_form(form).await
    } else {
        let bytes = Bytes::from_request(request, &())
            .await
            .map_err(|e| Refused::new(e.status(), malformed(&e.body_text())))?;
        let name = query.name.as_deref().map(safe_name);
        let kind = name
            .as_deref()
            .and_then(Kind::from_extension)
            .or_else(|| Kind::from_content_type(&content_type))
            .ok_or_else(|| unsupported(name.as_deref().unwrap_or(&content_type)))?;
        let name = name.unwrap_or_else(|| format!("draft.{}", kind.extension()));
        finish(name, kind, bytes, query.jurisdiction)
    }
}

async fn from_form(mut form: Multipart) -> Result<Upload, Refused> {
    let mut file = None;
    let mut jurisdiction = None;
    loop {
        let field = form
            .next_field()
            .await
            .map_err(|e| Refused::new(e.status(), malformed(&e.body_text())))?;
        let Some(field) = field else { break };
        match field.name() {
            Some("file") => {
                let name = safe_name(field.file_name().unwrap_or_default());
                let content_type = field.content_type().unwrap_or_default().to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| Refused::new(e.status(), malformed(&e.body_text())))?;
                file = Some((name, content_type, bytes));
            }
            Some("jurisdiction") => {
                let text = field
                    .text()
                    .await
                    .map_err(|e| Refused::new(e.status(), malformed(&e.body_text())))?;
                jurisdiction = Some(text);
            }
            // Other fields (a language, a button's name) are not the upload's.
            _ => {}
        }
    }
    let Some((name, content_type, bytes)) = file else {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            msg!("请选择要检查的草案文件", "choose the draft file to check"),
        ));
    };
    let kind = Kind::from_extension(&name)
        .or_else(|| Kind::from_content_type(&content_type))
        .ok_or_else(|| unsupported(&name))?;
    finish(name, kind, bytes, jurisdiction)
}

fn finish(
    name: String,
    kind: Kind,
    bytes: Bytes,
    jurisdiction: Option<String>,
) -> Result<Upload, Refused> {
    if bytes.is_empty() {
        return Err(Refused::new(
            StatusCode::BAD_REQUEST,
            msg!("{name}：文件是空的", "{name}: the file is empty"),
        ));
    }
    let name = if Kind::from_extension(&name) == Some(kind) {
        name
    } else {
        format!("{name}.{}", kind.extension())
    };
    let jurisdiction = jurisdiction
        .map(|j| j.trim().chars().take(100).collect::<String>())
        .filter(|j| !j.is_empty());
    Ok(Upload {
        name,
        kind,
        bytes,
        jurisdiction,
    })
}

fn malformed(detail: &str) -> Msg {
    let detail = crate::diagnostics::terminal::safe_text(detail);
    msg!(
        "上传的内容无法读取：{detail}",
        "the upload cannot be read: {detail}"
    )
}

fn unsupported(what: &str) -> Refused {
    let what = crate::diagnostics::terminal::safe_text(what);
    Refused::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        msg!(
            "不支持的文件类型（{what}）：请上传 .docx、.pdf、.ofd、.txt 或 .md",
            "unsupported file type ({what}): upload a .docx, .pdf, .ofd, .txt or .md"
        ),
    )
}

/// The last component of a file name as a browser or client sent it, without folders
/// (`../../etc/passwd`, `C:\\x\\y.docx`), control characters or a leading dot, at most 100
/// characters: never a path.
#[must_use]
pub(crate) fn safe_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|&c| !c.is_control() && !crate::diagnostics::terminal::is_bidi_control(c))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let mut name: String = cleaned.chars().rev().take(100).collect();
    name = name.chars().rev().collect();
    if name.is_empty() {
        "draft".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn a_sent_name_is_never_a_path() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\Users\\x\\草案.docx"), "草案.docx");
        assert_eq!(safe_name("..\\.."), "draft");
        assert_eq!(safe_name("a\u{202e}xcod.txt"), "axcod.txt");
        assert_eq!(safe_name(".hidden.txt"), "hidden.txt");
        assert_eq!(safe_name(""), "draft");
    }
}
