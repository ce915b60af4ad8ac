//! The pages: the form works without a script, a review shows its findings marked in the text
//! and offers its downloads, every value is escaped, nothing comes from outside, and the
//! corpus is reloaded when its files change.

use super::{Server, workspace};

/// Uploads `name` through the form and gives the review page's path.
fn review_of(server: &Server, name: &str, bytes: &[u8], fields: &[(&str, &str)]) -> String {
    let posted = server.upload("/review", name, bytes, fields, &[]);
    assert_eq!(posted.status, 303, "{}", posted.text());
    posted.header("location").unwrap().to_string()
}

#[test]
fn a_review_marks_each_finding_in_the_text_and_offers_its_downloads() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let form = server.get("/", &[]);
    assert_eq!(form.status, 200);
    assert!(form.text().contains("enctype=\"multipart/form-data\""));
    assert!(form.text().contains("上传草案"), "Chinese first");

    let draft = std::fs::read(dir.path().join("pingdu-word.docx")).unwrap();
    let page_path = review_of(&server, "pingdu-word.docx", &draft, &[]);
    let page = server.get(&page_path, &[]);
    assert_eq!(page.status, 200);
    let html = page.text();
    // Errors first: the first finding is the weaker target, and its link leads to its mark.
    let first = html.split("<li class=\"finding ").nth(1).unwrap();
    assert!(first.starts_with("error"), "{first}");
    assert!(first.contains("weaker-target"));
    let mark = first
        .split("href=\"#")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let marked = html.split(&format!("<mark id=\"{mark}\"")).nth(1).unwrap();
    assert!(marked.contains("class=\"error\""), "{marked}");
    assert!(html.contains("归属地区") && html.contains("平度市"));
    assert!(html.contains("鲁政发〔2024〕3号"), "the parent chain");

    let annotated = server.get(&format!("{page_path}/annotated.docx"), &[]);
    assert_eq!(annotated.status, 200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(annotated.body.clone())).unwrap();
    assert!(
        zip.by_name("word/comments.xml").is_ok(),
        "the copy has comments"
    );
    let disposition = annotated.header("content-disposition").unwrap();
    assert!(
        disposition.contains("filename*=UTF-8''pingdu-word-"),
        "{disposition}"
    );
    let csv = server.get(&format!("{page_path}/comparison.csv"), &[]);
    assert_eq!(csv.status, 200);
    assert!(csv.text().contains("数控化率"));
    let table = server.get(&format!("{page_path}/comparison.docx"), &[]);
    assert!(table.body.starts_with(b"PK"));

    // English by the switch, remembered by a cookie.
    let english = server.get(&format!("{page_path}?lang=en"), &[]);
    assert!(english.text().contains("Placement"));
    let cookie = english.header("set-cookie").unwrap();
    assert!(cookie.starts_with("planlint_lang=en"));
    let next = server.get("/", &[("Cookie", "planlint_lang=en")]);
    assert!(next.text().contains("Check a draft"));
}

#[test]
fn every_page_forbids_outside_sources_and_escapes_the_drafts_words() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let hostile = "济南市人民政府关于印发<script>alert(1)</script>济南市推动大规模设备更新实施方案的通知\n\
                   为贯彻落实《山东省推动大规模设备更新和消费品以旧换新实施方案》（鲁政发〔2024〕3号），结合我市实际，制定本方案。\n\
                   到2027年，规模以上工业企业关键工序数控化率超过70%\"><img src=x onerror=alert(2)>。\n";
    let page_path = review_of(&server, "<i>x.txt", hostile.as_bytes(), &[]);
    let page = server.get(&page_path, &[]);
    let html = page.text();
    assert!(
        !html.contains("<script>alert"),
        "a script in the text stays text"
    );
    assert!(
        !html.contains("<img src=x"),
        "markup in the text stays text"
    );
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains("<i>x"), "the file name is escaped too");
    assert!(html.contains("&lt;i&gt;x.txt"));
    for path in [
        page_path.as_str(),
        "/",
        "/corpus",
        "/corpus/cascade",
        "/login",
    ] {
        let answer = server.get(path, &[]);
        let policy = answer.header("content-security-policy").unwrap_or_default();
        assert!(policy.contains("default-src 'none'"), "{path}: {policy}");
        assert!(
            !policy.contains("http"),
            "{path}: no outside source: {policy}"
        );
        assert_eq!(answer.header("x-content-type-options"), Some("nosniff"));
        let text = answer.text();
        for outside in ["src=\"http", "href=\"http", "url(http", "@import"] {
            assert!(!text.contains(outside), "{path} refers outside: {outside}");
        }
    }
    let style = server.get("/assets/style.css", &[]);
    assert!(
        !style.text().contains("http"),
        "no font or image from outside"
    );
}

