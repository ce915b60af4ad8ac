//! One entry's bytes: a header line naming the BLAKE3 hash of the text it was read from and a
//! checksum of the rest, then what was read from the text, in postcard (serde's compact binary
//! form: a third of the JSON it replaced, and read three times as fast; every warm run reads an
//! entry per plan).
//!
//! ```text
//! planlint-extract 3 blake3:<64 hex> xxh3:<32 hex>
//! <postcard bytes>
//! ```
//!
//! Two kinds of entry share the folder, each with its own first words ([`Kind::MAGIC`]): what
//! extraction read from a plan's text, and a `jurisdiction.yaml` as parsed. A parsed file is
//! named by the BLAKE3 hash of its text after a fixed prefix ([`Kind::SALT`]), so a plan's text
//! and a YAML file with the same bytes never share an entry; the first words are checked before
//! the rest is read, so one kind's bytes are never read as the other's (postcard does not name
//! its fields).
//!
//! The entry is named by the same hash, but a name is only where a file lies: an entry moved or
//! copied over another text's (by hand, a sync tool, another program) still names its own text
//! and is rejected. The checksum catches an entry damaged or edited in place (a digit changed
//! would still parse, and silently change a finding). What it holds is checked against the text
//! too: every place in it must lie inside the text, on character boundaries, so no entry can
//! make a later slice panic; and it must be read to its last byte.

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::xxh3_128;

use super::reject::Rejection;
use super::valid;
use crate::ingest::jurisdiction_file::Declared;
use crate::ingest::text::Extracted;

/// What an entry can hold.
pub(crate) trait Kind: Serialize + DeserializeOwned {
    /// The first line's words before the text's hash; a new layout of entries takes a new
    /// number.
    const MAGIC: &'static str;
    /// Hashed before the text to name the entry: empty for extraction, whose entries are named
    /// by the text's own hash.
    const SALT: &'static str;
    /// Whether it can be about `text` at all: every place in it inside the text, on character
    /// boundaries.
    fn fits(&self, text: &str) -> bool;
}

impl Kind for Extracted {
    const MAGIC: &'static str = "planlint-extract 3 blake3:";
    const SALT: &'static str = "";
    fn fits(&self, text: &str) -> bool {
        valid::within(self, text)
    }
}

impl Kind for Declared {
    const MAGIC: &'static str = "planlint-jurisdiction 3 blake3:";
    const SALT: &'static str = "planlint jurisdiction.yaml\n";
    fn fits(&self, text: &str) -> bool {
        valid::inside(&self.name_span, text)
    }
}

/// Between the text's hash and the checksum of what follows the header.
const CHECKSUM: &str = " xxh3:";

/// The largest entry read for a text of `text_len` bytes: eight times the text and 64 KiB
/// (measured: an entry is a quarter of its text on the bundled and generated corpora, at most
/// 1.1 times on one plan; a sentence quoted by each of its targets is what makes it grow), and
/// never more than 128 MiB whatever the text. A larger entry is neither written nor read.
pub(crate) fn cap(text_len: usize) -> u64 {
    const ABSOLUTE: u64 = 128 << 20;
    (text_len as u64)
        .saturating_mul(8)
        .saturating_add(64 << 10)
        .min(ABSOLUTE)
}

/// The BLAKE3 hash of `text` in lowercase hexadecimal: the name and first line of the extraction
/// entry for it.
pub(crate) fn text_hash(text: &str) -> String {
    hash_of::<Extracted>(text)
}

/// The name and first line of the entry of kind `K` for `text`: the BLAKE3 hash of `K`'s salt
/// and the text, in lowercase hexadecimal.
pub(crate) fn hash_of<K: Kind>(text: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(K::SALT.as_bytes());
    hasher.update(text.as_bytes());
    hasher.finalize().to_hex().to_string()
}

/// The extraction entry holding `body` for the text whose hash is `hash`: the header line,
/// then `body`.
pub(crate) fn seal(hash: &str, body: &[u8]) -> Vec<u8> {
    seal_as::<Extracted>(hash, body)
}

/// The entry of kind `K` holding `body` for the text whose hash is `hash`.
pub(crate) fn seal_as<K: Kind>(hash: &str, body: &[u8]) -> Vec<u8> {
    let header = format!("{}{hash}{CHECKSUM}{:032x}\n", K::MAGIC, xxh3_128(body));
    let mut bytes = Vec::with_capacity(header.len() + body.len());
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend_from_slice(body);
    bytes
}

/// What an entry of kind `K` holds, as its bytes after the header.
pub(crate) fn body_of<K: Kind>(value: &K) -> Option<Vec<u8>> {
    postcard::to_stdvec(value).ok()
}

