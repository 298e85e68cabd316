//! Double-click support: the desktop entry is valid, install-desktop makes `.peerreview` files
//! open in PeerBrief in a temporary XDG tree, and a second launch hands its files over.

use std::fs;
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use peerbrief::desktop::single_instance::{HandOff, hand_off, listen};

fn have(tool: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().is_ok_and(|o| o.status.success())
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn desktop_entry_passes_desktop_file_validate() {
    if !have("desktop-file-validate") {
        eprintln!("SKIPPED: desktop-file-validate not installed (Debian desktop-file-utils)");
        return;
    }
    let out = Command::new("desktop-file-validate")
        .arg(manifest_dir().join("assets/linux/org.peerbrief.PeerBrief.desktop"))
        .output()
        .unwrap();
    assert!(out.status.success() && out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
}

/// Runs a command with only the given XDG folders, as a fresh user session would have.
fn in_xdg(cmd: &mut Command, root: &Path) -> Output {
    cmd.env("XDG_DATA_HOME", root.join("data"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_DIRS", "/usr/local/share:/usr/share")
        .env("HOME", root.join("home"))
        .env_remove("XDG_CURRENT_DESKTOP")
        .env_remove("KDE_FULL_SESSION")
        .env_remove("GNOME_DESKTOP_SESSION_ID")
        .env_remove("DESKTOP_SESSION")
        .output()
        .unwrap()
}

fn xdg_mime(root: &Path, args: &[&str]) -> String {
    let out = in_xdg(Command::new("xdg-mime").args(args), root);
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn install_desktop_associates_review_files_and_uninstall_removes_it() {
    let tools = ["xdg-mime", "update-mime-database", "update-desktop-database", "mimetype"];
    if let Some(missing) = tools.iter().find(|t| !have(t)) {
        eprintln!("SKIPPED: {missing} not installed (scripts/setup.sh installs it)");
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let review = root.path().join("x.peerreview");
    fs::copy(manifest_dir().join("samples/worcestershire-2015.peerreview"), &review).unwrap();
    let review = review.display().to_string();
    let peerbrief = env!("CARGO_BIN_EXE_peerbrief");

    for _ in 0..2 {
        // twice: installing is idempotent
        let out = in_xdg(Command::new(peerbrief).args(["install-desktop", "--user"]), root.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(xdg_mime(root.path(), &["query", "filetype", &review]), "application/x-peerbrief-review");
    assert_eq!(
        xdg_mime(root.path(), &["query", "default", "application/x-peerbrief-review"]),
        "org.peerbrief.PeerBrief.desktop"
    );
    assert_eq!(
        xdg_mime(root.path(), &["query", "default", "application/x-peerbrief-pack"]),
        "org.peerbrief.PeerBrief.desktop"
    );
    let entry = fs::read_to_string(root.path().join("data/applications/org.peerbrief.PeerBrief.desktop")).unwrap();
    assert!(entry.contains(&format!("Exec={} %F", fs::canonicalize(peerbrief).unwrap().display())), "{entry}");
    assert!(root.path().join("data/icons/hicolor/48x48/apps/org.peerbrief.PeerBrief.png").is_file());
    if have("desktop-file-validate") {
        let out = Command::new("desktop-file-validate")
            .arg(root.path().join("data/applications/org.peerbrief.PeerBrief.desktop"))
            .output()
            .unwrap();
        assert!(out.status.success() && out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    }

    for _ in 0..2 {
        let out = in_xdg(Command::new(peerbrief).args(["uninstall-desktop", "--user"]), root.path());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_ne!(xdg_mime(root.path(), &["query", "filetype", &review]), "application/x-peerbrief-review");
    assert_eq!(xdg_mime(root.path(), &["query", "default", "application/x-peerbrief-review"]), "");
    assert!(!root.path().join("data/applications/org.peerbrief.PeerBrief.desktop").exists());
}

#[test]
fn second_launch_hands_absolute_paths_to_the_running_window_and_exits_0() {
    let runtime = tempfile::tempdir().unwrap();
    let socket = runtime.path().join("org.peerbrief.PeerBrief.sock");
    let (tx, rx) = mpsc::channel();
    let _listener = listen(&socket, move |files| {
        let _ = tx.send(files);
    })
    .unwrap();

    let work = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_peerbrief"))
        .args(["a.peerreview", "sub dir/b.peerreview"])
        .current_dir(work.path())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let received = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(received, vec![work.path().join("a.peerreview"), work.path().join("sub dir/b.peerreview")]);

    // --new-window skips the hand-off.
    let out = Command::new(env!("CARGO_BIN_EXE_peerbrief"))
        .args(["--new-window", "c.peerreview"])
        .current_dir(work.path())
        .env("XDG_RUNTIME_DIR", runtime.path())
        // No display: the new window cannot open, which is all this needs.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("handed"));
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "--new-window must not hand off");
}

#[test]
fn stale_socket_does_not_block_start_up() {
    let runtime = tempfile::tempdir().unwrap();
    let socket = runtime.path().join("org.peerbrief.PeerBrief.sock");
    drop(UnixListener::bind(&socket).unwrap()); // the file stays behind, with nobody listening
    assert!(socket.exists());
    let started = Instant::now();
    assert!(matches!(
        hand_off(&socket, &[PathBuf::from("/tmp/x.peerreview")], Duration::from_secs(1)),
        HandOff::NoInstance(_)
    ));
    assert!(started.elapsed() < Duration::from_millis(500), "refused connection should fail fast");
    let (tx, rx) = mpsc::channel();
    let _listener = listen(&socket, move |files| {
        let _ = tx.send(files);
    })
    .expect("a new instance takes over the stale socket");
    assert_eq!(hand_off(&socket, &[PathBuf::from("/tmp/x.peerreview")], Duration::from_secs(1)), HandOff::Delivered);
    assert_eq!(rx.recv_timeout(Duration::from_secs(1)).unwrap(), vec![PathBuf::from("/tmp/x.peerreview")]);
}

#[test]
fn hung_instance_times_out_and_start_up_goes_on() {
    let runtime = tempfile::tempdir().unwrap();
    let socket = runtime.path().join("hung.sock");
    let _hung = UnixListener::bind(&socket).unwrap(); // accepts connections into its backlog, never answers
    let started = Instant::now();
    let result = hand_off(&socket, &[PathBuf::from("/tmp/x.peerreview")], Duration::from_millis(1000));
    assert!(matches!(result, HandOff::NoInstance(_)), "{result:?}");
    assert!(started.elapsed() < Duration::from_millis(1500), "took {:?}", started.elapsed());
}
