//! OFD (GB/T 33190): a zip of XML. `OFD.xml` names each document's root (`DocRoot`), the
//! document (`Document.xml`) lists its pages (`Pages/Page/@BaseLoc`), and each page's
//! `Content.xml` draws text as `TextObject`s (a `Boundary` box, a `Size`, an optional `CTM`)
//! holding `TextCode`s: the characters, Unicode already, from (`X`, `Y`) on the baseline,
//! each next one `DeltaX` further (`g 3 5.2` repeats 5.2 three times).

mod page;

use quick_xml::Reader;
use quick_xml::events::Event;

use self::page::read_page;

use super::Page;
use crate::i18n::Msg;
use crate::ingest::text::docx::parts::{attribute, elements};
use crate::ingest::text::docx::read_part;
use crate::msg;

/// A part larger than this inflated is refused.
const MAX_PART: u64 = 16 * 1024 * 1024;
/// All the parts read, inflated, together.
const MAX_TOTAL: u64 = 128 * 1024 * 1024;
/// More entries than this is no document.
const MAX_ENTRIES: usize = 20_000;
/// More pages than this is no plan.
const MAX_PAGES: usize = 5_000;

/// The pages of an OFD, each with its characters.
pub(crate) fn pages(bytes: &[u8]) -> Result<Vec<Page>, Msg> {
    let mut archive = Archive::open(bytes)?;
    page_parts(&mut archive)?
        .iter()
        .map(|part| {
            let xml = archive.part(part)?.ok_or_else(|| {
                msg!(
                    "OFD 缺少页面部件 {part}",
                    "the OFD lacks its page part {part}"
                )
            })?;
            Ok(read_page(&xml))
        })
        .collect()
}

/// The content part of each page, in order, read from the package's root and document parts.
fn page_parts(archive: &mut Archive<'_>) -> Result<Vec<String>, Msg> {
    let document = Document::read(archive)?;
    let base = folder_of(&document.part);
    Ok(elements(&document.xml, "Page")
        .iter()
        .filter_map(|attributes| Some(resolve(&base, attribute(attributes, "BaseLoc")?)))
        .collect())
}

/// The package's document: the part `OFD.xml` names as its root, and its XML.
pub(crate) struct Document {
    pub part: String,
    pub xml: String,
}

impl Document {
    /// The document of a package that is not encrypted and has no more than [`MAX_PAGES`].
    pub(crate) fn read(archive: &mut Archive<'_>) -> Result<Self, Msg> {
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
        let part = resolve("", &doc_root);
        let xml = archive.part(&part)?.ok_or_else(|| {
            msg!(
                "OFD 缺少文档部件 {part}",
                "the OFD lacks its document part {part}"
            )
        })?;
        let count = elements(&xml, "Page").len();
        if count > MAX_PAGES {
            return Err(msg!(
                "OFD 页数过多（{count} 页，上限 {MAX_PAGES} 页）",
                "the OFD has too many pages ({count}, the limit is {MAX_PAGES})"
            ));
        }
        Ok(Self { part, xml })
    }

    /// The `ID` of each page, in order.
    pub(crate) fn page_ids(&self) -> Vec<Option<String>> {
        elements(&self.xml, "Page")
            .iter()
            .map(|attributes| attribute(attributes, "ID").map(str::to_string))
            .collect()
    }
}

/// An OFD's zip, read within bounds: its entries counted, each part and all of them
/// together capped as they inflate.
pub(crate) struct Archive<'a> {
    pub(crate) zip: zip::ZipArchive<std::io::Cursor<&'a [u8]>>,
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

    pub(crate) fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The part `name` as text, if the package has it.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<String>, Msg> {
        let limit = MAX_PART.min(MAX_TOTAL.saturating_sub(self.inflated));
        let Some(bytes) = read_part(&mut self.zip, name, limit, "OFD")? else {
            return Ok(None);
        };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_stay_inside_the_package() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Res.xml"), "Doc_0/Res.xml");
        assert_eq!(resolve("Doc_0", "../../../etc/passwd"), "etc/passwd");
    }
}
