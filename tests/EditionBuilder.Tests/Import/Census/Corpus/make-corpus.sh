#!/bin/sh
# Makes the Word documents of this folder that no program of ours wrote, once; they are committed, so CI needs none of these programs.
# LibreOffice 7.4 (Debian libreoffice-writer-nogui) converts the flat ODT written by hand here.
set -eu
cd "$(dirname "$0")"
soffice --headless --convert-to docx --outdir . libreoffice-article.fodt
# Underline, small capitals, a nested list, a bookmark and a link to it from another chapter.
soffice --headless --convert-to docx --outdir . libreoffice-word-features.fodt
# An Arabic article without heading styles whose English Abstract comes before its References (plain paragraphs), from HTML.
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir . libreoffice-abstract-before-references.html
# python-docx (Debian python3-docx; PyPI's python-docx 1.2.0 writes the same parts) runs the script beside this one.
/usr/bin/python3 python-docx-article.py
