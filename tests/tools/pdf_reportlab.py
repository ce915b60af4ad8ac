#!/usr/bin/env python3
"""Plain-text plans set by reportlab in the non-embedded CID font STSong-Light (Type0, encoding
UniGB-UCS2-H, no ToUnicode), as older Chinese PDFs are. Each run of lines holding tabs is set
as a ruled table (one row a line, one cell a field), the way the plan's tables were printed
before they were taken to text.

usage: pdf_reportlab.py [--headerfooter] [--twocol] OUTDIR file.txt...
  --headerfooter: the head "XX省人民政府文件" and the foot "— N —" on every page
  --twocol: two columns (the reading order test)
"""
import os
import sys
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
FONT = "STSong-Light"
BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=18, wordWrap="CJK")
CELL = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=12, wordWrap="CJK")


def table(rows, width):
    """Rows of cells as a ruled table, each column as wide as its longest cell asks."""
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    longest = [max(len(row[i].strip()) for row in rows) + 4 for i in range(columns)]
    wanted = [min(n, 60) for n in longest]
    narrowest = 28
    spare = width - narrowest * columns
    widths = [narrowest + spare * n / sum(wanted) for n in wanted]
    cells = [[Paragraph(escape(cell.strip()), CELL) for cell in row] for row in rows]
    # A row taller than what is left of the page runs on to the next, as Word's rows do.
    ruled = Table(cells, colWidths=widths, splitByRow=1, splitInRow=1)
    ruled.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return ruled


def story(text, width):
    out, rows = [], []
    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            out.append(table(rows, width))
            rows = []
        out.append(Paragraph(escape(line), BODY) if line.strip() else Spacer(1, 18))
    if rows:
        out.append(table(rows, width))
    return out


def render(src, dst, headerfooter, twocol):
    width, height = A4
    margin, gap = 72, 24
    columns = 2 if twocol else 1
    column = (width - 2 * margin - (columns - 1) * gap) / columns
    frames = [Frame(margin + i * (column + gap), margin, column, height - 2 * margin,
                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
              for i in range(columns)]

    def decorate(canvas, document):
        if headerfooter:
            canvas.setFont(FONT, 10)
            canvas.drawCentredString(width / 2, height - 40, "XX省人民政府文件")
            canvas.drawCentredString(width / 2, 30, "— %d —" % document.page)

    document = BaseDocTemplate(dst, pagesize=A4, title=os.path.basename(src))
    document.addPageTemplates([PageTemplate(frames=frames, onPage=decorate)])
    with open(src, encoding="utf-8") as source:
        document.build(story(source.read(), column))


if __name__ == "__main__":
    args = sys.argv[1:]
    hf = "--headerfooter" in args
    tc = "--twocol" in args
    args = [a for a in args if not a.startswith("--")]
    out, files = args[0], args[1:]
    os.makedirs(out, exist_ok=True)
    for f in files:
        render(f, os.path.join(out, os.path.basename(f)[:-4] + ".pdf"), hf, tc)
