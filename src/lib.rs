//! claimcheck checks the numbers in a piece of writing against a store of
//! sourced facts.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod interval;
pub mod quantity;
pub mod store;
mod syntax;