/// What the bytes after an entry's header hold, read to the last byte (bytes left over are
/// not an entry planlint wrote).
pub(crate) fn read_body<K: Kind>(body: &[u8]) -> Option<K> {
    match postcard::take_from_bytes(body) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

/// The entry for a text of `text_len` bytes whose hash is `hash`; `None` when it would be
/// larger than [`cap`] allows (such a text is extracted every time rather than rejected every
/// time).
pub(crate) fn encode<K: Kind>(hash: &str, text_len: usize, value: &K) -> Option<Vec<u8>> {
    let bytes = seal_as::<K>(hash, &body_of(value)?);
    (bytes.len() as u64 <= cap(text_len)).then_some(bytes)
}

/// What the entry `bytes` says was read from `text`, whose hash is `hash`.
pub(crate) fn decode<K: Kind>(bytes: &[u8], hash: &str, text: &str) -> Result<K, Rejection> {
    if bytes.len() as u64 > cap(text.len()) {
        return Err(Rejection::TooLarge);
    }
    let newline = bytes
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(Rejection::Malformed)?;
    let (first, body) = (&bytes[..newline], &bytes[newline + 1..]);
    let rest = first
        .strip_prefix(K::MAGIC.as_bytes())
        .ok_or(Rejection::Malformed)?;
    let (named, checksum) = rest
        .split_at_checked(hash.len())
        .ok_or(Rejection::Malformed)?;
    if named != hash.as_bytes() {
        return Err(Rejection::OtherText);
    }
    if checksum != format!("{CHECKSUM}{:032x}", xxh3_128(body)).as_bytes() {
        return Err(Rejection::Damaged);
    }
    let value: K = read_body(body).ok_or(Rejection::Malformed)?;
    if !value.fits(text) {
        return Err(Rejection::OutOfText);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "到2027年，关键工序数控化率超过75%。\n";

    #[test]
    fn an_entry_decodes_only_against_its_own_text() {
        let extracted = crate::ingest::text::extract(TEXT);
        let hash = text_hash(TEXT);
        let bytes = encode(&hash, TEXT.len(), &extracted).unwrap();
        let back: Extracted = decode(&bytes, &hash, TEXT).unwrap();
        assert_eq!(format!("{back:?}"), format!("{extracted:?}"));
        let other = "到2027年，关键工序数控化率超过80%。\n";
        assert_eq!(
            decode::<Extracted>(&bytes, &text_hash(other), other).unwrap_err(),
            Rejection::OtherText
        );
        assert_eq!(
            decode::<Extracted>(b"{}", &hash, TEXT).unwrap_err(),
            Rejection::Malformed
        );
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() - 3);
        assert_eq!(
            decode::<Extracted>(&cut, &hash, TEXT).unwrap_err(),
            Rejection::Damaged
        );
        let newline = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
        let (header, body) = bytes.split_at(newline);
        let mut edited = body.to_vec();
        *edited.last_mut().unwrap() ^= 1;
        let edited = [header, &edited].concat();
        assert_eq!(
            decode::<Extracted>(&edited, &hash, TEXT).unwrap_err(),
            Rejection::Damaged
        );
        let cut = seal(&hash, &body[..body.len() - 3]);
        assert_eq!(
            decode::<Extracted>(&cut, &hash, TEXT).unwrap_err(),
            Rejection::Malformed
        );
        let longer = seal(&hash, &[body, &[0]].concat());
        assert_eq!(
            decode::<Extracted>(&longer, &hash, TEXT).unwrap_err(),
            Rejection::Malformed,
            "a byte past what planlint wrote"
        );
    }

    #[test]
    fn a_place_outside_the_text_is_rejected() {
        let hash = text_hash(TEXT);
        for (start, len) in [(0, TEXT.len() + 1), (1, 1), (usize::MAX, 2)] {
            let mut moved = crate::ingest::text::extract(TEXT);
            moved.targets[0].0.quote_span = crate::model::Span::new(start, len);
            let bytes = seal(&hash, &body_of(&moved).unwrap());
            assert_eq!(
                decode::<Extracted>(&bytes, &hash, TEXT).unwrap_err(),
                Rejection::OutOfText,
                "{start} {len}"
            );
        }
    }

    #[test]
    fn a_parsed_jurisdiction_file_has_an_entry_of_its_own() {
        use crate::ingest::schema::JurisdictionFile;
        let text = "name: 潍坊市\nlevel: municipal\ncode: \"370700\"\n";
        let file: JurisdictionFile =
            crate::source::yaml::parse(crate::model::SourceId(0), text).unwrap();
        let declared = Declared::from(file);
        assert_eq!(
            &text[declared.name_span.start..declared.name_span.end()],
            "潍坊市"
        );
        let hash = hash_of::<Declared>(text);
        assert_ne!(
            hash,
            text_hash(text),
            "a text of the same bytes has an entry of its own"
        );
        let bytes = encode(&hash, text.len(), &declared).unwrap();
        assert_eq!(decode::<Declared>(&bytes, &hash, text).unwrap(), declared);
        assert_eq!(
            decode::<Extracted>(&bytes, &hash, text).unwrap_err(),
            Rejection::Malformed,
            "an entry of one kind is never read as the other"
        );
        for span in [
            crate::model::Span::new(text.len(), 1),
            crate::model::Span::new(7, 1),
            crate::model::Span::new(usize::MAX, 2),
        ] {
            let moved = Declared {
                name_span: span,
                ..declared.clone()
            };
            let bytes = encode(&hash, text.len(), &moved).unwrap();
            assert_eq!(
                decode::<Declared>(&bytes, &hash, text).unwrap_err(),
                Rejection::OutOfText,
                "{span:?}"
            );
        }
    }

    #[test]
    fn the_hash_is_blake3() {
        // The published BLAKE3 of "abc".
        assert_eq!(
            text_hash("abc"),
            "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"
        );
    }
}
