//! A page's content stream, interpreted for its text: the text state (`Tf`, `Tc`, `Tw`, `Tz`,
//! `TL`, `Ts`), text and line matrices (`BT`, `Tm`, `Td`, `TD`, `T*`), graphics state (`cm`,
//! `q`, `Q`) and show operators (`Tj`, `TJ`, `'`, `"`) give each character's box; forms (`Do`)
//! are entered, images noted, painted paths read for ruled lines ([`super::super::paths`]).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::{Font, name};
use super::{MAX_CONTENT, number, numbers};
use crate::ingest::text::fixed::paths::{Paint, Path};
use crate::ingest::text::fixed::{Glyph, Page};

/// Operators read on one page, forms included: a content stream that never ends its work
/// (a form drawing itself through a chain of others) stops here.
const MAX_OPERATIONS: usize = 2_000_000;
/// Forms within forms.
const MAX_DEPTH: usize = 8;
/// Characters kept from one page.
const MAX_GLYPHS: usize = 200_000;
/// A form's content inflates to at most this.
const MAX_FORM: usize = 16 * 1024 * 1024;

/// `[a b c d e f]`: x' = a·x + c·y + e, y' = b·x + d·y + f.
type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n`.
fn multiply(m: Matrix, n: Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn apply(m: Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn translate(x: f32, y: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` as a fraction.
    scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        Self {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Reads one page's content.
pub(super) struct Interpreter<'d> {
    document: &'d Document,
    /// The page's top, by which y is turned to run down the page.
    top: f32,
    state: State,
    saved: Vec<State>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    /// The fonts read, by object: a font is read once for the whole document, not on every
    /// page or form that uses it.
    fonts: HashMap<ObjectId, Rc<Font>>,
    page: Page,
    operations: usize,
    /// The forms being drawn, so that one drawing itself is not entered again.
    forms: Vec<ObjectId>,
    path: Path,
}

/// The page's resources dictionary, inherited from the page tree.
fn page_resources(document: &Document, page: ObjectId) -> Option<&Dictionary> {
    let (direct, referenced) = document.get_page_resources(page).ok()?;
    direct.or_else(|| {
        referenced
            .first()
            .and_then(|id| document.get_dictionary(*id).ok())
    })
}

impl<'d> Interpreter<'d> {
    pub(super) fn new(document: &'d Document) -> Self {
        Self {
            document,
            top: 0.0,
            state: State::default(),
            saved: Vec::new(),
            text_matrix: IDENTITY,
            line_matrix: IDENTITY,
            fonts: HashMap::new(),
            page: Page::default(),
            operations: 0,
            forms: Vec::new(),
            path: Path::default(),
        }
    }

    /// The characters page `id` draws.
    pub(super) fn read_page(&mut self, id: ObjectId) -> Page {
        let document = self.document;
        self.top = super::media_box(document, id)[3];
        self.state = State::default();
        self.saved.clear();
        (self.text_matrix, self.line_matrix) = (IDENTITY, IDENTITY);
        self.operations = 0;
        self.forms.clear();
        self.path = Path::default();
        let content = document
            .get_page_content_with_limit(id, MAX_CONTENT)
            .unwrap_or_else(|_| {
                self.page.unreadable = true;
                Vec::new()
            });
        self.run(&content, page_resources(document, id), 0);
        std::mem::take(&mut self.page)
    }

    /// Interprets `content` with `resources`, `depth` forms deep.
    fn run(&mut self, content: &[u8], resources: Option<&'d Dictionary>, depth: usize) {
        for operation in Content::decode_iter(content) {
            let Ok(operation) = operation else { break };
            self.operations += 1;
            if self.operations > MAX_OPERATIONS || self.page.glyphs.len() > MAX_GLYPHS {
                break;
            }
            self.operate(&operation.operator, &operation.operands, resources, depth);
        }
    }

