//! Opening the files a user names: regular files only.
//!
//! A FIFO blocks the first read until something writes to it, and a device
//! such as `/dev/zero` never ends: either would hang a CI job or exhaust
//! its memory. They are refused before they are opened, with what they are.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The file at `path` opened for reading, or an error that says why not:
/// it does not exist, cannot be read, or is not a regular file.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let kind = std::fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}, not a regular file", describe(kind)),
        ));
    }
    File::open(path)
}

/// The whole of a regular file as bytes, refusing anything over `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    // One byte past the limit tells a file at the limit from a larger one
    // (the length in the metadata can change while the file is read).
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "larger than {}, the most claimcheck reads",
                show_bytes(limit)
            ),
        ));
    }
    Ok(bytes)
}

/// [`read_regular`] as UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64) -> io::Result<String> {
    String::from_utf8(read_regular(path, limit)?)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.utf8_error()))
}

/// A size in words: `1 GiB`, `512 MiB`.
pub fn show_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024 && value.is_multiple_of(1024) && unit + 1 < UNITS.len() {
        value /= 1024;
        unit += 1;
    }
    format!("{value} {}", UNITS[unit])
}

#[cfg(unix)]
fn describe(kind: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_folders_are_refused_by_what_they_are() {
        let error = open_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(error.to_string(), "a device, not a regular file");
        let error = open_regular(Path::new("/")).unwrap_err();
        assert_eq!(error.to_string(), "a folder, not a regular file");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_after_limit_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_regular(&path, 10).unwrap().len(), 10);
        let error = read_regular(&path, 9).unwrap_err();
        assert_eq!(
            error.to_string(),
            "larger than 9 bytes, the most claimcheck reads"
        );
        assert_eq!(show_bytes(1 << 30), "1 GiB");
    }
}
