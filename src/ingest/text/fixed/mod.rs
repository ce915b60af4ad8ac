//! Fixed-layout documents: PDF and OFD (GB/T 33190). Each is read to the characters on its
//! pages with their boxes ([`pdf`], [`ofd`]); [`lines`] then rebuilds the printed lines in
//! reading order, leaves out the running headers and footers ([`furniture`]), and gives the
//! text the rest of extraction reads, with where each line and character was printed.

pub(crate) mod breaks;
pub(crate) mod furniture;
pub(crate) mod lines;
pub(crate) mod ofd;
pub(crate) mod paths;
pub(crate) mod pdf;
pub(crate) mod tables;

use crate::i18n::Msg;
use crate::model::printed::Printed;
use crate::msg;

/// One character on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub ch: char,
    /// Its box with y growing down the page, in the document's units: the reading order is
    /// worked out in it.
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
    /// Its box as the document's own coordinates have it, for an annotation written back.
    pub native: [f32; 4],
    /// The page it is on, from 0: a table row cut by a page break is read on the page it
    /// began on, its characters from both.
    pub page: u32,
}

impl Glyph {
    fn height(&self) -> f32 {
        (self.bottom - self.top).max(0.1)
    }

    fn centre(&self) -> f32 {
        f32::midpoint(self.left, self.right)
    }

    fn middle(&self) -> f32 {
        f32::midpoint(self.top, self.bottom)
    }
}

/// The characters of one page, in the order the document draws them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    pub glyphs: Vec<Glyph>,
    /// Whether the page draws an image: a page of images and no text is a scan.
    pub has_image: bool,
    /// Characters drawn in a font with no way back to Unicode.
    pub unmapped: usize,
    /// Its content could not be read: damaged, or inflating past its limit.
    pub unreadable: bool,
    /// The straight lines ruled across the page: the borders of its tables.
    pub rules: Vec<Rule>,
}

/// A horizontal or vertical line ruled on a page, y growing down like a [`Glyph`]'s box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rule {
    pub horizontal: bool,
    /// Its y when horizontal, its x when vertical.
    pub at: f32,
    /// Where it starts and ends along its direction, `from <= to`.
    pub from: f32,
    pub to: f32,
}

impl Rule {
    /// The rule from `a` to `b` when they line up across or down the page (within a tenth of a
    /// point: a rule drawn at an angle is no table's border).
    pub(crate) fn between(a: (f32, f32), b: (f32, f32)) -> Option<Self> {
        const ALIGNED: f32 = 0.1;
        let rule = |horizontal, at: f32, from: f32, to: f32| Self {
            horizontal,
            at,
            from: from.min(to),
            to: from.max(to),
        };
        let (dx, dy) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
        if dy <= ALIGNED && dx > ALIGNED {
            Some(rule(true, f32::midpoint(a.1, b.1), a.0, b.0))
        } else if dx <= ALIGNED && dy > ALIGNED {
            Some(rule(false, f32::midpoint(a.0, b.0), a.1, b.1))
        } else {
            None
        }
    }
}

/// A fixed-layout document's text and where it was printed.
#[derive(Debug, Clone)]
pub(crate) struct Read {
    pub text: String,
    pub printed: Printed,
}

/// The kinds of fixed-layout document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Pdf,
    Ofd,
}

impl Kind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Ofd => "OFD",
        }
    }
}

/// Reads a PDF or an OFD to its text, or says why it cannot be read and what to do.
pub(crate) fn read(kind: Kind, bytes: &[u8]) -> Result<Read, Msg> {
    let pages = match kind {
        Kind::Pdf => pdf::pages(bytes)?,
        Kind::Ofd => ofd::pages(bytes)?,
    };
    let mut pages = pages;
    for (number, page) in pages.iter_mut().enumerate() {
        let number = u32::try_from(number).unwrap_or(u32::MAX);
        page.glyphs.iter_mut().for_each(|g| g.page = number);
    }
    judge(kind, &pages)?;
    let (text, printed) = lines::lay_out(&pages);
    Ok(Read { text, printed })
}

/// A document whose pages hold no readable character says why: a scan, fonts with no
/// Unicode mapping, or nothing at all.
fn judge(kind: Kind, pages: &[Page]) -> Result<(), Msg> {
    let name = kind.name();
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
    if pages.is_empty() {
        return Err(msg!(
            "{name} 文件没有页面",
            "the {name} document has no pages"
        ));
    }
    // Most characters unmapped: what is read would be fragments.
    if unmapped > 0 && unmapped >= glyphs {
        return Err(msg!(
            "{name} 文件的字体没有 Unicode 映射，无法取得文字：请用原始文档（.docx）检查，或先做 OCR（文字识别）",
            "the {name} document's fonts have no Unicode mapping, so its text cannot be read: check the original (.docx), or run OCR first"
        ));
    }
    if glyphs == 0 && pages.iter().any(|p| p.has_image) {
        return Err(msg!(
            "{name} 文件没有文字层（扫描件）：请先做 OCR（文字识别），或用原始文档（.docx）检查",
            "the {name} document has no text layer (a scan): run OCR first, or check the original (.docx)"
        ));
    }
    if glyphs == 0 && pages.iter().any(|p| p.unreadable) {
        return Err(msg!(
            "{name} 文件的页面内容无法读取：已损坏，或解压后超过上限（压缩炸弹？）",
            "the {name} document's page content cannot be read: damaged, or inflating past its limit (a zip bomb?)"
        ));
    }
    if glyphs == 0 {
        return Err(msg!(
            "{name} 文件中没有文字",
            "the {name} document holds no text"
        ));
    }
    Ok(())
}

/// The character a PDF's font means by `ch`. A CJK font draws a radical and the character it
/// stands for with one glyph, and a producer that maps the glyph back (Chromium, Skia) may
/// name the radical: `⻋` for `车`, `⼯` for `工`. Kangxi radicals are folded by their
/// compatibility decomposition; the simplified forms of the radicals supplement, which have
/// none, by this table.
pub(crate) fn canonical(ch: char) -> char {
    use unicode_normalization::char::decompose_compatible;
    const SUPPLEMENT: [(char, char); 27] = [
        ('⺟', '母'),
        ('⺠', '民'),
        ('⻄', '西'),
        ('⻅', '见'),
        ('⻆', '角'),
        ('⻉', '贝'),
        ('⻋', '车'),
        ('⻓', '长'),
        ('⻔', '门'),
        ('⻘', '青'),
        ('⻚', '页'),
        ('⻛', '风'),
        ('⻜', '飞'),
        ('⻝', '食'),
        ('⻢', '马'),
        ('⻣', '骨'),
        ('⻤', '鬼'),
        ('⻥', '鱼'),
        ('⻦', '鸟'),
        ('⻧', '卤'),
        ('⻨', '麦'),
        ('⻩', '黄'),
        ('⻬', '齐'),
        ('⻮', '齿'),
        ('⻰', '龙'),
        ('⻳', '龟'),
        ('⻖', '阝'),
    ];
    if ('\u{2F00}'..='\u{2FDF}').contains(&ch) {
        let mut folded = None;
        decompose_compatible(ch, |c| folded = folded.or(Some(c)));
        return folded.unwrap_or(ch);
    }
    if ('\u{2E80}'..='\u{2EFF}').contains(&ch) {
        return SUPPLEMENT
            .iter()
            .find(|(radical, _)| *radical == ch)
            .map_or(ch, |(_, full)| *full);
    }
    ch
}
