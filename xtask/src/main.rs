//! `cargo xtask <job>`: everything a newcomer or CI needs, with nothing but cargo installed first.
//!
//! - `run`   installs what is missing, builds the client, starts the portal with demo data.
//! - `test`  installs what is missing, then fmt, clippy, unit, API (SQLite and PostgreSQL),
//!   the release client build and the browser tests; ends with one line of counts.
//! - `bench` runs the benchmarks on SQLite (bill list, Green Button, a 500-site organisation,
//!   a storm on the outage list).
//! - `dist`  only builds the client into `dist/`.
//! - `lighthouse` measures five pages' first visit with Lighthouse 12 (mobile defaults).

mod compress;
mod fingerprint;
mod lighthouse;
mod minify;
mod tools;

use std::env;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The PostgreSQL the API tests use when `GRIDCARE_TEST_POSTGRES_URL` is not set.
const DEFAULT_TEST_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A failed step: what to tell the person.
pub struct Failure(pub String);

type Result<T = ()> = std::result::Result<T, Failure>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let job = args.first().map(String::as_str).unwrap_or("help");
    let rest = &args[args.len().min(1)..];
    let outcome = match job {
        "run" => run(rest),
        "test" => test(),
        "bench" => bench(),
        "dist" => tools::ensure_build_tools().and_then(|t| build_client_always(&t)),
        "lighthouse" => lighthouse::lighthouse(),
        _ => {
            eprintln!(
                "usage: cargo xtask <job>\n\n  run [ARGS]  set up and start the portal with demo data (ARGS go to the server)\n  test        set up and run every check\n  bench       run the benchmarks on SQLite\n  dist        build the web client into dist/\n  lighthouse  measure the first visit to five pages with Lighthouse 12 (mobile)"
            );
            return if job == "help" || job == "--help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder above this crate). Read when run, not when built: cargo
/// names the manifest's folder to the program it runs, and a target folder shared between two
/// checkouts would otherwise hand one of them an xtask that works on the other.
pub fn root() -> PathBuf {
    let here = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where cargo puts build output.
fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}

/// Prints a step's heading.
pub fn step(what: &str) {
    println!("==> {what}");
}

/// A command run from the workspace root with the project's tools on PATH.
pub fn cmd(program: &str, tools: &tools::Tools) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", &tools.path);
    c
}

/// Runs a command, failing with its name when it fails.
pub fn check(mut c: Command, what: &str) -> Result {
    match c.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(Failure(format!("{what} failed ({s})"))),
        Err(e) => Err(Failure(format!("{what} could not start: {e}"))),
    }
}

/// The browser clients: every `*.html` at the top that holds a Trunk `rust` link, the portal
/// (`index.html`, which goes to the top of `dist/`) first. `gridcare::api::clients`
/// names the same clients; a unit test there checks each one has its file here.
fn clients() -> Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(root())
        .map_err(|e| Failure(format!("cannot list the workspace: {e}")))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".html"))
        .filter(|name| {
            std::fs::read_to_string(root().join(name))
                .is_ok_and(|html| html.contains("data-trunk rel=\"rust\""))
        })
        .collect();
    names.sort_by_key(|name| (name != "index.html", name.clone()));
    if names.first().map(String::as_str) != Some("index.html") {
        return Err(Failure(
            "index.html (the customer portal) is missing".into(),
        ));
    }
    Ok(names)
}

/// Builds the web clients into `dist/`, unless nothing they are built from has changed since the
/// last build (`fingerprint`).
fn build_client(tools: &tools::Tools) -> Result {
    let stamp = target_dir().join("clients/built-from");
    let now = fingerprint::of(&root()).to_string();
    let dist = root().join("dist");
    let complete = clients()?
        .iter()
        .all(|html| client_folder(&dist, html).join("index.html").is_file());
    if complete && std::fs::read_to_string(&stamp).is_ok_and(|s| s == now) {
        step("the web clients in dist/ are built from these sources already");
        return Ok(());
    }
    let _ = std::fs::remove_file(&stamp);
    build_client_always(tools)?;
    let _ = std::fs::create_dir_all(target_dir().join("clients"));
    let _ = std::fs::write(&stamp, now);
    Ok(())
}

