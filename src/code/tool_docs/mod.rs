//! The documentation of planlint's own codes, declared like a lint's: what it reports, why it
//! matters, how to fix it, in both languages.

use super::{Category, CodeDoc, Severity};

/// Declares a tool code's documentation: its doc comment, like a lint's.
macro_rules! declare_tool_code {
    (
        $(#[doc = $doc:literal])*
        static $name:ident = ($code:literal, $category:ident, $severity:ident, $zh:literal, $en:literal);
    ) => {
        pub(in crate::code) static $name: CodeDoc = CodeDoc {
            code: $code,
            category: Category::$category,
            default_severity: Severity::$severity,
            summary: ($zh, $en),
            docs: concat!($($doc, "\n"),*),
            declared_at: file!(),
            fix: false,
            aliases: &[],
            nursery: false,
        };
    };
}

// The codes of reading plan texts, declared with the macro above.
mod extraction;

pub(super) use extraction::*;

declare_tool_code! {
    /// ## What it does
    /// Reports a plan, jurisdiction or rule-data file that is not valid YAML, has a key the
    /// format does not know, or a value of the wrong type, at the place the parser stopped.
    ///
    /// ## 检查内容
    /// 方案、辖区或规则数据文件不是合法的 YAML，含有格式中没有的键，或值的类型不对；指出解析器停下的位置。
    ///
    /// ## Why is this bad?
    /// A file that cannot be read is not checked at all; its findings would be silently lost.
    ///
    /// ## 为什么有问题
    /// 无法读取的文件完全不会被检查，其中的问题会被悄悄漏掉。
    ///
    /// ## How to fix / 修改方法
    /// Correct the file at the place shown (see plans/README.md for the format). 按提示位置改正文件。
    static INVALID_YAML = ("invalid-yaml", Input, Error, "YAML 语法错误、未知键或类型错误", "YAML syntax error, unknown key or wrong type");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a date, comparator, year, value or document number in a plan file that does not
    /// parse, and an `allow:` entry that names no code.
    ///
    /// ## 检查内容
    /// 方案文件中无法解析的日期、比较词、年份、数值或文号，以及 allow 条目中不存在的规则代码。
    ///
    /// ## Why is this bad?
    /// The target or entry is left out of every comparison, so a real problem could hide behind it.
    ///
    /// ## 为什么有问题
    /// 该目标或条目不参与任何比较，真实的问题可能因此被掩盖。
    ///
    /// ## How to fix / 修改方法
    /// Write the value in one of the forms the message lists. 按提示中列出的写法改写该值。
    static INVALID_VALUE = ("invalid-value", Input, Error, "无法读取的日期、比较词或数值", "a date, comparator or value that does not parse");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a YAML file that is not UTF-8 (GBK, GB18030, UTF-16).
    ///
    /// ## 检查内容
    /// YAML 文件不是 UTF-8 编码（GBK、GB18030、UTF-16）。
    ///
    /// ## Why is this bad?
    /// Guessing an encoding can silently change the text of a target or an agency name.
    ///
    /// ## 为什么有问题
    /// 猜测编码可能悄悄改变目标或机构名称的文字。
    ///
    /// ## How to fix / 修改方法
    /// Save the file as UTF-8 (`iconv -f GB18030 -t UTF-8`). 将文件另存为 UTF-8 编码。
    static INVALID_ENCODING = ("invalid-encoding", Input, Error, "YAML 文件不是 UTF-8 编码", "a YAML file that is not UTF-8");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a file over 8 MiB, which is not read.
    ///
    /// ## 检查内容
    /// 文件超过 8 MiB，未读取。
    ///
    /// ## Why is this bad?
    /// The largest real plan is well under 1 MiB; a file of tens of megabytes is a mistake (a
    /// binary, a dump) that should not stall a run.
    ///
    /// ## 为什么有问题
    /// 真实方案远小于 1 MiB；数十兆的文件多为误放的二进制或导出文件，不应拖慢检查。
    ///
    /// ## How to fix / 修改方法
    /// Remove the file from the corpus, or exclude it in planlint.yaml. 将其移出语料库，或在 planlint.yaml 中排除。
    static FILE_TOO_LARGE = ("file-too-large", Input, Error, "文件超过 8 MiB，未读取", "a file over 8 MiB, not read");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a file or folder that cannot be read (permissions, a broken link).
    ///
    /// ## 检查内容
    /// 文件或文件夹无法读取（权限、失效的链接）。
    ///
    /// ## Why is this bad?
    /// What cannot be read is not checked.
    ///
    /// ## 为什么有问题
    /// 无法读取的内容不会被检查。
    ///
    /// ## How to fix / 修改方法
    /// Fix the permissions or the link. 修正权限或链接。
    static IO_ERROR = ("io-error", Input, Error, "文件无法读取", "a file that cannot be read");
}

declare_tool_code! {
    /// ## What it does
    /// Warns of text in a .docx that Word holds but a reader does not see, when it holds a
    /// figure: hidden text (`w:vanish`: not shown, not printed), which is left out of the
    /// check as Word leaves it off the page, and white or 1-point text, which is on the page
    /// unseen and is checked as it stands. planlint reads a .docx as Word renders it: the main
    /// part the package's relationships name, `w:sym` characters, CDATA, the Fallback of
    /// `mc:AlternateContent`, and no element of a namespace marked ignorable.
    ///
    /// ## 检查内容
    /// .docx 中 Word 保存、但读者看不到且含有数字的文字：隐藏文字（w:vanish，不显示、不打印）不纳入检查，与 Word 页面一致；白色或 1 磅及以下的文字在页面上看不见，按原样纳入检查。planlint 按 Word 的呈现方式读取 .docx：以包关系指明的正文部分为准，读取 w:sym 字符和 CDATA，对 mc:AlternateContent 取 Fallback，跳过标记为可忽略命名空间的元素。
    ///
    /// ## Why is this bad?
    /// A figure the reviewer cannot see can make the text checked differ from the text read:
    /// a decoy target in white, or a weaker one hidden from the printout.
    ///
    /// ## 为什么有问题
    /// 看不见的数字会使被检查的文本与读者看到的文本不一致：例如用白色文字放置“诱饵”目标，或把较弱的目标隐藏起来。
    ///
    /// ## How to fix / 修改方法
    /// Delete the text, or make it ordinary visible text. 删除这段文字，或将其改为正常显示的文字。
    static HIDDEN_TEXT = ("hidden-text", Input, Warning, "Word 文档中看不见的含数字文字", "text in a Word document that holds figures no reader sees");
}

declare_tool_code! {
    /// ## What it does
    /// Notes a .txt, .md or .docx in a corpus folder in which nothing of a plan was read: no
    /// title, issuer, 文号 or target (a `notes.md`, a README, a memo). It is skipped, not checked
    /// as a plan; a draft named for review with `--corpus` is always checked.
    ///
    /// ## 检查内容
    /// 语料文件夹中的 .txt、.md 或 .docx 文件，未读到方案的任何要素（标题、发文机关、文号或目标），如说明文档、备忘录。此类文件略过，不作为方案检查；用 --corpus 送审的草案总会被检查。
    ///
    /// ## Why is this bad?
    /// A note beside the plans is not a plan; checked as one it would be an error nothing can
    /// place. Skipped silently, a real plan whose text could not be read would go unnoticed.
    ///
    /// ## 为什么有问题
    /// 方案旁的说明文件不是方案，若按方案检查，会报出无法归属地区的错误；若默默略过，读不出内容的真方案也会被忽略。
    ///
    /// ## How to fix / 修改方法
    /// Nothing, for a note. For a plan, give its whole text (the title and 文号 included) or a
    /// sidecar. 说明文件无需处理；若确是方案，请提供含标题、文号的完整文本或旁注文件。
    static NOT_A_PLAN = ("not-a-plan", Input, Note, "语料库中没有方案要素的文本文件", "a text file in the corpus with nothing of a plan");
}

declare_tool_code! {
    /// ## What it does
    /// Reports what a corpus folder holds but planlint does not read: a symbolic link (to a
    /// plan, a sidecar or a folder), which is not followed so that a corpus cannot reach files
    /// outside itself; and a pipe, socket or device with a plan's name, which could hang the run.
    ///
    /// ## 检查内容
    /// 语料文件夹中存在但不读取的内容：符号链接（指向方案、旁注文件或文件夹）不跟随，以免语料库读到库外文件；以方案文件命名的管道、套接字或设备不读取，以免运行挂起。
    ///
    /// ## Why is this bad?
    /// What is not read is not checked; a run that left plans out must say so.
    ///
    /// ## 为什么有问题
    /// 未读取的内容不会被检查；略过了方案的运行必须说明。
    ///
    /// ## How to fix / 修改方法
    /// Put the file itself in the corpus instead of a link to it. 将文件本身（而非链接）放入语料库。
    static SKIPPED_FILE = ("skipped-file", Input, Warning, "语料库中未读取的链接或特殊文件", "a link or special file in the corpus that is not read");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a plan that cannot be placed in a jurisdiction: its folder has no
    /// `jurisdiction.yaml`, or it names a jurisdiction the corpus does not know, or (for a draft)
    /// neither its folder, its issuer nor its document number says where it is from.
    ///
    /// ## 检查内容
    /// 方案无法归入任何辖区：所在文件夹没有 jurisdiction.yaml，或写明的辖区不存在，或（送审稿）文件夹、发文机关和文号都无法说明其所属辖区。
    ///
    /// ## Why is this bad?
    /// A plan without a jurisdiction has no parent to be compared with, so it would pass unchecked.
    ///
    /// ## 为什么有问题
    /// 没有辖区的方案无从与上级比较，会未经检查而“通过”。
    ///
    /// ## How to fix / 修改方法
    /// Put the plan in its jurisdiction's folder, or give `--jurisdiction NAME`. 将方案放入所属辖区的文件夹，或用 --jurisdiction 指定。
    static UNKNOWN_JURISDICTION = ("unknown-jurisdiction", Input, Error, "方案无法归入任何辖区", "a plan that belongs to no known jurisdiction");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a run that found no plan file in the paths given.
    ///
    /// ## 检查内容
    /// 所给路径中没有任何方案文件。
    ///
    /// ## Why is this bad?
    /// An empty run would report no problems, which is not the same as a corpus without problems.
    ///
    /// ## 为什么有问题
    /// 空的检查不会报告任何问题，但这并不等于语料库没有问题。
    ///
    /// ## How to fix / 修改方法
    /// Check the paths, or `include:` in planlint.yaml. 检查路径或 planlint.yaml 的 include。
    static EMPTY_CORPUS = ("empty-corpus", Input, Error, "没有方案文件", "no plan files");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a plan given as text that cannot be read: random bytes, truncated UTF-8, an empty
    /// file, a .docx that is not a zip, has no `word/document.xml`, or inflates past 64 MiB.
    ///
    /// ## 检查内容
    /// 以文本提供的方案无法读取：乱码、被截断的 UTF-8、空文件、不是 zip 的 .docx、缺少 word/document.xml 或解压后超过 64 MiB。
    ///
    /// ## Why is this bad?
    /// The plan is not checked at all.
    ///
    /// ## 为什么有问题
    /// 该方案完全没有被检查。
    ///
    /// ## How to fix / 修改方法
    /// Export the plan again from its source (Word: Save As .docx; PDF: copy the text as UTF-8).
    /// 从原始文件重新导出方案。
    static UNREADABLE_PLAN = ("unreadable-plan", Input, Error, "方案文本无法读取（编码、截断、空文件、损坏的 .docx）", "a plan text that cannot be read (encoding, truncation, empty, broken .docx)");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a mistake in planlint.yaml (syntax, an unknown lint or group, a bad pattern) or
    /// in the command line's `--allow`, `--warn` and `--deny`. Of a file's unknown lints and
    /// groups, the first 50 are reported one by one and one more finding counts the rest.
    ///
    /// ## 检查内容
    /// planlint.yaml 有误（语法、未知的规则或规则组、错误的路径模式），或命令行 --allow/--warn/--deny 有误。
    /// 一个文件中未知的规则和规则组逐一列出前 50 个，其余合并为一条计数。
    ///
    /// ## Why is this bad?
    /// A configuration that is silently half-applied checks something other than what its
    /// authors meant; the run stops instead.
    ///
    /// ## 为什么有问题
    /// 只被部分采用的配置会让检查偏离作者本意，因此直接停止运行。
    ///
    /// ## How to fix / 修改方法
    /// Correct the entry shown; `planlint config` prints the effective configuration.
    /// 按提示改正；`planlint config` 可打印生效的配置。
    static INVALID_CONFIG = ("invalid-config", Input, Error, "planlint.yaml 或命令行配置有误", "a mistake in planlint.yaml or the command line's levels");
}

declare_tool_code! {
    /// ## What it does
    /// Reports an `allow:` entry without a `reason:`.
    ///
    /// ## 检查内容
    /// allow 条目没有写理由。
    ///
    /// ## Why is this bad?
    /// An accepted finding is a decision reviewers must be able to check.
    ///
    /// ## 为什么有问题
    /// 接受某个问题是一项决定，审核者需要能够核对其理由。
    ///
    /// ## How to fix / 修改方法
    /// Add `reason:`. 加上 `reason:`。
    static SUPPRESSION_WITHOUT_REASON = ("suppression-without-reason", Suppressions, Error, "allow 条目没有写理由", "an allow entry without a reason");
}

declare_tool_code! {
    /// ## What it does
    /// Reports an `allow:` entry that no longer suppresses any finding of a code that ran.
    ///
    /// ## 检查内容
    /// allow 条目不再抑制任何问题。
    ///
    /// ## Why is this bad?
    /// Exceptions that outlive their cause hide the next real finding of the same kind.
    ///
    /// ## 为什么有问题
    /// 过期的例外会掩盖之后出现的同类真实问题。
    ///
    /// ## How to fix / 修改方法
    /// Remove the entry. 删除该条目。
    static UNUSED_SUPPRESSION = ("unused-suppression", Suppressions, Warning, "allow 条目不再抑制任何问题", "an allow entry that suppresses nothing any more");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a plan whose jurisdiction is named ambiguously: several places share the name
    /// (鼓楼区 is a district of five cities) and nothing else in the plan tells them apart.
    ///
    /// ## 检查内容
    /// 方案所属辖区名称有歧义：多个地方同名（如五个城市都有鼓楼区），且方案中没有其他信息可以区分。
    ///
    /// ## Why is this bad?
    /// Guessing would compare the plan with another place's parents.
    ///
    /// ## 为什么有问题
    /// 随意选择会把方案与别处的上级方案比较。
    ///
    /// ## How to fix / 修改方法
    /// Name it by path or code: `--jurisdiction 福建省/福州市/鼓楼区` or `--jurisdiction 350102`.
    /// 用路径或区划代码指明辖区。
    static AMBIGUOUS_JURISDICTION = ("ambiguous-jurisdiction", Input, Error, "辖区名称有歧义，多个地方同名", "a jurisdiction name that several places share");
}

declare_tool_code! {
    /// ## What it does
    /// Reports a plan placed by `--jurisdiction`, a `jurisdiction:` entry or its folder in one
    /// jurisdiction while its own text (issuer, notice title, 文号 prefix) names another. The
    /// plan is checked as the flag or entry says; the finding names both.
    ///
    /// ## 检查内容
    /// 方案按 --jurisdiction、`jurisdiction:` 或所在文件夹归入某辖区，而其文本（发文机关、通知标题、文号前缀）指向另一辖区。方案按指定的辖区检查，本问题同时列出两者。
    ///
    /// ## Why is this bad?
    /// A plan checked as another jurisdiction's is compared with the wrong parents and the wrong
    /// registry of bodies: its findings, and its silences, are about a plan it is not.
    ///
    /// ## 为什么有问题
    /// 归错辖区的方案会与错误的上级方案、错误的机构名录比较，其问题（和未报告的问题）都不可信。
    ///
    /// ## How to fix / 修改方法
    /// Give the jurisdiction the text names, or correct the text. 改用文本所指的辖区，或改正文本。
    static JURISDICTION_CONTRADICTS_TEXT = ("jurisdiction-contradicts-text", Input, Error, "指定的辖区与方案文本所指不一致", "the jurisdiction given contradicts the plan's text");
}
