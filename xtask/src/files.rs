//! Walking a folder: every file below it as a sorted relative path. Shared by the size
//! measurement and the release checksums; depends on no other xtask module.

use std::fs;
use std::path::Path;

/// Every file below `folder`, as sorted `/`-separated paths relative to it.
pub fn relative_files(folder: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    collect_files(folder, folder, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect_files(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_files(root, &path, files)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::relative_files;

    #[test]
    fn lists_nested_files_sorted_and_relative() {
        let dir = std::env::temp_dir().join(format!("xtask-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        std::fs::write(dir.join("b/c/d.txt"), "d").unwrap();
        std::fs::write(dir.join("a.txt"), "a").unwrap();
        let files = relative_files(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(files.unwrap(), ["a.txt", "b/c/d.txt"]);
    }
}