/// Where a client (`index.html`, `staff.html`, …) lives in `dist/`: the portal at the top,
/// every other client in `dist/<name>/`, served from `/<name>/`.
fn client_folder(dist: &std::path::Path, html: &str) -> PathBuf {
    match html.trim_end_matches(".html") {
        "index" => dist.to_path_buf(),
        name => dist.join(name),
    }
}

/// Builds every web client in release mode into its `client_folder`, then pre-compresses them
/// (`cargo xtask dist` always does).
fn build_client_always(tools: &tools::Tools) -> Result {
    step("building the web clients (trunk build --release --offline)");
    let started = Instant::now();
    // Trunk passes --offline to cargo, so the crates must be in the local registry first.
    let mut fetch = cmd("cargo", tools);
    fetch.args(["fetch", "--target", "wasm32-unknown-unknown"]);
    check(fetch, "cargo fetch")?;
    // Two lanes build two clients at a time, each in a target folder of its own (cargo locks
    // a target folder for one build): a client's optimised link runs on one core, so two
    // lanes keep both cores busy. Each client is built into `dist.new/<name>` and the finished
    // set replaces `dist/` at the end (Trunk empties the folder it builds into).
    let staging = root().join("dist.new");
    let _ = std::fs::remove_dir_all(&staging);
    let clients = clients()?;
    let lanes: Vec<Vec<&String>> = (0..2)
        .map(|lane| clients.iter().skip(lane).step_by(2).collect())
        .collect();
    let results: Vec<Result<Vec<String>>> = std::thread::scope(|s| {
        let handles: Vec<_> = lanes
            .iter()
            .enumerate()
            .map(|(lane, htmls)| {
                let staging = &staging;
                s.spawn(move || {
                    let target = target_dir().join("clients").join((lane + 1).to_string());
                    htmls
                        .iter()
                        .map(|html| build_one_client(tools, html, staging, &target))
                        .collect::<Result<Vec<String>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure("a client build panicked".into())))
            })
            .collect()
    });
    let mut sizes = Vec::new();
    for lane in results {
        sizes.extend(lane?);
    }
    let dist = root().join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    let moved = |from: &std::path::Path, to: &std::path::Path| {
        std::fs::rename(from, to).map_err(|e| {
            Failure(format!(
                "moving {} to {}: {e}",
                from.display(),
                to.display()
            ))
        })
    };
    // The portal first: it makes `dist/`, which holds the others.
    for html in &clients {
        moved(
            &staging.join(html.trim_end_matches(".html")),
            &client_folder(&dist, html),
        )?;
    }
    let _ = std::fs::remove_dir_all(&staging);
    sizes.sort_by_key(|line| clients.iter().position(|h| line.contains(h.as_str())));
    println!(
        "    built in {:.0} s\n{}",
        started.elapsed().as_secs_f64(),
        sizes.join("\n")
    );
    Ok(())
}

