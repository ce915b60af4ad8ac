//! Content Word does not render, skipped as Word skips it: the branches of an
//! `mc:AlternateContent` other than the one Word shows (the first Choice it understands, else
//! the Fallback), and elements of an ignorable namespace Word does not know, with all they
//! hold. Renderers differ here (LibreOffice reads an unknown ignorable element's content), so
//! skipped text that holds figures is kept for the reviewer to see: all of an ignorable
//! element's, and an unused branch's when its figures differ from the branch shown.

use quick_xml::events::Event;

use super::markup::Space;

/// Why content is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Why {
    Branch,
    Ignorable,
}

/// An open `mc:AlternateContent`: whether a branch was shown, and the text of the branch shown
/// and of the others.
#[derive(Default)]
struct Alternate {
    taken: bool,
    shown: String,
    others: String,
}

#[derive(Default)]
pub(super) struct Unrendered {
    /// The depth of the element skipped with its content, and why.
    skipping: Option<(usize, Why)>,
    /// The text skipped so far in it.
    text: String,
    alternates: Vec<Alternate>,
    /// Skipped text holding figures, for the walk to list as hidden.
    pub found: Vec<String>,
}

/// The figures of a text, in order: what makes two texts say different targets.
fn figures(text: &str) -> String {
    text.chars()
        .filter(|&c| super::markup::is_digit(c) || matches!(c, '.' | '%'))
        .collect()
}

impl Unrendered {
    /// Whether `event` is skipped; `depth` is the walk's element depth, kept for what is.
    pub(super) fn skips(
        &mut self,
        depth: &mut usize,
        event: &Event<'_>,
        ns: Space,
        understood: bool,
    ) -> bool {
        if let Some((at, why)) = self.skipping {
            self.inside_skip(depth, event, at, why);
            return true;
        }
        self.note_shown(event);
        if let (Event::End(e), Space::Markup) = (event, ns)
            && e.local_name().as_ref() == "AlternateContent"
        {
            self.close_alternate();
        }
        let Event::Start(e) = event else {
            return matches!(event, Event::Empty(_)) && ns == Space::Ignorable;
        };
        let branch = match (ns, e.local_name().as_ref()) {
            (Space::Markup, "AlternateContent") => {
                self.alternates.push(Alternate::default());
                None
            }
            (Space::Markup, "Choice") => Some(understood),
            (Space::Markup, "Fallback") => Some(true),
            _ => None,
        };
        // A branch is shown when it is the first of its group Word can show.
        let shown = branch.map(|can| match self.alternates.last_mut() {
            Some(group) if !group.taken && can => {
                group.taken = true;
                true
            }
            _ => false,
        });
        let why = match (shown, ns) {
            (Some(false), _) => Why::Branch,
            (_, Space::Ignorable) => Why::Ignorable,
            _ => return false,
        };
        *depth += 1;
        self.skipping = Some((*depth, why));
        true
    }

    fn inside_skip(&mut self, depth: &mut usize, event: &Event<'_>, at: usize, why: Why) {
        match event {
            Event::Start(_) => *depth += 1,
            Event::Text(t) => self.text.push_str(&t.xml10_content()),
            Event::CData(t) => self.text.push_str(t.as_ref()),
            Event::End(_) => {
                *depth = depth.saturating_sub(1);
                if *depth < at {
                    self.skipping = None;
                    let text = std::mem::take(&mut self.text);
                    match (why, self.alternates.last_mut()) {
                        (Why::Branch, Some(group)) => group.others.push_str(&text),
                        _ if !figures(&text).is_empty() => self.found.push(text),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// Text read inside an open `mc:AlternateContent`'s shown branch.
    fn note_shown(&mut self, event: &Event<'_>) {
        if let (Some(group), Event::Text(t)) = (self.alternates.last_mut(), event) {
            group.shown.push_str(&t.xml10_content());
        }
    }

    fn close_alternate(&mut self) {
        if let Some(group) = self.alternates.pop() {
            let others = figures(&group.others);
            if !others.is_empty() && others != figures(&group.shown) {
                self.found.push(group.others);
            }
        }
    }
}
