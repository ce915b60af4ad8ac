//! A finding's stable identity: what a baseline and SARIF's `partialFingerprints` match it by
//! from one run to the next.

use super::Diagnostic;
use crate::model::Plan;

/// A finding's stable identity (see [`fingerprint`]), written as 16 hexadecimal digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Fingerprint(u64);

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

/// FNV-1a over a finding's code, file, the text it points at and what it is about: stable when
/// lines are added elsewhere in the file or a message is reworded, different when the text
/// itself changes. SARIF's `partialFingerprints` and the baseline use it.
#[must_use]
pub fn fingerprint(sources: &crate::model::Sources, plans: &[Plan], d: &Diagnostic) -> Fingerprint {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
    };
    feed(d.code.as_str().as_bytes());
    if let Some(source) = d.source {
        let file = sources.get(source);
        feed(file.shown_path().as_bytes());
        if let Some(label) = &d.label {
            let text = file
                .text
                .get(label.span.start..label.span.end())
                .unwrap_or_default();
            feed(crate::model::text::fold(text).as_bytes());
        }
    }
    feed(d.subject.key(plans).as_bytes());
    Fingerprint(hash)
}

/// Gives each of `diagnostics` its fingerprint, on every core (each is its own finding's: a
/// national corpus's run has tens of thousands).
pub fn stamp_fingerprints<'d>(
    diagnostics: impl IntoIterator<Item = &'d mut Diagnostic>,
    sources: &crate::model::Sources,
    plans: &[Plan],
) {
    use rayon::prelude::*;
    let mut diagnostics: Vec<&mut Diagnostic> = diagnostics.into_iter().collect();
    diagnostics
        .par_iter_mut()
        .for_each(|d| d.fingerprint = fingerprint(sources, plans, d));
}