/// Builds one client (`index.html` is the portal, served from `/`) into `staging/<name>` with
/// its own cargo target folder, pre-compresses it, and returns its size line.
fn build_one_client(
    tools: &tools::Tools,
    html: &str,
    staging: &std::path::Path,
    target: &std::path::Path,
) -> Result<String> {
    let name = html.trim_end_matches(".html");
    let public_url = if name == "index" {
        "/".to_string()
    } else {
        format!("/{name}/")
    };
    let dist = staging.join(name);
    let mut trunk = cmd("trunk", tools);
    trunk.env("CARGO_TARGET_DIR", target);
    // `--offline` takes an optional value, so it comes last.
    trunk.args(["build", html, "--release", "--dist"]);
    trunk.arg(&dist);
    trunk.args(["--public-url", &public_url, "--offline"]);
    check(trunk, &format!("trunk build {html}"))?;
    minify::minify(&tools.esbuild, &dist)
        .map_err(|e| Failure(format!("minifying {}: {e}", dist.display())))?;
    name_loader_by_content(&dist, &public_url)
        .map_err(|e| Failure(format!("naming the loader in {}: {e}", dist.display())))?;
    let size = compress::precompress(&dist)
        .map_err(|e| Failure(format!("compressing {}: {e}", dist.display())))?;
    Ok(format!("    {html} ({public_url}), first load {size}"))
}

/// Renames `dist/<stem>.js` to `<stem>-<hash of its bytes>.js`, after replacing `from` with
/// `to` in it when asked (and found); returns the new name.
fn name_by_content(
    dist: &std::path::Path,
    stem: &str,
    replace: Option<(&str, &str)>,
) -> std::io::Result<String> {
    let file = dist.join(format!("{stem}.js"));
    let mut text = std::fs::read_to_string(&file)?;
    if let Some((from, to)) = replace {
        if !text.contains(from) {
            return Err(std::io::Error::other(format!(
                "{stem}.js does not name {from}"
            )));
        }
        text = text.replace(from, to);
    }
    let name = format!("{stem}-{:016x}.js", minify::hash(text.as_bytes()));
    std::fs::write(dist.join(&name), text)?;
    std::fs::remove_file(&file)?;
    Ok(name)
}

/// Renames the client's loader (`boot.js`, copied by Trunk without a hash) to a name with a hash
/// of its bytes, as Trunk names the program (`boot-0123456789abcdef.js`), and points the page at
/// it: the server then sends it as immutable and the service worker keeps it with the program,
/// so a second visit downloads none of it and a new release's loader is a new name.
fn name_loader_by_content(dist: &std::path::Path, public_url: &str) -> std::io::Result<()> {
    // The loader's occasional part (`notes.js`) first: the loader names it, so its new name
    // is part of the loader's bytes.
    let notes = name_by_content(dist, "notes", None)?;
    let name = name_by_content(
        dist,
        "boot",
        Some(("\"notes.js\"", &format!("\"{notes}\""))),
    )?;
    let page = dist.join("index.html");
    let html = std::fs::read_to_string(&page)?;
    let before = format!("src=\"{public_url}boot.js\"");
    if !html.contains(&before) {
        return Err(std::io::Error::other(format!(
            "index.html does not load {before}"
        )));
    }
    std::fs::write(
        &page,
        html.replace(&before, &format!("src=\"{public_url}{name}\"")),
    )
}

/// `cargo xtask run`: set up, build, start with demo data; Ctrl-C stops the server.
/// `cargo build` of the server binary (debug), as `run` and `lighthouse` start it.
fn server_build(tools: &tools::Tools) -> Command {
    let mut build = cmd("cargo", tools);
    build.args([
        "build",
        "-p",
        "gridcare",
        "--features",
        "ssr",
        "--bin",
        "gridcare",
    ]);
    build
}

fn run(server_args: &[String]) -> Result {
    let tools = tools::ensure_build_tools()?;
    // The server builds alongside the clients (in its own target folder), so a first run
    // keeps both cores busy while a client's link runs on one.
    step("building the server, alongside the web clients");
    let build = server_build(&tools);
    let server = std::thread::spawn(move || check(build, "cargo build"));
    let clients = build_client(&tools);
    server
        .join()
        .unwrap_or_else(|_| Err(Failure("the server build panicked".into())))?;
    clients?;
    step("starting GridCare (database created and migrated on start; Ctrl-C stops it)");
    let mut server = cmd(
        &target_dir().join("debug/gridcare").to_string_lossy(),
        &tools,
    );
    server.args(server_args);
    if env::var_os("GRIDCARE_DEMO").is_none() {
        server.env("GRIDCARE_DEMO", "1");
    }
    // Replace this process, so Ctrl-C reaches the server alone and it shuts down cleanly.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = server.exec();
        Err(Failure(format!("cannot start the server: {e}")))
    }
    #[cfg(not(unix))]
    check(server, "the server")
}