#[test]
fn a_draft_whose_place_is_open_is_placed_by_the_reviewer_never_guessed() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let draft = "关于印发推动大规模设备更新和消费品以旧换新实施方案的通知\n\
                 为贯彻落实《山东省推动大规模设备更新和消费品以旧换新实施方案》（鲁政发〔2024〕3号），结合我市实际，制定本方案。\n\
                 到2027年，规模以上工业企业关键工序数控化率超过70%。\n";
    let page_path = review_of(&server, "no-place.txt", draft.as_bytes(), &[]);
    let html = server.get(&page_path, &[]).text();
    assert!(html.contains("planlint 不会猜测"), "{html}");
    assert!(html.contains(&format!("action=\"{page_path}/place\"")));
    let placed = server.post(
        &format!("{page_path}/place"),
        "application/x-www-form-urlencoded",
        "jurisdiction=%E5%B9%B3%E5%BA%A6%E5%B8%82".as_bytes(),
        &[],
    );
    assert_eq!(placed.status, 303, "{}", placed.text());
    let review = server.get(placed.header("location").unwrap(), &[]).text();
    assert!(review.contains("平度市"), "{review}");
    assert!(review.contains("weaker-target"));
}

#[test]
fn a_name_several_places_share_offers_each_to_pick() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let draft = std::fs::read(dir.path().join("gulou-draft.txt")).unwrap();
    let page_path = review_of(&server, "gulou-draft.txt", &draft, &[]);
    let html = server.get(&page_path, &[]).text();
    let buttons: Vec<&str> = html
        .split("<button type=\"submit\" name=\"jurisdiction\" value=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    assert_eq!(buttons, ["320106", "320302", "350102", "410204"], "{html}");
    let placed = server.post(
        &format!("{page_path}/place"),
        "application/x-www-form-urlencoded",
        b"jurisdiction=350102",
        &[],
    );
    assert_eq!(placed.status, 303);
    let review = server.get(placed.header("location").unwrap(), &[]).text();
    assert!(review.contains("鼓楼区（350102）"), "{review}");
    assert!(review.contains("福建省"));
}

#[test]
fn the_corpus_is_reloaded_when_its_files_change() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let before = server.get("/healthz", &[]).json();
    assert_eq!(before["corpus_generation"], 1);
    let plans = before["plans"].as_u64().unwrap();
    let found = walkdir::WalkDir::new(dir.path().join("plans"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| p.to_string_lossy().ends_with(".yaml") && !p.ends_with("jurisdiction.yaml"))
        .unwrap();
    std::fs::remove_file(&found).unwrap();
    server.wait_for("the reload", |h| h["corpus_generation"].as_u64() >= Some(2));
    server.wait_for("the plan to be gone", |h| {
        h["plans"].as_u64() == Some(plans - 1)
    });
    assert!(server.log().contains("corpus reloaded"));
    // The first generation's copy of the corpus is removed once nothing holds it.
    let copies = || {
        std::fs::read_dir(dir.path().join("tmp"))
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("planlint-corpus-")
            })
            .count()
    };
    let started = std::time::Instant::now();
    while copies() > 1 && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(copies(), 1, "one copy, the current generation's");
    let search = server.get("/corpus", &[]);
    assert_eq!(search.status, 200);
}
