//! Administrative levels of the cascade.

use std::fmt;

use serde::{Deserialize, Serialize};

/// From the top of the cascade down. Functional zones (高新区, 开发区) act at county level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    National,
    Provincial,
    Municipal,
    County,
}

impl Level {
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            Level::National => "国家级",
            Level::Provincial => "省级",
            Level::Municipal => "市级",
            Level::County => "县级",
        }
    }

    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Provincial => "provincial",
            Level::Municipal => "municipal",
            Level::County => "county",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en())
    }
}
