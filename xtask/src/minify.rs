//! Minifying a built client's scripts and style sheets with esbuild (npm, installed with the
//! build tools): Trunk's own minifier cannot read wasm-bindgen's loader, and its HTML minifier
//! writes a page the server's first view and the service worker do not read (no `<head>` tag,
//! unquoted attributes), so the HTML stays as Trunk writes it.

use sha2::{Digest, Sha384};
use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;

/// Minifies every `.js` and `.css` file in `dist` (one client's folder) in place. A file the
/// page names with a Subresource Integrity hash (Trunk's `integrity="sha384-…"`) gets the hash
/// of its new bytes there, and a script the page names by a hash a new name (the style sheets
/// are joined into one file named by its bytes).
pub fn minify(esbuild: &Path, dist: &Path) -> io::Result<()> {
    let page = dist.join("index.html");
    let mut html = fs::read_to_string(&page)?;
    let mut files: Vec<_> = fs::read_dir(dist)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    files.sort();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "js" | "css") {
            continue;
        }
        let before = fs::read(&path)?;
        let out = Command::new(esbuild)
            .arg(&path)
            .args(["--minify", "--legal-comments=none", "--log-level=warning"])
            .output()?;
        if !out.status.success() || out.stdout.is_empty() {
            return Err(io::Error::other(format!(
                "esbuild {}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            )));
        }
        let old = integrity(&before);
        if html.contains(&old) {
            html = html.replace(&old, &integrity(&out.stdout));
        }
        fs::write(&path, &out.stdout)?;
        // A script the page names with a hash (wasm-bindgen's loader, `gridcare-<hash>.js`) is
        // named anew by a hash of its minified bytes: the server says a hashed file never
        // changes, so other bytes (another esbuild) must never ship under a kept name.
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if ext == "js"
            && html.contains(&name)
            && let Some((stem, _)) = name.rsplit_once('-')
        {
            let renamed = format!("{stem}-{:016x}.js", hash(&out.stdout));
            fs::rename(&path, dist.join(&renamed))?;
            html = html.replace(&name, &renamed);
        }
    }
    let html = join_style_sheets(dist, &html)?;
    fs::write(&page, html)
}

/// The page with its style sheets (Trunk's one `<link rel="stylesheet">` for each of
/// `style/tokens.css`, `layout.css` and `components.css`) joined, in their order, into one file
/// named by a hash of its bytes: one request on a first visit instead of three, each of which
/// carried its own response headers.
fn join_style_sheets(dist: &Path, html: &str) -> io::Result<String> {
    const OPEN: &str = "<link rel=\"stylesheet\" href=\"";
    let mut links = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(OPEN).map(|i| from + i) {
        let end = html[i..]
            .find('>')
            .map(|j| i + j + 1)
            .ok_or_else(|| io::Error::other("a <link> without its end"))?;
        let href = html[i + OPEN.len()..end]
            .split('"')
            .next()
            .unwrap_or_default();
        links.push((i..end, href.to_string()));
        from = end;
    }
    if links.len() < 2 {
        return Ok(html.to_string());
    }
    let mut joined = Vec::new();
    for (_, href) in &links {
        let name = href.rsplit('/').next().unwrap_or_default();
        let file = dist.join(name);
        joined.extend(fs::read(&file)?);
        joined.push(b'\n');
        fs::remove_file(file)?;
    }
    let name = format!("style-{:016x}.css", hash(&joined));
    fs::write(dist.join(&name), &joined)?;
    // The client's folder, as the first sheet's address has it (`/` or `/services/`).
    let folder = links[0].1.rsplit_once('/').map_or("", |(folder, _)| folder);
    let tag = format!(
        "<link rel=\"stylesheet\" href=\"{folder}/{name}\" integrity=\"{}\"/>",
        integrity(&joined)
    );
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (n, (range, _)) in links.iter().enumerate() {
        out.push_str(&html[at..range.start]);
        if n == 0 {
            out.push_str(&tag);
        }
        at = range.end;
    }
    out.push_str(&html[at..]);
    Ok(out)
}

/// A hash of `bytes`, for a file name (`name_by_content` names the loader by it too).
pub fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

/// The Subresource Integrity value of `bytes`, as Trunk writes it.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_sheets_become_one_file_in_their_order() {
        let dist = std::env::temp_dir().join(format!("gridcare-join-{}", std::process::id()));
        fs::create_dir_all(&dist).expect("a folder");
        fs::write(dist.join("a-0123456789abcdef.css"), "a{}").expect("a");
        fs::write(dist.join("b-0123456789abcdef.css"), "b{}").expect("b");
        let html = "<head><link rel=\"stylesheet\" href=\"/x/a-0123456789abcdef.css\" integrity=\"sha384-A\"/>\n\
                    <link rel=\"stylesheet\" href=\"/x/b-0123456789abcdef.css\" integrity=\"sha384-B\"/>\n\
                    <link rel=\"icon\" href=\"/f.svg\"></head>";
        let out = join_style_sheets(&dist, html).expect("joined");
        let names: Vec<String> = fs::read_dir(&dist)
            .expect("listed")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .into_string()
                    .expect("a name")
            })
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let joined = fs::read(dist.join(&names[0])).expect("the joined file");
        assert_eq!(joined, b"a{}\nb{}\n");
        assert_eq!(
            out,
            format!(
                "<head><link rel=\"stylesheet\" href=\"/x/{}\" integrity=\"{}\"/>\n\
                 \n<link rel=\"icon\" href=\"/f.svg\"></head>",
                names[0],
                integrity(&joined)
            )
        );
        fs::remove_dir_all(&dist).expect("cleaned up");
    }

    #[test]
    fn integrity_is_the_sha384_of_the_bytes_in_base64() {
        // `printf 'alert(1)' | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            integrity(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }
}
