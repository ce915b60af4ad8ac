//! Writing a long report on every core: its items are made into bytes a batch at a time, each
//! batch shared out between the cores, and written in their order. The output is the bytes one
//! core would write, at any thread count, and a batch is all that is held.

use rayon::prelude::*;
use serde::Serialize;

/// Items made at once: enough to keep every core busy, few enough that a batch's bytes (about a
/// megabyte of findings) are all that is held.
const BATCH: usize = 1024;
/// Items a core makes in one go.
const SHARE: usize = 32;

/// Writes `items` to `out` in their order, each made into bytes by `make`, which is given the
/// item's index among `items` and appends to the bytes of its share.
pub fn write_in_order<'a, T: Sync, E: Send>(
    out: &mut impl std::io::Write,
    items: &'a [T],
    make: impl Fn(usize, &'a T, &mut Vec<u8>) -> Result<(), E> + Sync,
    io: impl Fn(std::io::Error) -> E,
) -> Result<(), E> {
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let made: Vec<Vec<u8>> = batch
            .par_chunks(SHARE)
            .enumerate()
            .map(|(c, share)| {
                let mut bytes = Vec::new();
                for (i, item) in share.iter().enumerate() {
                    make(b * BATCH + c * SHARE + i, item, &mut bytes)?;
                }
                Ok(bytes)
            })
            .collect::<Result<_, E>>()?;
        for bytes in made {
            out.write_all(&bytes).map_err(&io)?;
        }
    }
    Ok(())
}

/// [`write_in_order`] for the reports whose items are made into text that cannot fail.
pub fn write_texts_in_order<'a, T: Sync>(
    out: &mut impl std::io::Write,
    items: &'a [T],
    text: impl Fn(&'a T) -> String + Sync,
) -> std::io::Result<()> {
    write_in_order(
        out,
        items,
        |_, item, bytes| {
            bytes.extend_from_slice(text(item).as_bytes());
            Ok(())
        },
        |e| e,
    )
}

/// Writes `items` as a JSON array, pretty-printed as `serde_json` prints one `depth` levels down
/// a document: `[]` when empty, else each item (made by `make`, given its index) on lines of
/// its own, a level deeper.
pub fn write_json_array<'a, T: Sync, V: Serialize>(
    out: &mut impl std::io::Write,
    items: &'a [T],
    depth: usize,
    make: impl Fn(usize, &'a T) -> V + Sync,
) -> Result<(), serde_json::Error> {
    let io = serde_json::Error::io;
    out.write_all(b"[").map_err(io)?;
    write_in_order(
        out,
        items,
        |index, item, bytes| {
            bytes.extend_from_slice(if index == 0 { b"\n" } else { b",\n" });
            pretty_at(bytes, &make(index, item), depth + 1)
        },
        io,
    )?;
    if !items.is_empty() {
        out.write_all(b"\n").map_err(io)?;
        out.write_all(&indent(depth)).map_err(io)?;
    }
    out.write_all(b"]").map_err(io)
}

/// The place of a list in a document, printed as an empty list and filled in by
/// [`write_json_with_list`].
pub struct ListGoesHere;

impl Serialize for ListGoesHere {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(std::iter::empty::<()>())
    }
}

/// Writes `document` pretty-printed, its one [`ListGoesHere`] (under `key`, `depth` levels down)
/// filled with `items` as [`write_json_array`] writes them. The key must name that list alone
/// in the document (a key's quotes are the only unescaped ones in JSON, so text in the document
/// cannot be taken for it); a document with no such key, or two, is an error.
pub fn write_json_with_list<'a, T: Sync, V: Serialize>(
    out: &mut impl std::io::Write,
    document: &impl Serialize,
    (key, depth): (&str, usize),
    items: &'a [T],
    make: impl Fn(usize, &'a T) -> V + Sync,
) -> Result<(), serde_json::Error> {
    let io = serde_json::Error::io;
    let printed = serde_json::to_vec_pretty(document)?;
    let empty = format!("\"{key}\": []");
    let mut found = printed
        .windows(empty.len())
        .enumerate()
        .filter(|(_, w)| *w == empty.as_bytes())
        .map(|(at, _)| at);
    let (Some(at), None) = (found.next(), found.next()) else {
        return Err(io(std::io::Error::other(format!(
            "the document has not one list under {key}"
        ))));
    };
    let (head, tail) = printed.split_at(at + empty.len() - "[]".len());
    out.write_all(head).map_err(io)?;
    write_json_array(out, items, depth, make)?;
    out.write_all(&tail["[]".len()..]).map_err(io)
}

