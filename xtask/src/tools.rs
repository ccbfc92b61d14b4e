//! Installing what the build and tests need, each only when missing, with a line per step.

use crate::{Failure, Result, root, step};
use std::env;
use std::ffi::OsString;
use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The Trunk release that works with this machine's rustc (0.22 needs a newer one).
const TRUNK_VERSION: &str = "0.21.14";
/// The esbuild in `tools/package.json` (it minifies the clients' scripts and style sheets).
const ESBUILD_VERSION: &str = "0.27.7";

/// The tools found or installed.
pub struct Tools {
    /// PATH with cargo's bin folder and the npm tools (wasm-opt 132) first.
    pub path: OsString,
    /// axe-core's browser script, for the accessibility checks.
    pub axe_core: PathBuf,
    /// esbuild, which minifies the clients' scripts and style sheets.
    pub esbuild: PathBuf,
}

/// Chromium and its driver.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

fn output(program: &str, args: &[&str], path: &OsString) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn run(program: &str, args: &[&str], path: &OsString, what: &str) -> Result {
    let mut c = Command::new(program);
    c.args(args).env("PATH", path).current_dir(root());
    crate::check(c, what)
}

/// The wasm-bindgen version Cargo.lock holds; the CLI must match it exactly.
fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| Failure(format!("cannot read Cargo.lock: {e}")))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_string());
        }
    }
    Err(Failure("Cargo.lock has no wasm-bindgen".into()))
}

fn cargo_home_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

fn npm_dir() -> PathBuf {
    root().join("xtask/tools")
}

/// Makes sure the wasm target, Trunk, wasm-bindgen-cli and wasm-opt (binaryen 132) are there.
pub fn ensure_build_tools() -> Result<Tools> {
    let npm_bin = npm_dir().join("node_modules/.bin");
    let mut paths = vec![npm_bin.clone(), cargo_home_bin()];
    paths.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    let path = env::join_paths(paths).map_err(|e| Failure(format!("PATH: {e}")))?;

    step("checking the wasm32 target");
    let installed = output("rustup", &["target", "list", "--installed"], &path).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("    present");
    } else {
        run(
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
            &path,
            "rustup target add",
        )?;
    }

    step(&format!("checking trunk {TRUNK_VERSION}"));
    let trunk = output("trunk", &["--version"], &path).unwrap_or_default();
    if trunk.trim() == format!("trunk {TRUNK_VERSION}") {
        println!("    present");
    } else {
        println!("    installing (9 to 14 minutes on a new 2-core machine)");
        run(
            "cargo",
            &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
            &path,
            "installing trunk",
        )?;
    }

    let bindgen = locked_wasm_bindgen()?;
    step(&format!(
        "checking wasm-bindgen-cli {bindgen} (the version in Cargo.lock)"
    ));
    let found = output("wasm-bindgen", &["--version"], &path).unwrap_or_default();
    if found.trim() == format!("wasm-bindgen {bindgen}") {
        println!("    present");
    } else {
        println!("    installing (3 to 6 minutes)");
        // Not --locked: the CLI's own lock names a crate version the registry no longer serves.
        let version = format!("={bindgen}");
        run(
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &version],
            &path,
            "installing wasm-bindgen-cli",
        )?;
    }

    step("checking wasm-opt (npm binaryen@132), esbuild and axe-core");
    let axe_core = npm_dir().join("node_modules/axe-core/axe.min.js");
    let wasm_opt = npm_bin.join("wasm-opt");
    let esbuild = npm_bin.join("esbuild");
    let opt_version =
        output(&wasm_opt.to_string_lossy(), &["--version"], &path).unwrap_or_default();
    let esbuild_version =
        output(&esbuild.to_string_lossy(), &["--version"], &path).unwrap_or_default();
    if opt_version.contains("version 132")
        && esbuild_version.trim() == ESBUILD_VERSION
        && axe_core.is_file()
    {
        println!("    present");
    } else {
        if output("npm", &["--version"], &path).is_none() {
            apt_install(&["nodejs", "npm"], &path)?;
        }
        let dir = npm_dir().to_string_lossy().into_owned();
        run(
            "npm",
            &["ci", "--prefix", &dir, "--no-audit", "--no-fund"],
            &path,
            "npm ci",
        )?;
    }
    Ok(Tools {
        path,
        axe_core,
        esbuild,
    })
}

/// Installs Debian packages when running as root; otherwise says what to run.
fn apt_install(packages: &[&str], path: &OsString) -> Result {
    let is_root = output("id", &["-u"], path).is_some_and(|u| u.trim() == "0");
    let command = format!(
        "apt-get update && apt-get install -y {}",
        packages.join(" ")
    );
    if !is_root {
        return Err(Failure(format!(
            "missing {}; install them with: sudo sh -c '{command}'",
            packages.join(", ")
        )));
    }
    println!("    installing {} with apt-get", packages.join(" "));
    run("apt-get", &["update", "-q"], path, "apt-get update")?;
    let mut args = vec!["install", "-y", "-q"];
    args.extend_from_slice(packages);
    run("apt-get", &args, path, "apt-get install")
}

/// Makes sure Debian's Chromium and ChromeDriver are installed.
pub fn ensure_browser() -> Result<Browser> {
    step("checking chromium and chromedriver");
    let path = env::var_os("PATH").unwrap_or_default();
    let chromium = PathBuf::from("/usr/bin/chromium");
    let chromedriver = PathBuf::from("/usr/bin/chromedriver");
    if chromium.is_file() && chromedriver.is_file() {
        println!("    present");
    } else {
        apt_install(&["chromium", "chromium-driver"], &path)?;
    }
    Ok(Browser {
        chromium,
        chromedriver,
    })
}

/// Makes sure `xmllint` is there: the tests validate Green Button exports against the ESPI
/// schemas with it.
pub fn ensure_xmllint() -> Result {
    step("checking xmllint (libxml2-utils), for the Green Button schema checks");
    let path = env::var_os("PATH").unwrap_or_default();
    let found = Command::new("xmllint")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if found {
        println!("    present");
        Ok(())
    } else {
        apt_install(&["libxml2-utils"], &path)
    }
}

/// True when something accepts connections at the URL's host and port.
pub fn postgres_reachable(url: &str) -> bool {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host_port = rest.split(['/', '?']).next().unwrap_or("");
    let host_port = host_port.rsplit_once('@').map_or(host_port, |(_, h)| h);
    let with_port = if host_port.contains(':') {
        host_port.to_string()
    } else {
        format!("{host_port}:5432")
    };
    with_port
        .to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .is_some_and(|addr| TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok())
}
