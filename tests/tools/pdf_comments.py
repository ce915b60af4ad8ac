"""Prints the comments of a PDF (its pages' text annotations, as LibreOffice exports Word
comments) as JSON: for each, the page number (from 1) and the text."""

import json
import sys

from pypdf import PdfReader


def main(path):
    found = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Text":
                found.append({"page": number, "text": str(annotation.get("/Contents", ""))})
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
