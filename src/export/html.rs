//! One self-contained HTML page for offline intranets: the SVG drawing, the cascade's data as
//! JSON, and the viewer's style and script, all inline — no external script, font or style.

use super::{Cascade, json, svg};

const STYLE: &str = include_str!("assets/viewer.css");
const SCRIPT: &str = include_str!("assets/viewer.js");
/// The page's Content Security Policy: nothing from outside; of scripts only the viewer's
/// inline one, named by its SHA-256 (a line break, then `viewer.js`, base64), so nothing in the
/// data can ever execute. A unit test recomputes the hash; when viewer.js changes, put the new
/// value here. The review service sends the same policy as a header.
pub const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-WYu9a3Hco0GZpofPefOAlsLdw+JZfiTBtnol3CCie5I='";

pub fn to_html(cascade: &Cascade) -> serde_json::Result<String> {
    let data = super::escape::script_json(&json::to_json(cascade)?);
    let drawing = svg::to_svg(cascade);
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n<title>planlint · 规划级联 plan cascade</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<div id=\"canvas\">\n{drawing}</div>\n<aside id=\"panel\"><p class=\"hint\">点击一个方案查看其目标与上级目标对照及问题；悬停高亮其引用链。<br>Click a plan to see its targets beside its parents' and its findings; hover to highlight its chain.</p></aside>\n<script id=\"cascade-data\" type=\"application/json\">\n{data}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    ))
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use sha2::Digest;

    #[test]
    fn the_policy_names_the_viewers_script() {
        let digest = sha2::Sha256::digest(format!("\n{}", super::SCRIPT).as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert!(
            super::POLICY.contains(&format!("script-src 'sha256-{hash}'")),
            "viewer.js changed: update the hash in POLICY"
        );
    }
}
