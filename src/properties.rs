//! Property tests: invariants checked over generated input rather than chosen examples.
//! - printing a value, a 文号 or a date and reading it back gives the same thing;
//! - whatever the text, every place extraction points at lies inside it, on character
//!   boundaries (a span off a boundary would panic the renderer);
//! - the same plan with CRLF line ends, full-width digits or a BOM gives the same targets;
//! - the line index gives the line and column counting from the file's start would;
//! - an extraction cache entry of any bytes, or with its places anywhere, is rejected or usable,
//!   never a panic.

use proptest::prelude::*;

use crate::ingest::text::{extract, read_bytes};
use crate::model::{Date, DocNumber, Quantity};

/// Characters plans are made of, hostile ones included.
const ALPHABET: &[char] = &[
    '到', '年', '较', '增', '长', '达', '约', '以', '上', '下', '分', '别', '、', '，', '。', '；',
    '：', '（', '）', '《', '》', '〔', '〕', '号', '政', '发', '回', '收', '量', '率', '万', '亿',
    '辆', '%', '个', '百', '点', '倍', '一', '二', '0', '1', '2', '5', '7', '9', '.', ':', ' ',
    '\n', '\t', '\r', '\u{3000}', '\u{1b}', '\u{0}', '\u{202e}', '\u{feff}', 'a', '#', '-',
];

fn plan_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..400)
        .prop_map(|chars| chars.into_iter().collect())
}

/// A target as comparable text.
fn targets_of(text: &str) -> Vec<String> {
    extract(text)
        .targets
        .iter()
        .map(|(t, _)| {
            format!(
                "{}|{:?}|{:?}|{}|{}",
                t.indicator, t.deadline, t.comparator, t.quantity.value, t.quantity.unit
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_value_reads_back_as_printed(
        whole in 0u32..100_000,
        tenths in 0u32..10,
        unit in proptest::sample::select(&["%", "辆", "万辆", "亿元", "家", "万千瓦"][..]),
    ) {
        let written = format!("{whole}.{tenths}");
        let q = Quantity::parse(&written, Some(unit)).unwrap();
        let again = Quantity::parse(&q.to_string(), None).unwrap();
        prop_assert_eq!(&again.unit, &q.unit);
        prop_assert!((again.value - q.value).abs() <= 1e-9 * q.value.abs().max(1.0));
    }

    #[test]
    fn a_doc_number_reads_back_as_printed(
        prefix in proptest::collection::vec(proptest::sample::select(&['鲁', '政', '发', '字', '办', '函', '京', '国'][..]), 1..6),
        year in 1949u16..2100,
        serial in 1u32..10_000,
    ) {
        let written = format!("{}〔{year}〕{serial}号", prefix.iter().collect::<String>());
        let n: DocNumber = written.parse().unwrap();
        prop_assert_eq!(n.to_string(), written);
        prop_assert!(n.deviations.is_empty());
    }

    #[test]
    fn a_date_reads_back_as_printed(year in 1949u16..2100, month in 1u8..=12, day in 1u8..=28) {
        let date: Date = format!("{year}-{month:02}-{day:02}").parse().unwrap();
        let again: Date = date.to_string().parse().unwrap();
        prop_assert_eq!(again, date);
    }

    #[test]
    fn line_and_column_are_counted_as_a_person_counts_them(text in plan_text(), at in 0usize..500) {
        let mut sources = crate::model::Sources::default();
        let id = sources.add("a.txt".into(), text.as_str());
        let mut offset = at.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
        prop_assert_eq!(sources.get(id).line_col(at), (line, column));
    }

    #[test]
    fn extraction_points_only_inside_the_text(text in plan_text()) {
        let read = extract(&text);
        let inside = |start: usize, len: usize| {
            start + len <= text.len()
                && text.is_char_boundary(start)
                && text.is_char_boundary(start + len)
        };
        for (t, _) in &read.targets {
            prop_assert!(inside(t.quote_span.start, t.quote_span.len), "{:?}", t);
            prop_assert!(inside(t.indicator_span.start, t.indicator_span.len), "{:?}", t);
        }
        for q in &read.qualitative {
            prop_assert!(inside(q.text_span.start, q.text_span.len));
        }
        for c in &read.citations {
            for (_, span) in c.title.iter().chain(&c.doc_number) {
                prop_assert!(inside(span.start, span.len));
            }
        }
        for skipped in &read.skipped {
            prop_assert!(inside(skipped.span.start, skipped.span.len));
        }
    }

    #[test]
    fn line_ends_width_and_a_bom_change_nothing(
        indicator in proptest::sample::select(&["报废汽车回收量", "二手车交易量", "关键工序数控化率"][..]),
        year in 2024u16..2031,
        value in 1u32..99,
    ) {
        let text = format!("某市推动设备更新实施方案\n一、主要目标\n到{year}年，{indicator}较2023年增长{value}%以上。\n");
        let expected = targets_of(&text);
        prop_assert_eq!(expected.len(), 1);
        let crlf = text.replace('\n', "\r\n");
        let wide: String = text
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(u32::from(c) - u32::from('0') + 0xFF10).unwrap_or(c),
                '%' => '％',
                c => c,
            })
            .collect();
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let from_bom = read_bytes(std::path::Path::new("plan.txt"), &bom).unwrap();
        for variant in [crlf, wide, from_bom] {
            prop_assert_eq!(targets_of(&variant), expected.clone(), "{:?}", variant);
        }
    }
}

/// Every span in an entry's JSON set to `(start, len)`, and every task index to `task`.
fn misplaced(value: &mut serde_json::Value, start: usize, len: usize, task: usize) {
    match value {
        serde_json::Value::Object(map) if map.len() == 2 && map.contains_key("start") => {
            map.insert("start".into(), start.into());
            map.insert("len".into(), len.into());
        }
        serde_json::Value::Object(map) => {
            map.values_mut()
                .for_each(|v| misplaced(v, start, len, task));
        }
        serde_json::Value::Array(items) => {
            // A target is `[found, task index]`.
            if let [found, serde_json::Value::Number(_)] = items.as_mut_slice() {
                misplaced(found, start, len, task);
                items[1] = task.into();
                return;
            }
            items
                .iter_mut()
                .for_each(|v| misplaced(v, start, len, task));
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The extraction cache's reader, on any bytes against any text (`fuzz::cache_entry`).
    #[test]
    fn a_cache_entry_of_any_bytes_is_read_without_a_panic(
        text in plan_text(),
        entry in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        let input = [text.as_bytes(), &[0xff], &entry].concat();
        crate::fuzz::cache_entry(&input);
    }

    /// An entry whose places and task indexes are anywhere: rejected, or usable (the fuzz entry
    /// point slices the text at every place of what it accepts).
    #[test]
    fn a_cache_entry_with_places_anywhere_is_rejected_or_usable(
        text in plan_text(),
        start in prop_oneof![0usize..600, any::<usize>()],
        len in prop_oneof![0usize..60, any::<usize>()],
        task in 0usize..4,
    ) {
        let mut json = serde_json::to_value(extract(&text)).unwrap();
        misplaced(&mut json, start, len, task);
        let entry =
            crate::fuzz::cache_body_from_json(crate::fuzz::CacheEntryKind::Extraction, &json)
                .unwrap();
        let input = [text.as_bytes(), &[0xff], &entry].concat();
        crate::fuzz::cache_entry(&input);
    }
}
