//! `planlint serve`, started for real: the binary on a loopback socket in a workspace of its
//! own (a copy of plans/ and the drafts), talked to over HTTP. Each module tests one side:
//! the API against the CLI, the pages, hostile uploads, the corpus reload, a load of 200
//! concurrent uploads, and a real browser.

mod api;
mod browser;
mod hostile;
mod load;
mod pages;

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{copy_tree, planlint, root};

/// A running service, stopped when dropped.
pub(crate) struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub(crate) base: String,
    /// Everything it logged.
    log: Arc<Mutex<String>>,
    agent: ureq::Agent,
}

/// An answer: status, headers (names in lower case), body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

impl Server {
    /// Starts `planlint serve` in `dir` (which holds `plans/`) with `args`, on a free port.
    pub(crate) fn start(dir: &Path, args: &[&str]) -> Server {
        let tmp = dir.join("tmp");
        std::fs::create_dir_all(&tmp).unwrap();
        let mut child = planlint()
            .current_dir(dir)
            .env("TMPDIR", &tmp)
            .args(["serve", "--corpus", "plans", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("planlint serve: http://").nth(1) {
                    let addr = rest.split('/').next().unwrap_or_default().to_string();
                    let _ = tx.send(addr);
                }
                let mut log = kept.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let Ok(addr) = rx.recv_timeout(Duration::from_secs(120)) else {
            let _ = child.kill();
            panic!("the service did not start:\n{}", log.lock().unwrap());
        };
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(180)))
            .build()
            .new_agent();
        Server {
            child,
            base: format!("http://{addr}"),
            log,
            agent,
        }
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    pub(crate) fn get(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        answer(request.call())
    }

    /// Posts `body` as it is, with `content_type`.
    pub(crate) fn post(
        &self,
        path: &str,
        content_type: &str,
        body: &[u8],
        headers: &[(&str, &str)],
    ) -> Answer {
        let mut request = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Content-Type", content_type);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        answer(request.send(body))
    }

    /// Posts a form with the file `name` holding `bytes`, and `fields`.
    pub(crate) fn upload(
        &self,
        path: &str,
        name: &str,
        bytes: &[u8],
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Answer {
        let (content_type, body) = multipart(name, bytes, fields);
        self.post(path, &content_type, &body, headers)
    }

    /// Waits (up to a minute) until `ready` holds of the health answer.
    pub(crate) fn wait_for(&self, what: &str, ready: impl Fn(&serde_json::Value) -> bool) {
        let started = Instant::now();
        loop {
            let health = self.get("/healthz", &[]);
            if health.status == 200 && ready(&health.json()) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "waited a minute for {what}; last health: {}\nlog:\n{}",
                health.text(),
                self.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Opens a connection and sends the head of a POST to `path` declaring a body of `size`
    /// bytes; the body is the caller's to send, in part or whole.
    pub(crate) fn post_head(
        &self,
        path: &str,
        content_type: &str,
        size: usize,
        headers: &[(&str, &str)],
    ) -> std::net::TcpStream {
        use std::io::Write as _;
        let host = self.base.trim_start_matches("http://").to_string();
        let mut stream = std::net::TcpStream::connect(&host).unwrap();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\nContent-Length: {size}\r\n"
        )
        .unwrap();
        for (name, value) in headers {
            write!(stream, "{name}: {value}\r\n").unwrap();
        }
        write!(stream, "Connection: close\r\n\r\n").unwrap();
        stream
    }

    /// Sends `size` bytes to `path` (the body streamed by a second thread, as a client would,
    /// so a refusal before the body is read is seen) and gives the answer's status line.
    pub(crate) fn send_streaming(
        &self,
        path: &str,
        content_type: &str,
        size: usize,
        headers: &[(&str, &str)],
    ) -> String {
        use std::io::{Read as _, Write as _};
        let mut stream = self.post_head(path, content_type, size, headers);
        let mut writer = stream.try_clone().unwrap();
        let sending = std::thread::spawn(move || {
            let chunk = vec![b' '; 1024 * 1024];
            let mut left = size;
            while left > 0 {
                let n = left.min(chunk.len());
                if writer.write_all(&chunk[..n]).is_err() {
                    break;
                }
                left -= n;
            }
        });
        let mut status = Vec::new();
        let mut byte = [0u8; 1];
        while !status.ends_with(b"\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
            status.push(byte[0]);
        }
        let _ = stream.shutdown(std::net::Shutdown::Both);
        let _ = sending.join();
        String::from_utf8_lossy(&status).into_owned()
    }

    /// Waits up to `limit` for the service to end, and gives its exit code.
    pub(crate) fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the log reader take the last lines.
                std::thread::sleep(Duration::from_millis(100));
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// The service's peak resident memory so far, in KiB (Linux).
    pub(crate) fn peak_kib(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = result.unwrap();
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(200 * 1024 * 1024)
        .read_to_vec()
        .unwrap();
    Answer {
        status,
        headers,
        body,
    }
}

/// A multipart/form-data body: the file, then the fields.
pub(crate) fn multipart(name: &str, bytes: &[u8], fields: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "planlint-test-boundary-7d3f9a";
    let mut body = Vec::new();
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(bytes);
    body.extend(b"\r\n");
    for (field, value) in fields {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A workspace: a copy of plans/ and the drafts the tests upload, at its top.
pub(crate) fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("plans"), &dir.path().join("plans"));
    for (name, bytes) in drafts() {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// The drafts of tests/ (the placement fixtures), a Word draft of 平度市, and two issued plans
/// as their PDF and OFD (安丘市's, and the seed 002).
pub(crate) fn drafts() -> Vec<(String, Vec<u8>)> {
    let mut drafts: Vec<(String, Vec<u8>)> =
        std::fs::read_dir(root().join("tests/fixtures/places"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with("-draft.txt"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(&p).unwrap())
            })
            .collect();
    drafts.sort();
    let docx = tempfile::tempdir().unwrap();
    let path: PathBuf = docx.path().join("pingdu-word.docx");
    crate::docx_tricks::package(
        &path,
        "word/document.xml",
        &[(
            "word/document.xml",
            crate::docx_tricks::document(&crate::docx_tricks::run("70%")),
        )],
    );
    drafts.push((
        "pingdu-word.docx".to_string(),
        std::fs::read(&path).unwrap(),
    ));
    drafts
}

/// What `planlint check NAME --corpus plans --format json --lang zh` prints in `dir`.
pub(crate) fn cli_json(dir: &Path, name: &str) -> Vec<u8> {
    let out = planlint()
        .current_dir(dir)
        .args([
            "check", name, "--corpus", "plans", "--format", "json", "--lang", "zh",
        ])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The upload folders left in the service's temporary folder.
pub(crate) fn uploads_left(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir.join("tmp"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("planlint-upload-"))
                .collect()
        })
        .unwrap_or_default()
}
