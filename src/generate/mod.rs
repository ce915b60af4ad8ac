//! A deterministic corpus at national scale, for benchmarks and recall tests: the jurisdiction
//! tree of the bundled gazetteer (real names and codes; a `jurisdiction.yaml` in each folder),
//! and in each folder one text plan per campaign, written from the shapes of the seeds (header,
//! 文号, citation of the parent, targets in the real phrasings, a task table with lead and
//! responsible bodies). Known faults are injected into some plans and listed in `faults.json`,
//! so that a test can check every one is found and nothing else is an error.
//!
//! The same options give the same bytes: the only randomness is a seeded SplitMix64.

mod plan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::gazetteer::{BUNDLED, Division};
use crate::model::Level;

pub use plan::Fault;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many plans in all; past one campaign's worth of jurisdictions, further campaigns.
    pub plans: usize,
    pub seed: u64,
    /// One plan in this many (below national level) carries an injected fault; 0: none.
    pub fault_every: usize,
}

/// One injected fault: the file, what was changed, and the code that must report it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Injected {
    pub file: String,
    pub fault: Fault,
    pub code: &'static str,
}

/// What was written.
#[derive(Debug, Default)]
pub struct Generated {
    pub plans: usize,
    pub bytes: u64,
    pub faults: Vec<Injected>,
}

/// SplitMix64: small, fast and the same everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A jurisdiction of the generated tree.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub name: String,
    pub code: String,
    pub level: Level,
    pub parent: Option<usize>,
    /// The folder, relative to the corpus root.
    pub folder: PathBuf,
    pub doc_prefix: String,
    pub issuer: String,
}

/// The jurisdictions, parents first: the nation, provinces, prefectures, counties (functional
/// zones left out), a county under its province where the gazetteer has no prefecture between.
pub(crate) fn tree() -> Vec<Node> {
    let gazetteer = &*BUNDLED;
    let mut nodes = vec![Node {
        name: "中华人民共和国".into(),
        code: String::new(),
        level: Level::National,
        parent: None,
        folder: PathBuf::new(),
        doc_prefix: "国发".into(),
        issuer: "国务院".into(),
    }];
    let mut index_of: BTreeMap<usize, usize> = BTreeMap::new();
    for level in [Level::Provincial, Level::Municipal, Level::County] {
        for (i, division) in gazetteer.divisions.iter().enumerate() {
            if division.level != level || division.zone {
                continue;
            }
            let parent = division
                .parent
                .and_then(|p| index_of.get(&p).copied())
                .unwrap_or(0);
            if level != Level::Provincial && parent == 0 {
                continue;
            }
            index_of.insert(i, nodes.len());
            nodes.push(node(division, parent, &nodes[parent].folder));
        }
    }
    nodes
}

fn node(division: &Division, parent: usize, parent_folder: &Path) -> Node {
    let first: String = division.name.chars().next().into_iter().collect();
    let doc_prefix = division
        .doc_prefixes
        .iter()
        .find(|p| p.ends_with("政发"))
        .cloned()
        .unwrap_or_else(|| format!("{first}政发"));
    Node {
        name: division.name.clone(),
        code: division.code.clone(),
        level: division.level,
        parent: Some(parent),
        folder: parent_folder.join(&division.code),
        doc_prefix,
        issuer: format!("{}人民政府", division.name),
    }
}

/// Writes the corpus into `out`, which must not exist or be empty.
pub fn generate(options: &Options, out: &Path) -> std::io::Result<Generated> {
    if out.exists() && std::fs::read_dir(out)?.next().is_some() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} is not empty; generate into a new folder", out.display()),
        ));
    }
    let nodes = tree();
    let mut rng = Rng::new(options.seed);
    let mut generated = Generated::default();
    let per_campaign = nodes.len();
    let campaigns = options.plans.div_ceil(per_campaign).max(1);
    let mut written_folders = vec![false; nodes.len()];
    for campaign in 0..campaigns {
        let count = (options.plans - campaign * per_campaign).min(per_campaign);
        let mut plans: Vec<Option<plan::Written>> = vec![None; nodes.len()];
        for i in 0..count {
            let node = &nodes[i];
            let folder = out.join(&node.folder);
            if !written_folders[i] {
                std::fs::create_dir_all(&folder)?;
                std::fs::write(folder.join("jurisdiction.yaml"), jurisdiction_yaml(node))?;
                written_folders[i] = true;
            }
            let parent = node.parent.and_then(|p| plans[p].as_ref());
            let fault = choose_fault(options, node, parent, &mut rng);
            let number = campaign * per_campaign + i + 1;
            let written = plan::write(node, parent, campaign, number, fault, &mut rng);
            let file = node.folder.join(format!("plan-c{campaign}.txt"));
            std::fs::write(out.join(&file), &written.text)?;
            generated.plans += 1;
            generated.bytes += written.text.len() as u64;
            if let Some(fault) = fault {
                generated.faults.push(Injected {
                    file: file.to_string_lossy().replace('\\', "/"),
                    fault,
                    code: fault.code(),
                });
            }
            plans[i] = Some(written);
        }
    }
    let manifest =
        serde_json::to_string_pretty(&generated.faults).map_err(std::io::Error::other)?;
    std::fs::write(out.join("faults.json"), manifest + "\n")?;
    Ok(generated)
}

/// A fault for one plan in `fault_every`, never under a parent with a fault (against a faulty
/// parent a fault may not be one).
fn choose_fault(
    options: &Options,
    node: &Node,
    parent: Option<&plan::Written>,
    rng: &mut Rng,
) -> Option<Fault> {
    let clean_parent = parent.is_some_and(|p| !p.faulty);
    if options.fault_every == 0 || node.level == Level::National || !clean_parent {
        return None;
    }
    if rng.below(options.fault_every as u64) != 0 {
        return None;
    }
    Some(Fault::ALL[rng.below(Fault::ALL.len() as u64) as usize])
}

/// The folder's `jurisdiction.yaml`, through the serializer (names come from the gazetteer).
fn jurisdiction_yaml(node: &Node) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        name: &'a str,
        level: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        code: &'a str,
        doc_prefixes: [&'a str; 1],
        issuers: [&'a str; 1],
    }
    let level = match node.level {
        Level::National => "national",
        Level::Provincial => "provincial",
        Level::Municipal => "municipal",
        Level::County => "county",
    };
    serde_saphyr::to_string(&File {
        name: &node.name,
        level,
        code: &node.code,
        doc_prefixes: [&node.doc_prefix],
        issuers: [&node.issuer],
    })
    .unwrap_or_default()
}
