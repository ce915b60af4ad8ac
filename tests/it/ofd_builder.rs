//! OFDs built from plain text following GB/T 33190, for the tests and `bench/fixed-layout`
//! (through `examples/ofd-of-text.rs`, which includes this file): `OFD.xml` names
//! `Doc_0/Document.xml`, which lists `Pages/Page_N/Content.xml`; each printed line is one
//! `TextObject` with its `TextCode` and `DeltaX`, in millimetres on A4. A run of lines holding
//! tabs is set as a ruled table (`PathObject` rules, each cell's text wrapped in its column),
//! the way the plan was printed before it was taken to text; a row taller than what is left of
//! a page runs on to the next without a rule along its top there.

use std::io::Write as _;

/// Characters are this wide and high (mm).
const SIZE: f64 = 4.2;
/// Printed lines are this far apart (mm), the first one's baseline at [`TOP`].
const STEP: f64 = 7.5;
const TOP: f64 = 35.0;
const LEFT: f64 = 25.0;
/// Characters on a line of text: a typesetter wraps mid-sentence and mid-number.
const LINE: usize = 36;
/// The width a table may take (mm).
const TABLE_WIDTH: f64 = 160.0;

/// What takes up the printed lines of a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// One printed line of text.
    Line(String),
    /// One row of a ruled table: each cell's printed lines, the columns' left edges and the
    /// table's right edge, and whether a rule closes its top (not on the page it runs on to).
    Row {
        cells: Vec<Vec<String>>,
        edges: Vec<f64>,
        closed_top: bool,
    },
}

impl Block {
    /// How many printed lines it takes.
    pub(crate) fn height(&self) -> usize {
        match self {
            Self::Line(_) => 1,
            Self::Row { cells, .. } => cells.iter().map(Vec::len).max().unwrap_or(1).max(1),
        }
    }
}

/// The text laid out on pages of `per_page` printed lines.
pub(crate) fn ofd_pages(text: &str, per_page: usize) -> Vec<Vec<Block>> {
    let per_page = per_page.max(1);
    let mut pages: Vec<Vec<Block>> = vec![Vec::new()];
    let mut used = 0;
    for block in blocks(text) {
        let mut block = block;
        loop {
            let left = per_page - used;
            let height = block.height();
            if height <= left {
                used += height;
                pages.last_mut().unwrap().push(block);
                break;
            }
            // A row that fits on a page starts on the next; a taller one runs on to it.
            let rest = match &mut block {
                Block::Row { cells, edges, .. } if height > per_page && left > 0 => {
                    let rest: Vec<Vec<String>> = cells
                        .iter_mut()
                        .map(|cell| cell.split_off(left.min(cell.len())))
                        .collect();
                    let edges = edges.clone();
                    pages.last_mut().unwrap().push(block.clone());
                    Some(Block::Row {
                        cells: rest,
                        edges,
                        closed_top: false,
                    })
                }
                _ => None,
            };
            pages.push(Vec::new());
            used = 0;
            if let Some(rest) = rest {
                block = rest;
            }
        }
    }
    pages
}

/// The text's lines as blocks: lines wrapped at [`LINE`] characters, runs of tab separated
/// lines as table rows.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains('\t') {
            out.extend(wrap(lines[i], LINE).into_iter().map(Block::Line));
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| !lines[j].contains('\t'))
            .unwrap_or(lines.len());
        out.extend(table(&lines[i..end]));
        i = end;
    }
    out
}

/// A line cut into pieces of `width` characters (an empty line stays one).
fn wrap(line: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = line.trim().chars().collect();
    if chars.is_empty() {
        return vec![String::new()];
    }
    chars
        .chunks(width.max(1))
        .map(|c| c.iter().collect())
        .collect()
}

/// Tab separated lines as the rows of one ruled table, each column as wide as its longest
/// cell asks.
fn table(lines: &[&str]) -> Vec<Block> {
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    let wanted: Vec<f64> = (0..columns)
        .map(|c| {
            let longest = rows
                .iter()
                .map(|r| r.get(c).map_or(0, |cell| cell.trim().chars().count()))
                .max()
                .unwrap_or(0);
            (longest + 2).min(40) as f64
        })
        .collect();
    let narrowest = 3.0 * SIZE;
    let spare = TABLE_WIDTH - narrowest * columns as f64;
    let total: f64 = wanted.iter().sum();
    let mut edges = vec![LEFT];
    for want in &wanted {
        let last = *edges.last().unwrap();
        edges.push(last + narrowest + spare * want / total);
    }
    rows.iter()
        .map(|row| {
            let cells = (0..columns)
                .map(|c| {
                    let width = edges[c + 1] - edges[c] - 2.0;
                    let fits = (width / SIZE).floor() as usize;
                    let text = row.get(c).copied().unwrap_or("");
                    if text.trim().is_empty() {
                        Vec::new()
                    } else {
                        wrap(text, fits)
                    }
                })
                .collect();
            Block::Row {
                cells,
                edges: edges.clone(),
                closed_top: true,
            }
        })
        .collect()
}

