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

/// Unmounts the tiny filesystem even if the test fails.
struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn big_review() -> peerbrief::model::Review {
    let mut review = load_review(&sample()).unwrap().review;
    let filler = "Text that takes room on the disk. ".repeat(30);
    for i in 0..1_000 {
        review.findings.push(peerbrief::model::Finding::new(
            peerbrief::model::FindingKind::Strength,
            &format!("{i} {filler}"),
            "vision",
            false,
        ));
    }
    review
}

#[test]
fn save_to_a_full_disk_fails_cleanly_and_keeps_original_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small-disk");
    fs::create_dir(&mnt).unwrap();
    let file = mnt.join("review.peerreview");
    let big = big_review();

    let message = if running_as_root() {
        // A real full disk: a 256 KiB tmpfs.
        let status =
            Command::new("mount").args(["-t", "tmpfs", "-o", "size=256k", "tmpfs"]).arg(&mnt).status().unwrap();
        assert!(status.success(), "mount tmpfs failed");
        let _mounted = Mounted(mnt.clone());
        let review = load_review(&sample()).unwrap().review;
        save_review(&file, &review).unwrap();
        save_review(&file, &review).unwrap(); // now there is a backup too
        let (before, backup_before) = (fs::read(&file).unwrap(), fs::read(backup_path(&file)).unwrap());
        let err = save_review(&file, &big).unwrap_err().to_string();
        assert_eq!(fs::read(&file).unwrap(), before, "original changed");
        assert_eq!(fs::read(backup_path(&file)).unwrap(), backup_before, "backup changed");
        let names: Vec<String> =
            fs::read_dir(&mnt).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert_eq!(names.len(), 2, "stray files left: {names:?}");
        err
    } else {
        // Not root: a file-size limit stands in for a full disk (EFBIG instead of ENOSPC).
        save_review(&file, &big).unwrap();
        let before = fs::read(&file).unwrap();
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "trap '' XFSZ; ulimit -f 128; exec '{}' fmt '{}'",
                env!("CARGO_BIN_EXE_peerbrief"),
                file.display()
            ))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(fs::read(&file).unwrap(), before, "original changed");
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(message.contains("cannot save"), "{message}");
    assert!(message.contains("disk is full") || message.contains("larger than this system allows"), "{message}");
}
