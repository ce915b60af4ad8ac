//! OFD (GB/T 33190): a zip of XML. `OFD.xml` names each document's root (`DocRoot`), the
//! document (`Document.xml`) lists its pages (`Pages/Page/@BaseLoc`), and each page's
//! `Content.xml` draws text as `TextObject`s (a `Boundary` box, a `Size`, an optional `CTM`)
//! holding `TextCode`s: the characters, Unicode already, from (`X`, `Y`) on the baseline,
//! each next one `DeltaX` further (`g 3 5.2` repeats 5.2 three times).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Glyph, Page};
use crate::i18n::Msg;
use crate::ingest::text::docx::{Bounded, read_bounded};
use crate::msg;

/// A part larger than this inflated is refused.
const MAX_PART: u64 = 16 * 1024 * 1024;
/// All the parts read, inflated, together.
const MAX_TOTAL: u64 = 128 * 1024 * 1024;
/// More entries than this is no document.
const MAX_ENTRIES: usize = 20_000;
/// More pages than this is no plan.
const MAX_PAGES: usize = 5_000;

/// A page as the document lists it: its ID (annotations name it) and its content part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageRef {
    pub id: String,
    pub content: String,
}

/// The document's structure: its pages.
#[derive(Debug, Clone)]
pub(crate) struct Structure {
    pub pages: Vec<PageRef>,
}

/// The pages of an OFD, each with its characters.
pub(crate) fn pages(bytes: &[u8]) -> Result<Vec<Page>, Msg> {
    let mut archive = Archive::open(bytes)?;
    let structure = structure(&mut archive)?;
    structure
        .pages
        .iter()
        .map(|page| {
            let xml = archive.part(&page.content)?.ok_or_else(|| {
                let part = &page.content;
                msg!(
                    "OFD 缺少页面部件 {part}",
                    "the OFD lacks its page part {part}"
                )
            })?;
            Ok(read_page(&xml))
        })
        .collect()
}

/// Reads the package's root and document parts.
pub(crate) fn structure(archive: &mut Archive<'_>) -> Result<Structure, Msg> {
    if archive.has("Encryptions.xml") || archive.has("OFD/Encryptions.xml") {
        return Err(msg!(
            "OFD 文件已加密：请提供未加密的版本",
            "the OFD document is encrypted: provide an unencrypted copy"
        ));
    }
    let root = archive.part("OFD.xml")?.ok_or_else(|| {
        msg!(
            "不是有效的 OFD 文件：缺少 OFD.xml",
            "not a valid OFD document: OFD.xml is missing"
        )
    })?;
    let doc_root = element_text(&root, "DocRoot").ok_or_else(|| {
        msg!(
            "OFD.xml 没有指明文档（DocRoot）",
            "OFD.xml names no document (DocRoot)"
        )
    })?;
    let document = resolve("", &doc_root);
    let xml = archive.part(&document)?.ok_or_else(|| {
        msg!(
            "OFD 缺少文档部件 {document}",
            "the OFD lacks its document part {document}"
        )
    })?;
    let base = folder_of(&document);
    let pages: Vec<PageRef> = elements(&xml, "Page")
        .into_iter()
        .filter_map(|attributes| {
            let content = attribute(&attributes, "BaseLoc")?;
            Some(PageRef {
                id: attribute(&attributes, "ID").unwrap_or_default(),
                content: resolve(&base, &content),
            })
        })
        .collect();
    if pages.len() > MAX_PAGES {
        let count = pages.len();
        return Err(msg!(
            "OFD 页数过多（{count} 页，上限 {MAX_PAGES} 页）",
            "the OFD has too many pages ({count}, the limit is {MAX_PAGES})"
        ));
    }
    Ok(Structure { pages })
}

/// An OFD's zip, read within bounds: its entries counted, each part and all of them
/// together capped as they inflate.
pub(crate) struct Archive<'a> {
    zip: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
    inflated: u64,
}