    fn operate(
        &mut self,
        operator: &str,
        operands: &[Object],
        resources: Option<&'d Dictionary>,
        depth: usize,
    ) {
        let n = |i: usize| {
            operands
                .get(i)
                .and_then(|o| number(self.document, o))
                .unwrap_or(0.0)
        };
        match operator {
            "q" if self.saved.len() < 256 => self.saved.push(self.state.clone()),
            "Q" => {
                if let Some(state) = self.saved.pop() {
                    self.state = state;
                }
            }
            "cm" => {
                let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.state.ctm = multiply(m, self.state.ctm);
            }
            "BT" => {
                self.text_matrix = IDENTITY;
                self.line_matrix = IDENTITY;
            }
            "Tf" => {
                self.state.size = n(1);
                self.state.font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.font(name, resources));
            }
            "Tc" => self.state.char_spacing = n(0),
            "Tw" => self.state.word_spacing = n(0),
            "Tz" => self.state.scale = n(0) / 100.0,
            "TL" => self.state.leading = n(0),
            "Ts" => self.state.rise = n(0),
            "Td" => self.next_line(n(0), n(1)),
            "TD" => {
                self.state.leading = -n(1);
                self.next_line(n(0), n(1));
            }
            "Tm" => {
                self.text_matrix = [n(0), n(1), n(2), n(3), n(4), n(5)];
                self.line_matrix = self.text_matrix;
            }
            "T*" => self.next_line(0.0, -self.state.leading),
            "Tj" => self.show_operand(operands.first()),
            "'" => {
                self.next_line(0.0, -self.state.leading);
                self.show_operand(operands.first());
            }
            "\"" => {
                self.state.word_spacing = n(0);
                self.state.char_spacing = n(1);
                self.next_line(0.0, -self.state.leading);
                self.show_operand(operands.get(2));
            }
            "TJ" => {
                let items = operands.first().and_then(|o| o.as_array().ok());
                for item in items.into_iter().flatten() {
                    match item {
                        Object::String(..) => self.show_operand(Some(item)),
                        other => {
                            let shift = number(self.document, other).unwrap_or(0.0);
                            let tx = -shift / 1000.0 * self.state.size * self.state.scale;
                            self.text_matrix = multiply(translate(tx, 0.0), self.text_matrix);
                        }
                    }
                }
            }
            "Do" => {
                if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                    self.draw_object(name, resources, depth);
                }
            }
            "BI" | "ID" | "EI" => self.page.has_image = true,
            "m" => self.path.move_to(self.on_page(n(0), n(1))),
            "l" => self.path.line_to(self.on_page(n(0), n(1))),
            "c" => self.path.curve_to(self.on_page(n(4), n(5))),
            "v" | "y" => self.path.curve_to(self.on_page(n(2), n(3))),
            "h" => self.path.close(),
            "re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
                self.path
                    .rectangle(corners.map(|(x, y)| self.on_page(x, y)));
            }
            _ => {
                if let Some((paint, close)) = Paint::of(operator) {
                    self.path.paint(paint, close, &mut self.page.rules);
                }
            }
        }
    }

    /// A point in user space on the page, y growing down.
    fn on_page(&self, x: f32, y: f32) -> (f32, f32) {
        let (x, y) = apply(self.state.ctm, x, y);
        (x, self.top - y)
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.line_matrix = multiply(translate(x, y), self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    /// The font `name` in `resources`: fonts are named per resources dictionary (a form's
    /// `/F1` is not the page's) and read once per object.
    fn font(&mut self, name: &[u8], resources: Option<&'d Dictionary>) -> Option<Rc<Font>> {
        let document = self.document;
        let (id, dictionary) = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|fonts| fonts.get(name).ok())
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(id, o)| Some((id, o.as_dict().ok()?)))?;
        let Some(id) = id else {
            return Some(Rc::new(Font::new(document, dictionary)));
        };
        let font = self
            .fonts
            .entry(id)
            .or_insert_with(|| Rc::new(Font::new(document, dictionary)));
        Some(Rc::clone(font))
    }

    fn show_operand(&mut self, operand: Option<&Object>) {
        if let Some(Object::String(bytes, _)) = operand {
            self.show(bytes);
        }
    }

    /// Places each character of a string and moves the text matrix past it.
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.state.font.clone() else {
            return;
        };
        let state = self.state.clone();
        let (size, scale) = (state.size, state.scale);
        for code in font.codes(bytes) {
            let rendering = multiply(
                [size * scale, 0.0, 0.0, size, 0.0, state.rise],
                multiply(self.text_matrix, state.ctm),
            );
            let width = code.width / 1000.0;
            match &code.text {
                Some(text) => self.lay_glyphs(text, width, rendering),
                None => self.page.unmapped += 1,
            }
            let spacing = state.char_spacing + if code.space { state.word_spacing } else { 0.0 };
            let tx = (width * size + spacing) * scale;
            self.text_matrix = multiply(translate(tx, 0.0), self.text_matrix);
        }
    }

    /// The characters of one code (a ligature shares its width) in the box the rendering
    /// matrix gives, from just below the baseline to the top of a CJK character.
    fn lay_glyphs(&mut self, text: &str, width: f32, rendering: Matrix) {
        let chars: Vec<char> = text.chars().collect();
        let each = width / chars.len().max(1) as f32;
        for (i, &ch) in chars.iter().enumerate() {
            let x = each * i as f32;
            let corners = [
                apply(rendering, x, -0.12),
                apply(rendering, x + each, -0.12),
                apply(rendering, x, 0.88),
                apply(rendering, x + each, 0.88),
            ];
            let xs = corners.map(|c| c.0);
            let ys = corners.map(|c| c.1);
            let [x0, x1] = [min(&xs), max(&xs)];
            let [y0, y1] = [min(&ys), max(&ys)];
            if ![x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
                continue;
            }
            self.page.glyphs.push(Glyph {
                ch,
                left: x0,
                right: x1,
                top: self.top - y1,
                bottom: self.top - y0,
                native: [x0, y0, x1, y1],
                page: 0,
            });
        }
    }

    /// `Do`: a form is drawn as content of its own, an image noted.
    fn draw_object(&mut self, object: &[u8], resources: Option<&'d Dictionary>, depth: usize) {
        let document = self.document;
        let Some((id, stream)) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|objects| objects.get(object).ok())
            .and_then(|o| document.dereference(o).ok())
            .and_then(|(id, o)| Some((id, o.as_stream().ok()?)))
        else {
            return;
        };
        match name(document, &stream.dict, b"Subtype").as_deref() {
            Some("Image") => self.page.has_image = true,
            Some("Form") if depth < MAX_DEPTH && !id.is_some_and(|id| self.forms.contains(&id)) => {
                let Ok(content) = stream.decompressed_content_with_limit(MAX_FORM) else {
                    return;
                };
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| <[f32; 6]>::try_from(numbers(document, o)).ok())
                    .unwrap_or(IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| document.dereference(o).ok())
                    .and_then(|(_, o)| o.as_dict().ok());
                let saved = (self.state.clone(), self.text_matrix, self.line_matrix);
                self.state.ctm = multiply(matrix, self.state.ctm);
                self.forms.extend(id);
                self.run(&content, own.or(resources), depth + 1);
                if id.is_some() {
                    self.forms.pop();
                }
                (self.state, self.text_matrix, self.line_matrix) = saved;
            }
            _ => {}
        }
    }
}

fn min(values: &[f32; 4]) -> f32 {
    values.iter().copied().fold(f32::INFINITY, f32::min)
}

fn max(values: &[f32; 4]) -> f32 {
    values.iter().copied().fold(f32::NEG_INFINITY, f32::max)
}
