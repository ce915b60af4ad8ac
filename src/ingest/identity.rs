//! What other plans read of a file: a plan's number, title, issuer and place; a jurisdiction
//! file's name, code and prefixes. Citations resolve by them, campaigns and parents are found
//! by them. `check --changed-since` compares a changed file's with its version at the
//! reference: when they differ, plans that depended on the old ones (a citation of the old
//! number, a plan below the old title's campaign) can no longer be told from the corpus as it
//! is, and the run checks everything.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::discover::{is_sidecar, is_text_plan};
use super::schema::{JurisdictionFile, PlanFile, SidecarFile};
use crate::model::SourceId;

/// What other plans read of one file, as written. `None` where the file does not parse:
/// two versions that do not parse are alike only if neither does.
#[derive(Debug, PartialEq, Eq)]
pub struct Identity(Option<Vec<Option<String>>>);

/// The identity of the file at `path` (its name tells its kind) whose bytes are `bytes`.
#[must_use]
pub fn identity(path: &Path, bytes: &[u8]) -> Identity {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let fields = if name == super::JURISDICTION_FILE {
        yaml::<JurisdictionFile>(bytes).map(|f| {
            vec![
                Some(f.name.value),
                Some(f.aliases.join("、")),
                Some(format!("{:?}", f.level.value)),
                f.code.map(|c| format!("{:?}", c.value)),
                f.self_prefix,
                Some(f.doc_prefixes.join("、")),
                Some(f.issuers.join("、")),
            ]
        })
    } else if is_sidecar(path) {
        yaml::<SidecarFile>(bytes).map(|f| {
            vec![
                f.doc_number.map(|v| v.value),
                f.title.map(|v| v.value),
                f.notice_title.map(|v| v.value),
                f.issuer.map(|v| v.value),
                f.jurisdiction.map(|v| v.value),
                f.level.map(|v| format!("{:?}", v.value)),
            ]
        })
    } else if is_text_plan(path) {
        text_header(path, bytes).map(|header| {
            [
                header.doc_number,
                header.title,
                header.issuer,
                header.context,
            ]
            .into_iter()
            .map(|field| field.map(|(value, _)| value))
            .collect()
        })
    } else {
        yaml::<PlanFile>(bytes).map(|f| {
            vec![
                f.doc_number.map(|v| v.value),
                Some(f.title.value),
                f.notice_title.map(|v| v.value),
                f.issuer.map(|v| v.value),
                f.jurisdiction.map(|v| v.value),
                f.level.map(|v| format!("{:?}", v.value)),
            ]
        })
    };
    Identity(fields)
}

/// What the text plan at `path` says of its place, as the zones known only by name are found
/// from it: its issuer, its title and the X of its 结合X实际. Empty for a file of another kind
/// (which is not read) or one that cannot be read.
#[must_use]
pub fn place_names(path: &Path) -> Vec<String> {
    if !is_text_plan(path) {
        return Vec::new();
    }
    let Ok(bytes) = crate::source::read_bytes(path) else {
        return Vec::new();
    };
    text_header(path, &bytes).map_or_else(Vec::new, |header| {
        header.place_names().map(str::to_string).collect()
    })
}

fn text_header(path: &Path, bytes: &[u8]) -> Option<super::text::header::Header> {
    let document = super::text::read_document(path, bytes).ok()?;
    Some(super::text::extract(&document.text).header)
}

fn yaml<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = crate::source::decode_utf8(bytes).ok()?;
    crate::source::yaml::parse::<T>(SourceId(usize::MAX), &text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_or_title_changed_is_another_identity_a_target_is_not() {
        let plan = Path::new("plans/shandong/x.yaml");
        let file = "doc_number: 鲁政发〔2024〕3号\ntitle: 山东省推动大规模设备更新实施方案\ntargets:\n  - indicator: 数控化率\n    year: 2027\n    comparator: 超过\n    value: 75\n    unit: \"%\"\n";
        let same = identity(plan, file.as_bytes());
        let target = file.replace("75", "80");
        assert_eq!(identity(plan, target.as_bytes()), same);
        let number = file.replace("3号", "4号");
        assert_ne!(identity(plan, number.as_bytes()), same);
        let title = file.replace("实施方案", "行动方案");
        assert_ne!(identity(plan, title.as_bytes()), same);
        assert_ne!(identity(plan, b"title: [unclosed"), same);
        let text = Path::new("plans/shandong/x.txt");
        let issued = "山东省人民政府\n鲁政发〔2024〕3号\n山东省推动大规模设备更新实施方案\n到2027年，数控化率超过75%。\n";
        assert_eq!(
            identity(text, issued.as_bytes()),
            identity(text, issued.replace("75%", "80%").as_bytes())
        );
        assert_ne!(
            identity(text, issued.as_bytes()),
            identity(text, issued.replace("3号", "5号").as_bytes())
        );
    }
}
