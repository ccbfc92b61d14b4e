//! What the web clients are built from, as one number: when it equals the number written after
//! the last build, `dist/` is already what a build would make, and `run`, `test` and `lighthouse`
//! start at once instead of re-running Trunk's bindgen and wasm-opt for five clients (73 s).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The files and folders under the workspace root that a client build reads.
const INPUTS: &[&str] = &[
    "src",
    "style",
    "public",
    "assets",
    "Trunk.toml",
    "Cargo.toml",
    "Cargo.lock",
    ".cargo/config.toml",
    "build.rs",
    "xtask/src",
];

/// The fingerprint of everything under `root` that a client build reads: every file's path and
/// bytes, in a fixed order, and the top-level `*.html` targets; and of `root` itself.
pub fn of(root: &Path) -> u64 {
    let mut files: Vec<PathBuf> = INPUTS.iter().flat_map(|p| walk(&root.join(p))).collect();
    if let Ok(entries) = std::fs::read_dir(root) {
        files.extend(
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "html")),
        );
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    // The stamp sits in the shared cargo target folder, but `dist/` belongs to this checkout.
    root.hash(&mut hasher);
    for file in files {
        file.strip_prefix(root).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

fn walk(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| Some(e.ok()?.path()))
        .flat_map(|p| walk(&p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_or_added_source_changes_the_fingerprint_and_nothing_else_does() {
        let root = std::env::temp_dir().join(format!("xtask-fingerprint-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("src/ui")).unwrap();
        std::fs::write(root.join("src/ui/page.rs"), "fn a() {}").unwrap();
        std::fs::write(root.join("index.html"), "<html>").unwrap();
        let first = of(&root);
        assert_eq!(of(&root), first, "the same files give the same number");
        std::fs::create_dir_all(root.join("data")).unwrap();
        std::fs::write(root.join("data/gridcare.db"), "rows").unwrap();
        assert_eq!(of(&root), first, "the database is not a build input");
        std::fs::write(root.join("src/ui/page.rs"), "fn b() {}").unwrap();
        let changed = of(&root);
        assert_ne!(changed, first, "an edited source");
        std::fs::write(root.join("src/ui/other.rs"), "").unwrap();
        let added = of(&root);
        assert_ne!(added, changed, "an added source");
        std::fs::write(root.join("staff.html"), "<html>").unwrap();
        assert_ne!(of(&root), added, "a new client page");
        let _ = std::fs::remove_dir_all(&root);
    }
}
