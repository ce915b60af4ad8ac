//! Where the text of a fixed-layout document (PDF, OFD) was printed: each line's page and its
//! line on that page, and each character's box. A finding is reported at `page 3, line 12` of
//! the document as printed, and the reviewer's copy of a PDF highlights the characters
//! themselves.

/// A character's box on its page, in the document's own units (PDF points with y up, OFD
/// millimetres with y down): what an annotation written back into the document needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GlyphBox {
    /// The byte offset of the character in the text read.
    pub offset: usize,
    /// The page, counted from 0.
    pub page: u32,
    /// `[x0, y0, x1, y1]`, as the document's own coordinates have them.
    pub rect: [f32; 4],
}

/// The printed places of a text read from a fixed-layout document.
#[derive(Debug, Clone, Default)]
pub struct Printed {
    /// For each line of the text (counted from 0): its page and its line on the page, both
    /// counted from 1 as a reader counts them. Running headers and footers are left out of
    /// the text and of the count.
    lines: Vec<(u32, u32)>,
    /// Every character read, in text order.
    glyphs: Vec<GlyphBox>,
    /// How many pages the document has.
    pages: u32,
}

impl Printed {
    #[must_use]
    pub fn new(lines: Vec<(u32, u32)>, glyphs: Vec<GlyphBox>, pages: u32) -> Self {
        Self {
            lines,
            glyphs,
            pages,
        }
    }

    /// The page and the line on it (both from 1) of a line of the text (from 0).
    #[must_use]
    pub fn page_line(&self, text_line: usize) -> Option<(usize, usize)> {
        self.lines
            .get(text_line)
            .map(|&(page, line)| (page as usize, line as usize))
    }

    /// The boxes of the characters in the byte range `start..end` of the text.
    #[must_use]
    pub fn glyphs_in(&self, start: usize, end: usize) -> &[GlyphBox] {
        let from = self.glyphs.partition_point(|g| g.offset < start);
        let to = self.glyphs.partition_point(|g| g.offset < end);
        // An inverted range holds nothing.
        &self.glyphs[from..to.max(from)]
    }

    #[must_use]
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// The boxes `[x0, y0, x1, y1]` that mark the text in `start..end`, by page (from 0): one
    /// box per printed line of its characters, as a highlight covers them. An empty span (a
    /// finding about the whole text) marks the first character from `start`.
    #[must_use]
    pub fn marks(&self, start: usize, end: usize) -> Vec<(u32, Vec<[f32; 4]>)> {
        let mut glyphs = self.glyphs_in(start, end);
        if glyphs.is_empty() {
            let after = self.glyphs_in(start, usize::MAX);
            glyphs = &after[..after.len().min(1)];
        }
        let mut pages: Vec<(u32, Vec<[f32; 4]>)> = Vec::new();
        for glyph in glyphs {
            match pages.last_mut() {
                Some((page, boxes)) if *page == glyph.page => match boxes.last_mut() {
                    Some(line) if same_line(*line, glyph.rect) => *line = union(*line, glyph.rect),
                    _ => boxes.push(glyph.rect),
                },
                _ => pages.push((glyph.page, vec![glyph.rect])),
            }
        }
        pages
    }
}

/// Whether two boxes share some height: characters of one printed line.
fn same_line(a: [f32; 4], b: [f32; 4]) -> bool {
    a[1] < b[3] && b[1] < a[3]
}

/// The box around two boxes.
#[must_use]
pub fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}