/// `pages` as an OFD, each page with a running head (`head`) and a page number foot (`— N —`)
/// when `head` is given.
pub(crate) fn ofd(pages: &[Vec<Block>], head: Option<&str>) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let options = zip::write::SimpleFileOptions::default();
    let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    let mut part = |name: &str, body: String| {
        zip.start_file(name, options).unwrap();
        write!(zip, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{body}").unwrap();
    };
    part(
        "OFD.xml",
        format!(
            "<ofd:OFD {ns} DocType=\"OFD\" Version=\"1.0\"><ofd:DocBody><ofd:DocInfo>\
             <ofd:DocID>planlint-test</ofd:DocID></ofd:DocInfo>\
             <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        ),
    );
    let page_list: String = (0..pages.len())
        .map(|i| {
            format!(
                "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>",
                i + 10
            )
        })
        .collect();
    part(
        "Doc_0/Document.xml",
        format!(
            "<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>100000</ofd:MaxUnitID>\
             <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\
             <ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>\
             <ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"
        ),
    );
    part(
        "Doc_0/PublicRes.xml",
        format!(
            "<ofd:Res {ns} BaseLoc=\"Res\"><ofd:Fonts><ofd:Font ID=\"2\" FontName=\"宋体\" \
             FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>"
        ),
    );
    let mut objects = Objects {
        xml: String::new(),
        id: 100,
    };
    for (n, page) in pages.iter().enumerate() {
        objects.xml.clear();
        if let Some(head) = head {
            objects.text(head, 60.0, 20.0);
            objects.text(&format!("— {} —", n + 1), 95.0, 285.0);
        }
        let mut slot = 0;
        for block in page {
            objects.block(block, slot);
            slot += block.height();
        }
        part(
            &format!("Doc_0/Pages/Page_{n}/Content.xml"),
            format!(
                "<ofd:Page {ns}><ofd:Content><ofd:Layer ID=\"{}\">{}</ofd:Layer></ofd:Content>\
                 </ofd:Page>",
                n + 1000,
                objects.xml
            ),
        );
    }
    zip.finish().unwrap();
    buffer.into_inner()
}

/// The objects of the page being written, and the next object ID.
struct Objects {
    xml: String,
    id: usize,
}

impl Objects {
    /// One line of text with its baseline at `y`.
    fn text(&mut self, line: &str, x: f64, y: f64) {
        if line.trim().is_empty() {
            return;
        }
        self.id += 1;
        let count = line.chars().count();
        let width = SIZE * count as f64;
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let delta = if count > 1 {
            format!(" DeltaX=\"g {} {SIZE}\"", count - 1)
        } else {
            String::new()
        };
        self.xml.push_str(&format!(
            "<ofd:TextObject ID=\"{}\" Boundary=\"{x} {} {width} {}\" Font=\"2\" Size=\"{SIZE}\">\
             <ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"{SIZE}\"{delta}>{escaped}\
             </ofd:TextCode></ofd:TextObject>",
            self.id,
            y - SIZE,
            SIZE * 1.4,
        ));
    }

    /// A straight rule from `from` to `to`.
    fn rule(&mut self, from: (f64, f64), to: (f64, f64)) {
        self.id += 1;
        self.xml.push_str(&format!(
            "<ofd:PathObject ID=\"{}\" Boundary=\"0 0 210 297\" LineWidth=\"0.25\">\
             <ofd:AbbreviatedData>M {} {} L {} {}</ofd:AbbreviatedData></ofd:PathObject>",
            self.id, from.0, from.1, to.0, to.1
        ));
    }

    /// A block whose first printed line is the page's line `slot` (from 0).
    fn block(&mut self, block: &Block, slot: usize) {
        let baseline = |slot: usize| TOP + STEP * slot as f64;
        match block {
            Block::Line(line) => self.text(line, LEFT, baseline(slot)),
            Block::Row {
                cells,
                edges,
                closed_top,
            } => {
                let top = baseline(slot) - 5.5;
                let bottom = top + STEP * block.height() as f64;
                let (left, right) = (edges[0], *edges.last().unwrap());
                if *closed_top {
                    self.rule((left, top), (right, top));
                }
                self.rule((left, bottom), (right, bottom));
                for &x in edges {
                    self.rule((x, top), (x, bottom));
                }
                for (cell, x) in cells.iter().zip(edges) {
                    for (i, line) in cell.iter().enumerate() {
                        self.text(line, x + 1.0, baseline(slot + i));
                    }
                }
            }
        }
    }
}
