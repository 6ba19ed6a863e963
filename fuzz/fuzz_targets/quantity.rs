//! The quantity grammar, as a claim writes a value and as prose does, and
//! the interval each reading gives: nothing may panic.

use claimcheck::quantity::{parse_quantity, prose_quantity};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        if let Ok(quantity) = parse_quantity(&text) {
            let _ = quantity.reading(0.05);
        }
        let _ = prose_quantity(&text, true);
        let _ = prose_quantity(&text, false);
    });
}
