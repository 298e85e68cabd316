//! One window per user: a second launch hands its files to the running PeerBrief over a
//! per-user local socket and exits, so double-clicking five reviews gives five tabs.
//!
//! Protocol (one connection per launch, ASCII lines): the client sends `peerbrief-open 1`, one
//! percent-encoded absolute path per line, then `end`; the server queues the paths for the
//! window and answers `ok`. Anything else — no listener, a stale socket file, no answer within
//! the timeout — means "start normally".

use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use interprocess::local_socket::{GenericFilePath, ListenerOptions, Stream, prelude::*};

use super::APP_ID;

const HELLO: &str = "peerbrief-open 1";

/// How long a second launch waits for the running window to accept its files.
pub const HAND_OFF_TIMEOUT: Duration = Duration::from_millis(1000);

/// The per-user socket: in `$XDG_RUNTIME_DIR` (private to the user) where there is one,
/// otherwise in the temp folder with the user's id in the name.
pub fn default_socket_path() -> PathBuf {
    match std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty() && Path::new(d).is_dir()) {
        Some(dir) => Path::new(&dir).join(format!("{APP_ID}.sock")),
        None => std::env::temp_dir().join(format!("{APP_ID}-{}.sock", user_id())),
    }
}

#[cfg(unix)]
fn user_id() -> String {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self")
        .map(|m| m.uid().to_string())
        .unwrap_or_else(|_| std::env::var("USER").unwrap_or_else(|_| "user".into()))
}

#[cfg(not(unix))]
fn user_id() -> String {
    std::env::var("USERNAME").unwrap_or_else(|_| "user".into())
}

/// What happened to a hand-off attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum HandOff {
    /// The running window took the files: this process should exit 0.
    Delivered,
    /// No window answered (the reason is for the log); start normally.
    NoInstance(String),
}

fn encode(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    };
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut out = String::with_capacity(bytes.len());
    for b in bytes {
        if !(0x20..0x7f).contains(&b) || b == b'%' {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(b as char);
        }
    }
    out
}

fn decode(line: &str) -> Option<PathBuf> {
    let bytes = line.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = line.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8(out).ok()?))
    }
}

fn send(socket: &Path, files: &[PathBuf]) -> io::Result<()> {
    let name = socket.to_fs_name::<GenericFilePath>()?;
    let stream = Stream::connect(name)?;
    stream.set_recv_timeout(Some(HAND_OFF_TIMEOUT))?;
    stream.set_send_timeout(Some(HAND_OFF_TIMEOUT))?;
    let mut conn = BufReader::new(stream);
    let mut message = format!("{HELLO}\n");
    for f in files {
        message.push_str(&encode(f));
        message.push('\n');
    }
    message.push_str("end\n");
    conn.get_mut().write_all(message.as_bytes())?;
    let mut answer = String::new();
    conn.read_line(&mut answer)?;
    if answer.trim_end() == "ok" {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::InvalidData, format!("unexpected answer {answer:?}")))
    }
}

/// Tries to give `files` (absolute paths) to a running PeerBrief. Never blocks longer than
/// about `timeout`: a hung instance must not stop the user opening their file.
pub fn hand_off(socket: &Path, files: &[PathBuf], timeout: Duration) -> HandOff {
    let (tx, rx) = mpsc::channel();
    let socket_owned = socket.to_owned();
    let files_owned = files.to_vec();
    // A detached thread: if the peer hangs, we stop waiting and the thread dies with the process.
    let spawned = thread::Builder::new().name("peerbrief-hand-off".into()).spawn(move || {
        let _ = tx.send(send(&socket_owned, &files_owned));
    });
    if let Err(e) = spawned {
        return HandOff::NoInstance(format!("could not start hand-off: {e}"));
    }
    match rx.recv_timeout(timeout + Duration::from_millis(100)) {
        Ok(Ok(())) => HandOff::Delivered,
        Ok(Err(e)) => HandOff::NoInstance(e.to_string()),
        Err(_) => HandOff::NoInstance(format!("no answer within {} ms", timeout.as_millis())),
    }
}

fn serve(conn: Stream, deliver: &(dyn Fn(Vec<PathBuf>) + Send + Sync)) -> io::Result<()> {
    conn.set_recv_timeout(Some(Duration::from_secs(5)))?;
    let mut conn = BufReader::new(conn);
    let mut line = String::new();
    conn.read_line(&mut line)?;
    if line.trim_end() != HELLO {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "not a PeerBrief client"));
    }
    let mut files = Vec::new();
    loop {
        line.clear();
        if conn.read_line(&mut line)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "message cut short"));
        }
        let entry = line.trim_end_matches(['\n', '\r']);
        if entry == "end" {
            break;
        }
        // Only absolute paths: a relative one would resolve against *our* folder, not the sender's.
        match decode(entry) {
            Some(path) if path.is_absolute() => files.push(path),
            _ => return Err(io::Error::new(io::ErrorKind::InvalidData, "bad path in message")),
        }
        if files.len() > 10_000 {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "too many paths"));
        }
    }
    deliver(files);
    conn.get_mut().write_all(b"ok\n")
}

/// Keeps the listening socket alive for as long as the window runs.
pub struct OpenRequestListener {
    pub socket: PathBuf,
}

/// Starts listening for other launches. `deliver` runs on the listener's thread with each
/// launch's files (possibly none: "just bring the window to the front").
///
/// A socket file left by a crashed instance is replaced.
pub fn listen(
    socket: &Path,
    deliver: impl Fn(Vec<PathBuf>) + Send + Sync + 'static,
) -> io::Result<OpenRequestListener> {
    let name = socket.to_fs_name::<GenericFilePath>()?;
    let listener = ListenerOptions::new().name(name).try_overwrite(true).create_sync()?;
    thread::Builder::new().name("peerbrief-open-requests".into()).spawn(move || {
        for conn in listener.incoming() {
            match conn {
                Ok(conn) => {
                    if let Err(e) = serve(conn, &deliver) {
                        eprintln!("peerbrief: ignored an open request: {e}");
                    }
                }
                Err(e) => eprintln!("peerbrief: open-request socket error: {e}"),
            }
        }
    })?;
    Ok(OpenRequestListener { socket: socket.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_survive_encoding() {
        for p in ["/tmp/a b.peerreview", "/srv/100% done/x", "/tmp/line\nbreak", "/tmp/café ŵ.peerreview"] {
            let path = PathBuf::from(p);
            let line = encode(&path);
            assert!(!line.contains('\n') && line.is_ascii(), "{line}");
            assert_eq!(decode(&line), Some(path));
        }
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%4"), None);
    }
}
