#!/usr/bin/env python3
"""A plain-text plan as an HTML page to print: its lines as paragraphs, and each run of lines
holding tabs as a ruled table, one row a line and one cell a field, the way the plan's tables
were printed before they were taken to text.
usage: page_html.py TEXT OUT.html
"""
import html
import sys


def cell(text):
    return "<td>%s</td>" % html.escape(text.strip())


def page(text):
    out, table = [], []

    def flush():
        if table:
            out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">" + "".join("<tr>%s</tr>" % "".join(cell(c) for c in row)
                                          for row in table) + "</table>")
            table.clear()

    for line in text.splitlines():
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        flush()
        out.append("<p>%s</p>" % html.escape(line) if line.strip() else "<p>&nbsp;</p>")
    flush()
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
            '@page{size:A4;margin:2cm}body{margin:0;font-family:"Noto Serif CJK SC",serif;'
            'font-size:12pt}p{margin:0;white-space:pre-wrap}'
            'table{border-collapse:collapse;width:100%}'
            'td{border:1px solid black;vertical-align:top;padding:2pt;font-size:10.5pt}'
            '</style></head><body>' + "".join(out) + "</body></html>")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as source:
        body = page(source.read())
    with open(sys.argv[2], "w", encoding="utf-8") as target:
        target.write(body)
