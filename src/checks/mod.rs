//! Checks of the figures and form of a report. Each rule lives in its own file
//! and reads the report through the text units of [`text`], where numbers are
//! already found once for all rules.
