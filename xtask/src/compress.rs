//! Pre-compressing the built client: the server sends `.br` or `.gz` files as they are.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// What a first visit downloads, raw and compressed.
#[derive(Default)]
pub struct Report {
    rows: Vec<(&'static str, u64, u64, u64)>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mut raw, mut gz, mut br) = (0, 0, 0);
        for (kind, r, g, b) in &self.rows {
            write!(
                f,
                "\n      {kind:<5} {:>8.1} KB raw {:>7.1} KB gzip {:>7.1} KB brotli",
                kb(*r),
                kb(*g),
                kb(*b)
            )?;
            raw += r;
            gz += g;
            br += b;
        }
        write!(
            f,
            "\n      total {:>8.1} KB raw {:>7.1} KB gzip {:>7.1} KB brotli",
            kb(raw),
            kb(gz),
            kb(br)
        )
    }
}

fn kb(bytes: u64) -> f64 {
    bytes as f64 / 1000.0
}

/// Writes `NAME.br` and `NAME.gz` beside every text and wasm file in `dist`, and reports the
/// first-load sizes by kind (the service worker counted, the occasional `notes-….js` not).
pub fn precompress(dist: &Path) -> io::Result<Report> {
    let mut totals: Vec<(&'static str, u64, u64, u64)> = ["wasm", "js", "css", "html"]
        .iter()
        .map(|k| (*k, 0, 0, 0))
        .collect();
    for entry in fs::read_dir(dist)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css" | "html" | "svg" | "webmanifest") {
            continue;
        }
        let data = fs::read(&path)?;
        let br = brotli_bytes(&data)?;
        let gz = gzip_bytes(&data)?;
        fs::write(with_suffix(&path, "br"), &br)?;
        fs::write(with_suffix(&path, "gz"), &gz)?;
        // `notes-….js` is fetched only when there is something to say (`public/boot.js`).
        let occasional = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("notes-"));
        if let Some(row) = totals.iter_mut().find(|(k, ..)| *k == ext && !occasional) {
            row.1 += data.len() as u64;
            row.2 += gz.len() as u64;
            row.3 += br.len() as u64;
        }
    }
    Ok(Report { rows: totals })
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

fn brotli_bytes(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(data)?;
    }
    Ok(out)
}

fn gzip_bytes(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).expect("5 is not zero"),
        ..Default::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, data, &mut out)?;
    Ok(out)
}