/// `value` pretty-printed as `serde_json` prints it `depth` levels down a document, from the
/// indentation of its first line: every line indented by two spaces a level (a JSON string
/// never holds a raw line break, so every break is the printer's).
pub fn pretty_at(
    out: &mut Vec<u8>,
    value: &impl Serialize,
    depth: usize,
) -> Result<(), serde_json::Error> {
    let alone = serde_json::to_vec_pretty(value)?;
    let indent = indent(depth);
    out.reserve(alone.len() + alone.len() / 16);
    out.extend_from_slice(&indent);
    for (i, line) in alone.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(&indent);
        }
        out.extend_from_slice(line);
    }
    Ok(())
}

fn indent(depth: usize) -> Vec<u8> {
    vec![b' '; 2 * depth]
}

#[cfg(test)]
pub(crate) mod tests {
    /// An array of none, one and many items, nested in a document and alone: the bytes of one
    /// `serde_json` print of the whole.
    #[test]
    fn an_array_written_in_batches_is_printed_as_serde_json_prints_it() {
        #[derive(serde::Serialize)]
        struct Item {
            n: usize,
            text: String,
            nested: Vec<Vec<u8>>,
        }
        let item = |n: usize| Item {
            n,
            text: format!("第{n}项 \"引\"\n行"),
            nested: vec![vec![1, 2], vec![]],
        };
        #[derive(serde::Serialize)]
        struct Deep<L> {
            items: L,
        }
        #[derive(serde::Serialize)]
        struct Whole<L> {
            a: u32,
            deep: Deep<L>,
            after: &'static str,
        }
        fn whole<L>(items: L) -> Whole<L> {
            Whole {
                a: 1,
                deep: Deep { items },
                after: "\"items\": [] in a string",
            }
        }
        for count in [0, 1, 2, 1100] {
            let items: Vec<usize> = (0..count).collect();
            let made: Vec<Item> = items.iter().map(|&n| item(n)).collect();
            let wanted = serde_json::to_string_pretty(&whole(&made)).unwrap();
            let mut out = Vec::new();
            let with = ("items", 2);
            super::write_json_with_list(
                &mut out,
                &whole(super::ListGoesHere),
                with,
                &items,
                |_, &n| item(n),
            )
            .unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), wanted, "{count}");
            let mut alone = Vec::new();
            super::write_json_array(&mut alone, &items, 0, |_, &n| item(n)).unwrap();
            let wanted = serde_json::to_string_pretty(&made).unwrap();
            assert_eq!(String::from_utf8(alone).unwrap(), wanted, "{count}");
        }
        let mut out = Vec::new();
        let twice = [
            Deep {
                items: super::ListGoesHere,
            },
            Deep {
                items: super::ListGoesHere,
            },
        ];
        assert!(
            super::write_json_with_list(&mut out, &twice, ("items", 1), &[0], |_, &n: &i32| n)
                .is_err()
        );
        assert!(
            super::write_json_with_list(
                &mut out,
                &Deep { items: 1 },
                ("items", 1),
                &[0],
                |_, &n: &i32| n
            )
            .is_err()
        );
    }

    /// `run` on a pool of `threads` threads: the output of a batched writer is the same bytes
    /// at any count.
    pub(crate) fn on_threads<R: Send>(threads: usize, run: impl FnOnce() -> R + Send) -> R {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(run)
    }

    /// Every item once, in order, with its index, whatever the thread count and however the
    /// count falls against the batches.
    #[test]
    fn items_are_written_in_order_with_their_index() {
        for count in [0, 1, 31, 32, 33, 1024, 1025, 2500] {
            let items: Vec<usize> = (0..count).collect();
            let wanted: String = items.iter().map(|i| format!("{i},")).collect();
            for threads in [1, 3] {
                let mut out = Vec::new();
                on_threads(threads, || {
                    super::write_in_order(
                        &mut out,
                        &items,
                        |index, item, bytes| {
                            assert_eq!(index, *item);
                            bytes.extend_from_slice(format!("{item},").as_bytes());
                            Ok::<(), std::io::Error>(())
                        },
                        |e| e,
                    )
                })
                .unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), wanted, "{count}");
            }
        }
    }
}
