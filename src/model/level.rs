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

/// Which default registry a jurisdiction takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegistryLevel {
    Provincial,
    /// 北京, 天津, 上海, 重庆: provincial rank, own names (市发展和改革委员会, 市教育委员会).
    Municipality,
    Prefecture,
    County,
}

impl RegistryLevel {
    /// How findings name it: `县级` / `county`.
    #[must_use]
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            RegistryLevel::Provincial => ("省级", "provincial"),
            RegistryLevel::Municipality => ("直辖市", "municipality"),
            RegistryLevel::Prefecture => ("地市级", "prefecture"),
            RegistryLevel::County => ("县级", "county"),
        }
    }
}
