//! The API says what the command line says, and each refusal has its status.

use std::io::Write as _;

use super::{Server, cli_json, drafts, uploads_left, workspace};

#[test]
fn the_json_for_each_draft_equals_the_clis() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    for (name, bytes) in drafts() {
        let expected = cli_json(dir.path(), &name);
        let form = server.upload("/api/v1/check?lang=zh", &name, &bytes, &[], &[]);
        assert_eq!(form.status, 200, "{name}: {}", form.text());
        assert_eq!(
            form.text(),
            String::from_utf8_lossy(&expected),
            "{name} (form)"
        );
        let raw = server.post(
            &format!("/api/v1/check?lang=zh&name={name}"),
            "application/octet-stream",
            &bytes,
            &[],
        );
        assert_eq!(
            raw.text(),
            String::from_utf8_lossy(&expected),
            "{name} (raw body)"
        );
        // The review's page offers the same bytes for download.
        let link = form.header("link").unwrap();
        let page = link.trim_start_matches('<').split('>').next().unwrap();
        let download = server.get(&format!("{page}/report.json?lang=zh"), &[]);
        assert_eq!(download.body, expected, "{name} (the page's download)");
    }
    assert_eq!(
        uploads_left(dir.path()),
        Vec::<String>::new(),
        "uploads are deleted once answered"
    );
}

#[test]
fn each_refusal_has_its_status() {
    let dir = workspace();
    let token = "correct-horse-battery";
    let server = Server::start(dir.path(), &["--token", token, "--max-upload-mb", "1"]);
    let bearer = format!("Bearer {token}");
    let auth = [("Authorization", bearer.as_str())];
    let draft = std::fs::read(dir.path().join("yantai-draft.txt")).unwrap();

    let none = server.upload("/api/v1/check", "yantai-draft.txt", &draft, &[], &[]);
    assert_eq!(none.status, 401);
    assert_eq!(none.header("www-authenticate"), Some("Bearer"));
    let wrong = server.upload(
        "/api/v1/check",
        "yantai-draft.txt",
        &draft,
        &[],
        &[("Authorization", "Bearer correct-horse-batterz")],
    );
    assert_eq!(wrong.status, 401);
    assert_eq!(
        server.get("/", &[]).status,
        401,
        "pages ask for the password"
    );
    assert!(server.get("/", &[]).text().contains("type=\"password\""));

    let ok = server.upload("/api/v1/check", "yantai-draft.txt", &draft, &[], &auth);
    assert_eq!(ok.status, 200, "{}", ok.text());
    let exe = server.upload("/api/v1/check", "setup.exe", b"MZ", &[], &auth);
    assert_eq!(exe.status, 415, "{}", exe.text());
    let form = "multipart/form-data; boundary=x";
    for (path, kind) in [
        ("/api/v1/check?name=big.txt", "text/plain"),
        ("/api/v1/check", form),
    ] {
        let too_large = server.send_streaming(path, kind, 2 << 20, &auth);
        assert!(too_large.starts_with("HTTP/1.1 413"), "{too_large}");
    }
    let not_a_zip = std::fs::read(
        crate::support::root().join("tests/fixtures/cli/bad-text/county/not-a-zip.docx"),
    )
    .unwrap();
    let unreadable = server.upload("/api/v1/check", "draft.docx", &not_a_zip, &[], &auth);
    assert_eq!(unreadable.status, 400, "{}", unreadable.text());
    assert_eq!(
        unreadable.json()["summary"]["errors"],
        1,
        "the JSON says why"
    );
    let empty = server.upload("/api/v1/check", "draft.txt", b"", &[], &auth);
    assert_eq!(empty.status, 400);
    let nowhere = server.upload(
        "/api/v1/check",
        "yantai-draft.txt",
        &draft,
        &[("jurisdiction", "没有这个地方市")],
        &auth,
    );
    assert_eq!(
        nowhere.status,
        400,
        "a place that names nothing: {}",
        nowhere.text()
    );

    // The password page sets a cookie that opens the pages.
    let refused = server.post(
        "/login",
        "application/x-www-form-urlencoded",
        b"password=nope",
        &[],
    );
    assert_eq!(refused.status, 401);
    let login = server.post(
        "/login",
        "application/x-www-form-urlencoded",
        format!("password={token}").as_bytes(),
        &[],
    );
    assert_eq!(login.status, 303);
    let cookie = login.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(
        !cookie.contains(token),
        "the cookie does not hold the password"
    );
    let session = cookie.split(';').next().unwrap();
    assert_eq!(server.get("/", &[("Cookie", session)]).status, 200);
}

