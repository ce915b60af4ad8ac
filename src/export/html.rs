//! One self-contained HTML page for offline intranets: the SVG drawing, the cascade's data as
//! JSON, and the viewer's style and script, all inline — no external script, font or style.

use super::{Cascade, json, svg};

const STYLE: &str = include_str!("assets/viewer.css");
const SCRIPT: &str = include_str!("assets/viewer.js");

pub fn to_html(cascade: &Cascade) -> serde_json::Result<String> {
    let data = super::escape::script_json(&json::to_json(cascade)?);
    let drawing = svg::to_svg(cascade);
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>planlint · 规划级联 plan cascade</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<div id=\"canvas\">\n{drawing}</div>\n<aside id=\"panel\"><p class=\"hint\">点击一个方案查看其目标与上级目标对照及问题；悬停高亮其引用链。<br>Click a plan to see its targets beside its parents' and its findings; hover to highlight its chain.</p></aside>\n<script id=\"cascade-data\" type=\"application/json\">\n{data}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    ))
}
