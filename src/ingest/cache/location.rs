//! Where the extraction cache lives, and the name of this build's folder in it.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_128;

/// The folder every build's cache folder is in: `$PLANLINT_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/planlint`, else `$HOME/.cache/planlint`.
///
/// An empty variable counts as unset: `PLANLINT_CACHE_DIR=` would otherwise put the cache in
/// the working folder, a plan repository. `XDG_CACHE_HOME` and `HOME` must be absolute (the XDG
/// rule; a relative one is ignored for the same reason); `PLANLINT_CACHE_DIR` names planlint's
/// folder on purpose and is taken as given.
pub(super) fn base() -> Option<PathBuf> {
    base_from(|name| std::env::var_os(name))
}

/// [`base`] over any environment (tests).
fn base_from(var: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let set = |name: &str| {
        var(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    let absolute = |name: &str| set(name).filter(|path| path.is_absolute());
    set("PLANLINT_CACHE_DIR")
        .or_else(|| absolute("XDG_CACHE_HOME").map(|dir| dir.join("planlint")))
        .or_else(|| absolute("HOME").map(|home| home.join(".cache/planlint")))
}

/// The prefix of every build's folder name: `extract-<version>-<16 hex>`.
pub(super) const BUILD_PREFIX: &str = "extract-";

/// The running binary's identity (version, path, size, modification time): every build of
/// planlint has its own cache folder, without reading the binary through.
pub(super) fn build_key() -> Option<&'static str> {
    static KEY: OnceLock<Option<String>> = OnceLock::new();
    KEY.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(&exe).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let identity = format!(
            "{}|{}|{}|{}",
            exe.display(),
            meta.len(),
            modified.as_secs(),
            modified.subsec_nanos()
        );
        Some(format!(
            "{}-{:016x}",
            env!("CARGO_PKG_VERSION"),
            xxh3_128(identity.as_bytes()) as u64
        ))
    })
    .as_deref()
}

/// Whether `name` is a build folder's name as [`build_key`] makes them: the only folders of
/// the cache that pruning may remove.
pub(super) fn is_build_folder(name: &str) -> bool {
    let Some(key) = name.strip_prefix(BUILD_PREFIX) else {
        return false;
    };
    let Some((version, hash)) = key.rsplit_once('-') else {
        return false;
    };
    !version.is_empty()
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
        && is_hex(hash, 16)
}

/// Whether `text` is `len` lowercase hexadecimal digits.
pub(super) fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_with(vars: &[(&str, &str)]) -> Option<PathBuf> {
        base_from(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn an_empty_or_relative_variable_is_unset() {
        let home = ("HOME", "/home/a");
        assert_eq!(
            base_with(&[("PLANLINT_CACHE_DIR", ""), ("XDG_CACHE_HOME", ""), home]),
            Some(PathBuf::from("/home/a/.cache/planlint"))
        );
        assert_eq!(
            base_with(&[("XDG_CACHE_HOME", "cache"), home]),
            Some(PathBuf::from("/home/a/.cache/planlint"))
        );
        assert_eq!(base_with(&[("HOME", "")]), None);
        assert_eq!(base_with(&[("HOME", "a")]), None);
        assert_eq!(
            base_with(&[("XDG_CACHE_HOME", "/c"), home]),
            Some(PathBuf::from("/c/planlint"))
        );
        assert_eq!(
            base_with(&[("PLANLINT_CACHE_DIR", "/p"), ("XDG_CACHE_HOME", "/c")]),
            Some(PathBuf::from("/p"))
        );
    }

    #[test]
    fn build_folders_are_named_as_keys_make_them() {
        let key = build_key().unwrap();
        assert!(is_build_folder(&format!("{BUILD_PREFIX}{key}")));
        assert!(is_build_folder("extract-0.1.0-0123456789abcdef"));
        for other in [
            "extract-0.1.0-0123456789ABCDEF",
            "extract--0123456789abcdef",
            "extract-0.1.0-0123",
            "extract-0.1.0/x-0123456789abcdef",
            "notes",
            "extract-",
        ] {
            assert!(!is_build_folder(other), "{other}");
        }
    }
}
