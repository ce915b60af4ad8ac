//! A .docx is checked as Word shows it. Each trick below hides a weaker target from a reader
//! of the raw XML while Word (and LibreOffice, whose text export is the reference here) shows
//! it: a decoy `word/document.xml` beside the main part the relationships name, hidden text
//! (`w:vanish`), a character drawn by `w:sym`, CDATA, an element of an ignorable namespace, an
//! `mc:AlternateContent` whose Choice and Fallback differ, and white 1-point text. Every draft
//! is built here as raw XML. (LibreOffice's text export keeps hidden text that no page shows;
//! for that trick the reference is the page, and the export's extra figure is what planlint
//! reports as `hidden-text`.)

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::graph::tool;
use crate::support::{json_diagnostics, planlint};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const MAIN_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/// A run of plain text.
pub(crate) fn run(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

/// 平度市's draft with `figure` (runs) after 数控化率超过 in its 2027 target.
pub(crate) fn document(figure: &str) -> String {
    let paragraph = |runs: &str| format!("<w:p>{runs}</w:p>");
    let body = [
        paragraph(&run("平度市人民政府关于印发平度市推动大规模设备更新和消费品以旧换新实施方案的通知")),
        paragraph(&run("为贯彻落实《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号）精神，结合我市实际，制定本方案。")),
        paragraph(&run("一、主要目标")),
        paragraph(&format!(
            "{}{figure}{}",
            run("到2027年，规模以上工业企业关键工序数控化率超过"),
            run("。")
        )),
    ]
    .concat();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\" xmlns:mc=\"{MC}\" xmlns:x=\"urn:example:decoy\" mc:Ignorable=\"x\"><w:body>{body}</w:body></w:document>"
    )
}

/// A package holding `parts` (name, XML), with the main part `main`.
pub(crate) fn package(path: &Path, main: &str, parts: &[(&str, String)]) {
    let types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/{main}\" ContentType=\"{MAIN_TYPE}\"/></Types>"
    );
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{OFFICE_DOCUMENT}\" Target=\"{main}\"/></Relationships>"
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for (name, xml) in [("[Content_Types].xml", types), ("_rels/.rels", rels)]
        .into_iter()
        .chain(parts.iter().map(|(n, x)| (*n, x.clone())))
    {
        zip.start_file(name, options).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// A trick: its name, the draft's parts (name, XML) and main part, what Word shows after 超过,
/// and whether it is reported as `hidden-text`.
type Trick = (
    &'static str,
    Vec<(&'static str, String)>,
    &'static str,
    &'static str,
    bool,
);

fn tricks() -> Vec<Trick> {
    let main = "word/document.xml";
    let one = |figure: String| vec![(main, document(&figure))];
    vec![
        ("plain", one(run("70%")), main, "70%", false),
        (
            "decoy-main-part",
            vec![
                (main, document(&run("80%"))),
                ("word/shown.xml", document(&run("70%"))),
            ],
            "word/shown.xml",
            "70%",
            false,
        ),
        (
            "vanish",
            one(format!(
                "{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>5</w:t></w:r>{}",
                run("7"),
                run("0%")
            )),
            main,
            "70%",
            true,
        ),
        (
            "sym",
            one(format!(
                "{}<w:r><w:sym w:font=\"Times New Roman\" w:char=\"002E\"/></w:r>{}",
                run("7"),
                run("5%")
            )),
            main,
            "7.5%",
            false,
        ),
        (
            "cdata",
            one("<w:r><w:t><![CDATA[70%]]></w:t></w:r>".to_string()),
            main,
            "70%",
            false,
        ),
        (
            "ignorable",
            one(format!(
                "{}<x:r><w:r><w:t>5</w:t></w:r></x:r>{}",
                run("7"),
                run("0%")
            )),
            main,
            "70%",
            true,
        ),
        (
            "alternate-content",
            one(format!(
                "<mc:AlternateContent><mc:Choice Requires=\"x\">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>",
                run("80%"),
                run("70%")
            )),
            main,
            "70%",
            true,
        ),
        (
            "white-tiny",
            one(format!(
                "{}<w:r><w:rPr><w:color w:val=\"FFFFFF\"/><w:sz w:val=\"2\"/></w:rPr><w:t>5</w:t></w:r>{}",
                run("7"),
                run("0%")
            )),
            main,
            "750%",
            true,
        ),
    ]
}

/// The drafts written into `dir`, one per trick.
fn drafts(dir: &Path) -> Vec<(PathBuf, &'static str, &'static str, bool)> {
    tricks()
        .into_iter()
        .map(|(name, parts, main, shown, hidden)| {
            let path = dir.join(format!("{name}.docx"));
            package(&path, main, &parts);
            (path, name, shown, hidden)
        })
        .collect()
}

fn check(draft: &Path) -> (Option<i32>, Vec<Value>) {
    let out = planlint()
        .arg("check")
        .arg(draft)
        .args(["--corpus", "plans", "--format", "json"])
        .output()
        .unwrap();
    (out.status.code(), json_diagnostics(&out.stdout))
}

/// What planlint reads is what Word shows: the weaker 2027 target is an error at the figure
/// Word shows (7.5% for the `w:sym` point), and hidden, white or tiny figures are reported.
#[test]
fn every_trick_is_checked_as_word_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    for (draft, name, shown, hidden) in drafts(dir.path()) {
        let (code, findings) = check(&draft);
        let messages: Vec<&str> = findings
            .iter()
            .map(|d| d["message_en"].as_str().unwrap_or_default())
            .collect();
        let reported = |code: &str| findings.iter().any(|d| d["code"] == code);
        assert_eq!(reported("hidden-text"), hidden, "{name}: {messages:#?}");
        if name == "white-tiny" {
            continue;
        }
        let weaker = findings
            .iter()
            .find(|d| d["code"] == "weaker-target")
            .unwrap_or_else(|| panic!("{name}: no weaker-target: {messages:#?}"));
        let message = weaker["message_en"].as_str().unwrap();
        assert!(
            message.contains(&format!("more than {shown}")),
            "{name}: {message}"
        );
        assert_eq!(code, Some(1), "{name}");
    }
}

/// LibreOffice's own text of each draft shows the figure the test expects Word to show, so
/// the tricks are real and the expectations are a renderer's, not planlint's.
#[test]
fn libreoffice_shows_what_the_test_expects() {
    let Some(soffice) = tool("soffice") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let drafts = drafts(dir.path());
    let out = dir.path().join("txt");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
        ])
        .arg(&out)
        .args(drafts.iter().map(|(path, ..)| path))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    for (draft, name, shown, _) in &drafts {
        let text_path = out.join(draft.with_extension("txt").file_name().unwrap());
        let text = std::fs::read_to_string(&text_path)
            .unwrap_or_else(|e| panic!("{name}: {e}: {}", String::from_utf8_lossy(&status.stderr)));
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        // LibreOffice's text export keeps hidden text, which neither it nor Word shows on the
        // page or prints: planlint checks the page and reports what the export adds.
        // LibreOffice reads the content of an unknown ignorable element, which Word, per the
        // markup-compatibility rules, skips: planlint checks Word's page and reports the rest.
        let shown = match *name {
            "vanish" | "ignorable" => "750%",
            _ => shown,
        };
        assert!(
            text.contains(&format!("数控化率超过{shown}。")),
            "{name}: LibreOffice shows {text}"
        );
    }
}
