//! Turning what a file manager or shell passes on the command line into an absolute path.

use std::path::{Path, PathBuf};

/// An argument as a file path: `file://` URIs (percent-decoded, as file managers pass them),
/// relative paths (resolved against `cwd`) and absolute paths.
pub fn path_from_arg(arg: &str, cwd: &Path) -> PathBuf {
    let path = match arg.strip_prefix("file://") {
        // `file://host/path` — only the local host is meaningful to us.
        Some(rest) => {
            let rest = rest.strip_prefix("localhost").unwrap_or(rest);
            PathBuf::from(percent_decode(rest))
        }
        None => PathBuf::from(arg),
    };
    if path.is_absolute() { path } else { cwd.join(path) }
}

#[cfg(unix)]
fn bytes_to_os(bytes: Vec<u8>) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStringExt;
    std::ffi::OsString::from_vec(bytes)
}

#[cfg(not(unix))]
fn bytes_to_os(bytes: Vec<u8>) -> std::ffi::OsString {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // `file:///C:/Users/…` on Windows.
    match text.strip_prefix('/') {
        Some(t) if t.as_bytes().get(1) == Some(&b':') => t.to_owned().into(),
        _ => text.into(),
    }
}

fn percent_decode(s: &str) -> std::ffi::OsString {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    bytes_to_os(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_relative_and_absolute_paths() {
        let cwd = Path::new("/home/officer");
        assert_eq!(
            path_from_arg("file:///srv/Reviews/Worcs%202015.peerreview", cwd),
            Path::new("/srv/Reviews/Worcs 2015.peerreview")
        );
        assert_eq!(path_from_arg("file://localhost/tmp/a.peerreview", cwd), Path::new("/tmp/a.peerreview"));
        assert_eq!(path_from_arg("file:///tmp/caf%C3%A9%2", cwd), Path::new("/tmp/café%2"));
        assert_eq!(path_from_arg("samples/x.peerreview", cwd), Path::new("/home/officer/samples/x.peerreview"));
        assert_eq!(path_from_arg("/abs/y.peerreview", cwd), Path::new("/abs/y.peerreview"));
    }
}
