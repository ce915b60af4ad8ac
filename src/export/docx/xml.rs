//! The draft's parts read with an XML parser, never searched as strings: where a part's root
//! element ends (what the annotator adds goes before it, whatever comments or CDATA hold), which
//! ids, names and targets are taken, how the prefix `w` is bound, and whether the draft already
//! holds comments signed by planlint.

use quick_xml::events::Event;

use super::MAIN_NS;
use crate::ingest::text::docx::{attribute, elements};

/// The byte offset of the end tag of `xml`'s root element; `None` when the XML is not well
/// formed up to there.
pub(super) fn root_end(xml: &str) -> Option<usize> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        let before = reader.buffer_position() as usize;
        match reader.read_event().ok()? {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(before);
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The largest numeric `id` attribute (`w:id`, however quoted) of any element in `xml`.
pub(super) fn max_id(xml: &str) -> Option<u32> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut max = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) => {
                for a in e.attributes().flatten() {
                    if a.key.local_name().as_ref() == "id"
                        && let Ok(value) = a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        && let Ok(id) = value.trim().parse::<u32>()
                    {
                        max = max.max(Some(id));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    max
}

/// Whether every declaration of the prefix `w` in `xml` binds WordprocessingML's namespace: the
/// comment marks the annotator writes use that prefix.
pub(super) fn prefix_w_is_word(xml: &str) -> bool {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let rebound = e.attributes().flatten().any(|a| {
                    a.key.as_ref() == "xmlns:w"
                        && a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .is_ok_and(|v| v != MAIN_NS)
                });
                if rebound {
                    return false;
                }
            }
            Ok(Event::Eof) => return true,
            Err(_) => return false,
            _ => {}
        }
    }
}

/// Whether a comments part holds a comment signed by planlint: an annotated copy given again,
/// or a comment planted to pass for planlint's.
pub(super) fn signed_by_planlint(comments: &str) -> bool {
    elements(comments, "comment")
        .iter()
        .any(|a| attribute(a, "author").is_some_and(|author| author.trim() == "planlint"))
}

/// The values of attribute `name` on every element `local` of `xml`.
pub(super) fn values(xml: &str, local: &str, name: &str) -> Vec<String> {
    elements(xml, local)
        .iter()
        .filter_map(|a| attribute(a, name).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_ends_where_the_parser_says() {
        let xml = "<a><b/><!-- </a> --><![CDATA[</a>]]></a><!-- </z> -->";
        assert_eq!(root_end(xml), xml.find("</a><!-- </z>"));
        assert_eq!(root_end("<a><b>"), None);
    }

    #[test]
    fn ids_are_read_however_quoted() {
        assert_eq!(
            max_id("<x w:id='90'/><y w:id=\"12\"/><z id='junk'/>"),
            Some(90)
        );
    }

    #[test]
    fn a_rebound_prefix_is_seen() {
        assert!(prefix_w_is_word(&format!("<w:a xmlns:w=\"{MAIN_NS}\"/>")));
        assert!(!prefix_w_is_word(&format!(
            "<w:a xmlns:w=\"{MAIN_NS}\"><w:b xmlns:w=\"urn:x\"/></w:a>"
        )));
    }
}
