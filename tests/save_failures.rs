//! A save that cannot happen fails with a clear error and leaves the original untouched.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use peerbrief::store::{backup_path, load_review, save_review};

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/worcestershire-2015.peerreview")
}

fn running_as_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

#[test]
fn save_into_read_only_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let folder = dir.path().join("readonly");
    fs::create_dir(&folder).unwrap();
    let file = folder.join("review.peerreview");
    let original = fs::read_to_string(sample()).unwrap().replace("    ", "  "); // non-canonical, so a save would change it
    fs::write(&file, &original).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();

    let message = if running_as_root() {
        // Root ignores folder permissions: save as an ordinary user through the real binary.
        let out = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_peerbrief"), "fmt"])
            .arg(&file)
            .output()
            .expect("setpriv (util-linux) is needed to test permissions as root");
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    } else {
        let review = load_review(&file).unwrap().review;
        save_review(&file, &review).unwrap_err().to_string()
    };
    assert!(message.contains("cannot save"), "{message}");
    assert!(message.contains("permission denied"), "{message}");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), original, "original changed");
    assert!(!backup_path(&file).exists());
    assert_eq!(fs::read_dir(&folder).unwrap().count(), 1, "stray files left behind");
}
