"""Writes a .docx of a plan's text as Word users make one, with python-docx's default template:
styles, a header, each line a paragraph whose first characters are a bold run of their own, a
table, a colleague's comment and tracked changes (an insertion and a deletion).

usage: rich_docx.py TEXT OUT.docx
"""

import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls


def main(text_path, out):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "送审稿 · 内部资料"
    lines = open(text_path, encoding="utf-8").read().split("\n")
    first = None
    for line in lines:
        paragraph = document.add_paragraph()
        if line:
            paragraph.add_run(line[:2]).bold = True
            paragraph.add_run(line[2:])
        first = first or (paragraph if line.strip() else None)
    # A colleague's earlier comment on the first line.
    document.add_comment(first.runs, text="请核对文号", author="审核人", initials="SH")
    # Tracked changes: an insertion and a deletion in a paragraph of their own.
    tracked = document.add_paragraph()
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="9001" w:author="审核人" w:date="2024-05-01T00:00:00Z">'
            "<w:r><w:t>（新增内容）</w:t></w:r></w:ins>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="9002" w:author="审核人" w:date="2024-05-01T00:00:00Z">'
            "<w:r><w:delText>（删去内容）</w:delText></w:r></w:del>"
        )
    )
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位"]):
        cell.text = text
    # A body that does not exist, in a cell: its finding is anchored in the table.
    for cell, text in zip(table.rows[1].cells, ["1", "推进设备更新", "市设备更新管理局"]):
        cell.text = text
    document.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
