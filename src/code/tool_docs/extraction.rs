//! The documentation of the codes of reading plan texts: sidecar corrections, targets read
//! with doubt, texts cut short, plans placed from their text.

use super::super::{Category, CodeDoc, Severity};

declare_tool_code! {
    /// ## What it does
    /// Reports a correction in a plan's sidecar (`.planlint.yaml`) without a `reason:`.
    ///
    /// ## 检查内容
    /// 方案旁注文件中的更正没有写理由。
    ///
    /// ## Why is this bad?
    /// A correction changes what the tool reads from the issued text; a reviewer must be able to
    /// see why.
    ///
    /// ## 为什么有问题
    /// 更正改变了工具从正式文本中读到的内容，审核者需要知道原因。
    ///
    /// ## How to fix / 修改方法
    /// Add `reason:`. 加上 `reason:`。
    static CORRECTION_WITHOUT_REASON = ("correction-without-reason", Extraction, Error, "旁注文件中的更正没有写理由", "a sidecar correction without a reason");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a sidecar correction that matches nothing the extractor reads any more.
    ///
    /// ## 检查内容
    /// 旁注文件中的更正不再匹配任何提取到的条目。
    ///
    /// ## Why is this bad?
    /// The text or the extractor changed; the correction no longer does what it says.
    ///
    /// ## 为什么有问题
    /// 文本或提取规则已变化，该更正已不起作用。
    ///
    /// ## How to fix / 修改方法
    /// Remove the correction or point it at the current text. 删除该更正，或改为匹配当前文本。
    static STALE_CORRECTION = ("stale-correction", Extraction, Warning, "旁注文件中的更正不再匹配任何条目", "a sidecar correction that matches nothing any more");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a sidecar (`X.planlint.yaml`) with no plan text `X.txt`, `X.md` or `X.docx` beside it.
    ///
    /// ## 检查内容
    /// 旁注文件旁边没有对应的方案文本。
    ///
    /// ## Why is this bad?
    /// Its corrections and suppressions apply to nothing.
    ///
    /// ## 为什么有问题
    /// 其中的更正和抑制不作用于任何方案。
    ///
    /// ## How to fix / 修改方法
    /// Rename it after its plan, or remove it. 按方案文件名改名，或删除。
    static ORPHAN_SIDECAR = ("orphan-sidecar", Extraction, Warning, "旁注文件没有对应的方案文本", "a sidecar with no plan text beside it");
}

declare_tool_code! {
    /// ## What it does
    /// Warns of a plan's text that stops mid-sentence (no closing 。, ！, ？, ；, bracket or date)
    /// where nothing was read or its last line still holds a target: a copy cut inside its
    /// targets, as mirrors of official pages often are. The plan is read as partial: its own
    /// targets are compared, but a parent's target it does not state is not judged omitted.
    ///
    /// ## 检查内容
    /// 方案文本在句中结束（末尾没有。！？；、括号或日期），且未读到任何目标或最后一行仍有目标：文本在目标部分被截断（转载网页常见）。该方案按部分收录处理：其目标照常比较，但上级目标未在文中出现的，不判为未承接。
    ///
    /// ## Why is this bad?
    /// An omission judged on a cut copy is a false finding; an omission not judged is a check
    /// not made, which the reviewer must know.
    ///
    /// ## 为什么有问题
    /// 依据截断文本判定“未承接”会误报；不作判定则少了一项检查，审核人应当知道。
    ///
    /// ## How to fix / 修改方法
    /// Give the whole text; if the text is whole, write `status: full` in its sidecar.
    /// 提供完整文本；若文本确已完整，在旁注文件中写 status: full。
    static TRUNCATED_TEXT = ("truncated-text", Extraction, Warning, "文本在目标部分中途结束，可能被截断", "a text that stops mid-sentence before its targets are complete");
}

declare_tool_code! {
    /// ## What it does
    /// Notes a sentence of a plan's text that looks like a target but could not be read with
    /// confidence, so it was left out of the comparisons. A sentence holding more than 32
    /// values (a table run into one sentence) has its first 32 read and the rest noted.
    ///
    /// ## 检查内容
    /// 方案文本中像是目标、但无法可靠读取的句子，未纳入比较。一句中超过 32 个数值的（如整张表格连成一句），
    /// 只读取前 32 个，其余在提示中说明。
    ///
    /// ## Why is this bad?
    /// A target left out is a target not checked.
    ///
    /// ## 为什么有问题
    /// 未纳入的目标不会被检查。
    ///
    /// ## How to fix / 修改方法
    /// Add the target in the plan's sidecar under `targets:` with a reason, or accept the note.
    /// 在旁注文件的 targets 中补充该目标并写明理由，或接受该提示。
    static UNCERTAIN_TARGET = ("uncertain-target", Extraction, Note, "像目标但无法可靠读取的句子，未作为目标", "a sentence that looks like a target but could not be read with confidence");
}

declare_tool_code! {
    /// ## What it does
    /// Notes where a plan that is in no jurisdiction's folder was placed, and from what: its
    /// issuer (平度市人民政府), its notice title, or its 文号 prefix.
    ///
    /// ## 检查内容
    /// 说明不在辖区文件夹中的方案被归入哪个辖区，以及依据（发文机关、通知标题或文号前缀）。
    ///
    /// ## Why is this bad?
    /// It is not: a reviewer should see which parents the plan was compared with, and why.
    ///
    /// ## 为什么有问题
    /// 这不是问题：审核者应当知道方案与哪些上级方案作了比较，以及原因。
    ///
    /// ## How to fix / 修改方法
    /// If the place is wrong, name the right one with `--jurisdiction`. 如归属有误，用 --jurisdiction 指明。
    static INFERRED_JURISDICTION = ("inferred-jurisdiction", Extraction, Note, "方案所属辖区由其发文机关、标题或文号推定", "where a plan was placed, from its issuer, title or 文号 prefix");
}
