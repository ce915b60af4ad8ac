//! One generated plan's text, in the shape real plans have: the issuer's 红头, the 文号, the
//! notice, the plan's title, a preamble citing the parent by title and number, targets for 2025
//! and 2027 in the phrasings of the seeds, task paragraphs and a task table naming the lead and
//! responsible bodies by their full official names.

use std::fmt::Write;

use serde::Serialize;

use super::{Node, Rng};
use crate::model::Level;

/// The campaigns, one title each; the campaign is what a plan's title says it implements.
const TOPICS: [&str; 10] = [
    "推动大规模设备更新和消费品以旧换新",
    "推进制造业数字化转型",
    "推动工业领域设备更新",
    "加快推进绿色低碳转型",
    "促进汽车和家电消费",
    "推动废旧物资循环利用",
    "推进新型工业化",
    "加快数字经济高质量发展",
    "推动二手车流通",
    "推进再生资源回收体系建设",
];

/// Sentences of the task paragraphs: no figure and no year, so they set no target.
const TASKS: [&str; 12] = [
    "聚焦重点行业和关键环节，分类推进设备更新改造，提升先进产能比重。",
    "加强政策协同，统筹用好各类资金，引导金融机构加大对企业技术改造的支持力度。",
    "完善回收网络，规范建设回收网点和分拣中心，畅通资源循环利用链条。",
    "开展以旧换新促销活动，鼓励生产企业和销售企业联合让利，激发消费潜力。",
    "推进标准提升，对标国际先进水平，加快能耗、排放、技术标准更新升级。",
    "强化要素保障，对符合条件的项目优先安排用地、用能指标。",
    "建立工作台账，逐项明确责任分工和时间节点，定期调度推进情况。",
    "加强宣传引导，及时解读政策，营造全社会共同参与的良好氛围。",
    "支持企业开展数字化改造，推广应用工业互联网平台和智能化解决方案。",
    "推动老旧设备淘汰，严格执行强制性能耗和排放标准。",
    "培育壮大回收利用龙头企业，推动产业集聚发展。",
    "加强监督检查，确保各项政策措施落地见效。",
];

/// A fault injected into a plan, and the finding that must report it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    /// 数控化率 for 2027 below the parent's.
    WeakerTarget,
    /// A lead body that does not exist (设备更新管理局).
    MisspeltAgency,
    /// 数控化率 set for 2028 only, the parent's year being 2027.
    LaterDeadline,
    /// The parent cited by its number with a wrong title.
    WrongCitedTitle,
}

impl Fault {
    pub const ALL: [Fault; 4] = [
        Fault::WeakerTarget,
        Fault::MisspeltAgency,
        Fault::LaterDeadline,
        Fault::WrongCitedTitle,
    ];

    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Fault::WeakerTarget => "weaker-target",
            Fault::MisspeltAgency => "dangling-agency",
            Fault::LaterDeadline => "inconsistent-deadline",
            Fault::WrongCitedTitle => "citation-title-mismatch",
        }
    }
}

/// The figures a plan sets for 2027; its children's are derived from them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Values {
    design: u32,
    nc: u32,
    scrap: u32,
    used: u32,
    appliance: u32,
}

/// A written plan: its text, and what its children cite and build on.
#[derive(Debug, Clone)]
pub(crate) struct Written {
    pub text: String,
    title: String,
    doc_number: String,
    issuer: String,
    /// The figures as intended, before any fault: children stay at least as strict.
    values: Values,
    /// Whether a fault was injected: a child's fault of the same kind would not show against
    /// it, so its children get none.
    pub faulty: bool,
}

/// A figure at least as strict as the parent's, a little stricter at random.
fn stricter(parent: u32, rng: &mut Rng, cap: u32) -> u32 {
    (parent + rng.below(3) as u32).min(cap)
}

fn values(parent: Option<&Written>, rng: &mut Rng) -> Values {
    let Some(parent) = parent else {
        return Values {
            design: 90,
            nc: 75,
            scrap: 100,
            used: 45,
            appliance: 30,
        };
    };
    let p = parent.values;
    Values {
        design: stricter(p.design, rng, 99),
        nc: stricter(p.nc, rng, 99),
        scrap: stricter(p.scrap, rng, 150),
        used: stricter(p.used, rng, 90),
        appliance: stricter(p.appliance, rng, 90),
    }
}

fn genre(level: Level) -> &'static str {
    match level {
        Level::National => "行动方案",
        Level::Provincial => "实施方案",
        Level::Municipal => "工作方案",
        Level::County => "行动计划",
    }
}

