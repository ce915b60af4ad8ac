#!/usr/bin/env python3
"""reportlab + non-embedded CID font STSong-Light (Type0, Encoding UniGB-UCS2-H, no ToUnicode).
usage: make_reportlab.py [--headerfooter] [--twocol] OUTDIR file.txt...
  --headerfooter: header "XX省人民政府文件" + footer "— N —" on every page
  --twocol: two-column layout (reading order test)
"""
import sys, os
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
FONT, SIZE, LEAD = 'STSong-Light', 12, 18

def wrap(line, width):
    out, cur = [], ''
    for ch in line:
        if pdfmetrics.stringWidth(cur + ch, FONT, SIZE) > width:
            out.append(cur); cur = ch
        else:
            cur += ch
    out.append(cur)
    return out

def render(src, dst, headerfooter, twocol):
    W, H = A4
    margin = 72
    gap = 24
    ncol = 2 if twocol else 1
    colw = (W - 2 * margin - (ncol - 1) * gap) / ncol
    lines = []
    for raw in open(src, encoding='utf-8').read().splitlines():
        lines += wrap(raw.rstrip(), colw)
    c = canvas.Canvas(dst, pagesize=A4)
    c.setTitle(os.path.basename(src))
    page = 1
    top, bottom = H - margin, margin
    def decorate():
        if headerfooter:
            c.setFont(FONT, 10)
            c.drawCentredString(W / 2, H - 40, 'XX省人民政府文件')
            c.drawCentredString(W / 2, 30, '— %d —' % page)
    decorate()
    col, y = 0, top
    for ln in lines:
        if y < bottom:
            col += 1; y = top
            if col >= ncol:
                c.showPage(); page += 1; col = 0; decorate()
        c.setFont(FONT, SIZE)
        c.drawString(margin + col * (colw + gap), y, ln)
        y -= LEAD
    c.showPage()
    c.save()

if __name__ == '__main__':
    args = sys.argv[1:]
    hf = '--headerfooter' in args; tc = '--twocol' in args
    args = [a for a in args if not a.startswith('--')]
    out, files = args[0], args[1:]
    os.makedirs(out, exist_ok=True)
    for f in files:
        render(f, os.path.join(out, os.path.basename(f)[:-4] + '.pdf'), hf, tc)