impl<'a> Archive<'a> {
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Self, Msg> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|err| {
            msg!(
                "不是有效的 OFD（zip）文件：{err}",
                "not a valid OFD (zip) document: {err}"
            )
        })?;
        if zip.len() > MAX_ENTRIES {
            let count = zip.len();
            return Err(msg!(
                "OFD 中的条目过多（{count} 个，上限 {MAX_ENTRIES} 个）",
                "the OFD holds too many entries ({count}, the limit is {MAX_ENTRIES})"
            ));
        }
        Ok(Self { zip, inflated: 0 })
    }

    fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The part `name` as text, if the package has it.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<String>, Msg> {
        let Ok(part) = self.zip.by_name(name) else {
            return Ok(None);
        };
        let limit = MAX_PART.min(MAX_TOTAL.saturating_sub(self.inflated));
        let bytes = read_bounded(part, limit).map_err(|err| match err {
            Bounded::TooLarge => msg!(
                "OFD 的部件 {name} 解压后过大，未读取",
                "the OFD part {name} inflates too large; not read"
            ),
            Bounded::Io(err) => msg!(
                "无法解压 OFD 的部件 {name}：{err}",
                "cannot inflate the OFD part {name}: {err}"
            ),
        })?;
        self.inflated += bytes.len() as u64;
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }
}

