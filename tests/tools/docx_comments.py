"""Reads a .docx with python-docx, as a reviewer's tools would, and prints its comments as JSON.

For each comment: its id, author and text (paragraphs joined by a line break), the text of the
document between its commentRangeStart and commentRangeEnd (the characters it is anchored on,
paragraphs joined by a line break, cells of a table row by a tab), and whether it starts in a
table cell. Also how many tracked changes and tables the document holds, and its headers.
"""

import json
import sys

import docx
from docx.oxml.ns import qn


def main(path):
    document = docx.Document(path)
    anchored = {}
    in_table = {}
    open_ids = []
    for element in document.element.body.iter():
        tag = element.tag
        if tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
            anchored[open_ids[-1]] = ""
            in_table[open_ids[-1]] = any(a.tag == qn("w:tc") for a in element.iterancestors())
        elif tag == qn("w:commentRangeEnd"):
            cid = element.get(qn("w:id"))
            if cid in open_ids:
                open_ids.remove(cid)
        elif tag in (qn("w:p"), qn("w:tc")):
            for cid in open_ids:
                if anchored[cid]:
                    anchored[cid] += "\n" if tag == qn("w:p") else "\t"
        elif tag == qn("w:t"):
            for cid in open_ids:
                anchored[cid] += element.text or ""
        elif tag == qn("w:tab"):
            for cid in open_ids:
                anchored[cid] += "\t"
    comments = [
        {
            "id": str(comment.comment_id),
            "author": comment.author,
            "text": "\n".join(p.text for p in comment.paragraphs),
            "anchored": anchored.get(str(comment.comment_id)),
            "in_table": in_table.get(str(comment.comment_id), False),
        }
        for comment in document.comments
    ]
    body = document.element.body
    print(
        json.dumps(
            {
                "comments": comments,
                "tracked_changes": len(body.findall(".//" + qn("w:ins")))
                + len(body.findall(".//" + qn("w:del"))),
                "tables": len(document.tables),
                "headers": [s.header.paragraphs[0].text for s in document.sections if s.header.paragraphs],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
