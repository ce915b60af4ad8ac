//! What of WordprocessingML the text walk needs to know to read a document as Word renders
//! it: which namespace an element is in (text is WordprocessingML's `w:t`, or math's `m:t`;
//! an element of a namespace the document marks ignorable, and Word does not know, is skipped
//! with its content, as Word skips it), which branch of `mc:AlternateContent` Word shows (the
//! first Choice whose required namespaces Word knows, else the Fallback), the character a
//! `w:sym` draws, and run properties that hide text (`w:vanish`) or make it invisible on the
//! page (white, or 1 point or less).

use quick_xml::events::BytesStart;
use quick_xml::name::ResolveResult;

pub(super) const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// WordprocessingML in Strict Open XML: read alike; the annotator refuses it.
pub(super) const STRICT_WORD_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
pub(super) const MATH_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";
pub(super) const MARKUP_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The extension namespaces Word 2010 and later understand: an `mc:Choice` requiring only
/// these is what Word shows, and their elements are read even where marked ignorable.
const KNOWN_TO_WORD: [&str; 14] = [
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/word/2015/wordml/symex",
    "http://schemas.microsoft.com/office/word/2016/wordml/cid",
    "http://schemas.microsoft.com/office/word/2018/wordml",
    "http://schemas.microsoft.com/office/word/2018/wordml/cex",
    "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
];

/// Whether Word understands elements of namespace `uri`.
pub(super) fn known_to_word(uri: &str) -> bool {
    KNOWN_TO_WORD.contains(&uri) || uri == WORD_NS || uri == MATH_NS
}

/// Whether a character is a digit of a figure, half- or full-width.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether a text holds a figure: what makes unseen text worth a reviewer's look.
pub(crate) fn holds_figures(text: &str) -> bool {
    text.chars().any(is_digit)
}

/// Why a piece of text is not what a reader sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Concealed {
    /// `w:vanish`: hidden text, not shown on the page nor printed; left out of the text.
    Vanished,
    /// White text: on the page, unseen; kept in the text.
    White,
    /// A size of 1 point or less: on the page, unreadable; kept in the text.
    Tiny,
    /// Content Word does not render (an element of an ignorable namespace, an alternative Word
    /// does not choose) which another program may show; left out of the text.
    Unrendered,
}

/// Text Word holds but a reader does not see: where it is in the extracted text (an empty
/// range where vanished text was left out) and what it says.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct HiddenText {
    pub at: std::ops::Range<usize>,
    pub text: String,
    pub how: Concealed,
}

/// The value of the attribute whose local name is `name`.
pub(crate) fn value(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(std::borrow::Cow::into_owned)
        })
}

/// The text of an entity or character reference: the five XML entities and `&#…;`. Any other
/// entity is nothing: a document type's own entities are never expanded.
pub(crate) fn entity(r: &quick_xml::events::BytesRef<'_>) -> String {
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

/// The prefixes an element's `mc:Ignorable` lists (space-separated).
pub(super) fn ignorable_prefixes(e: &BytesStart<'_>) -> Vec<String> {
    e.attributes()
        .flatten()
        .filter(|a| {
            a.key.local_name().as_ref() == "Ignorable"
                && a.key.prefix().is_some_and(|p| p.as_ref() == "mc")
        })
        .filter_map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        })
        .flatten()
        .collect()
}

/// The character a `w:sym` draws: its `w:char`, a symbol font's private-use code (F0xx) taken
/// back to the character it stands for, as Word shows `w:char="F035"` in Symbol as 5.
pub(super) fn sym_char(e: &BytesStart<'_>) -> Option<char> {
    let code = u32::from_str_radix(&value(e, "char")?, 16).ok()?;
    let code = if (0xF020..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    char::from_u32(code).filter(|c| !c.is_control())
}

/// Whether a run property puts a colour behind the text (`w:shd` with a fill other than white
/// or auto, `w:highlight` other than none), so that white text on it is seen.
pub(super) fn backs_the_text(e: &BytesStart<'_>) -> bool {
    match e.local_name().as_ref() {
        "shd" => value(e, "fill").is_some_and(|fill| {
            !fill.eq_ignore_ascii_case("auto") && !fill.eq_ignore_ascii_case("FFFFFF")
        }),
        "highlight" => value(e, "val").is_some_and(|v| v != "none"),
        _ => false,
    }
}

/// How a run property element conceals its run's text, if it does.
pub(super) fn concealing(e: &BytesStart<'_>) -> Option<Concealed> {
    let on = || value(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
    match e.local_name().as_ref() {
        "vanish" | "specVanish" if on() => Some(Concealed::Vanished),
        "color" => value(e, "val")
            .filter(|v| v.eq_ignore_ascii_case("FFFFFF") || v.eq_ignore_ascii_case("white"))
            .map(|_| Concealed::White),
        // Half-points: 2 is 1 point.
        "sz" => value(e, "val")
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|half_points| *half_points <= 2)
            .map(|_| Concealed::Tiny),
        _ => None,
    }
}

/// The namespace of a document's root element, resolved (whatever prefix it is written with).
pub(crate) fn root_namespace(xml: &str) -> Option<String> {
    let mut reader = quick_xml::NsReader::from_str(xml);
    loop {
        match reader.read_resolved_event().ok()? {
            (quick_xml::name::ResolveResult::Bound(ns), quick_xml::events::Event::Start(_)) => {
                return Some(ns.as_ref().to_string());
            }
            (_, quick_xml::events::Event::Start(_) | quick_xml::events::Event::Eof) => return None,
            _ => {}
        }
    }
}

/// The namespace of an element, as far as the walk cares.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Space {
    Word,
    Math,
    Markup,
    /// A namespace the document marks ignorable: Word skips the element and its content.
    Ignorable,
    Other,
}

pub(super) fn space(resolved: &ResolveResult<'_>, ignorable: &[String]) -> Space {
    let ResolveResult::Bound(ns) = resolved else {
        return Space::Other;
    };
    match ns.as_ref() {
        WORD_NS | STRICT_WORD_NS => Space::Word,
        MATH_NS => Space::Math,
        MARKUP_NS => Space::Markup,
        uri if ignorable.iter().any(|i| i == uri) && !known_to_word(uri) => Space::Ignorable,
        _ => Space::Other,
    }
}

/// Adds the namespaces an element's `mc:Ignorable` lists to those skipped.
pub(super) fn learn_ignorable(
    reader: &quick_xml::NsReader<&[u8]>,
    e: &BytesStart<'_>,
    ignorable: &mut Vec<String>,
) {
    for prefix in ignorable_prefixes(e) {
        let probe = format!("{prefix}:x");
        let (resolved, _) = reader
            .resolver()
            .resolve_element(quick_xml::name::QName(probe.as_str()));
        if let ResolveResult::Bound(ns) = resolved
            && ns.as_ref() != WORD_NS
            && !ignorable.iter().any(|i| i == ns.as_ref())
        {
            ignorable.push(ns.as_ref().to_string());
        }
    }
}

/// Whether Word shows an `mc:Choice`: every namespace its `Requires` names is one Word knows.
pub(super) fn choice_understood(reader: &quick_xml::NsReader<&[u8]>, e: &BytesStart<'_>) -> bool {
    let Some(requires) = value(e, "Requires") else {
        return false;
    };
    requires.split_whitespace().all(|prefix| {
        let probe = format!("{prefix}:x");
        let (resolved, _) = reader
            .resolver()
            .resolve_element(quick_xml::name::QName(probe.as_str()));
        matches!(resolved, ResolveResult::Bound(ns) if known_to_word(ns.as_ref()))
    })
}
