//! Agencies as plans name them (牵头单位 / 责任单位), and the registry entries they resolve to.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::text::fold;

/// A name as written in a plan, with its folded form for comparison (through [`Spelling`]).
/// Shared: a plan names the same bodies in task after task, and each mention holds a pointer to
/// the one copy ([`AgencyNames`]); a national corpus has hundreds of thousands of mentions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AgencyName(Arc<Spelling>);

/// How an [`AgencyName`] is written, and folded for comparison.
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Spelling {
    pub written: Box<str>,
    pub folded: Box<str>,
}

impl AgencyName {
    #[must_use]
    pub fn new(written: &str) -> Self {
        Self(Arc::new(Spelling {
            written: written.trim().into(),
            folded: fold(written).into(),
        }))
    }
}

impl std::ops::Deref for AgencyName {
    type Target = Spelling;

    fn deref(&self) -> &Spelling {
        &self.0
    }
}

/// The names of one reading, each made once: a name written again is the same [`AgencyName`].
#[derive(Debug, Default)]
pub struct AgencyNames(HashMap<String, AgencyName>);

impl AgencyNames {
    /// The name `written`, made the first time it is asked for.
    pub fn get(&mut self, written: &str) -> AgencyName {
        if let Some(name) = self.0.get(written) {
            return name.clone();
        }
        let name = AgencyName::new(written);
        self.0.insert(written.to_string(), name.clone());
        name
    }
}

/// What kind of body a registry entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    /// A department of the government (组成部门, 直属机构).
    #[default]
    Department,
    /// A public institution (事业单位) such as a 中心.
    Institution,
    /// A body of the Party committee (宣传部, 金融办…).
    Party,
    /// A body of another level that legitimately acts here: vertically managed (税务, 金融监管,
    /// 生态环境分局) or stationed here (供电公司, 交警大队).
    Vertical,
    /// A state-owned enterprise or other body that a plan may task.
    Enterprise,
}

/// A collective term that names no single body but is a valid assignee (各镇街, 有关部门…), or an
/// ad-hoc coordination body (工作专班, 指挥部, 领导小组) that plans set up and task legitimately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collective;

impl Collective {
    /// Whether a folded name is a collective. The registry may list more; these forms are
    /// collective everywhere: plural 各…, …有关部门/单位, …工作专班 and the like.
    #[must_use]
    pub fn is_collective(folded: &str) -> bool {
        folded.starts_with('各')
            || folded.contains("有关部门")
            || folded.contains("有关单位")
            || folded.contains("相关部门")
            || folded.contains("相关单位")
            || folded.ends_with("工作专班")
            || folded.contains("涉及部门")
            || folded.ends_with("专班")
            || folded.ends_with("等部门")
            || folded.ends_with("指挥部")
            || folded.ends_with("领导小组")
            || folded.ends_with("联席会议")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collectives_are_recognised() {
        for name in [
            "各镇街",
            "区有关部门、单位",
            "市卫生健康委等有关部门(单位)",
            "各产业专班",
        ] {
            assert!(Collective::is_collective(&fold(name)), "{name}");
        }
        assert!(!Collective::is_collective("市财政局"));
    }
}
