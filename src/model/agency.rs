//! Agencies as plans name them (牵头单位 / 责任单位), and the registry entries they resolve to.

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

/// The names of a run, each made once: a name written again, in any plan, is the same
/// [`AgencyName`]. Plans are read on every core at once, so the names are held in shards, each
/// behind a lock of its own (a name's shard by its hash), and a name is folded once a run,
/// not once a plan.
#[derive(Debug, Default)]
pub struct AgencyNames {
    shards: [std::sync::Mutex<foldhash::HashMap<String, AgencyName>>; NAME_SHARDS],
}

/// How many shards [`AgencyNames`] holds: enough that the cores seldom wait on one another.
const NAME_SHARDS: usize = 16;

impl AgencyNames {
    /// The name `written`, made the first time it is asked for.
    pub fn get(&self, written: &str) -> AgencyName {
        use std::hash::BuildHasher;
        let hash = foldhash::fast::FixedState::default().hash_one(written);
        let shard = &self.shards[(hash % NAME_SHARDS as u64) as usize];
        // A panic elsewhere cannot leave a half-made name: an entry is inserted whole.
        let mut names = shard
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(name) = names.get(written) {
            return name.clone();
        }
        let name = AgencyName::new(written);
        names.insert(written.to_string(), name.clone());
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

    /// A name asked for on several cores at once is made once: every plan that writes it
    /// holds the one copy, written and folded as a name made alone would be.
    #[test]
    fn a_name_is_made_once_a_run() {
        let names = AgencyNames::default();
        let written = ["市发展改革委 ", "市工业和信息化局", "区应急局"];
        let made: Vec<Vec<AgencyName>> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| written.iter().map(|w| names.get(w)).collect()))
                .collect();
            threads.into_iter().map(|t| t.join().unwrap()).collect()
        });
        for (i, w) in written.iter().enumerate() {
            assert_eq!(made[0][i], AgencyName::new(w));
            assert!(
                made.iter().all(|m| Arc::ptr_eq(&m[i].0, &made[0][i].0)),
                "{w}"
            );
        }
    }
}
