//! Whether what an entry says extraction read can be about a text at all: every place inside
//! the text and on character boundaries, every target's task one of the text's tasks. Output
//! slices the text at these places; an entry that broke the rule would panic the run.

use crate::ingest::text::Extracted;
use crate::model::Span;

/// Whether every place in `extracted` lies inside `text`, on character boundaries, and every
/// target's task index names one of its tasks.
pub(crate) fn within(extracted: &Extracted, text: &str) -> bool {
    let tasks = extracted.tasks.len();
    spans(extracted).all(|span| inside(span, text))
        && extracted
            .targets
            .iter()
            .all(|(_, task)| task.is_none_or(|i| i < tasks))
}

/// Whether `span` lies inside `text`, on character boundaries.
pub(crate) fn inside(span: &Span, text: &str) -> bool {
    span.start.checked_add(span.len).is_some_and(|end| {
        end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(end)
    })
}

/// The span of a value found with its place.
fn placed<T>(found: Option<&(T, Span)>) -> Option<&Span> {
    found.map(|(_, span)| span)
}

/// Every span `extracted` holds. A new span in [`Extracted`] or in what it holds must be added
/// here; a unit test counts the spans of its JSON form to catch one that was not.
pub(crate) fn spans(extracted: &Extracted) -> impl Iterator<Item = &Span> {
    let header = &extracted.header;
    let head = [
        placed(header.doc_number.as_ref()),
        placed(header.title.as_ref()),
        placed(header.issuer.as_ref()),
        placed(header.issued.as_ref()),
        placed(header.context.as_ref()),
        extracted.cut_short.as_ref(),
    ]
    .into_iter()
    .flatten();
    let citations = extracted.citations.iter().flat_map(move |c| {
        [placed(c.title.as_ref()), placed(c.doc_number.as_ref())]
            .into_iter()
            .flatten()
    });
    let targets = extracted
        .targets
        .iter()
        .flat_map(|(t, _)| [&t.indicator_span, &t.quote_span]);
    let qualitative = extracted
        .qualitative
        .iter()
        .flat_map(|q| [&q.indicator_span, &q.text_span]);
    let tasks = extracted.tasks.iter().flat_map(|t| {
        let single = [Some(&t.label), t.title.as_ref(), t.deadline.as_ref()];
        let lists = t.lead.iter().chain(&t.responsible);
        single.into_iter().flatten().chain(lists).map(|(_, s)| s)
    });
    let skipped = extracted.skipped.iter().map(|s| &s.span);
    head.chain(citations)
        .chain(targets)
        .chain(qualitative)
        .chain(tasks)
        .chain(skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The objects of the extraction as JSON that are spans (`{"start":…,"len":…}`).
    fn json_spans(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::Object(map) => {
                let own = usize::from(map.len() == 2 && map.contains_key("start"));
                own + map.values().map(json_spans).sum::<usize>()
            }
            serde_json::Value::Array(items) => items.iter().map(json_spans).sum(),
            _ => 0,
        }
    }

    /// Over every text of the plans and the fixtures (between them, every kind of span).
    #[test]
    fn every_span_of_an_extraction_is_checked() {
        let mut total = 0;
        for root in ["plans", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
                let path = entry.path();
                let Some(text) = path
                    .extension()
                    .is_some_and(|e| e == "txt")
                    .then(|| std::fs::read_to_string(path).ok())
                    .flatten()
                else {
                    continue;
                };
                let extracted = crate::ingest::text::extract(&text);
                let json = serde_json::to_value(&extracted).unwrap();
                let count = json_spans(&json);
                assert_eq!(spans(&extracted).count(), count, "{}", path.display());
                assert!(within(&extracted, &text), "{}", path.display());
                total += count;
            }
        }
        assert!(total > 1000, "{total}");
    }

    #[test]
    fn a_task_index_past_the_tasks_is_out() {
        let text = "到2027年，关键工序数控化率超过75%。\n";
        let mut extracted = crate::ingest::text::extract(text);
        assert!(within(&extracted, text));
        extracted.targets[0].1 = Some(extracted.tasks.len());
        assert!(!within(&extracted, text));
    }
}
