//! What wasm-bindgen's JavaScript glue imports, and pruning the snippets no glue imports.
//!
//! Trunk runs wasm-bindgen for the app and for the on-demand module into one shared folder
//! (`target/wasm-bindgen/release`) and copies that folder's `snippets/` next to each glue. Whether
//! the module's copy picks up the app's snippets depends on which pipeline finishes first, so
//! without pruning two builds of the same source can differ by a stray, unused file.

use std::fs;
use std::path::Path;

use crate::files::relative_files;

/// The paths of the glue's `import { … } from './snippets/…';` lines, without the `./`.
pub fn snippet_imports(glue: &str) -> Vec<String> {
    glue.lines()
        .filter(|line| line.starts_with("import "))
        .filter_map(|line| line.split_once(" from './")?.1.strip_suffix("';"))
        .filter(|path| path.starts_with("snippets/"))
        .map(str::to_owned)
        .collect()
}

/// Prunes [`prune_unused_snippets`] in every folder directly inside `dist` (the on-demand
/// modules' folders; the app's own `snippets/` is left alone).
pub fn prune_module_folders(dist: &Path) -> Result<(), String> {
    let entries = fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() && !path.ends_with("snippets") {
            prune_unused_snippets(&path)?;
        }
    }
    Ok(())
}

/// Removes every file under `folder/snippets` that no `*.js` glue directly in `folder` imports,
/// then the `snippets` folder itself if nothing is left in it.
pub fn prune_unused_snippets(folder: &Path) -> Result<(), String> {
    let snippets = folder.join("snippets");
    if !snippets.is_dir() {
        return Ok(());
    }
    let mut imported = Vec::new();
    let entries =
        fs::read_dir(folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_file() && path.extension().is_some_and(|x| x == "js") {
            let glue = fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            imported.extend(snippet_imports(&glue));
        }
    }
    for relative in relative_files(&snippets)? {
        if !imported.contains(&format!("snippets/{relative}")) {
            let path = snippets.join(&relative);
            fs::remove_file(&path).map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    if relative_files(&snippets)?.is_empty() {
        fs::remove_dir_all(&snippets)
            .map_err(|e| format!("cannot remove {}: {e}", snippets.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_imported_snippets_and_removes_the_rest() {
        let dir = std::env::temp_dir().join(format!("xtask-glue-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("snippets/app-1")).unwrap();
        fs::create_dir_all(dir.join("module/snippets/app-1")).unwrap();
        fs::write(
            dir.join("app.js"),
            "import { f } from './snippets/app-1/inline0.js';\nexport {};\n",
        )
        .unwrap();
        fs::write(
            dir.join("snippets/app-1/inline0.js"),
            "export function f() {}",
        )
        .unwrap();
        fs::write(dir.join("module/module.js"), "export {};\n").unwrap();
        fs::write(dir.join("module/snippets/app-1/inline0.js"), "x").unwrap();

        prune_module_folders(&dir).unwrap();
        let left = relative_files(&dir).unwrap();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            left,
            ["app.js", "module/module.js", "snippets/app-1/inline0.js"]
        );
    }

    #[test]
    fn reads_only_snippet_imports() {
        let glue = "import { a } from './snippets/x/inline0.js';\nimport b from './other.js';\n";
        assert_eq!(snippet_imports(glue), ["snippets/x/inline0.js"]);
    }
}