/// `cargo xtask bench`: the bill list, Green Button exports, and an organisation of 500
/// sites, on SQLite.
fn bench() -> Result {
    let tools = tools::ensure_build_tools()?;
    step(
        "benchmarks on SQLite (release build): bill list; Green Button exports; 500-site organisation; outage storm",
    );
    let mut c = cmd("cargo", &tools);
    c.args(["bench", "-p", "gridcare", "--features", "ssr", "--benches"]);
    check(c, "cargo bench")
}

/// Test counts from `cargo test` output.
#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u64,
    failed: u64,
    ignored: u64,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.passed += o.passed;
        self.failed += o.failed;
        self.ignored += o.ignored;
    }
}

/// Reads every `test result: ok. 3 passed; 0 failed; 1 ignored; …` line.
fn parse_counts(output: &str) -> Counts {
    let mut total = Counts::default();
    for line in output.lines().filter(|l| l.starts_with("test result:")) {
        let number = |label: &str| {
            line.split([';', '.'])
                .map(str::trim)
                .find_map(|part| part.strip_suffix(label))
                .and_then(|n| n.trim().parse::<u64>().ok())
                .unwrap_or(0)
        };
        total.add(Counts {
            passed: number(" passed"),
            failed: number(" failed"),
            ignored: number(" ignored"),
        });
    }
    total
}

/// Runs `cargo test` with `args`, echoing its output as it comes, and returns the counts.
fn cargo_test(
    tools: &tools::Tools,
    args: &[&str],
    envs: &[(&str, &str)],
    what: &str,
) -> Result<Counts> {
    use std::io::{BufRead, BufReader};
    let mut c = cmd("cargo", tools);
    c.arg("test").args(args).envs(envs.iter().copied());
    c.stdout(std::process::Stdio::piped());
    let mut child = c
        .spawn()
        .map_err(|e| Failure(format!("{what}: cargo test could not start: {e}")))?;
    let mut stdout = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(std::io::Result::ok) {
            println!("{line}");
            stdout.push_str(&line);
            stdout.push('\n');
        }
    }
    let status = child.wait().map_err(|e| Failure(format!("{what}: {e}")))?;
    let counts = parse_counts(&stdout);
    if !status.success() {
        return Err(Failure(format!(
            "{what} failed: {} passed, {} failed",
            counts.passed, counts.failed
        )));
    }
    if counts.passed == 0 {
        return Err(Failure(format!("{what} ran no test")));
    }
    Ok(counts)
}

