//! Text a .docx holds but its reader does not see, reported where it sits: hidden text
//! (`w:vanish`) is left out of what is checked, white or 1-point text is checked as Word has
//! it; either way a figure in it is something the reviewer must see.

use super::Corpus;
use crate::diagnostics::Diagnostic;
use crate::ingest::text::docx::{Concealed, HiddenText};
use crate::model::{SourceId, Span};
use crate::msg;

/// The most characters of hidden text a message quotes.
const QUOTED: usize = 60;

pub(super) fn report(corpus: &mut Corpus, source: SourceId, hidden: &[HiddenText]) {
    let text = corpus.sources.get(source).text.clone();
    for piece in hidden {
        let span = underline(&text, piece);
        let mut quoted: String = piece.text.chars().take(QUOTED).collect();
        if quoted.len() < piece.text.len() {
            quoted.push('…');
        }
        let quoted = crate::diagnostics::terminal::safe_text(&quoted);
        let (message, label) = match piece.how {
            Concealed::Vanished => (
                msg!(
                    "隐藏文字（Word 中不显示、不打印）含有数字：“{quoted}”；未纳入检查",
                    "hidden text (not shown nor printed by Word) holds figures: “{quoted}”; it was not checked"
                ),
                msg!("隐藏文字在此", "hidden text here"),
            ),
            Concealed::Unrendered => (
                msg!(
                    "Word 不显示的内容（可忽略命名空间中的元素，或 Word 不选用的替代内容）含有数字：“{quoted}”；未纳入检查，其他软件可能显示",
                    "content Word does not show (an element of an ignorable namespace, or an alternative Word does not choose) holds figures: “{quoted}”; it was not checked, and other programs may show it"
                ),
                msg!("此处有不显示的内容", "unshown content here"),
            ),
            Concealed::White => (
                msg!(
                    "白色文字（页面上看不见）含有数字：“{quoted}”",
                    "white text (invisible on the page) holds figures: “{quoted}”"
                ),
                msg!("白色文字", "white text"),
            ),
            Concealed::Tiny => (
                msg!(
                    "1 磅及以下的文字（页面上无法辨认）含有数字：“{quoted}”",
                    "text of 1 point or less (unreadable on the page) holds figures: “{quoted}”"
                ),
                msg!("极小文字", "tiny text"),
            ),
        };
        corpus.diagnostics.push(
            Diagnostic::new(crate::code::ToolCode::HiddenText, message)
                .at(source, span, label)
                .with_help(msg!(
                    "删除这段文字，或将其改为正常显示的文字",
                    "delete the text, or make it ordinary visible text"
                )),
        );
    }
}

/// Where to underline: the concealed characters when they are in the text, else the line the
/// hidden text was taken out of.
fn underline(text: &str, piece: &HiddenText) -> Span {
    let start = piece.at.start.min(text.len());
    let end = piece.at.end.clamp(start, text.len());
    if end > start {
        return Span::new(start, end - start);
    }
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[start..].find('\n').map_or(text.len(), |i| start + i);
    Span::new(from, to - from)
}