#[test]
fn past_the_workers_and_the_queue_the_answer_is_503_with_retry_after() {
    let dir = workspace();
    let server = Server::start(dir.path(), &["--workers", "1", "--queue", "0"]);
    let draft = std::fs::read(dir.path().join("yantai-draft.txt")).unwrap();
    // A client that has sent half its draft holds the one place.
    let mut slow = server.post_head(
        "/api/v1/check?name=yantai-draft.txt",
        "text/plain",
        draft.len(),
        &[],
    );
    let half = draft.len() / 2;
    slow.write_all(&draft[..half]).unwrap();
    slow.flush().unwrap();
    server.wait_for("the slow upload to be admitted", |h| {
        h["checks_in_flight"] == 1
    });
    let busy = server.upload("/api/v1/check", "yantai-draft.txt", &draft, &[], &[]);
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(busy.header("retry-after"), Some("5"));
    let page = server.upload("/review", "yantai-draft.txt", &draft, &[], &[]);
    assert_eq!(page.status, 503);
    assert_eq!(page.header("retry-after"), Some("5"));
    // Its place is free again once it is answered.
    slow.write_all(&draft[half..]).unwrap();
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut slow, &mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    server.wait_for("the place to be free", |h| h["checks_in_flight"] == 0);
    let after = server.upload("/api/v1/check", "yantai-draft.txt", &draft, &[], &[]);
    assert_eq!(after.status, 200);
}

#[test]
fn an_upload_that_does_not_arrive_in_time_gives_its_place_back() {
    let dir = workspace();
    let server = Server::start(
        dir.path(),
        &["--workers", "1", "--queue", "0", "--check-timeout", "1"],
    );
    let mut stalled = server.post_head("/api/v1/check?name=x.txt", "text/plain", 1000, &[]);
    stalled.write_all("到2027年".as_bytes()).unwrap();
    let mut answer = String::new();
    std::io::Read::read_to_string(&mut stalled, &mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    server.wait_for("the place to be free", |h| h["checks_in_flight"] == 0);
    let draft = std::fs::read(dir.path().join("yantai-draft.txt")).unwrap();
    let after = server.upload("/api/v1/check", "yantai-draft.txt", &draft, &[], &[]);
    assert_eq!(after.status, 200);
}

#[test]
fn a_corpus_plan_and_its_table_by_id() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let search = server.get("/corpus?q=鲁政发", &[]);
    assert_eq!(search.status, 200);
    let page = search.text();
    let id = page
        .split("href=\"/corpus/plans/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let plan = server.get(&format!("/api/v1/plans/{id}?lang=zh"), &[]);
    assert_eq!(plan.status, 200, "{}", plan.text());
    let plan = plan.json();
    assert_eq!(plan["jurisdiction"]["name"], "山东省");
    assert_eq!(
        plan["parents"][0]["name"],
        "国发〔2024〕7号（中华人民共和国）"
    );
    let table = server.get(&format!("/api/v1/compare?plan={id}&lang=zh"), &[]);
    assert_eq!(table.status, 200);
    // The same table `planlint compare` prints.
    let cli = crate::support::planlint()
        .current_dir(dir.path())
        .args([
            "compare",
            &format!("plans/{id}"),
            "--format",
            "json",
            "--lang",
            "zh",
        ])
        .output()
        .unwrap();
    assert_eq!(table.text(), String::from_utf8_lossy(&cli.stdout));
    assert_eq!(table.json(), plan["comparison"]);
    let missing = server.get("/api/v1/plans/no/such.yaml", &[]);
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].is_string());
}

#[test]
fn the_openapi_description_names_every_route() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let spec = server.get("/api/v1/openapi.json", &[]);
    assert_eq!(spec.status, 200);
    let json = spec.json();
    for path in [
        "/api/v1/check",
        "/api/v1/plans/{id}",
        "/api/v1/compare",
        "/api/v1/health",
    ] {
        assert!(json["paths"][path].is_object(), "{path} is not described");
    }
    insta::assert_snapshot!(spec.text());
}

#[test]
fn listening_beyond_loopback_needs_a_token_or_no_auth() {
    let out = crate::support::planlint()
        .args(["serve", "--addr", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--token") && stderr.contains("--no-auth"),
        "{stderr}"
    );
    let short = crate::support::planlint()
        .args(["serve", "--token", "short"])
        .output()
        .unwrap();
    assert_eq!(short.status.code(), Some(2));
}

#[test]
fn keep_saves_each_upload_and_its_json_and_nothing_is_kept_without_it() {
    let dir = workspace();
    let kept = dir.path().join("kept");
    let server = Server::start(dir.path(), &["--keep", kept.to_str().unwrap()]);
    let draft = std::fs::read(dir.path().join("yantai-draft.txt")).unwrap();
    let answer = server.upload(
        "/api/v1/check?lang=zh",
        "yantai-draft.txt",
        &draft,
        &[],
        &[],
    );
    assert_eq!(answer.status, 200);
    let link = answer.header("link").unwrap();
    let id = link
        .trim_start_matches("</review/")
        .split('>')
        .next()
        .unwrap();
    assert_eq!(
        std::fs::read(kept.join(id).join("yantai-draft.txt")).unwrap(),
        draft
    );
    assert_eq!(
        std::fs::read(kept.join(id).join("report.json")).unwrap(),
        answer.body
    );
    assert_eq!(uploads_left(dir.path()), Vec::<String>::new());
}

#[test]
fn sigterm_stops_the_service_cleanly() {
    let dir = workspace();
    let mut server = Server::start(dir.path(), &[]);
    let status = std::process::Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.wait_exit(std::time::Duration::from_secs(30));
    assert_eq!(exit, Some(0), "log:\n{}", server.log());
    assert!(server.log().contains("planlint serve: stopped"));
    let left: Vec<_> = std::fs::read_dir(dir.path().join("tmp"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the corpus copy is removed on exit"
    );
}