/// The bodies that lead tasks: development and reform, and statistics.
fn agencies(node: &Node) -> [String; 2] {
    match node.level {
        Level::National => ["国家发展改革委".into(), "国家统计局".into()],
        Level::County => [
            format!("{}发展和改革局", node.name),
            format!("{}统计局", node.name),
        ],
        _ => [
            format!("{}发展和改革委员会", node.name),
            format!("{}统计局", node.name),
        ],
    }
}

/// Writes the plan of `node` for `campaign`, numbered `number`.
pub(crate) fn write(
    node: &Node,
    parent: Option<&Written>,
    campaign: usize,
    number: usize,
    fault: Option<Fault>,
    rng: &mut Rng,
) -> Written {
    let topic = TOPICS[campaign % TOPICS.len()];
    let own_name = if node.level == Level::National {
        ""
    } else {
        node.name.as_str()
    };
    let title = format!("{own_name}{topic}{genre}", genre = genre(node.level));
    let doc_number = format!("{}〔2024〕{number}号", node.doc_prefix);
    let month = 3 + level_rank(node.level);
    let day = 1 + rng.below(28);
    let intended = values(parent, rng);
    let mut text = String::with_capacity(24 * 1024);
    let issuer = &node.issuer;
    let _ = write!(
        text,
        "{issuer}文件\n\n{doc_number}\n\n{issuer}关于印发{title}的通知\n\n各有关单位：\n\n现将《{title}》印发给你们，请认真贯彻执行。\n\n{issuer}\n\n2024年{month}月{day}日\n\n{title}\n\n"
    );
    preamble(&mut text, parent, fault);
    targets(&mut text, intended, parent.map(|p| p.values), fault);
    tasks(&mut text, rng);
    table(&mut text, node, &title, fault);
    Written {
        text,
        title,
        doc_number,
        issuer: issuer.clone(),
        values: intended,
        faulty: fault.is_some(),
    }
}

fn level_rank(level: Level) -> u64 {
    match level {
        Level::National => 0,
        Level::Provincial => 1,
        Level::Municipal => 2,
        Level::County => 3,
    }
}

fn preamble(text: &mut String, parent: Option<&Written>, fault: Option<Fault>) {
    let Some(parent) = parent else {
        text.push_str("为加快构建新发展格局、推动高质量发展，制定本方案。\n\n");
        return;
    };
    let title = if fault == Some(Fault::WrongCitedTitle) {
        parent
            .title
            .replacen("方案", "意见", 1)
            .replacen("计划", "意见", 1)
    } else {
        parent.title.clone()
    };
    let _ = write!(
        text,
        "为深入贯彻落实《{}关于印发〈{title}〉的通知》（{}）要求，结合本地实际，制定本方案。\n\n",
        parent.issuer, parent.doc_number
    );
}

fn targets(text: &mut String, own: Values, parent: Option<Values>, fault: Option<Fault>) {
    let nc = match (fault, parent) {
        (Some(Fault::WeakerTarget), Some(p)) => p.nc.saturating_sub(5),
        _ => own.nc,
    };
    let nc_year = if fault == Some(Fault::LaterDeadline) {
        2028
    } else {
        2027
    };
    text.push_str("一、工作目标\n\n");
    let _ = write!(
        text,
        "到2027年，规模以上工业企业数字化研发设计工具普及率超过{}%；报废汽车回收量较2023年增加约{}%，二手车交易量较2023年增长{}%，废旧家电回收量较2023年增长{}%。\n\n",
        own.design, own.scrap, own.used, own.appliance
    );
    let _ = write!(
        text,
        "到{nc_year}年，规模以上工业企业关键工序数控化率超过{nc}%。\n\n"
    );
}

fn tasks(text: &mut String, rng: &mut Rng) {
    text.push_str("二、重点任务\n\n");
    for n in 0..36 {
        let count = 3 + rng.below(4) as usize;
        let paragraph: String = (0..count)
            .map(|_| TASKS[rng.below(TASKS.len() as u64) as usize])
            .collect();
        let _ = write!(text, "（{}）{paragraph}\n\n", n + 1);
    }
}

fn table(text: &mut String, node: &Node, title: &str, fault: Option<Fault>) {
    let [mut lead, other] = agencies(node);
    let _ = write!(
        text,
        "附件\n\n{title}重点任务清单\n\n序号\t重点任务\t工作内容\t牵头单位\t责任单位\n"
    );
    let _ = writeln!(
        text,
        "1\t实施设备更新行动\t推进重点行业设备更新改造。\t{lead}\t{other}"
    );
    if fault == Some(Fault::MisspeltAgency) {
        lead = format!("{}设备更新管理局", node.name);
    }
    let _ = writeln!(
        text,
        "2\t实施以旧换新行动\t开展汽车、家电以旧换新。\t{lead}\t{other}"
    );
    let _ = writeln!(
        text,
        "3\t实施回收循环利用行动\t完善废旧产品回收网络。\t{other}\t{lead}"
    );
}