/// `cargo xtask test`: every check, then one line of counts.
fn test() -> Result {
    let started = Instant::now();
    let in_ci = env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    let tools = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser()?;
    tools::ensure_xmllint()?;

    step("cargo fmt --check");
    let mut fmt = cmd("cargo", &tools);
    fmt.args(["fmt", "--all", "--check"]);
    check(fmt, "cargo fmt --check (run `cargo fmt --all`)")?;

    let clippy = |what: &str, args: &[&str]| {
        step(&format!("clippy -D warnings: {what}"));
        let mut c = cmd("cargo", &tools);
        c.arg("clippy").args(args).args(["--", "-D", "warnings"]);
        check(c, &format!("clippy ({what})"))
    };
    let wasm = [
        "-p",
        "gridcare",
        "--target",
        "wasm32-unknown-unknown",
        "--features",
    ];
    clippy(
        "server, tests and xtask (feature ssr)",
        &["--workspace", "--all-targets", "--features", "gridcare/e2e"],
    )?;
    clippy(
        "web client (feature csr, wasm32)",
        &[&wasm[..], &["csr"]].concat(),
    )?;
    for client in ["services", "business", "staff", "account"] {
        clippy(
            &format!("web client {client} (feature {client}, wasm32)"),
            &[&wasm[..], &[client]].concat(),
        )?;
    }

    // One feature set for every test build, so the crate compiles once.
    let features = ["-p", "gridcare", "--features", "e2e"];
    let mut rows: Vec<(String, Counts)> = Vec::new();

    step("unit tests (domain, server)");
    let unit = cargo_test(
        &tools,
        &[&features[..], &["--lib", "--bins"]].concat(),
        &[],
        "unit tests",
    )?;
    rows.push(("unit".into(), unit));
    let xtask_unit = cargo_test(&tools, &["-p", "xtask"], &[], "xtask tests")?;
    rows.push(("xtask".into(), xtask_unit));

    step("API tests on SQLite");
    let sqlite = cargo_test(
        &tools,
        &[&features[..], &["--test", "api"]].concat(),
        &[("GRIDCARE_TEST_DATABASE", "sqlite")],
        "API tests on SQLite",
    )?;
    rows.push(("api/sqlite".into(), sqlite));

    let pg_url =
        env::var("GRIDCARE_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_TEST_POSTGRES.into());
    step(&format!("API tests on PostgreSQL ({pg_url})"));
    if tools::postgres_reachable(&pg_url) {
        let pg = cargo_test(
            &tools,
            &[&features[..], &["--test", "api"]].concat(),
            &[("GRIDCARE_TEST_DATABASE", &pg_url)],
            "API tests on PostgreSQL",
        )?;
        rows.push(("api/postgres".into(), pg));
    } else if in_ci {
        return Err(Failure(format!(
            "PostgreSQL is required in CI but {pg_url} does not answer; start it or set GRIDCARE_TEST_POSTGRES_URL"
        )));
    } else {
        println!("\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
        println!("!!! PostgreSQL NOT TESTED: nothing answers at {pg_url}");
        println!("!!! Start PostgreSQL or set GRIDCARE_TEST_POSTGRES_URL to test it.");
        rows.push(("api/postgres NOT TESTED".into(), Counts::default()));
        println!("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n");
    }

    build_client(&tools)?;

    step("end-to-end tests in headless Chromium");
    let dist = root().join("dist");
    let e2e = cargo_test(
        &tools,
        &[&features[..], &["--test", "e2e", "--", "--test-threads=1"]].concat(),
        &[
            ("GRIDCARE_DIST", &dist.to_string_lossy()),
            ("CHROMIUM", &browser.chromium.to_string_lossy()),
            ("CHROMEDRIVER", &browser.chromedriver.to_string_lossy()),
            ("AXE_CORE", &tools.axe_core.to_string_lossy()),
        ],
        "end-to-end tests",
    )?;
    rows.push(("e2e".into(), e2e));

    let mut total = Counts::default();
    println!(
        "\n{:<24} {:>7} {:>7} {:>8}",
        "suite", "passed", "failed", "ignored"
    );
    for (name, c) in &rows {
        println!(
            "{name:<24} {:>7} {:>7} {:>8}",
            c.passed, c.failed, c.ignored
        );
        total.add(*c);
    }
    println!(
        "all checks passed in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!(
        "summary: {} passed, {} failed, {} skipped",
        total.passed, total.failed, total.ignored
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_over_every_test_binary() {
        let out = "running 3 tests\ntest result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
                   test result: FAILED. 10 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.2s\n";
        let c = parse_counts(out);
        assert_eq!((c.passed, c.failed, c.ignored), (13, 2, 1));
    }

    #[test]
    fn output_without_results_counts_nothing() {
        let c = parse_counts("error: could not compile\n");
        assert_eq!((c.passed, c.failed), (0, 0));
    }
}
