//! claimcheck checks the numbers in a piece of writing against a store of
//! sourced facts.
//!
//! The library never prints: it parses claims ([`claim`]), loads a fact store
//! ([`store`]), resolves references ([`resolve`]), judges claims with interval
//! arithmetic ([`check`]) and returns a [`report::Report`] that the renderers
//! in [`render`] turn into text, JSON or CI annotations.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod check;
pub mod claim;
pub mod config;
pub mod explain;
pub mod facts;
pub mod harvest;
pub mod input;
pub mod interval;
pub mod link;
pub mod lint;
pub mod nearest;
pub mod parallel;
pub mod quantity;
mod quote;
pub mod render;
pub mod report;
pub mod resolve;
pub mod store;
mod syntax;