/// A location in the package: absolute (`/Doc_0/…`) from its root, else from `base`; `.` and
/// `..` resolved inside the package, never out of it.
pub(crate) fn resolve(base: &str, location: &str) -> String {
    let location = location.trim().replace('\\', "/");
    let joined = match location.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None if base.is_empty() => location,
        None => format!("{base}/{location}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.join("/")
}

pub(crate) fn folder_of(part: &str) -> String {
    part.rsplit_once('/')
        .map_or_else(String::new, |(folder, _)| folder.to_string())
}

/// The text of the first element named `local` (any prefix).
fn element_text(xml: &str, local: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == local => inside = true,
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::End(e) if inside && e.local_name().as_ref() == local => {
                return Some(text.trim().to_string());
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn elements(xml: &str, local: &str) -> Vec<Vec<(String, String)>> {
    crate::ingest::text::docx::parts::elements(xml, local)
}

fn attribute(attributes: &[(String, String)], name: &str) -> Option<String> {
    crate::ingest::text::docx::parts::attribute(attributes, name).map(str::to_string)
}

/// The text object being read: where its coordinates start and how they scale.
#[derive(Debug, Clone, Copy)]
struct TextObject {
    origin: (f32, f32),
    size: f32,
    /// The `CTM`: `a b c d e f`.
    ctm: [f32; 6],
}

/// The characters a page's content draws, and whether it draws images.
fn read_page(xml: &str) -> Page {
    let mut page = Page::default();
    let mut reader = Reader::from_str(xml);
    let mut object: Option<TextObject> = None;
    let mut code: Option<(BytesStart<'static>, String)> = None;
    loop {
        let Ok(event) = reader.read_event() else {
            break;
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "TextObject" => object = Some(text_object(&e)),
                "TextCode" => code = Some((e.into_owned(), String::new())),
                "ImageObject" => page.has_image = true,
                "CGTransform" => page.unmapped += 1,
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&general_ref(&r));
                }
            }
            Event::CData(c) => {
                if let Some((_, text)) = &mut code {
                    text.push_str(&c.into_inner());
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "TextCode" => {
                    if let (Some((start, text)), Some(object)) = (code.take(), object) {
                        place_code(&start, &text, object, &mut page.glyphs);
                    }
                }
                "TextObject" => object = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    page
}

fn general_ref(r: &quick_xml::events::BytesRef<'_>) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_string()
}

fn value(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn numbers(text: &str) -> Vec<f32> {
    text.split_whitespace()
        .filter_map(|n| n.parse::<f32>().ok())
        .filter(|n| n.is_finite())
        .collect()
}

fn text_object(e: &BytesStart<'_>) -> TextObject {
    let boundary = value(e, "Boundary")
        .map(|b| numbers(&b))
        .unwrap_or_default();
    let ctm = value(e, "CTM")
        .map(|c| numbers(&c))
        .and_then(|c| <[f32; 6]>::try_from(c).ok())
        .unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    TextObject {
        origin: (
            boundary.first().copied().unwrap_or(0.0),
            boundary.get(1).copied().unwrap_or(0.0),
        ),
        size: value(e, "Size")
            .and_then(|s| s.trim().parse::<f32>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or(3.5),
        ctm,
    }
}

/// `DeltaX`/`DeltaY` expanded: `g N v` is `v` N times (capped at the characters there are).
fn deltas(text: &str, count: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = text.split_whitespace();
    while let Some(token) = tokens.next() {
        if out.len() >= count {
            break;
        }
        if token == "g" {
            let times = tokens
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let step = tokens
                .next()
                .and_then(|v| v.parse::<f32>().ok())
                .unwrap_or(0.0);
            out.extend(std::iter::repeat_n(step, times.min(count - out.len())));
        } else if let Ok(step) = token.parse::<f32>() {
            out.push(step);
        }
    }
    out.retain(|d| d.is_finite());
    out
}

/// The characters of one `TextCode`, placed on the page.
fn place_code(code: &BytesStart<'_>, text: &str, object: TextObject, glyphs: &mut Vec<Glyph>) {
    let chars: Vec<char> = text.chars().collect();
    let number = |name| value(code, name).and_then(|v| v.trim().parse::<f32>().ok());
    let (mut x, mut y) = (number("X").unwrap_or(0.0), number("Y").unwrap_or(0.0));
    let delta_x = value(code, "DeltaX").map_or_else(Vec::new, |d| deltas(&d, chars.len()));
    let delta_y = value(code, "DeltaY").map_or_else(Vec::new, |d| deltas(&d, chars.len()));
    let [a, b, c, d, e, f] = object.ctm;
    let scale = (a * d - b * c).abs().sqrt().max(0.01);
    let size = object.size * scale;
    for (i, &ch) in chars.iter().enumerate() {
        let advance_default = if ch.is_ascii() { size / 2.0 } else { size };
        let page_x = object.origin.0 + a * x + c * y + e;
        let page_y = object.origin.1 + b * x + d * y + f;
        let width = delta_x
            .get(i)
            .map_or(advance_default, |dx| (dx * scale).min(size).max(size / 3.0));
        let (top, bottom) = (page_y - 0.88 * size, page_y + 0.12 * size);
        let right = page_x + width;
        glyphs.push(Glyph {
            ch,
            left: page_x,
            right,
            top,
            bottom,
            native: [page_x, top, right, bottom],
        });
        x += delta_x.get(i).copied().unwrap_or(advance_default / scale);
        y += delta_y.get(i).copied().unwrap_or(0.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_x_repeats_and_locations_stay_inside_the_package() {
        assert_eq!(deltas("g 3 5 2.5", 10), [5.0, 5.0, 5.0, 2.5]);
        assert_eq!(deltas("g 1000000 5", 2), [5.0, 5.0]);
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Res.xml"), "Doc_0/Res.xml");
        assert_eq!(resolve("Doc_0", "../../../etc/passwd"), "etc/passwd");
    }

    #[test]
    fn text_codes_are_placed_by_boundary_and_delta_x() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
            <ofd:TextObject ID="1" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="4" DeltaX="g 2 5">到20&amp;</ofd:TextCode></ofd:TextObject>
            </ofd:Layer></ofd:Content></ofd:Page>"#;
        let page = read_page(xml);
        let text: String = page.glyphs.iter().map(|g| g.ch).collect();
        assert_eq!(text, "到20&");
        assert_eq!(page.glyphs[0].left, 20.0);
        assert_eq!(page.glyphs[2].left, 30.0);
        assert!((page.glyphs[0].bottom - 34.6).abs() < 0.01);
    }
}
